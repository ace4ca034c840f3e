import { sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import type { DialectSql } from '../../db/dialect-sql.js';
import type { CaseFacetsTable, Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** The consultations a statistic counts: received in [from, to), of one team or of all. */
export interface StatsCohort {
  /** Inclusive ISO-8601 UTC instant. */
  readonly from: string;
  /** Exclusive ISO-8601 UTC instant. */
  readonly to: string;
  /** Only this team's cases; undefined: every team. */
  readonly teamId?: string;
  /** No case at all (a viewer whose scope is empty, e.g. a consultant without a team). */
  readonly nobody?: boolean;
}

export type FacetKind = 'platform' | 'category';

/** Stages whose first entry ends a first-response clock that never got a reply (nothing left to answer). */
const ENDING_STAGES = ['resolved', 'closed'] as const;

const count = (n: unknown): number => Number(n ?? 0);

/** `select … from cases` restricted to the cohort (cases aliased as `c`). */
function cohortCases(trx: Db, cohort: StatsCohort) {
  let query = trx
    .selectFrom('cases as c')
    .where('c.created_at', '>=', cohort.from)
    .where('c.created_at', '<', cohort.to);
  if (cohort.teamId !== undefined) query = query.where('c.team_id', '=', cohort.teamId);
  if (cohort.nobody) query = query.where(sql<boolean>`1 = 0`);
  return query;
}

/**
 * Per case of the cohort: when it was received and first answered, and the counted time to the
 * first reply (or, without one, to when the case ended or to `now`) with SLA pauses subtracted. SLA
 * pauses of a case never overlap (one is open at a time), so their clipped lengths simply add up.
 */
function firstResponseRows(trx: Db, d: DialectSql, cohort: StatsCohort, now: string): RawBuilder<unknown> {
  const clocks = cohortCases(trx, cohort).select((eb) => {
    const closedAt = eb
      .selectFrom('case_events as e')
      .select((inner) => inner.fn.min('e.created_at').as('at'))
      .whereRef('e.case_id', '=', 'c.id')
      .where('e.type', '=', 'stage-changed')
      .where(d.jsonText(sql.ref('e.detail'), 'to'), 'in', [...ENDING_STAGES]);
    return [
      'c.id',
      'c.created_at',
      'c.first_response_at',
      // When the clock stopped: the first reply, else withdrawal or the first resolved/closed; null while running.
      sql<string | null>`coalesce(c.first_response_at, c.withdrawn_at, (${closedAt}))`.as('stop_at'),
    ];
  });
  const end = sql<string>`coalesce(k.stop_at, ${now})`;
  const paused = sql<number>`coalesce((
    select sum(${d.greatest(
      sql`0`,
      d.millisBetween(
        d.greatest(sql.ref('p.from_at'), sql.ref('k.created_at')),
        d.least(sql`coalesce(p.to_at, ${end})`, end),
      ),
    )})
    from sla_pauses p where p.case_id = k.id
  ), 0)`;
  return sql`select k.id, k.first_response_at, k.stop_at,
    ${d.millisBetween(sql.ref('k.created_at'), end)} - ${paused} as counted_ms
    from (${clocks}) as k`;
}

/** Aggregate queries of the statistics page. Every number is computed by the database. */
export const statsRepository = {
  /** Consultations received, and how many of them were withdrawn since. */
  async totals(trx: Db, cohort: StatsCohort) {
    const row = await cohortCases(trx, cohort)
      .select((eb) => [
        eb.fn.countAll<number | string>().as('n'),
        eb.fn
          .sum<number | string | null>(eb.case().when('c.stage', '=', 'withdrawn').then(1).else(0).end())
          .as('withdrawn'),
      ])
      .executeTakeFirst();
    return { received: count(row?.n), withdrawn: count(row?.withdrawn) };
  },

  /** Consultations per Japan-time week (Monday, YYYY-MM-DD); weeks without any are absent. */
  async perWeek(trx: Db, d: DialectSql, cohort: StatsCohort) {
    const week = d.tokyoWeekStart(sql.ref('c.created_at'));
    const rows = await cohortCases(trx, cohort)
      .select((eb) => [week.as('week'), eb.fn.countAll<number | string>().as('n')])
      .groupBy(week)
      .orderBy(week)
      .execute();
    return rows.map((row) => ({ weekStart: String(row.week), count: count(row.n) }));
  },

  /** Cases per facet value (a case with two platforms counts once for each). */
  async facetCounts(trx: Db, cohort: StatsCohort, kind: FacetKind) {
    const rows = await cohortCases(trx, cohort)
      .innerJoin('case_facets as f', 'f.case_id', 'c.id')
      .where('f.kind', '=', kind)
      .select((eb) => ['f.value', eb.fn.countAll<number | string>().as('n')])
      .groupBy('f.value')
      .execute();
    return rows.map((row) => ({ value: row.value, count: count(row.n) }));
  },

  /** Cases with at least one facet of `kind`. */
  async casesWithFacet(trx: Db, cohort: StatsCohort, kind: FacetKind): Promise<number> {
    const row = await cohortCases(trx, cohort)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('case_facets as f')
            .select('f.case_id')
            .whereRef('f.case_id', '=', 'c.id')
            .where('f.kind', '=', kind),
        ),
      )
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst();
    return count(row?.n);
  },

  /** Cases per intake channel (web form, phone, e-mail …). */
  async perChannel(trx: Db, cohort: StatsCohort) {
    const rows = await cohortCases(trx, cohort)
      .select((eb) => ['c.intake_channel', eb.fn.countAll<number | string>().as('n')])
      .groupBy('c.intake_channel')
      .execute();
    return rows.map((row) => ({ value: row.intake_channel, count: count(row.n) }));
  },

  /** Cases per current workflow stage. */
  async perStage(trx: Db, cohort: StatsCohort) {
    const rows = await cohortCases(trx, cohort)
      .select((eb) => ['c.stage', eb.fn.countAll<number | string>().as('n')])
      .groupBy('c.stage')
      .execute();
    return rows.map((row) => ({ value: row.stage, count: count(row.n) }));
  },

  /**
   * First replies: how many were answered, the SLA tally against `targetMs` (met: answered within the
   * target; missed: answered late, or unanswered past it; pending: unanswered, still within it; ended:
   * withdrawn, resolved or closed within the target without a reply), and the median and 90th
   * percentile of the counted time to the first reply (linear interpolation, as percentile_cont).
   */
  async firstResponse(trx: Db, d: DialectSql, cohort: StatsCohort, now: string, targetMs: number) {
    const rows = firstResponseRows(trx, d, cohort, now);
    const answered = sql`r.first_response_at is not null`;
    const within = sql`r.counted_ms <= ${targetMs}`;
    const tally = await sql<
      Record<'answered' | 'met' | 'missed' | 'pending' | 'ended', number | string | null>
    >`
      select
        sum(case when ${answered} then 1 else 0 end) as answered,
        sum(case when ${answered} and ${within} then 1 else 0 end) as met,
        sum(case when not (${within}) then 1 else 0 end) as missed,
        sum(case when not (${answered}) and ${within} and r.stop_at is null then 1 else 0 end) as pending,
        sum(case when not (${answered}) and ${within} and r.stop_at is not null then 1 else 0 end) as ended
      from (${rows}) as r`.execute(trx);
    const durations = sql`select r.counted_ms as value from (${rows}) as r where ${answered}`;
    const percentiles = await d.percentiles(durations, { p50: 0.5, p90: 0.9 }).execute(trx);
    const t = tally.rows[0];
    const p = percentiles.rows[0];
    const ms = (value: number | null | undefined) =>
      value === null || value === undefined ? null : Number(value);
    return {
      answered: count(t?.answered),
      met: count(t?.met),
      missed: count(t?.missed),
      pending: count(t?.pending),
      endedWithoutReply: count(t?.ended),
      medianMs: ms(p?.p50),
      p90Ms: ms(p?.p90),
    };
  },

  /** Cases that ever entered each stage (from the timeline's stage changes). */
  async stagesReached(trx: Db, d: DialectSql, cohort: StatsCohort) {
    const to = d.jsonText(sql.ref('e.detail'), 'to');
    const rows = await cohortCases(trx, cohort)
      .innerJoin('case_events as e', 'e.case_id', 'c.id')
      .where('e.type', '=', 'stage-changed')
      .select([to.as('stage'), sql<number | string>`count(distinct e.case_id)`.as('n')])
      .groupBy(to)
      .execute();
    return rows.map((row) => ({ value: String(row.stage), count: count(row.n) }));
  },

  /** Cases resolved, by the stage they were resolved from (negotiation: settled; …). */
  async resolvedFrom(trx: Db, d: DialectSql, cohort: StatsCohort) {
    const from = d.jsonText(sql.ref('e.detail'), 'from');
    const rows = await cohortCases(trx, cohort)
      .innerJoin('case_events as e', 'e.case_id', 'c.id')
      .where('e.type', '=', 'stage-changed')
      .where(d.jsonText(sql.ref('e.detail'), 'to'), '=', 'resolved')
      .select([from.as('stage'), sql<number | string>`count(distinct e.case_id)`.as('n')])
      .groupBy(from)
      .execute();
    return rows.map((row) => ({ value: String(row.stage), count: count(row.n) }));
  },

  /** Offending posts of the cohort's cases (case_post_targets), per takedown and per disclosure state. */
  async postStates(trx: Db, cohort: StatsCohort) {
    const perState = async (column: 'takedown_state' | 'disclosure_state') => {
      const rows = await cohortCases(trx, cohort)
        .innerJoin('case_post_targets as t', 't.case_id', 'c.id')
        .select((eb) => [eb.ref(`t.${column}`).as('state'), eb.fn.countAll<number | string>().as('n')])
        .groupBy(`t.${column}`)
        .execute();
      return rows.map((row) => ({ value: String(row.state), count: count(row.n) }));
    };
    const [takedown, disclosure] = await Promise.all([
      perState('takedown_state'),
      perState('disclosure_state'),
    ]);
    return { total: takedown.reduce((sum, row) => sum + row.count, 0), takedown, disclosure };
  },

  // ——— facets ———

  /** Replaces a case's facets and stamps `cases.facets_at`. */
  async replaceFacets(
    trx: Db,
    caseId: string,
    rows: readonly Insertable<CaseFacetsTable>[],
    nowIso: string,
  ): Promise<void> {
    await trx.deleteFrom('case_facets').where('case_id', '=', caseId).execute();
    if (rows.length > 0)
      await trx
        .insertInto('case_facets')
        .values([...rows])
        // A start-up backfill and a statistics request may fill in the same case at once.
        .onConflict((oc) => oc.columns(['case_id', 'kind', 'value']).doNothing())
        .execute();
    await trx.updateTable('cases').set({ facets_at: nowIso }).where('id', '=', caseId).execute();
  },

  /** Cases whose facets were never written (created before migration 0011, or by a path that skipped them). */
  async casesWithoutFacets(trx: Db, limit: number) {
    return trx
      .selectFrom('cases')
      .select(['id', 'platforms', 'triage_sealed'])
      .where('facets_at', 'is', null)
      .where('stage', '!=', 'withdrawn')
      .orderBy('id')
      .limit(limit)
      .execute();
  },
};
