import { OPEN_STAGES } from '@mimamoru/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { DAY_MS, JAPAN_MIDNIGHT_OFFSET_MS, type ScheduledTask } from '../../jobs/scheduler.js';
import type { CaseSealer } from '../intake/case-sealing.js';
import { caseFactsOf, priorityColumns } from './case-workflow.js';

export interface RecomputeOutcome {
  /** Open cases looked at. */
  readonly checked: number;
  /** Cases whose priority or next deadline changed and was written. */
  readonly changed: number;
  /** Cases skipped: changed by staff meanwhile (their write recomputed it), or unreadable intake. */
  readonly skipped: number;
}

type PriorityColumns = ReturnType<typeof priorityColumns>;
const COLUMNS = ['priority_score', 'priority_level', 'next_deadline_id', 'next_deadline_on'] as const;

/**
 * Recomputes the priority and the next legal deadline of every open case as of `now`, in batches: as
 * days pass, deadlines come closer (the score rises) and passed ones drop out (the next one takes
 * their place). Uses the same functions as every staff write (case-workflow.ts caseFactsOf,
 * priorityColumns). Only those columns are written, without moving `version` or `updated_at`: this is
 * not a change anyone made, and a consultant editing the case meanwhile must not get a stale-write
 * 409. The update applies only if the version is still the one read; otherwise the staff write that
 * moved it computed the columns itself.
 */
export async function recomputeOpenCases({
  db,
  sealer,
  now,
  batchSize = 200,
}: {
  db: Kysely<Database>;
  sealer: CaseSealer;
  now: Date;
  batchSize?: number;
}): Promise<RecomputeOutcome> {
  let checked = 0;
  let changed = 0;
  let skipped = 0;
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('cases')
      .selectAll()
      .where('stage', 'in', [...OPEN_STAGES])
      .where('erased_at', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      checked += 1;
      let next: PriorityColumns;
      try {
        next = priorityColumns(caseFactsOf(sealer, row), now);
      } catch {
        // A cell that does not open (wrong key, corrupt): leave the row as it is; keys status shows it.
        skipped += 1;
        continue;
      }
      if (COLUMNS.every((column) => row[column] === next[column])) continue;
      const result = await db
        .updateTable('cases')
        .set(next)
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) changed += 1;
      else skipped += 1;
    }
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]?.id ?? after;
  }
  return { checked, changed, skipped };
}

/** Daily at midnight in Japan (the day the deadlines count in), and at start when today has not run. */
export function createPriorityRecomputeTask({
  db,
  sealer,
}: {
  db: Kysely<Database>;
  sealer: CaseSealer;
}): ScheduledTask {
  return {
    name: 'cases.recompute-priority',
    everyMs: DAY_MS,
    offsetMs: JAPAN_MIDNIGHT_OFFSET_MS,
    run: async ({ now }) => ({ ...(await recomputeOpenCases({ db, sealer, now })) }),
  };
}
