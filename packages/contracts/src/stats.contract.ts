import {
  ACTION_STAGES,
  CATEGORIES,
  DISCLOSURE_STATES,
  INTAKE_CHANNELS,
  LOCALES,
  PLATFORMS,
  TAKEDOWN_STATES,
  WORKFLOW_STAGES,
} from '@mimamoru/core';
import { z } from 'zod';
import { isoDate } from './common.contract.js';

/** Weeks the statistics cover when no period is given: the current Japan-time week and the 11 before it. */
export const STATS_DEFAULT_WEEKS = 12;
/** Longest period one request may cover, in days. */
export const STATS_MAX_DAYS = 3 * 366;

/**
 * Query of GET /api/staff/stats and /api/staff/stats.csv: consultations received from `from` to `to`
 * (calendar days in Japan, both included). Default: the last {@link STATS_DEFAULT_WEEKS} weeks (Monday
 * start) up to today. `locale` picks the CSV's headers and labels.
 */
export const StatsQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  locale: z.enum(LOCALES).optional(),
});
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

const count = z.number().int().min(0);

/** Stages a case's outcome is read from: the legal actions, then resolved and closed. */
export const STATS_OUTCOME_STAGES = [...ACTION_STAGES, 'resolved', 'closed'] as const;
/** Stages a case can be resolved from (`negotiation`: settled out of court). */
export const STATS_RESOLVED_FROM = [...ACTION_STAGES, 'in-progress'] as const;

/** Response of GET /api/staff/stats. Every number is a SQL aggregate over the cases received in the period. */
export const StatsSchema = z.object({
  period: z.object({
    /** First and last day (YYYY-MM-DD, Japan), both included. */
    from: z.string(),
    to: z.string(),
    timeZone: z.literal('Asia/Tokyo'),
  }),
  /** Whose cases: every team (admins), or the caller's team (consultants). */
  scope: z.object({ teamId: z.string().nullable() }),
  generatedAt: z.string(),
  /** Consultations received in the period, and how many of them the victim has withdrawn since. */
  received: count,
  withdrawn: count,
  /** Every week of the period (Monday, YYYY-MM-DD, Japan time), oldest first, including empty weeks. */
  perWeek: z.array(z.object({ weekStart: z.string(), count })),
  /** Cases per platform, most first (a case naming two platforms counts for each); zeros left out. */
  byPlatform: z.array(z.object({ platform: z.enum(PLATFORMS), count })),
  /** Cases per legal category the Guide's answers raise, most first; zeros left out. */
  byCategory: z.array(z.object({ category: z.enum(CATEGORIES), count })),
  /** Cases without Guide answers (so without categories). */
  withoutCategory: count,
  /** Cases per intake channel (web form, phone, e-mail …), most first; zeros left out. */
  byChannel: z.array(z.object({ channel: z.enum(INTAKE_CHANNELS), count })),
  firstResponse: z.object({
    /** The SLA target applied (MIMAMORU_SLA_FIRST_RESPONSE_HOURS). */
    targetHours: z.number().positive(),
    /** Cases with a first reply. */
    answered: count,
    /** Median and 90th percentile of the time to the first reply, waiting-for-the-victim pauses excluded; null without replies. */
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
    /** Answered within the target. */
    met: count,
    /** Answered after the target, or unanswered past it. */
    missed: count,
    /** Unanswered and still within the target. */
    pending: count,
    /** Withdrawn, resolved or closed within the target without a reply (no reply was due). */
    endedWithoutReply: count,
    /** met / (met + missed) in percent, one decimal; null when neither. */
    metPercent: z.number().min(0).max(100).nullable(),
  }),
  outcomes: z.object({
    /** Cases that ever entered each stage, in workflow order. */
    stagesReached: z.array(z.object({ stage: z.enum(STATS_OUTCOME_STAGES), count })),
    /** Cases resolved, by the stage they were resolved from. */
    resolvedFrom: z.array(z.object({ stage: z.enum(STATS_RESOLVED_FROM), count })),
    /** Where the cases are now, every stage in workflow order. */
    currentStages: z.array(z.object({ stage: z.enum(WORKFLOW_STAGES), count })),
    /** Offending posts of these cases, per state of each track, in track order. */
    posts: z.object({
      total: count,
      takedown: z.array(z.object({ state: z.enum(TAKEDOWN_STATES), count })),
      disclosure: z.array(z.object({ state: z.enum(DISCLOSURE_STATES), count })),
    }),
  }),
});
export type Stats = z.infer<typeof StatsSchema>;
