import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { DAY_MS, JAPAN_MIDNIGHT_OFFSET_MS, type ScheduledTask } from '../../jobs/scheduler.js';
import type { CaseRow } from '../intake/intake.repository.js';
import type { CaseErasure } from './case-erasure.js';

/**
 * Stages after which a case's retention period runs (core WORKFLOW_STAGES): the goal was reached or
 * the case was closed. Withdrawn cases count from `withdrawn_at`; withdrawal already erases them
 * (erased_at set), so retention only ever picks one up if some path withdrew without erasing.
 */
export const FINISHED_STAGES = ['resolved', 'closed'] as const;

/**
 * The instant before which a case must have closed to be erased now: `years` calendar years before
 * `now` (UTC). A case closed 5 years and 1 day ago is past it; one closed 5 years less a day ago is not.
 */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/** When the retention period of a case started, or null while it is open (or not yet finished). */
export function retentionStart(
  row: Pick<CaseRow, 'stage' | 'closed_at' | 'updated_at' | 'withdrawn_at'>,
): string | null {
  if (row.stage === 'withdrawn') return row.withdrawn_at ?? row.updated_at;
  if ((FINISHED_STAGES as readonly string[]).includes(row.stage)) return row.closed_at ?? row.updated_at;
  return null;
}

export interface RetentionRunOutcome {
  /** ISO instant: cases closed before it are due. */
  readonly cutoff: string;
  /** Cases due for erasure (with --dry-run: what a run would erase). */
  readonly due: number;
  readonly erased: number;
  readonly blobsDeleted: number;
}

export interface RetentionServiceDeps {
  readonly db: Kysely<Database>;
  readonly erasure: Pick<CaseErasure, 'erase'>;
  readonly clock: () => Date;
  /** Config MIMAMORU_RETENTION_YEARS. */
  readonly years: number;
  readonly batchSize?: number;
}

/**
 * Retention: personal data of finished cases is erased when the retention period after closing ends.
 * mimamoru keeps a consultation only as long as it may be needed for it (a reopened case, a question
 * from the victim's lawyer); afterwards 個人情報保護法22条 asks that personal data no longer needed be
 * erased without delay (https://laws.e-gov.go.jp/law/415AC0000000057 第22条: 利用する必要がなくなったと
 * きは、当該個人データを遅滞なく消去するよう努めなければならない).
 */
export function createRetentionService({ db, erasure, clock, years, batchSize = 100 }: RetentionServiceDeps) {
  /** Ids of not-yet-erased cases whose period started before `cutoff`, a page after `after`. */
  function duePage(cutoff: string, after: string, limit: number) {
    return db
      .selectFrom('cases')
      .select('id')
      .where('erased_at', 'is', null)
      .where('id', '>', after)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('stage', 'in', [...FINISHED_STAGES]),
            eb(eb.fn.coalesce('closed_at', 'updated_at'), '<=', cutoff),
          ]),
          eb.and([
            eb('stage', '=', 'withdrawn'),
            eb(eb.fn.coalesce('withdrawn_at', 'updated_at'), '<=', cutoff),
          ]),
        ]),
      )
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  return {
    years,

    /**
     * Erases every case whose retention period has ended, one transaction per case (each rechecks that
     * the case is still due, so a case reopened meanwhile is left alone). Idempotent: erased cases are
     * not selected again. `dryRun` only counts.
     */
    async run({
      dryRun = false,
      now = clock(),
    }: { dryRun?: boolean; now?: Date } = {}): Promise<RetentionRunOutcome> {
      const cutoff = retentionCutoff(now, years).toISOString();
      let due = 0;
      let erased = 0;
      let blobsDeleted = 0;
      let after = '';
      for (;;) {
        const page = await duePage(cutoff, after, batchSize);
        due += page.length;
        if (!dryRun) {
          for (const { id } of page) {
            const outcome = await erasure.erase({
              caseId: id,
              reason: 'retention',
              decide: async (_trx, row) => {
                const start = retentionStart(row);
                return row.erased_at === null && start !== null && start <= cutoff ? 'erase' : 'skip';
              },
            });
            if (outcome.erased) erased += 1;
            blobsDeleted += outcome.blobsDeleted;
          }
        }
        if (page.length < batchSize) break;
        after = page[page.length - 1]?.id ?? after;
      }
      return { cutoff, due, erased, blobsDeleted };
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;

/** The daily retention run (shortly after midnight in Japan), through the scheduler. */
export function createRetentionTask(retention: Pick<RetentionService, 'run'>): ScheduledTask {
  return {
    name: 'retention.erase-expired',
    everyMs: DAY_MS,
    offsetMs: JAPAN_MIDNIGHT_OFFSET_MS,
    async run({ now }) {
      const { due, erased, blobsDeleted } = await retention.run({ now });
      return { due, erased, blobsDeleted };
    },
  };
}
