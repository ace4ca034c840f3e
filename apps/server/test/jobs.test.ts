import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { claimDueJobs } from '../src/db/claim-job.js';
import { createDatabase, type DatabaseHandle } from '../src/db/database.js';
import { defineJob, PermanentJobError, type JobDefinition } from '../src/jobs/define-job.js';
import { enqueueJob } from '../src/jobs/enqueue-job.js';
import { createWorker } from '../src/jobs/worker.js';
import { createTestApp, databases, type TestApp } from './harness.js';

const START = new Date('2026-11-29T00:00:00.000Z');

describe.each(databases)('job queue on %s', (kind) => {
  let ctx: TestApp;
  let now: Date;
  const clock = () => now;
  beforeEach(async () => {
    now = START;
    ctx = await createTestApp(kind, { clock });
  });
  afterEach(async () => {
    await ctx.close();
  });

  const silent = { info() {}, warn() {}, error() {} };

  function worker(
    jobs: JobDefinition[],
    database: Pick<DatabaseHandle, 'db' | 'dialect'> = ctx.container.database,
  ) {
    return createWorker({
      database,
      keyring: ctx.container.keyring,
      jobs,
      clock,
      logger: silent,
      backoffMs: (n) => 30_000 * 2 ** (n - 1),
    });
  }
  const enqueue = (payload: unknown, options: { type?: string; maxAttempts?: number } = {}) =>
    ctx.container.database.db.transaction().execute((trx) =>
      enqueueJob(
        trx,
        {
          type: options.type ?? 'test.echo',
          payload,
          ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
        },
        {
          keyring: ctx.container.keyring,
          clock,
        },
      ),
    );
  const row = (id: string) =>
    ctx.container.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('has the jobs columns that db/schema.ts declares', async () => {
    const tables = await ctx.container.database.db.introspection.getTables();
    expect(
      tables
        .find((table) => table.name === 'jobs')
        ?.columns.map((column) => column.name)
        .sort(),
    ).toEqual([
      'attempts',
      'created_at',
      'id',
      'last_error',
      'locked_until',
      'max_attempts',
      'payload',
      'run_at',
      'status',
      'type',
      'updated_at',
    ]);
  });

  it('runs a job committed with its data, and stores the payload sealed', async () => {
    const seen: string[] = [];
    const job = defineJob({
      type: 'test.echo',
      payload: z.object({ to: z.string() }),
      handler: async ({ to }) => void seen.push(to),
    });
    const { id } = await enqueue({ to: 'victim@example.jp' });
    expect((await row(id)).payload).not.toContain('victim@example.jp');
    expect(await worker([job]).runOnce()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(seen).toEqual(['victim@example.jp']);
    const done = await row(id);
    expect(done).toMatchObject({ status: 'done', attempts: 1, payload: '', locked_until: null });
  });

  it('never runs a job enqueued in a transaction that rolled back', async () => {
    const seen: unknown[] = [];
    const job = defineJob({
      type: 'test.echo',
      payload: z.unknown(),
      handler: async (p) => void seen.push(p),
    });
    await expect(
      ctx.container.database.db.transaction().execute(async (trx) => {
        await enqueueJob(
          trx,
          { type: 'test.echo', payload: { n: 1 } },
          { keyring: ctx.container.keyring, clock },
        );
        throw new Error('use case failed after enqueue');
      }),
    ).rejects.toThrow('use case failed');
    expect(await worker([job]).runOnce()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(seen).toEqual([]);
    expect(await ctx.container.database.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
  });

  it('refuses to enqueue outside a transaction', async () => {
    await expect(
      enqueueJob(
        ctx.container.database.db,
        { type: 'x', payload: {} },
        { keyring: ctx.container.keyring, clock },
      ),
    ).rejects.toThrow(/inside the use case transaction/);
  });

  it('retries a failing job with exponential backoff until it succeeds', async () => {
    let calls = 0;
    const job = defineJob({
      type: 'test.echo',
      payload: z.unknown(),
      handler: async () => {
        calls += 1;
        if (calls < 3)
          throw Object.assign(new Error('smtp down for victim@example.jp'), { code: 'ECONNREFUSED' });
      },
    });
    const { id } = await enqueue({});
    const w = worker([job]);
    expect(await w.runOnce()).toMatchObject({ retried: 1 });
    let current = await row(id);
    expect(current).toMatchObject({
      status: 'pending',
      attempts: 1,
      run_at: new Date(START.getTime() + 30_000).toISOString(),
    });
    expect(current.last_error).toContain('ECONNREFUSED');
    expect(current.last_error).not.toContain('victim@example.jp');

    now = new Date(START.getTime() + 29_000);
    expect(await w.runOnce()).toEqual({ done: 0, retried: 0, failed: 0 });
    now = new Date(START.getTime() + 30_000);
    expect(await w.runOnce()).toMatchObject({ retried: 1 });
    current = await row(id);
    expect(current.run_at).toBe(new Date(now.getTime() + 60_000).toISOString());
    now = new Date(now.getTime() + 60_000);
    expect(await w.runOnce()).toMatchObject({ done: 1 });
    expect(await row(id)).toMatchObject({ status: 'done', attempts: 3, last_error: null });
  });

  it('marks a job failed after max_attempts, and at once on a permanent error', async () => {
    const logs: string[] = [];
    const logger = {
      info() {},
      warn() {},
      error: (obj: unknown, msg?: string) => void logs.push(`${JSON.stringify(obj)} ${msg}`),
    };
    const flaky = defineJob({
      type: 'test.flaky',
      payload: z.unknown(),
      handler: async () => Promise.reject(new Error('nope')),
    });
    const broken = defineJob({
      type: 'test.broken',
      payload: z.unknown(),
      handler: async () => Promise.reject(new PermanentJobError('test.rejected', 'will never work')),
    });
    const w = createWorker({
      database: ctx.container.database,
      keyring: ctx.container.keyring,
      jobs: [flaky, broken],
      clock,
      logger,
      backoffMs: () => 1000,
    });
    const a = await enqueue({ to: 'victim@example.jp' }, { type: 'test.flaky', maxAttempts: 2 });
    const b = await enqueue({ to: 'victim@example.jp' }, { type: 'test.broken' });
    expect(await w.runOnce()).toEqual({ done: 0, retried: 1, failed: 1 });
    expect(await row(b.id)).toMatchObject({ status: 'failed', attempts: 1, payload: '' });
    now = new Date(START.getTime() + 1000);
    expect(await w.runOnce()).toEqual({ done: 0, retried: 0, failed: 1 });
    expect(await row(a.id)).toMatchObject({ status: 'failed', attempts: 2, payload: '' });
    expect(logs.join('\n')).toContain('job failed permanently');
    expect(logs.join('\n')).not.toContain('victim@example.jp');
  });

  it('claims a running job again once its lease has expired (its worker died)', async () => {
    const job = defineJob({ type: 'test.echo', payload: z.unknown(), handler: async () => {} });
    const { id } = await enqueue({});
    const [claimed] = await claimDueJobs(ctx.container.database, {
      now: START.toISOString(),
      leaseUntil: new Date(START.getTime() + 60_000).toISOString(),
      limit: 1,
    });
    expect(claimed?.id).toBe(id);
    expect(await worker([job]).runOnce()).toEqual({ done: 0, retried: 0, failed: 0 });
    now = new Date(START.getTime() + 60_000);
    expect(await worker([job]).runOnce()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('never gives the same job to two workers, even when they claim at the same time', async () => {
    const second = createDatabase(ctx.config);
    try {
      const runs = new Map<number, number>();
      const job = defineJob({
        type: 'test.echo',
        payload: z.object({ n: z.number() }),
        handler: async ({ n }) => {
          runs.set(n, (runs.get(n) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        },
      });
      const count = 40;
      await ctx.container.database.db.transaction().execute(async (trx) => {
        for (let n = 0; n < count; n += 1) {
          await enqueueJob(
            trx,
            { type: 'test.echo', payload: { n } },
            { keyring: ctx.container.keyring, clock },
          );
        }
      });
      const workers = [worker([job]), worker([job], second), worker([job]), worker([job], second)];
      const outcomes = await Promise.all(workers.map((w) => w.runOnce()));
      expect(outcomes.reduce((sum, o) => sum + o.done, 0)).toBe(count);
      expect(runs.size).toBe(count);
      expect([...runs.values()].every((times) => times === 1)).toBe(true);

      await ctx.container.database.db.transaction().execute(async (trx) => {
        for (let n = 0; n < count; n += 1) {
          await enqueueJob(
            trx,
            { type: 'test.echo', payload: { n } },
            { keyring: ctx.container.keyring, clock },
          );
        }
      });
      const lease = {
        now: START.toISOString(),
        leaseUntil: new Date(START.getTime() + 60_000).toISOString(),
        limit: 3,
      };
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          claimDueJobs(i % 2 === 0 ? ctx.container.database : second, lease),
        ),
      );
      const ids = claims.flat().map((job) => job.id);
      expect(ids.length).toBe(count);
      expect(new Set(ids).size).toBe(count);
    } finally {
      await second.destroy();
    }
  });

  it('starts polling and stops gracefully, letting the running job finish', async () => {
    let finished = false;
    let started!: () => void;
    const startedPromise = new Promise<void>((resolve) => (started = resolve));
    const job = defineJob({
      type: 'test.echo',
      payload: z.unknown(),
      handler: async () => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished = true;
      },
    });
    const { id } = await enqueue({});
    const w = createWorker({
      database: ctx.container.database,
      keyring: ctx.container.keyring,
      jobs: [job],
      clock,
      logger: silent,
      pollMs: 10,
    });
    w.start();
    await startedPromise;
    await w.stop();
    expect(finished).toBe(true);
    expect(await row(id)).toMatchObject({ status: 'done' });
  });
});
