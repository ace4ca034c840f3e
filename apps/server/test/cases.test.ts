import {
  ApiErrorSchema,
  CaseQueuePageSchema,
  ConsultationCreatedSchema,
  StaffCaseSchema,
  VictimCaseSchema,
  type StaffCase,
} from '@mimamoru/contracts';
import { addDays, criminalComplaintDeadline, triage } from '@mimamoru/core';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases, useTestApp, type TestApp } from './harness.js';
import { consultation, json, login, submit } from './intake-fixtures.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

/** Guide answers: a plain insult case unless `overrides` say otherwise. */
function answers(overrides: Record<string, unknown> = {}) {
  return {
    facts: ['name-calling'],
    identifiable: 'real-name',
    platforms: ['x'],
    postedAt: '2026-11-20',
    offender: { known: false },
    goals: ['delete'],
    ...overrides,
  };
}

async function newCase(t: TestApp, marker: string, overrides: Record<string, unknown> = {}) {
  const res = await submit(t.app, consultation(marker, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return ConsultationCreatedSchema.parse(res.json());
}

async function caseId(t: TestApp, caseNumber: string): Promise<string> {
  const row = await t.container.database.db
    .selectFrom('cases')
    .select('id')
    .where('case_number', '=', caseNumber)
    .executeTakeFirstOrThrow();
  return row.id;
}

function get(app: FastifyInstance, url: string, who: SignedIn, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers: { ...who.headers, ...headers } });
}

function write(app: FastifyInstance, url: string, who: SignedIn, payload: object, headers = {}) {
  return app.inject({ method: 'POST', url, payload, headers: { ...who.headers, ...json, ...headers } });
}

async function view(app: FastifyInstance, id: string, who: SignedIn): Promise<StaffCase> {
  const res = await get(app, `/api/staff/cases/${id}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return StaffCaseSchema.parse(res.json());
}

describe.each(databases)('case queue on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let consultant: SignedIn;
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    consultant = await signIn(ctx(), clock, 'consultant');
    // Oldest first: a plain case, one with the address exposed, then a threat to life on Instagram.
    numbers.plain = (await newCase(ctx(), 'QPLAIN')).caseNumber;
    clock.advance(60_000);
    numbers.address = (
      await newCase(ctx(), 'QADDR', { triage: answers({ facts: ['personal-info'], postedAt: '2026-06-01' }) })
    ).caseNumber;
    clock.advance(60_000);
    numbers.threat = (
      await newCase(ctx(), 'QTHREAT', {
        platforms: ['instagram'],
        triage: answers({ facts: ['threat-life'], platforms: ['instagram'], postedAt: '2026-06-01' }),
      })
    ).caseNumber;
  });

  const queue = async (query = '') => {
    const res = await get(ctx().app, `/api/staff/cases${query}`, consultant);
    expect(res.statusCode, res.body).toBe(200);
    return CaseQueuePageSchema.parse(res.json());
  };

  it('puts a threat to life first, then exposed personal info, then the rest; oldest first within a level', async () => {
    const page = await queue();
    expect(page.total).toBe(3);
    expect(page.cases.map((c) => c.caseNumber)).toEqual([numbers.threat, numbers.address, numbers.plain]);
    const [threat, address, plain] = page.cases;
    expect(threat?.priorityLevel).toBe('urgent');
    expect(address?.priorityLevel).toBe('high');
    expect(plain?.priorityLevel).toBe('normal');
    expect(threat?.stage).toBe('new');
    expect(threat?.status).toBe('received');
    expect(threat?.platforms).toEqual(['instagram']);
    expect(threat?.assignee).toBeNull();
    expect(threat?.firstResponseAt).toBeNull();
    expect(threat?.sla.status).toBe('running');
  });

  it('paginates in the same order', async () => {
    const first = await queue('?pageSize=2&page=1');
    const second = await queue('?pageSize=2&page=2');
    expect(first.total).toBe(3);
    expect(first.cases.map((c) => c.caseNumber)).toEqual([numbers.threat, numbers.address]);
    expect(second.cases.map((c) => c.caseNumber)).toEqual([numbers.plain]);
    expect(second.page).toBe(2);
  });

  it('filters by platform, priority, assignee, case number and deadline', async () => {
    expect((await queue('?platform=instagram')).cases.map((c) => c.caseNumber)).toEqual([numbers.threat]);
    expect((await queue('?priority=urgent')).cases.map((c) => c.caseNumber)).toEqual([numbers.threat]);
    expect((await queue(`?q=${numbers.plain?.toLowerCase()}`)).cases.map((c) => c.caseNumber)).toEqual([
      numbers.plain,
    ]);
    const prefix = numbers.address?.slice(0, 7) ?? '';
    expect((await queue(`?q=${prefix}`)).cases.map((c) => c.caseNumber)).toContain(numbers.address);
    // The Guide cases have log-retention deadlines (posted 2026-06-01 → passed by now: none left for logs).
    const withDeadline = await queue('?deadlineWithinDays=3650');
    for (const item of withDeadline.cases) expect(item.nextDeadline).toBeDefined();
    expect(withDeadline.cases.map((c) => c.caseNumber)).not.toContain(numbers.plain);

    expect((await queue('?assignee=none')).total).toBe(3);
    const id = await caseId(ctx(), numbers.plain ?? '');
    const before = await view(ctx().app, id, consultant);
    const assigned = await write(ctx().app, `/api/staff/cases/${id}/assign`, consultant, {
      assigneeId: consultant.id,
      version: before.version,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const mine = await queue('?assignee=me');
    expect(mine.cases.map((c) => c.caseNumber)).toEqual([numbers.plain]);
    expect(mine.cases[0]?.assignee?.id).toBe(consultant.id);
    expect((await queue('?assignee=none')).total).toBe(2);
  });

  it('audits listing the queue and rejects a bad filter with a localized validation error', async () => {
    await queue('?page=1');
    const lines = await ctx()
      .container.database.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cases.queue_viewed')
      .where('actor_id', '=', consultant.id)
      .execute();
    expect(lines.length).toBeGreaterThan(0);
    const bad = await get(ctx().app, '/api/staff/cases?priority=whenever', consultant);
    expect(bad.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(bad.json()).error.code).toBe('validation_failed');
  });
});

describe.each(databases)('case page and workflow on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let consultant: SignedIn;
  let other: SignedIn;
  let lawyer: SignedIn;

  beforeAll(async () => {
    consultant = await signIn(ctx(), clock, 'consultant');
    other = await signIn(ctx(), clock, 'consultant');
    lawyer = await signIn(ctx(), clock, 'lawyer');
  });

  it('shows the decrypted intake and the Guide result, and writes an audit line', async () => {
    const { caseNumber } = await newCase(ctx(), 'VIEW', { triage: answers() });
    const id = await caseId(ctx(), caseNumber);
    const seen = await view(ctx().app, id, consultant);
    expect(seen.caseNumber).toBe(caseNumber);
    expect(seen.intake.name).toBe('VIEWNAME');
    expect(seen.intake.narrative).toContain('VIEWNARRATIVE');
    expect(seen.intake.contact).toEqual({
      channel: 'email',
      email: 'viewmail@example.jp',
      notes: 'VIEWNOTES',
    });
    expect(seen.intake.postUrls).toEqual(['https://x.com/someone/status/VIEWPOSTURL']);
    expect(seen.intake.platforms).toEqual(['x', '5ch']);
    expect(seen.triageAnswers?.facts).toEqual(['name-calling']);
    expect(seen.guide?.assessment.length).toBeGreaterThan(0);
    expect(seen.stage).toBe('new');
    expect(seen.nextStages).toEqual(['triaged', 'closed']);
    expect(seen.version).toBe(1);
    expect(seen.sla.status).toBe('running');

    const line = await ctx()
      .container.database.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cases.viewed')
      .where('target_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(line.actor_id).toBe(consultant.id);
    expect(line.target_type).toBe('case');
    expect(JSON.stringify(line)).not.toContain('VIEW');
  });

  it('refuses lawyers (referrals come later) and answers 404 for an unknown case', async () => {
    const { caseNumber } = await newCase(ctx(), 'LAW');
    const id = await caseId(ctx(), caseNumber);
    expect((await get(ctx().app, `/api/staff/cases/${id}`, lawyer)).statusCode).toBe(403);
    expect((await get(ctx().app, '/api/staff/cases', lawyer)).statusCode).toBe(403);
    const unknown = await get(ctx().app, '/api/staff/cases/00000000-0000-4000-8000-000000000000', consultant);
    expect(unknown.statusCode).toBe(404);
    expect(ApiErrorSchema.parse(unknown.json()).error.code).toBe('cases.not_found');
  });

  it('moves along allowed transitions, creates each stage’s tasks and records the timeline', async () => {
    const { caseNumber, accessKey } = await newCase(ctx(), 'STAGE');
    const id = await caseId(ctx(), caseNumber);
    let current = await view(ctx().app, id, consultant);

    const forbidden = await write(
      ctx().app,
      `/api/staff/cases/${id}/stage`,
      consultant,
      { to: 'deletion-requested', version: current.version },
      { 'accept-language': 'en' },
    );
    expect(forbidden.statusCode).toBe(409);
    const error = ApiErrorSchema.parse(forbidden.json()).error;
    expect(error.code).toBe('cases.transition_forbidden');
    expect(error.message).toContain('"new" to "deletion-requested"');

    for (const to of ['triaged', 'in-progress', 'deletion-requested'] as const) {
      const res = await write(ctx().app, `/api/staff/cases/${id}/stage`, consultant, {
        to,
        version: current.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      current = StaffCaseSchema.parse(res.json());
      expect(current.stage).toBe(to);
    }
    expect(current.status).toBe('in-progress');
    expect(current.version).toBe(4);
    const today = '2026-12-01';
    const byId = new Map(current.tasks.map((task) => [task.taskId, task]));
    expect(byId.get('triaged.agree-plan')?.dueOn).toBe(addDays(today, 3));
    expect(byId.get('in-progress.preserve-evidence')?.dueOn).toBe(addDays(today, 3));
    expect(byId.get('deletion-requested.check-platform-answer.x')?.dueOn).toBe(addDays(today, 7));
    expect(byId.get('deletion-requested.check-site-answer.5ch')?.dueOn).toBe(addDays(today, 14));
    expect(current.events.filter((e) => e.type === 'stage-changed').map((e) => e.detail)).toEqual([
      { from: 'new', to: 'triaged' },
      { from: 'triaged', to: 'in-progress' },
      { from: 'in-progress', to: 'deletion-requested' },
    ]);
    expect(current.events[0]?.actor?.id).toBe(consultant.id);

    const { cookie } = await login(ctx().app, caseNumber, accessKey);
    const victim = VictimCaseSchema.parse(
      (await ctx().app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie } })).json(),
    );
    expect(victim.status).toBe('in-progress');

    const task = current.tasks.find((t) => t.taskId === 'triaged.agree-plan');
    const done = await write(ctx().app, `/api/staff/cases/${id}/tasks/${task?.id}/done`, consultant, {});
    expect(done.statusCode, done.body).toBe(200);
    const after = StaffCaseSchema.parse(done.json());
    expect(after.tasks.find((t) => t.id === task?.id)?.doneAt).toBe(clock.now().toISOString());
    expect(after.version).toBe(current.version);

    const closed = await write(ctx().app, `/api/staff/cases/${id}/stage`, consultant, {
      to: 'closed',
      version: after.version,
    });
    expect(StaffCaseSchema.parse(closed.json()).status).toBe('closed');
  });

  it('answers 409 cases.stale when someone else changed the case first', async () => {
    const { caseNumber } = await newCase(ctx(), 'STALE');
    const id = await caseId(ctx(), caseNumber);
    const seenByBoth = await view(ctx().app, id, consultant);
    const first = await write(ctx().app, `/api/staff/cases/${id}/stage`, other, {
      to: 'triaged',
      version: seenByBoth.version,
    });
    expect(first.statusCode).toBe(200);
    for (const [url, payload] of [
      ['stage', { to: 'closed', version: seenByBoth.version }],
      ['assign', { assigneeId: consultant.id, version: seenByBoth.version }],
      ['offender', { knownSince: '2026-11-01', version: seenByBoth.version }],
      ['replies', { body: 'こんにちは', version: seenByBoth.version }],
    ] as const) {
      const stale = await write(ctx().app, `/api/staff/cases/${id}/${url}`, consultant, payload, {
        'accept-language': 'en',
      });
      expect(stale.statusCode, url).toBe(409);
      const error = ApiErrorSchema.parse(stale.json()).error;
      expect(error.code).toBe('cases.stale');
      expect(error.message).toContain('Reload');
    }
    const unchanged = await view(ctx().app, id, consultant);
    expect(unchanged.stage).toBe('triaged');
    expect(unchanged.messages).toEqual([]);
    expect(unchanged.assignee).toBeNull();
  });

  it('sends a reply the victim sees, records the first response and pauses the SLA while waiting', async () => {
    const { caseNumber, accessKey } = await newCase(ctx(), 'REPLY');
    const id = await caseId(ctx(), caseNumber);
    const before = await view(ctx().app, id, consultant);
    clock.advance(20 * 60_000);
    const res = await write(ctx().app, `/api/staff/cases/${id}/replies`, consultant, {
      body: 'ご相談ありがとうございます。投稿の日時を教えてください。',
      version: before.version,
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = StaffCaseSchema.parse(res.json());
    expect(after.firstResponseAt).toBe(clock.now().toISOString());
    expect(after.status).toBe('awaiting-victim');
    expect(after.awaitingVictim).toBe(true);
    expect(after.stage).toBe('in-progress');
    expect(after.sla.status).toBe('met');
    expect(after.events.map((e) => e.type)).toEqual(['stage-changed', 'stage-changed', 'reply-sent']);

    const note = await write(ctx().app, `/api/staff/cases/${id}/notes`, consultant, {
      body: '内部メモ ZZINTERNAL',
    });
    expect(note.statusCode, note.body).toBe(201);
    expect(StaffCaseSchema.parse(note.json()).notes.map((n) => [n.body, n.author?.id])).toEqual([
      ['内部メモ ZZINTERNAL', consultant.id],
    ]);

    const { cookie, csrf } = await login(ctx().app, caseNumber, accessKey);
    const victimView = await ctx().app.inject({
      method: 'GET',
      url: '/api/victim/case',
      headers: { cookie },
    });
    const victim = VictimCaseSchema.parse(victimView.json());
    expect(victim.status).toBe('awaiting-victim');
    expect(victim.messages.map((m) => [m.author, m.body])).toEqual([
      ['consultant', 'ご相談ありがとうございます。投稿の日時を教えてください。'],
    ]);
    expect(victimView.body).not.toContain('ZZINTERNAL');
    const pauses = await ctx()
      .container.database.db.selectFrom('sla_pauses')
      .selectAll()
      .where('case_id', '=', id)
      .execute();
    expect(pauses.map((p) => p.to_at)).toEqual([null]);

    clock.advance(60_000);
    const answer = await ctx().app.inject({
      method: 'POST',
      url: '/api/victim/messages',
      headers: { cookie, 'x-csrf-token': csrf, ...json },
      payload: { body: '11月20日です' },
    });
    expect(answer.statusCode).toBe(201);
    const resumed = await view(ctx().app, id, consultant);
    expect(resumed.status).toBe('in-progress');
    expect(resumed.awaitingVictim).toBe(false);
    const closedPause = await ctx()
      .container.database.db.selectFrom('sla_pauses')
      .select('to_at')
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(closedPause.to_at).toBe(clock.now().toISOString());

    const audited = await ctx()
      .container.database.db.selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .execute();
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['cases.viewed', 'cases.replied', 'cases.note_added']),
    );
  });

  it('shows the 告訴期間 with the exact date from core once the poster is recorded as known', async () => {
    const { caseNumber } = await newCase(ctx(), 'OFFENDER', { triage: answers() });
    const id = await caseId(ctx(), caseNumber);
    const before = await view(ctx().app, id, consultant);
    expect(before.deadlines.map((d) => d.id)).not.toContain('criminal-complaint');

    const knownSince = '2026-11-25';
    const res = await write(ctx().app, `/api/staff/cases/${id}/offender`, consultant, {
      knownSince,
      version: before.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = StaffCaseSchema.parse(res.json());
    expect(after.offenderKnownSince).toBe(knownSince);
    const complaint = after.deadlines.find((d) => d.id === 'criminal-complaint');
    expect(complaint?.date).toBe(criminalComplaintDeadline(knownSince));
    const fromCore = triage({
      ...answers(),
      asOf: '2026-12-01',
      offender: { known: true, knownSince },
    } as Parameters<typeof triage>[0]).deadlines.find((d) => d.id === 'criminal-complaint');
    expect(complaint?.date).toBe(fromCore?.date);
    expect(after.guide?.deadlines.map((d) => d.id)).toContain('criminal-complaint');
    expect(after.events.at(-1)).toMatchObject({ type: 'offender-recorded', detail: { knownSince } });
    expect(after.version).toBe(before.version + 1);
  });

  it('assigns by hand, round-robin and least-open among active consultants only', async () => {
    const { caseNumber } = await newCase(ctx(), 'ASSIGN');
    const id = await caseId(ctx(), caseNumber);
    let current = await view(ctx().app, id, consultant);
    const toLawyer = await write(ctx().app, `/api/staff/cases/${id}/assign`, consultant, {
      assigneeId: lawyer.id,
      version: current.version,
    });
    expect(toLawyer.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(toLawyer.json()).error.code).toBe('cases.assignee_invalid');

    const picked: string[] = [];
    for (const strategy of ['round-robin', 'round-robin'] as const) {
      const res = await write(ctx().app, `/api/staff/cases/${id}/assign`, consultant, {
        strategy,
        version: current.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      current = StaffCaseSchema.parse(res.json());
      picked.push(current.assignee?.id ?? '');
    }
    expect(new Set(picked).size).toBe(2);
    expect([consultant.id, other.id]).toEqual(expect.arrayContaining(picked));

    // `other` now holds this open case; least-open picks the consultant with fewer open cases.
    const res = await write(ctx().app, `/api/staff/cases/${id}/assign`, consultant, {
      assigneeId: other.id,
      version: current.version,
    });
    current = StaffCaseSchema.parse(res.json());
    const second = await caseId(ctx(), (await newCase(ctx(), 'ASSIGN2')).caseNumber);
    const secondView = await view(ctx().app, second, consultant);
    const least = await write(ctx().app, `/api/staff/cases/${second}/assign`, consultant, {
      strategy: 'least-open',
      version: secondView.version,
    });
    const counts = await ctx()
      .container.database.db.selectFrom('cases')
      .select(['assignee_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('stage', 'not in', ['resolved', 'closed', 'withdrawn'])
      .where('id', '!=', second)
      .groupBy('assignee_id')
      .execute();
    const open = (account: string) => Number(counts.find((c) => c.assignee_id === account)?.n ?? 0);
    const expected = open(consultant.id) <= open(other.id) ? consultant.id : other.id;
    expect(StaffCaseSchema.parse(least.json()).assignee?.id).toBe(expected);
    expect(current.events.filter((e) => e.type === 'assigned').map((e) => e.detail.strategy)).toEqual([
      'round-robin',
      'round-robin',
      'manual',
    ]);
  });
});

describe.each(databases)('migration 0005-add-case-workflow on %s', (kind) => {
  const ctx = useTestApp(kind, { migrate: false });

  it('backfills the stage and the awaiting flag from the victim-facing status', async () => {
    const migrator = await ctx().container.database.createMigrator();
    expect((await migrator.migrateTo('0004-create-staff')).error).toBeUndefined();
    const db = ctx().container.database.db;
    const statuses = ['received', 'in-progress', 'awaiting-victim', 'closed', 'withdrawn'];
    for (const [index, status] of statuses.entries()) {
      await db
        .insertInto('cases')
        .values({
          id: `00000000-0000-4000-8000-00000000000${index}`,
          case_number: `MM-0000-000${index}`,
          status,
          access_key_hash: null,
          email_hash: null,
          locale: 'ja',
          privacy_policy_version: '2026-11-29',
          channel: null,
          platforms: null,
          goals: null,
          name_sealed: null,
          narrative_sealed: null,
          post_urls_sealed: null,
          happened_at_sealed: null,
          email_sealed: null,
          phone_sealed: null,
          contact_notes_sealed: null,
          triage_sealed: null,
          created_at: '2026-11-01T00:00:00.000Z',
          updated_at: '2026-11-01T00:00:00.000Z',
          first_response_at: null,
          withdrawn_at: null,
        } as never)
        .execute();
    }
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rows = await db
      .selectFrom('cases')
      .select(['status', 'stage', 'awaiting_victim', 'version', 'priority_score', 'priority_level'])
      .orderBy('case_number')
      .execute();
    expect(rows.map((r) => [r.status, r.stage, Number(r.awaiting_victim), Number(r.version)])).toEqual([
      ['received', 'new', 0, 1],
      ['in-progress', 'in-progress', 0, 1],
      ['awaiting-victim', 'in-progress', 1, 1],
      ['closed', 'closed', 0, 1],
      ['withdrawn', 'withdrawn', 0, 1],
    ]);
    expect(rows.every((r) => Number(r.priority_score) === 0 && r.priority_level === 'normal')).toBe(true);
  });
});
