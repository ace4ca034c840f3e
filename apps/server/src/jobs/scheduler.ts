import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { JobLogger } from './define-job.js';
import { describeJobError } from './worker.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Offset that makes daily periods start at midnight in Japan (UTC+9, no daylight saving). */
export const JAPAN_MIDNIGHT_OFFSET_MS = -9 * HOUR_MS;

/** Counts a run reports (logged and stored in scheduled_runs.outcome); never personal data. */
export type TaskOutcome = Readonly<Record<string, number>>;

/** A recurring task: runs at most once per period across every server process sharing the database. */
export interface ScheduledTask {
  /** Unique, e.g. `retention.erase-expired`. */
  readonly name: string;
  /** Period length. */
  readonly everyMs: number;
  /** Where periods start relative to the Unix epoch (e.g. {@link JAPAN_MIDNIGHT_OFFSET_MS}). */
  readonly offsetMs?: number;
  /** Must be idempotent: a run that died half-way is run again for the same period. */
  run(context: { now: Date; periodStart: string; logger: JobLogger }): Promise<TaskOutcome>;
}

export type ScheduledRunResult =
  | {
      readonly task: string;
      readonly periodStart: string;
      readonly status: 'done';
      readonly outcome: TaskOutcome;
    }
  | { readonly task: string; readonly periodStart: string; readonly status: 'failed'; readonly error: string }
  /** Another process ran or runs this period already (or it failed too often). */
  | { readonly task: string; readonly periodStart: string; readonly status: 'skipped' };

export interface Scheduler {
  /** Runs what is due now, then checks every `tickMs` until {@link Scheduler.stop}. */
  start(): void;
  /** Stops checking and waits for the run in progress. */
  stop(): Promise<void>;
  /** Runs every task whose current period has not run yet; what `start` does on each tick (tests call it). */
  runDue(now?: Date): Promise<ScheduledRunResult[]>;
}

export interface SchedulerDeps {
  readonly db: Kysely<Database>;
  readonly tasks: readonly ScheduledTask[];
  readonly clock: () => Date;
  readonly logger: JobLogger;
  readonly tickMs?: number;
  /** A running period whose process died is taken over after this long. */
  readonly leaseMs?: number;
  /** A failed period is tried again after this long, at most `maxAttempts` times. */
  readonly retryMs?: number;
  readonly maxAttempts?: number;
  /** Rows of finished periods are deleted after this long. */
  readonly keepMs?: number;
}

/** The start (ISO-8601) of the period of `task` that contains `now`. */
export function periodStartOf(now: Date, task: Pick<ScheduledTask, 'everyMs' | 'offsetMs'>): string {
  const offset = task.offsetMs ?? 0;
  const start = Math.floor((now.getTime() - offset) / task.everyMs) * task.everyMs + offset;
  return new Date(start).toISOString();
}

/**
 * Recurring tasks over the `scheduled_runs` table. Claiming a period is one INSERT … ON CONFLICT DO
 * NOTHING on the primary key (task, period start), so of several processes exactly one runs it; a run
 * whose process died (lease passed) or that failed (after `retryMs`) is taken over by one conditional
 * UPDATE. Tasks run one after another, outside any transaction.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { db, tasks, clock, logger } = deps;
  const tickMs = deps.tickMs ?? MINUTE_MS;
  const leaseMs = deps.leaseMs ?? HOUR_MS;
  const retryMs = deps.retryMs ?? 10 * MINUTE_MS;
  const maxAttempts = deps.maxAttempts ?? 5;
  const keepMs = deps.keepMs ?? 90 * DAY_MS;
  const names = new Set<string>();
  for (const task of tasks) {
    if (names.has(task.name)) throw new Error(`scheduled task ${task.name} is defined twice`);
    names.add(task.name);
  }

  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> | null = null;
  let lastPurge = Number.NEGATIVE_INFINITY;

  /** The attempt number when this process got the period, else null. */
  async function claim(task: string, periodStart: string, now: Date): Promise<number | null> {
    const nowIso = now.toISOString();
    const lease = new Date(now.getTime() + leaseMs).toISOString();
    const inserted = await db
      .insertInto('scheduled_runs')
      .values({
        task,
        period_start: periodStart,
        status: 'running',
        attempts: 1,
        locked_until: lease,
        started_at: nowIso,
        finished_at: null,
        outcome: null,
        last_error: null,
      })
      .onConflict((oc) => oc.columns(['task', 'period_start']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return 1;
    const taken = await db
      .updateTable('scheduled_runs')
      .set({ status: 'running', attempts: sql`attempts + 1`, locked_until: lease, started_at: nowIso })
      .where('task', '=', task)
      .where('period_start', '=', periodStart)
      .where('status', 'in', ['running', 'failed'])
      .where('locked_until', '<=', nowIso)
      .where('attempts', '<', maxAttempts)
      .returning('attempts')
      .executeTakeFirst();
    return taken ? Number(taken.attempts) : null;
  }

  /** Records the end of a run, unless another process took the period over meanwhile. */
  async function finish(
    task: string,
    periodStart: string,
    attempt: number,
    values: { status: 'done' | 'failed'; outcome?: string; last_error?: string; locked_until?: string },
  ) {
    await db
      .updateTable('scheduled_runs')
      .set({ ...values, finished_at: clock().toISOString() })
      .where('task', '=', task)
      .where('period_start', '=', periodStart)
      .where('attempts', '=', attempt)
      .execute();
  }

  async function purge(now: Date) {
    if (now.getTime() - lastPurge < HOUR_MS) return;
    lastPurge = now.getTime();
    await db
      .deleteFrom('scheduled_runs')
      .where('period_start', '<', new Date(now.getTime() - keepMs).toISOString())
      .execute();
  }

  async function runDue(now: Date = clock()): Promise<ScheduledRunResult[]> {
    const results: ScheduledRunResult[] = [];
    await purge(now);
    for (const task of tasks) {
      const periodStart = periodStartOf(now, task);
      const attempt = await claim(task.name, periodStart, now);
      if (attempt === null) {
        results.push({ task: task.name, periodStart, status: 'skipped' });
        continue;
      }
      const log = { task: task.name, periodStart, attempt };
      try {
        const outcome = await task.run({ now, periodStart, logger });
        await finish(task.name, periodStart, attempt, { status: 'done', outcome: JSON.stringify(outcome) });
        logger.info({ ...log, outcome }, 'scheduled task done');
        results.push({ task: task.name, periodStart, status: 'done', outcome });
      } catch (error) {
        const { text } = describeJobError(error);
        await finish(task.name, periodStart, attempt, {
          status: 'failed',
          last_error: text,
          locked_until: new Date(clock().getTime() + retryMs).toISOString(),
        });
        logger.error({ ...log, error: text }, 'scheduled task failed; will retry');
        results.push({ task: task.name, periodStart, status: 'failed', error: text });
      }
    }
    return results;
  }

  const tick = async () => {
    timer = undefined;
    if (!started) return;
    const run = runDue().catch((error: unknown) =>
      logger.error({ error: describeJobError(error).text }, 'scheduler check failed'),
    );
    current = run;
    await run;
    current = null;
    if (started) timer = setTimeout(() => void tick(), tickMs);
  };

  return {
    start() {
      if (started) return;
      started = true;
      timer = setTimeout(() => void tick(), 0);
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
    },
    runDue,
  };
}
