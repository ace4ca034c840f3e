import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { registerEncryptedColumns } from '../security/encrypted-columns.js';
import type { Keyring } from '../security/keyring.js';
import { DEFAULT_MAX_ATTEMPTS } from './define-job.js';

/** The keyring context of a job's payload: a payload copied to another job does not open. */
export function jobPayloadContext(id: string): string {
  return `jobs.payload:${id}`;
}

registerEncryptedColumns({
  table: 'jobs',
  idColumn: 'id',
  columns: [{ column: 'payload', context: (row) => jobPayloadContext(String(row.id)) }],
});

export interface EnqueueJobInput {
  readonly type: string;
  /** JSON-serialisable; sealed with the keyring before it is stored. */
  readonly payload: unknown;
  /** Not before this instant (default: now). */
  readonly runAt?: Date;
  readonly maxAttempts?: number;
}

/**
 * Adds a job inside the caller's transaction (transactional outbox): it becomes visible to
 * workers when that transaction commits, and never exists if it rolls back.
 */
export async function enqueueJob(
  trx: Kysely<Database>,
  job: EnqueueJobInput,
  deps: { keyring: Pick<Keyring, 'seal'>; clock: () => Date },
): Promise<{ id: string }> {
  if (!trx.isTransaction) {
    throw new Error('enqueueJob must run inside the use case transaction (db.transaction().execute(…))');
  }
  const id = randomUUID();
  const now = deps.clock().toISOString();
  await trx
    .insertInto('jobs')
    .values({
      id,
      type: job.type,
      payload: deps.keyring.seal(JSON.stringify(job.payload), jobPayloadContext(id)),
      status: 'pending',
      attempts: 0,
      max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_at: (job.runAt ?? deps.clock()).toISOString(),
      locked_until: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id };
}
