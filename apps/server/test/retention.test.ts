import { PassThrough } from 'node:stream';
import {
  ApiErrorSchema,
  ConsultationCreatedSchema,
  StaffCaseSchema,
  VictimCaseSchema,
  VictimErasedSchema,
} from '@mimamoru/contracts';
import { todayInTokyo, triage, type TriageAnswers } from '@mimamoru/core';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { tableColumns } from '../src/db/table-columns.js';
import {
  createScheduler,
  DAY_MS,
  JAPAN_MIDNIGHT_OFFSET_MS,
  type ScheduledTask,
} from '../src/jobs/scheduler.js';
import { planCaseErasure } from '../src/modules/retention/case-erasure.js';
import { listEncryptedColumns } from '../src/security/encrypted-columns.js';
import { databases, useTestApp, type TestApp } from './harness.js';
import { consultation, json, login, multipart, pngWithText } from './intake-fixtures.js';
import { manualClock, signIn, type ManualClock, type SignedIn } from './staff-fixtures.js';

const YEAR_MS = 365 * DAY_MS;

async function submit(t: TestApp, marker: string, files: { name: string; bytes: Buffer }[] = [], extra = {}) {
  const body = await multipart(
    { consultation: JSON.stringify(consultation(marker, extra)) },
    files.map((f) => ({ ...f, type: 'image/png' })),
  );
  const res = await t.app.inject({ method: 'POST', url: '/api/consultations', ...body });
  expect(res.statusCode, res.body).toBe(201);
  const created = ConsultationCreatedSchema.parse(res.json());
  const row = await t.container.database.db
    .selectFrom('cases')
    .select('id')
    .where('case_number', '=', created.caseNumber)
    .executeTakeFirstOrThrow();
  return { ...created, id: row.id };
}

function staffPost(app: FastifyInstance, url: string, who: SignedIn, payload: object) {
  return app.inject({ method: 'POST', url, payload, headers: { ...who.headers, ...json } });
}

async function staffView(app: FastifyInstance, id: string, who: SignedIn) {
  const res = await app.inject({ method: 'GET', url: `/api/staff/cases/${id}`, headers: who.headers });
  expect(res.statusCode, res.body).toBe(200);
  return StaffCaseSchema.parse(res.json());
}

async function moveStage(app: FastifyInstance, id: string, who: SignedIn, to: string) {
  const { version } = await staffView(app, id, who);
  const res = await staffPost(app, `/api/staff/cases/${id}/stage`, who, { to, version });
  expect(res.statusCode, res.body).toBe(200);
}

function victimWrite(
  app: FastifyInstance,
  url: string,
  session: { cookie: string; csrf: string },
  payload = {},
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { ...json, cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload,
  });
}

/** Moves a manual clock to an absolute instant (forward only). */
function moveTo(clock: ManualClock, iso: string | Date) {
  const target = new Date(iso).getTime();
  expect(target).toBeGreaterThanOrEqual(clock.now().getTime());
  clock.advance(target - clock.now().getTime());
}

/**
 * Everything the database holds as text: every row of every table, and every registered sealed cell
 * opened with the keyring. Erased data must be in neither (ciphertext alone would prove nothing).
 */
async function everythingStored(t: TestApp): Promise<string> {
  const { db, dialect } = t.container.database;
  const tables =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    parts.push(JSON.stringify(rows.rows));
  }
  for (const registration of listEncryptedColumns()) {
    if ((await tableColumns(t.container.database, registration.table)).length === 0) continue;
    const selected = [
      ...new Set([
        registration.idColumn,
        ...(registration.contextColumns ?? []),
        ...registration.columns.map((c) => c.column),
      ]),
    ];
    const rows = await sql<Record<string, unknown>>`select ${sql.join(selected.map((c) => sql.ref(c)))}
      from ${sql.table(registration.table)}`.execute(db);
    for (const row of rows.rows) {
      for (const { column, context } of registration.columns) {
        const value = row[column];
        if (typeof value === 'string' && value !== '')
          parts.push(t.container.keyring.openText(value, context(row)));
      }
    }
  }
  return parts.join('\n');
}

describe.each(databases)('retention on %s', (kind) => {
  const clock = manualClock('2020-03-10T03:00:00.000Z');
  const ctx = useTestApp(kind, { clock: clock.now });

  it('erases a case closed 5 years and a day ago — files, parties, posts, sessions — and nothing else', async () => {
    const t = ctx();
    const { app, container } = t;
    const { db } = container.database;
    const staff = await signIn(t, clock, 'admin');
    const own = pngWithText('RTOWNFILE');
    const shared = pngWithText('RTSHAREDFILE');

    const old = await submit(t, 'RTOLD', [
      { name: 'RTOLDFILENAME.png', bytes: own },
      { name: 'shared.png', bytes: shared },
    ]);
    const open = await submit(t, 'RTOPEN', [{ name: 'shared.png', bytes: shared }]);
    const victim = await login(app, old.caseNumber, old.accessKey);
    expect(
      (await victimWrite(app, '/api/victim/messages', victim, { body: 'RTOLDMESSAGE' })).statusCode,
    ).toBe(201);
    for (const [url, payload] of [
      ['notes', { body: 'RTOLDNOTE' }],
      ['replies', { body: 'RTOLDREPLY' }],
      ['parties', { role: 'adverse', kind: 'handle', value: '@RTOLDHANDLE' }],
      ['targets', { url: 'https://x.com/RTOLDTARGET/status/1', platform: 'x' }],
    ] as const) {
      const res = await staffPost(app, `/api/staff/cases/${old.id}/${url}`, staff, payload);
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    }
    await container.worker.runOnce();
    const before = await staffView(app, old.id, staff);
    const ownSha = before.attachments.find((a) => a.filename === 'RTOLDFILENAME.png')?.sha256 ?? '';
    const sharedSha = before.attachments.find((a) => a.filename === 'shared.png')?.sha256 ?? '';
    expect(await container.blobStore.has(ownSha)).toBe(true);

    await moveStage(app, old.id, staff, 'closed');
    const closedAt = clock.now().toISOString();
    const closedRow = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', old.id)
      .executeTakeFirstOrThrow();
    expect(closedRow.closed_at).toBe(closedAt);

    clock.advance(2 * DAY_MS);
    const staffLater = await signIn(t, clock, 'admin');
    const recent = await submit(t, 'RTRECENT');
    await moveStage(app, recent.id, staffLater, 'closed');
    // Reopening clears the closing time; closing again sets it anew.
    await moveStage(app, recent.id, staffLater, 'in-progress');
    expect(
      (await db.selectFrom('cases').select('closed_at').where('id', '=', recent.id).executeTakeFirstOrThrow())
        .closed_at,
    ).toBeNull();
    await moveStage(app, recent.id, staffLater, 'closed');
    const recentClosedAt = clock.now().toISOString();

    // The check below can fail: before erasure the victim's data is readable in the database.
    const stored = await everythingStored(t);
    for (const marker of [
      'RTOLDNAME',
      'RTOLDMESSAGE',
      'RTOLDNOTE',
      'RTOLDHANDLE',
      'RTOLDTARGET',
      'rtoldmail',
    ])
      expect(stored, marker).toContain(marker);

    // 5 years and 1 day after the first closing; the second closed 5 years less 1 day ago.
    const now = new Date(Date.parse(closedAt));
    now.setUTCFullYear(now.getUTCFullYear() + 5);
    moveTo(clock, new Date(now.getTime() + DAY_MS));
    const recentAge = clock.now().getTime() - Date.parse(recentClosedAt);
    expect(recentAge).toBeLessThan(5 * YEAR_MS + 2 * DAY_MS);

    const results = await container.scheduler.runDue();
    const retention = results.find((r) => r.task === 'retention.erase-expired');
    expect(retention).toMatchObject({ status: 'done', outcome: { due: 1, erased: 1, blobsDeleted: 1 } });

    const row = await db.selectFrom('cases').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      erased_at: clock.now().toISOString(),
      erasure_reason: 'retention',
      stage: 'closed',
      status: 'closed',
      closed_at: closedAt,
      access_key_hash: null,
      email_hash: null,
      platforms: JSON.stringify(['x', '5ch']),
      goals: JSON.stringify(['delete', 'identify']),
    });
    for (const [column, value] of Object.entries(row)) {
      if (column.endsWith('_sealed') || column.endsWith('_hash')) expect(value, column).toBeNull();
    }
    for (const table of [
      'case_messages',
      'case_notes',
      'case_attachments',
      'victim_sessions',
      'access_key_resets',
      'case_parties',
    ] as const) {
      const left = await db.selectFrom(table).select('id').where('case_id', '=', old.id).execute();
      expect(left, table).toEqual([]);
    }
    const targets = await db
      .selectFrom('case_post_targets')
      .selectAll()
      .where('case_id', '=', old.id)
      .execute();
    // Tracked posts (the intake's and the one added) keep their platform and states, not their address.
    expect(targets.length).toBeGreaterThan(1);
    for (const target of targets) expect(target).toMatchObject({ url_sealed: null, url_hash: null });
    expect(targets.map((target) => target.platform)).toContain('x');

    // The file only this case held is gone from disk; the one another case also holds stays.
    expect(await container.blobStore.has(ownSha)).toBe(false);
    expect(await container.blobStore.has(sharedSha)).toBe(true);

    // Nothing of the victim is left, even with the keys.
    const after = await everythingStored(t);
    for (const marker of ['RTOLD', 'rtold']) expect(after, marker).not.toContain(marker);
    expect(after).toContain('RTRECENTNARRATIVE');
    expect(after).toContain('RTOPENNARRATIVE');

    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cases.erased')
      .where('target_id', '=', old.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_type: 'system',
      actor_id: null,
      target_type: 'case',
      ip_hash: null,
    });
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ reason: 'retention', withdrawn: false });

    // The victim's key no longer opens anything.
    expect((await login(app, old.caseNumber, old.accessKey)).res.statusCode).toBe(401);

    // Staff see the erasure; the case is read-only.
    const later = await signIn(t, clock, 'admin');
    const view = await staffView(app, old.id, later);
    expect(view).toMatchObject({
      stage: 'closed',
      nextStages: [],
      erasure: { erasedAt: row.erased_at, reason: 'retention' },
      intake: { narrative: '', postUrls: [], platforms: ['x', '5ch'] },
      messages: [],
      notes: [],
      attachments: [],
    });
    expect(view.intake.name).toBeUndefined();
    const change = await staffPost(app, `/api/staff/cases/${old.id}/stage`, later, {
      to: 'in-progress',
      version: view.version,
    });
    expect(change.statusCode).toBe(409);
    expect(ApiErrorSchema.parse(change.json()).error.code).toBe('cases.erased');
    const reply = await staffPost(app, `/api/staff/cases/${old.id}/replies`, later, { body: 'hello' });
    expect(reply.statusCode).toBe(409);

    // The case closed 5 years less a day ago and the open one (older still) are untouched.
    for (const id of [recent.id, open.id]) {
      const kept = await staffView(app, id, later);
      expect(kept.erasure).toBeUndefined();
      expect(kept.intake.narrative).toMatch(/NARRATIVE/);
    }
    const openSession = await login(app, open.caseNumber, open.accessKey);
    const openView = VictimCaseSchema.parse(
      (
        await app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie: openSession.cookie } })
      ).json(),
    );
    const download = await app.inject({
      method: 'GET',
      url: `/api/victim/attachments/${openView.attachments[0]?.id}`,
      headers: { cookie: openSession.cookie },
    });
    expect(download.rawPayload.equals(shared)).toBe(true);

    // Idempotent: the same period does not run again, and a run by hand finds nothing more to do.
    const again = await container.scheduler.runDue();
    expect(again.find((r) => r.task === 'retention.erase-expired')?.status).toBe('skipped');
    expect(await container.services.retention.run()).toMatchObject({ due: 0, erased: 0 });
    const lines = await db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'cases.erased')
      .where('target_id', '=', old.id)
      .execute();
    expect(lines).toHaveLength(1);

    // Two days on, the second case's 5 years have passed too.
    clock.advance(2 * DAY_MS);
    expect(await container.services.retention.run({ dryRun: true })).toMatchObject({ due: 1, erased: 0 });
    expect(await container.services.retention.run()).toMatchObject({ due: 1, erased: 1 });
    const open2 = await db
      .selectFrom('cases')
      .select('erased_at')
      .where('id', '=', open.id)
      .executeTakeFirstOrThrow();
    expect(open2.erased_at).toBeNull();
  });

  it('covers every table linked to a case: none is left unclassified', async () => {
    const plan = await planCaseErasure(ctx().container.database);
    const action = Object.fromEntries(plan.tables.map((t) => [t.table, t.action]));
    expect(action).toMatchObject({
      case_messages: 'delete',
      case_notes: 'delete',
      case_attachments: 'delete',
      victim_sessions: 'delete',
      access_key_resets: 'delete',
      case_tasks: 'keep',
      case_events: 'keep',
      sla_pauses: 'keep',
    });
    expect(plan.tables.filter((t) => t.why.startsWith('not classified')).map((t) => t.table)).toEqual([]);
    expect(plan.caseColumns).toEqual(
      expect.arrayContaining([
        'name_sealed',
        'narrative_sealed',
        'email_sealed',
        'triage_sealed',
        'email_hash',
      ]),
    );
    // Every sealed column of a case-linked table is erased (nulled or deleted with its row).
    for (const table of plan.tables) {
      const sealed = (await tableColumns(ctx().container.database, table.table))
        .map((c) => c.name)
        .filter((name) => name.endsWith('_sealed'));
      if (table.action === 'keep') expect(sealed, table.table).toEqual([]);
      for (const column of sealed) expect(table.columns, `${table.table}.${column}`).toContain(column);
    }
  });
});

describe.each(databases)('the victim erasure request and victim audit lines on %s', (kind) => {
  const clock = manualClock('2026-12-01T03:00:00.000Z');
  const ctx = useTestApp(kind, { clock: clock.now });

  async function auditOf(caseId: string) {
    return ctx()
      .container.database.db.selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', caseId)
      .orderBy('id')
      .execute();
  }

  it('writes a line for each victim action: actor victim, the case as target, no personal data or IP', async () => {
    const { app } = ctx();
    const created = await submit(ctx(), 'VAUDIT');
    const session = await login(app, created.caseNumber, created.accessKey);
    expect(
      (await victimWrite(app, '/api/victim/messages', session, { body: 'VAUDITMESSAGE' })).statusCode,
    ).toBe(201);
    const upload = await multipart({}, [
      { name: 'VAUDITFILE.png', type: 'image/png', bytes: pngWithText('x') },
    ]);
    const added = await app.inject({
      method: 'POST',
      url: '/api/victim/attachments',
      headers: { ...upload.headers, cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: upload.payload,
    });
    expect(added.statusCode).toBe(201);
    const rotated = await victimWrite(app, '/api/victim/access-key/rotate', session);
    expect(rotated.statusCode).toBe(200);
    expect((await victimWrite(app, '/api/victim/logout', session)).statusCode).toBe(204);

    const lines = (await auditOf(created.id)).filter((l) => l.actor_type === 'victim');
    expect(lines.map((l) => l.action)).toEqual([
      'victim.signed_in',
      'victim.message_posted',
      'victim.attachments_added',
      'victim.access_key_rotated',
      'victim.signed_out',
    ]);
    for (const line of lines) {
      expect(line).toMatchObject({ actor_id: null, target_type: 'case', ip_hash: null });
      expect(JSON.stringify(line)).not.toMatch(/VAUDIT|vaudit/);
    }
    expect(JSON.parse(lines[2]?.detail ?? '{}')).toEqual({ count: 1 });
  });

  it('erases a closed case at the victim’s request at once, keeping its stage; staff see it', async () => {
    const t = ctx();
    const { app, container } = t;
    const staff = await signIn(t, clock, 'admin');
    const created = await submit(t, 'VERASE', [
      { name: 'VERASEFILE.png', bytes: pngWithText('VERASEBYTES') },
    ]);
    await moveStage(app, created.id, staff, 'closed');
    const session = await login(app, created.caseNumber, created.accessKey);
    const sha = VictimCaseSchema.parse(
      (
        await app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie: session.cookie } })
      ).json(),
    ).attachments[0]?.sha256;

    const withdraw = await victimWrite(app, '/api/victim/withdraw', session, { confirm: true });
    expect(withdraw.statusCode).toBe(409);
    expect(ApiErrorSchema.parse(withdraw.json()).error.code).toBe('victim.case_finished');
    const unconfirmed = await victimWrite(app, '/api/victim/erasure', session, { confirm: false });
    expect(unconfirmed.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(unconfirmed.json()).error.issues?.[0]?.code).toBe('erasure-confirm-required');

    const res = await victimWrite(app, '/api/victim/erasure', session, { confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(VictimErasedSchema.parse(res.json())).toEqual({
      caseNumber: created.caseNumber,
      status: 'closed',
      erasedAt: clock.now().toISOString(),
    });
    expect(
      (await app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await login(app, created.caseNumber, created.accessKey)).res.statusCode).toBe(401);
    expect(await container.blobStore.has(sha ?? '')).toBe(false);
    expect(await everythingStored(t)).not.toMatch(/VERASE|verase/);

    const view = await staffView(app, created.id, staff);
    expect(view).toMatchObject({ stage: 'closed', erasure: { reason: 'victim-request' }, messages: [] });
    const lines = await auditOf(created.id);
    const requested = lines.find((l) => l.action === 'victim.erasure_requested');
    const erased = lines.find((l) => l.action === 'cases.erased');
    expect(requested).toMatchObject({ actor_type: 'victim' });
    expect(JSON.parse(requested?.detail ?? '{}')).toEqual({ finished: true });
    expect(JSON.parse(erased?.detail ?? '{}')).toEqual({ reason: 'victim-request', withdrawn: false });
  });

  it('withdraws and erases an open case on an erasure request, and audits the withdrawal too', async () => {
    const { app, container } = ctx();
    const asked = await submit(ctx(), 'VOPENERASE');
    const session = await login(app, asked.caseNumber, asked.accessKey);
    const res = await victimWrite(app, '/api/victim/erasure', session, { confirm: true });
    expect(VictimErasedSchema.parse(res.json()).status).toBe('withdrawn');
    const row = await container.database.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', asked.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ stage: 'withdrawn', status: 'withdrawn', erasure_reason: 'victim-request' });
    expect(row.withdrawn_at).toBe(row.erased_at);

    const withdrawn = await submit(ctx(), 'VWITHDRAW');
    const other = await login(app, withdrawn.caseNumber, withdrawn.accessKey);
    expect((await victimWrite(app, '/api/victim/withdraw', other, { confirm: true })).statusCode).toBe(200);
    const actions = (await auditOf(withdrawn.id)).map((l) => `${l.actor_type} ${l.action}`);
    expect(actions).toEqual(['victim victim.signed_in', 'victim victim.withdrew', 'system cases.erased']);
  });
});

describe.each(databases)('the scheduler on %s', (kind) => {
  const clock = manualClock('2026-12-01T03:00:00.000Z');
  const ctx = useTestApp(kind, { clock: clock.now });

  function counting(name: string, fail: () => boolean = () => false) {
    const runs: string[] = [];
    const task: ScheduledTask = {
      name,
      everyMs: DAY_MS,
      offsetMs: JAPAN_MIDNIGHT_OFFSET_MS,
      run: async ({ periodStart }) => {
        runs.push(periodStart);
        if (fail()) throw new Error('planned failure');
        return { runs: runs.length };
      },
    };
    return { task, runs };
  }

  it('runs a task once per period, even when asked twice or by two processes at once', async () => {
    const { db } = ctx().container.database;
    const logger = ctx().container.logger;
    const { task, runs } = counting('test.once');
    const one = createScheduler({ db, tasks: [task], clock: clock.now, logger });
    const two = createScheduler({ db, tasks: [task], clock: clock.now, logger });
    // 00:30 on 2 December in Japan: the period is that Japanese day.
    const now = new Date('2026-12-01T15:30:00.000Z');
    const [a, b] = await Promise.all([one.runDue(now), two.runDue(now)]);
    expect(runs).toEqual(['2026-12-01T15:00:00.000Z']);
    expect([a[0]?.status, b[0]?.status].sort()).toEqual(['done', 'skipped']);
    expect((await one.runDue(new Date('2026-12-02T14:59:59.000Z')))[0]?.status).toBe('skipped');
    expect((await two.runDue(new Date('2026-12-02T15:00:00.000Z')))[0]?.status).toBe('done');
    expect(runs).toEqual(['2026-12-01T15:00:00.000Z', '2026-12-02T15:00:00.000Z']);
    const stored = await db
      .selectFrom('scheduled_runs')
      .selectAll()
      .where('task', '=', 'test.once')
      .execute();
    expect(stored.map((r) => [r.status, JSON.parse(r.outcome ?? '{}')])).toEqual([
      ['done', { runs: 1 }],
      ['done', { runs: 2 }],
    ]);
  });

  it('runs a failed period again after the retry delay, and takes over a run whose process died', async () => {
    const { db } = ctx().container.database;
    const logger = ctx().container.logger;
    let failing = true;
    const { task, runs } = counting('test.retry', () => failing);
    const scheduler = createScheduler({ db, tasks: [task], clock: clock.now, logger, retryMs: 60_000 });
    const start = clock.now();
    expect((await scheduler.runDue())[0]?.status).toBe('failed');
    expect((await scheduler.runDue())[0]?.status).toBe('skipped');
    clock.advance(61_000);
    failing = false;
    expect((await scheduler.runDue())[0]).toMatchObject({ status: 'done', outcome: { runs: 2 } });
    expect(runs).toHaveLength(2);

    // A process claimed the next period and died: after the lease another one runs it.
    const period = new Date(Date.parse(runs[0] ?? '') + DAY_MS).toISOString();
    await db
      .insertInto('scheduled_runs')
      .values({
        task: 'test.retry',
        period_start: period,
        status: 'running',
        attempts: 1,
        locked_until: new Date(Date.parse(period) + 3_600_000).toISOString(),
        started_at: period,
        finished_at: null,
        outcome: null,
        last_error: null,
      })
      .execute();
    const inPeriod = new Date(Date.parse(period) + 60_000);
    expect((await scheduler.runDue(inPeriod))[0]?.status).toBe('skipped');
    expect((await scheduler.runDue(new Date(Date.parse(period) + 3_600_000)))[0]?.status).toBe('done');
    expect(start.getTime()).toBeLessThan(Date.parse(period));
  });
});

describe.each(databases)('daily priority recompute on %s', (kind) => {
  const clock = manualClock('2026-12-01T03:00:00.000Z');
  const ctx = useTestApp(kind, { clock: clock.now });

  it('moves the next deadline to the following one once it passes, and the priority with it, without a new version', async () => {
    const answers = {
      facts: ['name-calling'],
      identifiable: 'real-name',
      platforms: ['x'],
      postedAt: '2026-10-01',
      offender: { known: false },
      goals: ['delete', 'identify'],
    };
    const created = await submit(ctx(), 'RCMP', [], { triage: answers });
    const { db } = ctx().container.database;
    const read = () =>
      db
        .selectFrom('cases')
        .select([
          'priority_score',
          'priority_level',
          'next_deadline_id',
          'next_deadline_on',
          'version',
          'updated_at',
        ])
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
    const upcoming = (asOf: string) =>
      triage({ ...answers, asOf } as TriageAnswers)
        .deadlines.filter((d) => d.date >= asOf)
        .sort((a, b) => (a.date < b.date ? -1 : 1));

    const before = await read();
    const [first, second] = upcoming(todayInTokyo(clock.now()));
    expect(before).toMatchObject({ next_deadline_id: first?.id, next_deadline_on: first?.date });
    // The start-up run (today) changes nothing.
    const atStart = await ctx().container.scheduler.runDue();
    expect(atStart.find((r) => r.task === 'cases.recompute-priority')).toMatchObject({
      status: 'done',
      outcome: { checked: 1, changed: 0 },
    });

    // The day after the first deadline, in Japan.
    moveTo(clock, `${first?.date}T15:00:00.000Z`);
    clock.advance(DAY_MS);
    expect(upcoming(todayInTokyo(clock.now()))[0]?.id).toBe(second?.id);
    const results = await ctx().container.scheduler.runDue();
    expect(results.find((r) => r.task === 'cases.recompute-priority')).toMatchObject({
      status: 'done',
      outcome: { checked: 1, changed: 1 },
    });
    const after = await read();
    expect(after).toMatchObject({
      next_deadline_id: second?.id,
      next_deadline_on: second?.date,
      version: before.version,
      updated_at: before.updated_at,
    });
    expect(after.priority_score).not.toBe(before.priority_score);
  });
});

describe.each(databases)('mimamoru retention run on %s', (kind) => {
  // Long ago, so that the real clock the command uses is past the retention period.
  const clock = manualClock('2012-04-02T03:00:00.000Z');
  const ctx = useTestApp(kind, { clock: clock.now });

  async function cli(args: string[]) {
    const t = ctx();
    let stdout = '';
    let stderr = '';
    const code = await run(args, {
      stdin: new PassThrough(),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: {
        MIMAMORU_ENV: 'test',
        MIMAMORU_DATA_DIR: t.config.dataDir,
        DATABASE_URL: t.config.database.url,
        MIMAMORU_MASTER_KEY: t.config.masterKey ?? '',
        LOG_LEVEL: 'silent',
      },
    });
    return { code, stdout, stderr };
  }

  it('counts with --dry-run, then erases and prints what it did; a second run erases nothing', async () => {
    const staff = await signIn(ctx(), clock, 'admin');
    const created = await submit(ctx(), 'RTCLI');
    await moveStage(ctx().app, created.id, staff, 'closed');
    await submit(ctx(), 'RTCLIOPEN');

    const dry = await cli(['retention', 'run', '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Retention 5 years: 1 case\(s\) closed before .+ would be erased \(dry run/);
    const done = await cli(['retention', 'run']);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/: 1 case\(s\) closed before .+ erased, 0 stored file\(s\) deleted\.\n$/);
    expect((await cli(['retention', 'run'])).stdout).toMatch(/: 0 case\(s\) closed/);
    const help = await cli(['retention', 'run', '--help']);
    expect(help.stdout).toContain('--dry-run');
  });
});
