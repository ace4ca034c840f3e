import { randomUUID } from 'node:crypto';
import { StatsSchema, type PostTargetMove, type Stats } from '@mimamoru/contracts';
import type { WorkflowStage } from '@mimamoru/core';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases, useTestApp, type TestApp } from './harness.js';
import { consultation, submit } from './intake-fixtures.js';
import { signIn, type SignedIn } from './staff-fixtures.js';

/** A clock the test sets to exact instants (and that signIn can move on). */
function settableClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    set: (iso: string) => {
      now = new Date(iso);
    },
  };
}

/** A Japan-time wall clock reading ("2026-11-15 23:30") as a Date. */
const jst = (text: string) => new Date(`${text.replace(' ', 'T')}+09:00`);
const HOUR = 3_600_000;

/** Guide answers raising the categories of `facts`. */
function answers(facts: string[], platforms: string[]) {
  return {
    facts,
    identifiable: 'real-name',
    platforms,
    postedAt: '2026-11-01',
    offender: { known: false },
    goals: ['delete'],
  };
}

function get(app: FastifyInstance, url: string, who: SignedIn) {
  return app.inject({ method: 'GET', url, headers: who.headers });
}

async function stats(app: FastifyInstance, who: SignedIn, query: string): Promise<Stats> {
  const res = await get(app, `/api/staff/stats${query}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return StatsSchema.parse(res.json());
}

describe.each(databases)('statistics on %s', (kind) => {
  const clock = settableClock('2026-11-01T00:00:00.000Z');
  const ctx = useTestApp(kind, { clock: clock.now });
  const ids: Record<string, string> = {};
  let admin: SignedIn;
  let consultant: SignedIn;
  let staffId: string;

  const actor = () => ({ id: staffId, role: 'admin' as const, teamId: null, ipHash: null });

  /** A consultation received at a Japan-time instant, through the public API. */
  async function receive(name: string, at: string, body: Record<string, unknown>) {
    const t: TestApp = ctx();
    clock.set(jst(at).toISOString());
    const res = await submit(t.app, consultation(name.toUpperCase(), body));
    expect(res.statusCode, res.body).toBe(201);
    const { caseNumber } = res.json<{ caseNumber: string }>();
    const row = await t.container.database.db
      .selectFrom('cases')
      .select('id')
      .where('case_number', '=', caseNumber)
      .executeTakeFirstOrThrow();
    ids[name] = row.id;
  }

  /** The first reply, `hours` after the case was received. */
  async function reply(name: string, at: string, hours: number, awaitingVictim = false) {
    clock.set(new Date(jst(at).getTime() + hours * HOUR).toISOString());
    await ctx().container.services.consultantReplies.postConsultantReply({
      caseId: ids[name]!,
      body: 'ご相談ありがとうございます。',
      awaitingVictim,
    });
  }

  async function move(name: string, ...stages: WorkflowStage[]) {
    const { cases } = ctx().container.services;
    for (const to of stages) {
      clock.advance(60_000);
      const { version } = await ctx()
        .container.database.db.selectFrom('cases')
        .select('version')
        .where('id', '=', ids[name]!)
        .executeTakeFirstOrThrow();
      await cases.moveStage({ id: ids[name]!, to, version, actor: actor(), locale: 'ja' });
    }
  }

  beforeAll(async () => {
    const t = ctx();
    const { services, database } = t.container;
    staffId = (
      await services.staff.createAccount({
        email: `stats-${randomUUID()}@example.jp`,
        role: 'admin',
        displayName: 'Stats',
        actor: { type: 'system', id: null },
      })
    ).account.id;

    // Just before the period (Sunday 23:59:59.999 JST) and at its very start (Monday 00:00 JST).
    await receive('out', '2026-11-08 23:59:59.999', { platforms: ['x'] });
    await receive('c0', '2026-11-09 00:00:00.000', {
      platforms: ['x'],
      triage: answers(['name-calling'], ['x']),
    });
    await reply('c0', '2026-11-09 00:00:00.000', 1);
    // Sunday 23:30 JST (week of the 9th) vs Monday 00:10 JST (week of the 16th): 40 minutes apart.
    await receive('c1', '2026-11-15 23:30', {
      platforms: ['x'],
      triage: answers(['reputation-facts', 'personal-info'], ['x']),
    });
    await reply('c1', '2026-11-15 23:30', 2);
    await move('c1', 'negotiation', 'resolved', 'closed');
    await receive('c2', '2026-11-16 00:10', { platforms: ['x', '5ch'] });
    await reply('c2', '2026-11-16 00:10', 3);
    await move('c2', 'deletion-requested', 'resolved');
    // Answered 30 h after receipt, of which 10 h waiting for the victim: 20 h counted, within 24 h.
    await receive('c3', '2026-11-18 09:00', {
      platforms: ['instagram'],
      triage: answers(['threat-life'], ['instagram']),
    });
    await database.db
      .insertInto('sla_pauses')
      .values({
        id: randomUUID(),
        case_id: ids.c3!,
        from_at: new Date(jst('2026-11-18 09:00').getTime() + 5 * HOUR).toISOString(),
        to_at: new Date(jst('2026-11-18 09:00').getTime() + 15 * HOUR).toISOString(),
      })
      .execute();
    await reply('c3', '2026-11-18 09:00', 30);
    await move('c3', 'disclosure-requested', 'litigation');
    // Waiting for the victim after the reply: the pause starts with the reply and counts for nothing.
    await receive('c4', '2026-11-20 12:00', { platforms: ['x'] });
    await reply('c4', '2026-11-20 12:00', 10, true);
    await receive('c5', '2026-11-23 08:00', {
      platforms: ['youtube'],
      triage: answers(['name-calling'], ['youtube']),
    });
    await reply('c5', '2026-11-23 08:00', 26);
    await receive('u1', '2026-11-24 09:00', { platforms: ['x'] });
    await receive('u3', '2026-11-25 09:00', { platforms: ['x'] });
    clock.set(jst('2026-11-25 10:00').toISOString());
    await move('u3', 'closed');
    await receive('u4', '2026-11-26 09:00', { platforms: ['x'] });
    clock.set(jst('2026-11-26 10:00').toISOString());
    await services.victim.withdraw({ caseId: ids.u4! });
    await receive('u2', '2026-11-29 10:00', { platforms: ['tiktok'] });

    // Two posts of c2: one removed and its poster identified, one refused.
    clock.set(jst('2026-11-29 11:00').toISOString());
    const targets = services.postTargets;
    const added = await targets.addTarget({
      caseId: ids.c2!,
      input: { url: 'https://5ch.net/test/read.cgi/news/1/2', platform: '5ch' },
      actor: actor(),
    });
    const [first, second] = added.targets;
    const step = async (targetId: string, move: Omit<PostTargetMove, 'version'>) => {
      const list = await targets.listTargets({ caseId: ids.c2!, actor: actor() });
      const version = list.targets.find((x) => x.id === targetId)!.version;
      await targets.moveTarget({
        caseId: ids.c2!,
        targetId,
        move: { ...move, version } as PostTargetMove,
        actor: actor(),
      });
    };
    await step(first!.id, { track: 'takedown', to: 'takedown-requested' });
    await step(first!.id, { track: 'takedown', to: 'removed' });
    await step(first!.id, { track: 'disclosure', to: 'disclosure-requested' });
    await step(first!.id, { track: 'disclosure', to: 'identified' });
    await step(second!.id, { track: 'takedown', to: 'takedown-requested' });
    await step(second!.id, { track: 'takedown', to: 'refused' });

    clock.set(jst('2026-11-29 12:00').toISOString());
    admin = await signIn(t, clock, 'admin');
    consultant = await signIn(t, clock, 'consultant');
  });

  const PERIOD = '?from=2026-11-09&to=2026-11-29';

  it('counts consultations per Japan-time week (Monday start), including the boundaries', async () => {
    const s = await stats(ctx().app, admin, PERIOD);
    expect(s.period).toEqual({ from: '2026-11-09', to: '2026-11-29', timeZone: 'Asia/Tokyo' });
    expect(s.scope).toEqual({ teamId: null });
    expect(s.received).toBe(10);
    expect(s.withdrawn).toBe(1);
    expect(s.perWeek).toEqual([
      { weekStart: '2026-11-09', count: 2 },
      { weekStart: '2026-11-16', count: 3 },
      { weekStart: '2026-11-23', count: 5 },
    ]);
    // A period starting on a Sunday: the week of Monday the 9th holds only that Sunday's case.
    const sunday = await stats(ctx().app, admin, '?from=2026-11-15&to=2026-11-16');
    expect(sunday.perWeek).toEqual([
      { weekStart: '2026-11-09', count: 1 },
      { weekStart: '2026-11-16', count: 1 },
    ]);
  });

  it('counts cases by platform, legal category and channel; withdrawn cases keep no facets', async () => {
    const s = await stats(ctx().app, admin, PERIOD);
    expect(s.byPlatform).toEqual([
      { platform: 'x', count: 6 },
      { platform: 'instagram', count: 1 },
      { platform: 'youtube', count: 1 },
      { platform: 'tiktok', count: 1 },
      { platform: '5ch', count: 1 },
    ]);
    expect(s.byCategory).toEqual([
      { category: 'insult', count: 2 },
      { category: 'defamation', count: 1 },
      { category: 'privacy', count: 1 },
      { category: 'threat', count: 1 },
    ]);
    expect(s.withoutCategory).toBe(5);
    expect(s.byChannel).toEqual([{ channel: 'web', count: 10 }]);
    const facets = await ctx()
      .container.database.db.selectFrom('case_facets')
      .select('kind')
      .where('case_id', '=', ids.u4!)
      .execute();
    expect(facets).toEqual([]);
  });

  it('computes median and p90 time to first reply and the SLA tally in SQL, pauses excluded', async () => {
    const { firstResponse } = await stats(ctx().app, admin, PERIOD);
    // Counted hours of the answered cases: 1, 2, 3, 10, 20 (30 − 10 paused), 26.
    expect(firstResponse).toEqual({
      targetHours: 24,
      answered: 6,
      medianMs: 6.5 * HOUR,
      p90Ms: 23 * HOUR,
      met: 5,
      // c5 (26 h) and u1 (unanswered for 5 days).
      missed: 2,
      // u2, received 2 hours ago.
      pending: 1,
      // u3 closed and u4 withdrawn an hour after receipt, unanswered.
      endedWithoutReply: 2,
      metPercent: 71.4,
    });
    // One case: both percentiles are its value; none: null.
    const one = await stats(ctx().app, admin, '?from=2026-11-09&to=2026-11-09');
    expect(one.firstResponse).toMatchObject({ answered: 1, medianMs: HOUR, p90Ms: HOUR, met: 1 });
    const none = await stats(ctx().app, admin, '?from=2026-10-01&to=2026-10-31');
    expect(none.firstResponse).toMatchObject({ answered: 0, medianMs: null, p90Ms: null, metPercent: null });
    expect(none.perWeek).toHaveLength(5);
    expect(none.perWeek.every((w) => w.count === 0)).toBe(true);
  });

  it('reports outcomes: stages reached, how cases were resolved, where they are, and per-post results', async () => {
    const { outcomes } = await stats(ctx().app, admin, PERIOD);
    expect(outcomes.stagesReached).toEqual([
      { stage: 'deletion-requested', count: 1 },
      { stage: 'disclosure-requested', count: 1 },
      { stage: 'negotiation', count: 1 },
      { stage: 'litigation', count: 1 },
      { stage: 'criminal-complaint', count: 0 },
      { stage: 'resolved', count: 2 },
      { stage: 'closed', count: 2 },
    ]);
    expect(outcomes.resolvedFrom).toEqual([
      { stage: 'deletion-requested', count: 1 },
      { stage: 'disclosure-requested', count: 0 },
      { stage: 'negotiation', count: 1 },
      { stage: 'litigation', count: 0 },
      { stage: 'criminal-complaint', count: 0 },
      { stage: 'in-progress', count: 0 },
    ]);
    expect(Object.fromEntries(outcomes.currentStages.map((s) => [s.stage, s.count]))).toEqual({
      new: 2,
      triaged: 0,
      'in-progress': 3,
      'deletion-requested': 0,
      'disclosure-requested': 0,
      negotiation: 0,
      litigation: 1,
      'criminal-complaint': 0,
      resolved: 1,
      closed: 2,
      withdrawn: 1,
    });
    expect(outcomes.posts).toEqual({
      total: 2,
      takedown: [
        { state: 'pending', count: 0 },
        { state: 'takedown-requested', count: 0 },
        { state: 'removed', count: 1 },
        { state: 'refused', count: 1 },
      ],
      disclosure: [
        { state: 'pending', count: 1 },
        { state: 'disclosure-requested', count: 0 },
        { state: 'ip-disclosed', count: 0 },
        { state: 'identified', count: 1 },
        { state: 'refused', count: 0 },
      ],
    });
  });

  it('defaults to the last 12 weeks up to today and refuses a reversed or bad period', async () => {
    const s = await stats(ctx().app, admin, '');
    expect(s.period.from).toBe('2026-09-07');
    expect(s.period.to).toBe('2026-11-29');
    expect(s.perWeek).toHaveLength(12);
    expect(s.perWeek.at(-1)).toEqual({ weekStart: '2026-11-23', count: 5 });
    // Includes the case received a millisecond before the 9th (JST).
    expect(s.received).toBe(11);

    const reversed = await ctx().app.inject({
      method: 'GET',
      url: '/api/staff/stats?from=2026-11-29&to=2026-11-01',
      headers: { ...admin.headers, 'accept-language': 'ja' },
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'stats.period_reversed',
      message: expect.stringContaining('2026-11-29'),
    });
    const bad = await get(ctx().app, '/api/staff/stats?from=2026-02-30', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    const long = await get(ctx().app, '/api/staff/stats?from=2020-01-01&to=2026-01-01', admin);
    expect(long.json<{ error: { code: string } }>().error.code).toBe('stats.period_too_long');
  });

  it("shows a consultant their own team's cases only", async () => {
    const t = ctx();
    const { version } = await t.container.database.db
      .selectFrom('cases')
      .select('version')
      .where('id', '=', ids.c5!)
      .executeTakeFirstOrThrow();
    const { team } = await t.container.services.teams.createTeam({
      name: `B-${randomUUID()}`,
      actor: { type: 'system', id: null },
    });
    await t.container.services.cases.moveTeam({
      id: ids.c5!,
      teamId: team.id,
      version,
      actor: actor(),
      locale: 'ja',
    });
    const mine = await stats(t.app, consultant, PERIOD);
    expect(mine.scope).toEqual({ teamId: 'default' });
    expect(mine.received).toBe(9);
    expect(mine.perWeek.at(-1)).toEqual({ weekStart: '2026-11-23', count: 4 });
    expect((await stats(t.app, admin, PERIOD)).received).toBe(10);
  });

  it('exports the same numbers as CSV with a BOM and Japanese or English headers, and audits it', async () => {
    const t = ctx();
    const res = await get(t.app, `/api/staff/stats.csv${PERIOD}&locale=ja`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="mimamoru-stats-2026-11-09-2026-11-29.csv"',
    );
    const body = res.body;
    expect(body.startsWith('\uFEFF"区分","項目","キー","値"\r\n')).toBe(true);
    const lines = body.slice(1).trimEnd().split('\r\n');
    const value = (key: string) =>
      lines
        .find((line) => line.includes(`,"${key}",`))
        ?.split(',')
        .at(-1);
    expect(value('received')).toBe('10');
    expect(value('week.2026-11-09')).toBe('2');
    expect(value('week.2026-11-16')).toBe('3');
    expect(value('platform.x')).toBe('6');
    expect(value('category.insult')).toBe('2');
    expect(value('category.none')).toBe('5');
    expect(value('firstResponse.medianHours')).toBe('6.5');
    expect(value('firstResponse.p90Hours')).toBe('23');
    expect(value('firstResponse.metPercent')).toBe('71.4');
    expect(value('resolvedFrom.negotiation')).toBe('1');
    expect(value('takedown.removed')).toBe('1');
    expect(value('disclosure.identified')).toBe('1');
    expect(lines).toContain('"書き込まれた場所","X（旧Twitter）","platform.x",6');
    expect(lines).toContain('"あてはまるかもしれない法的な分類","侮辱","category.insult",2');

    const en = await get(t.app, `/api/staff/stats.csv${PERIOD}&locale=en`, admin);
    expect(en.body.startsWith('\uFEFF"section","item","key","value"\r\n')).toBe(true);
    expect(en.body).toContain('"Legal category","Insult","category.insult",2');

    const audit = await t.container.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'detail'])
      .where('action', 'in', ['stats.exported', 'stats.viewed'])
      .where('actor_id', '=', admin.id)
      .orderBy('id')
      .execute();
    const exported = audit.filter((a) => a.action === 'stats.exported');
    expect(exported).toHaveLength(2);
    expect(JSON.parse(exported[0]!.detail ?? '{}')).toEqual({
      from: '2026-11-09',
      to: '2026-11-29',
      scope: 'all',
      received: 10,
    });
    expect(audit.some((a) => a.action === 'stats.viewed')).toBe(true);
  });

  it('fills in the facets of cases that have none (older cases) before counting', async () => {
    const t = ctx();
    const db = t.container.database.db;
    await db.deleteFrom('case_facets').where('case_id', '=', ids.c1!).execute();
    await db.updateTable('cases').set({ facets_at: null }).where('id', '=', ids.c1!).execute();
    const s = await stats(t.app, admin, PERIOD);
    expect(s.byCategory.find((c) => c.category === 'defamation')?.count).toBe(1);
    const rows = await db
      .selectFrom('case_facets')
      .select(['kind', 'value'])
      .where('case_id', '=', ids.c1!)
      .orderBy('kind')
      .orderBy('value')
      .execute();
    expect(rows).toEqual([
      { kind: 'category', value: 'defamation' },
      { kind: 'category', value: 'privacy' },
      { kind: 'platform', value: 'x' },
    ]);
    expect(await t.container.services.stats.backfillFacets()).toEqual({ filled: 0 });
  });
});
