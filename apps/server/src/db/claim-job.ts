import type { Selectable } from 'kysely';
import type { DatabaseHandle } from './database.js';
import type { JobsTable } from './schema.js';

export type JobRow = Selectable<JobsTable>;

/**
 * Atomically takes up to `limit` due jobs for this worker: pending ones whose `run_at` has come,
 * and running ones whose lease expired (their worker died). Each claimed row becomes `running`
 * with `attempts + 1` and a lease until `leaseUntil`.
 *
 * One UPDATE … WHERE id IN (SELECT …) RETURNING statement on both databases. On PostgreSQL the
 * subquery takes row locks with FOR UPDATE SKIP LOCKED, so concurrent workers in several processes
 * each get different rows without waiting. SQLite runs a write statement under the database's
 * single write lock (taken before the subquery reads), so two claims cannot interleave.
 */
export async function claimDueJobs(
  database: Pick<DatabaseHandle, 'db' | 'dialect'>,
  { now, leaseUntil, limit }: { now: string; leaseUntil: string; limit: number },
): Promise<JobRow[]> {
  const { db } = database;
  return db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      locked_until: leaseUntil,
      updated_at: now,
    }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('jobs')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'pending'), w('run_at', '<=', now)]),
            w.and([w('status', '=', 'running'), w('locked_until', '<=', now)]),
          ]),
        )
        .orderBy('run_at')
        .limit(limit);
      return database.dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
}
