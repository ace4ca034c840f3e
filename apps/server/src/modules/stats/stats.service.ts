import {
  STATS_DEFAULT_WEEKS,
  STATS_MAX_DAYS,
  STATS_OUTCOME_STAGES,
  STATS_RESOLVED_FROM,
  type Stats,
  type StatsQuery,
} from '@mimamoru/contracts';
import {
  addDays,
  CATEGORIES,
  daysBetween,
  DISCLOSURE_STATES,
  INTAKE_CHANNELS,
  PLATFORMS,
  TAKEDOWN_STATES,
  todayInTokyo,
  WORKFLOW_STAGES,
  type Locale,
} from '@mimamoru/core';
import type { DatabaseHandle } from '../../db/database.js';
import { dialectSql } from '../../db/dialect-sql.js';
import type { AuditService } from '../audit/audit.service.js';
import { caseScope, type CaseViewer } from '../cases/case-scope.js';
import type { CaseSealer } from '../intake/case-sealing.js';
import { backfillCaseFacets } from './case-facets.js';
import { statsCsv } from './stats.csv.js';
import { createPeriodReversedError, createPeriodTooLongError } from './stats.errors.js';
import { statsRepository, type StatsCohort } from './stats.repository.js';

/** The staff member asking, with the keyed hash of their IP (computed before any transaction). */
export interface StatsViewer extends CaseViewer {
  readonly id: string;
  readonly ipHash: string | null;
}

export interface StatsServiceDeps {
  readonly database: Pick<DatabaseHandle, 'db' | 'dialect'>;
  readonly sealer: Pick<CaseSealer, 'openOptional'>;
  readonly audit: Pick<AuditService, 'record'>;
  readonly clock: () => Date;
  /** First-response target in hours (config MIMAMORU_SLA_FIRST_RESPONSE_HOURS). */
  readonly slaHours: number;
}

const MS_PER_HOUR = 3_600_000;

/** The instant a Japan calendar day starts (00:00 JST), as ISO-8601 UTC. */
function tokyoMidnight(date: string): string {
  return new Date(`${date}T00:00:00+09:00`).toISOString();
}

/** Monday of the (Monday to Sunday) week of a calendar day. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The period asked for, defaulting to the last {@link STATS_DEFAULT_WEEKS} weeks up to today (Japan). */
function periodOf(query: Pick<StatsQuery, 'from' | 'to'>, now: Date): { from: string; to: string } {
  const to = query.to ?? todayInTokyo(now);
  const from = query.from ?? addDays(mondayOf(to), -7 * (STATS_DEFAULT_WEEKS - 1));
  if (from > to) throw createPeriodReversedError({ from, to });
  if (daysBetween(from, to) + 1 > STATS_MAX_DAYS)
    throw createPeriodTooLongError({ days: String(STATS_MAX_DAYS) });
  return { from, to };
}

/** Counts in the order of `order`, values outside it dropped, zeros included. */
function ordered<K extends string>(order: readonly K[], rows: readonly { value: string; count: number }[]) {
  const counts = new Map(rows.map((row) => [row.value, row.count]));
  return order.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/** Non-zero counts, most first (ties in the order of `order`). */
function ranked<K extends string>(order: readonly K[], rows: readonly { value: string; count: number }[]) {
  return ordered(order, rows)
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count);
}

/** Statistics of the consultations received in a period: every number is a SQL aggregate. */
export function createStatsService({ database, sealer, audit, clock, slaHours }: StatsServiceDeps) {
  const { db } = database;
  const d = dialectSql(database.dialect);

  async function compute(query: Pick<StatsQuery, 'from' | 'to'>, viewer: StatsViewer): Promise<Stats> {
    const now = clock();
    const { from, to } = periodOf(query, now);
    const scope = caseScope(viewer);
    const cohort: StatsCohort = {
      from: tokyoMidnight(from),
      to: tokyoMidnight(addDays(to, 1)),
      ...(scope.kind === 'team' ? { teamId: scope.teamId } : {}),
      ...(scope.kind === 'none' ? { nobody: true } : {}),
    };
    // Cases created by a path that did not write their facets (or before migration 0011) first.
    await backfillCaseFacets({ db, sealer, clock });

    const targetMs = slaHours * MS_PER_HOUR;
    const [
      totals,
      weeks,
      platforms,
      categories,
      categorized,
      channels,
      stages,
      first,
      reached,
      resolved,
      posts,
    ] = await Promise.all([
      statsRepository.totals(db, cohort),
      statsRepository.perWeek(db, d, cohort),
      statsRepository.facetCounts(db, cohort, 'platform'),
      statsRepository.facetCounts(db, cohort, 'category'),
      statsRepository.casesWithFacet(db, cohort, 'category'),
      statsRepository.perChannel(db, cohort),
      statsRepository.perStage(db, cohort),
      statsRepository.firstResponse(db, d, cohort, now.toISOString(), targetMs),
      statsRepository.stagesReached(db, d, cohort),
      statsRepository.resolvedFrom(db, d, cohort),
      statsRepository.postStates(db, cohort),
    ]);

    const perWeek = new Map(weeks.map((w) => [w.weekStart, w.count]));
    const weekStarts: string[] = [];
    for (let week = mondayOf(from); week <= to; week = addDays(week, 7)) weekStarts.push(week);
    const decided = first.met + first.missed;

    return {
      period: { from, to, timeZone: 'Asia/Tokyo' },
      scope: { teamId: scope.kind === 'team' ? scope.teamId : null },
      generatedAt: now.toISOString(),
      received: totals.received,
      withdrawn: totals.withdrawn,
      perWeek: weekStarts.map((weekStart) => ({ weekStart, count: perWeek.get(weekStart) ?? 0 })),
      byPlatform: ranked(PLATFORMS, platforms).map(({ key, count }) => ({ platform: key, count })),
      byCategory: ranked(CATEGORIES, categories).map(({ key, count }) => ({ category: key, count })),
      withoutCategory: Math.max(0, totals.received - totals.withdrawn - categorized),
      byChannel: ranked(INTAKE_CHANNELS, channels).map(({ key, count }) => ({ channel: key, count })),
      firstResponse: {
        targetHours: slaHours,
        answered: first.answered,
        medianMs: first.medianMs,
        p90Ms: first.p90Ms,
        met: first.met,
        missed: first.missed,
        pending: first.pending,
        endedWithoutReply: first.endedWithoutReply,
        metPercent: decided === 0 ? null : Math.round((1000 * first.met) / decided) / 10,
      },
      outcomes: {
        stagesReached: ordered(STATS_OUTCOME_STAGES, reached).map(({ key, count }) => ({
          stage: key,
          count,
        })),
        resolvedFrom: ordered(STATS_RESOLVED_FROM, resolved).map(({ key, count }) => ({ stage: key, count })),
        currentStages: ordered(WORKFLOW_STAGES, stages).map(({ key, count }) => ({ stage: key, count })),
        posts: {
          total: posts.total,
          takedown: ordered(TAKEDOWN_STATES, posts.takedown).map(({ key, count }) => ({ state: key, count })),
          disclosure: ordered(DISCLOSURE_STATES, posts.disclosure).map(({ key, count }) => ({
            state: key,
            count,
          })),
        },
      },
    };
  }

  const auditLine = (viewer: StatsViewer, action: string, stats: Stats) =>
    audit.record({
      actorType: 'staff',
      actorId: viewer.id,
      action,
      ipHash: viewer.ipHash,
      detail: {
        from: stats.period.from,
        to: stats.period.to,
        scope: stats.scope.teamId === null ? 'all' : 'team',
        received: stats.received,
      },
    });

  return {
    /** Fills in the facets of cases that have none; main.ts runs it at start, after the migrations. */
    backfillFacets: () => backfillCaseFacets({ db, sealer, clock }),

    /** The statistics page's numbers; viewing them is audited. */
    async viewStats({ query, viewer }: { query: Pick<StatsQuery, 'from' | 'to'>; viewer: StatsViewer }) {
      const stats = await compute(query, viewer);
      await auditLine(viewer, 'stats.viewed', stats);
      return stats;
    },

    /**
     * The same numbers as CSV (one row per figure: section, item, key, value), with headers and labels
     * in `locale`; the export is audited.
     */
    async exportStatsCsv({
      query,
      viewer,
      locale,
    }: {
      query: Pick<StatsQuery, 'from' | 'to'>;
      viewer: StatsViewer;
      locale: Locale;
    }): Promise<{ csv: string; stats: Stats }> {
      const stats = await compute(query, viewer);
      await auditLine(viewer, 'stats.exported', stats);
      return { csv: statsCsv(stats, locale), stats };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
