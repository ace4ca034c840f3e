import {
  AccountTeamResponseSchema,
  ApiErrorSchema,
  CaseQueuePageSchema,
  ConsultationCreatedSchema,
  DEFAULT_TEAM_ID,
  StaffCaseSchema,
  TeamCreatedSchema,
  TeamListSchema,
} from '@mimamoru/contracts';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../src/cli/main.js';
import { databases, createTestApp, useTestApp, type TestApp } from './harness.js';
import { consultation, json, submit } from './intake-fixtures.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

const SYSTEM = { type: 'system', id: null } as const;

const errorCode = (body: string) => ApiErrorSchema.parse(JSON.parse(body)).error.code;

describe.each(databases)('teams on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let admin: SignedIn;
  /** Consultants of the default team (A1, A2) and of team B (B1, B2). */
  let a1: SignedIn;
  let a2: SignedIn;
  let b1: SignedIn;
  let b2: SignedIn;
  let teamB: string;

  const get = (url: string, who: SignedIn) => ctx().app.inject({ method: 'GET', url, headers: who.headers });
  const post = (url: string, who: SignedIn, payload: object) =>
    ctx().app.inject({ method: 'POST', url, payload, headers: { ...who.headers, ...json } });

  async function webCase(marker: string): Promise<string> {
    const res = await submit(ctx().app, consultation(marker));
    expect(res.statusCode, res.body).toBe(201);
    const { caseNumber } = ConsultationCreatedSchema.parse(res.json());
    const row = await ctx()
      .container.database.db.selectFrom('cases')
      .select(['id', 'team_id', 'intake_channel'])
      .where('case_number', '=', caseNumber)
      .executeTakeFirstOrThrow();
    expect(row.team_id).toBe(DEFAULT_TEAM_ID);
    expect(row.intake_channel).toBe('web');
    return row.id;
  }

  async function queue(who: SignedIn, query = '?stage=all&pageSize=100') {
    const res = await get(`/api/staff/cases${query}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return CaseQueuePageSchema.parse(res.json());
  }

  async function version(id: string): Promise<number> {
    const res = await get(`/api/staff/cases/${id}`, admin);
    return StaffCaseSchema.parse(res.json()).version;
  }

  beforeAll(async () => {
    admin = await signIn(ctx(), clock, 'admin');
    a1 = await signIn(ctx(), clock, 'consultant');
    a2 = await signIn(ctx(), clock, 'consultant');
    const created = await post('/api/staff/teams', admin, { name: '夜間チーム' });
    expect(created.statusCode, created.body).toBe(201);
    teamB = TeamCreatedSchema.parse(created.json()).team.id;
    b1 = await signIn(ctx(), clock, 'consultant');
    b2 = await signIn(ctx(), clock, 'consultant');
    for (const who of [b1, b2]) {
      const moved = await post(`/api/staff/accounts/${who.id}/team`, admin, { teamId: teamB });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(AccountTeamResponseSchema.parse(moved.json()).account.teamId).toBe(teamB);
    }
  });

  it('lists the default team first, then the new one; names are unique', async () => {
    const res = await get('/api/staff/teams', admin);
    const { teams } = TeamListSchema.parse(res.json());
    expect(teams.map((t) => [t.id, t.name])).toEqual([
      [DEFAULT_TEAM_ID, '相談窓口'],
      [teamB, '夜間チーム'],
    ]);
    const dup = await post('/api/staff/teams', admin, { name: ' 夜間チーム ' });
    expect(dup.statusCode).toBe(409);
    expect(errorCode(dup.body)).toBe('teams.name_taken');
    const blank = await post('/api/staff/teams', admin, { name: '  ' });
    expect(blank.statusCode).toBe(400);
  });

  it('puts consultants in the default team unless told; lawyers in none; refuses unknown teams', async () => {
    const me = await get('/api/staff/me', a1);
    expect(me.json<{ account: { teamId: string } }>().account.teamId).toBe(DEFAULT_TEAM_ID);
    const meB = await get('/api/staff/me', b1);
    expect(meB.json<{ account: { teamId: string } }>().account.teamId).toBe(teamB);

    const createdIn = await post('/api/staff/accounts', admin, {
      email: `teamed-${Date.now()}@example.jp`,
      role: 'consultant',
      displayName: 'B3',
      teamId: teamB,
    });
    expect(createdIn.statusCode, createdIn.body).toBe(201);
    expect(createdIn.json<{ account: { teamId: string } }>().account.teamId).toBe(teamB);

    const lawyer = await post('/api/staff/accounts', admin, {
      email: `lawyer-${Date.now()}@example.jp`,
      role: 'lawyer',
      displayName: 'L',
      teamId: teamB,
    });
    expect(lawyer.statusCode).toBe(400);
    expect(errorCode(lawyer.body)).toBe('teams.lawyer_without_team');

    const unknown = await post('/api/staff/accounts', admin, {
      email: `nowhere-${Date.now()}@example.jp`,
      role: 'consultant',
      displayName: 'N',
      teamId: 'no-such-team',
    });
    expect(unknown.statusCode).toBe(400);
    expect(errorCode(unknown.body)).toBe('teams.unknown');

    const noTeam = await post(`/api/staff/accounts/${a2.id}/team`, admin, { teamId: null });
    expect(noTeam.statusCode).toBe(400);
    expect(errorCode(noTeam.body)).toBe('teams.consultant_needs_team');
    const audit = await ctx()
      .container.database.db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'staff.account_team_changed')
      .where('target_id', '=', b1.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? '{}')).toEqual({ from: DEFAULT_TEAM_ID, to: teamB });
  });

  it("shows a consultant only their team's cases; an admin every team, or one team when asked", async () => {
    const inA = await webCase('TEAMQA');
    const inB = await webCase('TEAMQB');
    const moved = await post(`/api/staff/cases/${inB}/team`, admin, { teamId: teamB, version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(StaffCaseSchema.parse(moved.json()).team).toEqual({ id: teamB, name: '夜間チーム' });

    const ofA = (await queue(a1)).cases.map((c) => c.id);
    expect(ofA).toContain(inA);
    expect(ofA).not.toContain(inB);
    const ofB = await queue(b1);
    expect(ofB.cases.map((c) => c.id)).toEqual([inB]);
    expect(ofB.cases[0]?.team).toEqual({ id: teamB, name: '夜間チーム' });
    expect(ofB.cases[0]?.channel).toBe('web');
    // Asking for another team's cases gives nothing, not an error that would confirm they exist.
    expect((await queue(b1, `?stage=all&team=${DEFAULT_TEAM_ID}`)).total).toBe(0);

    const all = (await queue(admin)).cases.map((c) => c.id);
    expect(all).toEqual(expect.arrayContaining([inA, inB]));
    expect((await queue(admin, `?stage=all&team=${teamB}`)).cases.map((c) => c.id)).toEqual([inB]);

    expect((await get(`/api/staff/cases/${inA}`, b1)).statusCode).toBe(404);
    expect((await get(`/api/staff/cases/${inB}`, b1)).statusCode).toBe(200);
    const timeline = StaffCaseSchema.parse((await get(`/api/staff/cases/${inB}`, b1)).json()).events;
    expect(timeline.map((e) => [e.type, e.detail])).toContainEqual([
      'team-changed',
      { from: DEFAULT_TEAM_ID, to: teamB, unassigned: false },
    ]);
  });

  it("assigns only within the case's team: round-robin and least-open among its consultants", async () => {
    const id = await webCase('TEAMRR');
    const picked: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(`/api/staff/cases/${id}/assign`, a1, {
        strategy: 'round-robin',
        version: await version(id),
      });
      expect(res.statusCode, res.body).toBe(200);
      picked.push(StaffCaseSchema.parse(res.json()).assignee?.id ?? '');
    }
    // Default team only (A1, A2 and earlier consultants of the fixtures), never team B.
    expect(picked).not.toContain(b1.id);
    expect(picked).not.toContain(b2.id);
    expect(new Set(picked).size).toBeGreaterThan(1);

    const other = await post(`/api/staff/cases/${id}/assign`, a1, {
      assigneeId: b1.id,
      version: await version(id),
    });
    expect(other.statusCode).toBe(400);
    expect(errorCode(other.body)).toBe('cases.assignee_invalid');
    const toAdmin = await post(`/api/staff/cases/${id}/assign`, a1, {
      assigneeId: admin.id,
      version: await version(id),
    });
    expect(toAdmin.statusCode, toAdmin.body).toBe(200);

    const inB = await webCase('TEAMLO');
    await post(`/api/staff/cases/${inB}/team`, admin, { teamId: teamB, version: 1 });
    const least = await post(`/api/staff/cases/${inB}/assign`, b1, {
      strategy: 'least-open',
      version: await version(inB),
    });
    expect(least.statusCode, least.body).toBe(200);
    expect([b1.id, b2.id]).toContain(StaffCaseSchema.parse(least.json()).assignee?.id);
  });

  it('moving a case unassigns a consultant of the old team; stale and unknown moves are refused', async () => {
    const id = await webCase('TEAMMV');
    const assigned = await post(`/api/staff/cases/${id}/assign`, a1, { assigneeId: a1.id, version: 1 });
    const v = StaffCaseSchema.parse(assigned.json()).version;
    const stale = await post(`/api/staff/cases/${id}/team`, admin, { teamId: teamB, version: v - 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorCode(stale.body)).toBe('cases.stale');
    const unknown = await post(`/api/staff/cases/${id}/team`, admin, { teamId: 'no-such-team', version: v });
    expect(unknown.statusCode).toBe(400);
    expect(errorCode(unknown.body)).toBe('teams.unknown');

    const moved = await post(`/api/staff/cases/${id}/team`, admin, { teamId: teamB, version: v });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = StaffCaseSchema.parse(moved.json());
    expect(after.assignee).toBeNull();
    expect(after.version).toBe(v + 1);
    expect(after.events.at(-1)).toMatchObject({
      type: 'team-changed',
      detail: { from: DEFAULT_TEAM_ID, to: teamB, unassigned: true },
    });
    expect((await get(`/api/staff/cases/${id}`, a1)).statusCode).toBe(404);
    const line = await ctx()
      .container.database.db.selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'cases.team_changed')
      .where('target_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(line.detail ?? '{}')).toEqual({ from: DEFAULT_TEAM_ID, to: teamB, unassigned: true });
  });

  it('refuses to move a consultant who still holds open cases of their team, until they are reassigned', async () => {
    const id = await webCase('TEAMHOLD');
    const assigned = await post(`/api/staff/cases/${id}/assign`, a2, { assigneeId: a2.id, version: 1 });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const refused = await post(`/api/staff/accounts/${a2.id}/team`, admin, { teamId: teamB });
    expect(refused.statusCode).toBe(409);
    expect(errorCode(refused.body)).toBe('teams.open_cases_assigned');
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/\d+ 件/);

    const open = await ctx()
      .container.database.db.selectFrom('cases')
      .select(['id', 'version'])
      .where('assignee_id', '=', a2.id)
      .execute();
    for (const row of open) {
      const res = await post(`/api/staff/cases/${row.id}/assign`, admin, {
        assigneeId: null,
        version: row.version,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const moved = await post(`/api/staff/accounts/${a2.id}/team`, admin, { teamId: teamB });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await get('/api/staff/me', a2)).json<{ account: { teamId: string } }>().account.teamId).toBe(
      teamB,
    );
  });
});

describe.each(databases)('migration 0007 on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { migrate: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the default team and puts existing cases and consultants in it', async () => {
    const migrator = await t.container.database.createMigrator();
    const before = await migrator.migrateTo('0005-add-case-workflow');
    expect(before.error).toBeUndefined();
    const db = t.container.database.db;
    const now = new Date().toISOString();
    for (const [id, role] of [
      ['00000000-0000-4000-8000-00000000000a', 'admin'],
      ['00000000-0000-4000-8000-00000000000c', 'consultant'],
      ['00000000-0000-4000-8000-00000000000b', 'lawyer'],
    ] as const) {
      await sql`insert into staff_accounts (id, email, display_name, role, failed_logins, created_at, updated_at, version)
        values (${id}, ${`${role}@example.jp`}, ${role}, ${role}, 0, ${now}, ${now}, 1)`.execute(db);
    }
    await sql`insert into cases (id, case_number, status, locale, privacy_policy_version, created_at, updated_at)
      values ('00000000-0000-4000-8000-0000000000c1', 'MM-AAAA-BBBB', 'received', 'ja', '2026-11-29', ${now}, ${now})`.execute(
      db,
    );

    const after = await migrator.migrateToLatest();
    expect(after.error).toBeUndefined();
    const teams = await db.selectFrom('teams').select(['id', 'name']).execute();
    expect(teams).toEqual([{ id: DEFAULT_TEAM_ID, name: '相談窓口' }]);
    const accounts = await db
      .selectFrom('staff_accounts')
      .select(['role', 'team_id'])
      .orderBy('role')
      .execute();
    expect(accounts).toEqual([
      { role: 'admin', team_id: null },
      { role: 'consultant', team_id: DEFAULT_TEAM_ID },
      { role: 'lawyer', team_id: null },
    ]);
    const row = await db
      .selectFrom('cases')
      .select(['team_id', 'intake_channel', 'opened_by'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ team_id: DEFAULT_TEAM_ID, intake_channel: 'web', opened_by: null });
  });
});

describe.each(databases)('staff CLI teams on %s', (kind) => {
  const ctx = useTestApp(kind);

  async function cli(args: string[]) {
    const { config } = ctx();
    const out = { stdout: '', stderr: '' };
    const io: CliIo = {
      stdin: Readable.from(['']),
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
      env: {
        DATABASE_URL: config.database.url,
        MIMAMORU_MASTER_KEY: config.masterKey ?? '',
        MIMAMORU_DATA_DIR: config.dataDir,
      },
    };
    return { code: await run(args, io), ...out };
  }

  it('lists teams, creates a consultant in a named team, and refuses an unknown team', async () => {
    const { team } = await ctx().container.services.teams.createTeam({ name: '電話班', actor: SYSTEM });
    const teams = await cli(['staff', 'teams']);
    expect(teams.code).toBe(0);
    expect(teams.stdout).toBe(`${DEFAULT_TEAM_ID}\t相談窓口\n${team.id}\t電話班\n`);

    const created = await cli([
      'staff',
      'create',
      '--email',
      'phone@example.jp',
      '--role',
      'consultant',
      '--team',
      team.id,
    ]);
    expect(created.code, created.stderr).toBe(0);
    const list = await cli(['staff', 'list']);
    expect(list.stdout).toMatch(new RegExp(`consultant\\tsetup-pending\\tphone@example.jp\\t${team.id}\\n`));

    const unknown = await cli([
      'staff',
      'create',
      '--email',
      'x@example.jp',
      '--role',
      'consultant',
      '--team',
      'nope',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no such team');
  });

  it('documents --team and the teams command in --help', async () => {
    const help = await cli(['staff', 'create', '--help']);
    expect(help.stdout + help.stderr).toContain('--team <id>');
    const staffHelp = await cli(['staff', '--help']);
    expect(staffHelp.stdout + staffHelp.stderr).toMatch(/teams\s+List teams/);
  });
});
