import { claimDueJobs, type JobRow } from '../db/claim-job.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Keyring } from '../security/keyring.js';
import { PermanentJobError, type JobDefinition, type JobLogger } from './define-job.js';
import { jobPayloadContext } from './enqueue-job.js';

export interface Worker {
  /** Polls for due jobs every `pollMs` until {@link Worker.stop}. */
  start(): void;
  /** Stops polling and waits for the job in progress to finish. */
  stop(): Promise<void>;
  /** Claims and runs due jobs one at a time until none is due (or `maxJobs`); used by tests too. */
  runOnce(options?: { maxJobs?: number }): Promise<RunOutcome>;
}

export interface RunOutcome {
  readonly done: number;
  readonly retried: number;
  readonly failed: number;
}

export interface WorkerDeps {
  readonly database: Pick<DatabaseHandle, 'db' | 'dialect'>;
  readonly keyring: Pick<Keyring, 'open'>;
  readonly jobs: readonly JobDefinition[];
  readonly clock: () => Date;
  readonly logger: JobLogger;
  readonly pollMs?: number;
  /** How long a claimed job is reserved; a job still running after it may be claimed again. */
  readonly leaseMs?: number;
  /** Delay before retry n (1-based); default 30 s · 2^(n-1), at most 1 h. */
  readonly backoffMs?: (attempt: number) => number;
  /** Finished jobs are deleted after this long (default 7 days). */
  readonly retentionMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function defaultBackoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 60 * 60 * 1000);
}

const EMAIL = /[^\s<>"'@]+@[^\s<>"'@]+/g;

/** Name, code and a short message with e-mail addresses masked: what may be stored and logged. */
export function describeJobError(error: unknown): { code: string; text: string } {
  if (!(error instanceof Error)) return { code: 'unknown', text: 'non-error thrown' };
  const raw = (error as { code?: unknown; responseCode?: unknown }).code;
  const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : error.name;
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  const message = error.message.replace(EMAIL, '[address]').replace(/\s+/g, ' ').slice(0, 200);
  return {
    code,
    text: `${error.name}[${code}${typeof responseCode === 'number' ? ` ${responseCode}` : ''}]: ${message}`,
  };
}

/** The job worker: claims due jobs from the database table and runs their handlers outside any transaction. */
export function createWorker(deps: WorkerDeps): Worker {
  const { database, keyring, clock, logger } = deps;
  const { db } = database;
  const pollMs = deps.pollMs ?? 1000;
  const leaseMs = deps.leaseMs ?? 10 * 60 * 1000;
  const backoffMs = deps.backoffMs ?? defaultBackoffMs;
  const retentionMs = deps.retentionMs ?? 7 * DAY_MS;
  const definitions = new Map<string, JobDefinition>(deps.jobs.map((job) => [job.type, job]));

  let started = false;
  let stopRequested = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> | null = null;
  let lastPurge = 0;

  /** Updates the job only if this worker still holds it (its lease was not taken over). */
  const finish = (job: JobRow, values: Partial<Omit<JobRow, 'id'>>) =>
    db
      .updateTable('jobs')
      .set({ ...values, updated_at: clock().toISOString() })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('attempts', '=', job.attempts)
      .execute();

  const runJob = async (job: JobRow): Promise<keyof RunOutcome> => {
    const log = { jobId: job.id, type: job.type, attempt: job.attempts };
    try {
      if (job.attempts > job.max_attempts) {
        throw new PermanentJobError(
          'jobs.lease_expired',
          'the last attempt did not finish (worker stopped?)',
        );
      }
      const definition = definitions.get(job.type);
      if (!definition) throw new Error(`no handler for job type ${job.type} in this process`);
      let payload: unknown;
      try {
        const parsed = definition.payload.safeParse(
          JSON.parse(keyring.open(job.payload, jobPayloadContext(job.id)).toString('utf8')),
        );
        if (!parsed.success) throw new Error('payload does not match the job type schema');
        payload = parsed.data;
      } catch (error) {
        throw new PermanentJobError('jobs.invalid_payload', 'payload cannot be opened or parsed', {
          cause: error,
        });
      }
      await definition.handler(payload, {
        jobId: job.id,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        logger,
      });
      await finish(job, { status: 'done', payload: '', locked_until: null, last_error: null });
      logger.info(log, 'job done');
      return 'done';
    } catch (error) {
      const { code, text } = describeJobError(error);
      const permanent = error instanceof PermanentJobError;
      if (permanent || job.attempts >= job.max_attempts) {
        await finish(job, { status: 'failed', payload: '', locked_until: null, last_error: text });
        logger.error({ ...log, code, error: text }, 'job failed permanently');
        return 'failed';
      }
      const runAt = new Date(clock().getTime() + backoffMs(job.attempts)).toISOString();
      await finish(job, { status: 'pending', run_at: runAt, locked_until: null, last_error: text });
      logger.warn({ ...log, code, error: text, retryAt: runAt }, 'job attempt failed; will retry');
      return 'retried';
    }
  };

  const purge = async () => {
    const now = clock().getTime();
    if (now - lastPurge < 60 * 60 * 1000) return;
    lastPurge = now;
    await db
      .deleteFrom('jobs')
      .where('status', 'in', ['done', 'failed'])
      .where('updated_at', '<', new Date(now - retentionMs).toISOString())
      .execute();
  };

  const runOnce = async ({ maxJobs = 100 }: { maxJobs?: number } = {}): Promise<RunOutcome> => {
    const outcome = { done: 0, retried: 0, failed: 0 };
    await purge();
    for (let count = 0; count < maxJobs && !stopRequested; count += 1) {
      const now = clock();
      const [job] = await claimDueJobs(database, {
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
        limit: 1,
      });
      if (!job) break;
      outcome[await runJob(job)] += 1;
    }
    return outcome;
  };

  const tick = async () => {
    timer = undefined;
    if (!started) return;
    let busy = false;
    const run = runOnce().then(
      (outcome) => {
        busy = outcome.done + outcome.retried + outcome.failed > 0;
      },
      (error: unknown) => logger.error({ error: describeJobError(error).text }, 'job worker poll failed'),
    );
    current = run;
    await run;
    current = null;
    if (started) timer = setTimeout(() => void tick(), busy ? 0 : pollMs);
  };

  return {
    start() {
      if (started) return;
      started = true;
      timer = setTimeout(() => void tick(), 0);
    },
    async stop() {
      stopRequested = true;
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
      stopRequested = false;
    },
    runOnce,
  };
}
