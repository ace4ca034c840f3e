import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;

/**
 * Fixed-window counters in `auth_failures` (shared by every process), for login and reset limits.
 * Keys are `<purpose>:<sha256 of ip, case number or email>`; raw values are never stored.
 */
export const authCounters = {
  /** Current count of a window, or null when none is open since `windowStartAfter`. */
  async read(
    trx: Db,
    key: string,
    windowStartAfter: string,
  ): Promise<{ count: number; windowStart: string } | null> {
    const row = await trx
      .selectFrom('auth_failures')
      .select(['count', 'window_start'])
      .where('key', '=', key)
      .where('window_start', '>', windowStartAfter)
      .executeTakeFirst();
    return row ? { count: Number(row.count), windowStart: row.window_start } : null;
  },

  /** Adds one, starting a new window when the open one began before `windowStartAfter`. */
  async increment(trx: Db, key: string, nowIso: string, windowStartAfter: string): Promise<void> {
    const stale = sql<boolean>`${sql.ref('auth_failures.window_start')} <= ${windowStartAfter}`;
    await trx
      .insertInto('auth_failures')
      .values({ key, window_start: nowIso, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when ${stale} then 1 else ${sql.ref('auth_failures.count')} + 1 end`,
          window_start: sql<string>`case when ${stale} then ${nowIso} else ${sql.ref('auth_failures.window_start')} end`,
        }),
      )
      .execute();
  },

  /** Drops counters whose window closed before `windowStartAfter` (they would restart at 1 anyway). */
  async deleteStale(trx: Db, windowStartAfter: string): Promise<void> {
    await trx.deleteFrom('auth_failures').where('window_start', '<=', windowStartAfter).execute();
  },

  async clear(trx: Db, key: string): Promise<void> {
    await trx.deleteFrom('auth_failures').where('key', '=', key).execute();
  },
};

/**
 * The first counter at or over its limit in the current window, with the seconds until it reopens;
 * null when every counter is under its limit.
 */
export async function exceededCounter(
  db: Db,
  counters: readonly { key: string; limit: number }[],
  { now, windowMs }: { now: Date; windowMs: number },
): Promise<{ key: string; retryAfterSeconds: number } | null> {
  const windowStartAfter = new Date(now.getTime() - windowMs).toISOString();
  for (const { key, limit } of counters) {
    const counter = await authCounters.read(db, key, windowStartAfter);
    if (counter && counter.count >= limit) {
      const retryAfterMs = Date.parse(counter.windowStart) + windowMs - now.getTime();
      return { key, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    }
  }
  return null;
}
