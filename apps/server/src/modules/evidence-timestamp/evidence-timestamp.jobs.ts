import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { defineJob, PermanentJobError } from '../../jobs/define-job.js';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import type { Keyring } from '../../security/keyring.js';
import type { EvidenceTimestampRepository } from './evidence-timestamp.repository.js';
import { requestTimestamp, TsaError } from './tsa-client.js';

export const EVIDENCE_TIMESTAMP_JOB = 'evidence.timestamp';

/** With the worker's backoff (30 s doubling, at most 1 h) this keeps trying for about six hours. */
export const EVIDENCE_TIMESTAMP_MAX_ATTEMPTS = 12;

export const EvidenceTimestampPayload = z.object({
  caseId: z.string().min(1).max(100),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type EvidenceTimestampPayload = z.infer<typeof EvidenceTimestampPayload>;

/**
 * The `evidence.timestamp` job: asks the configured TSA for an RFC 3161 token over a chain entry's hash and stores it.
 * Idempotent (an entry already stamped by this TSA is skipped); an entry gone with its erased case is skipped.
 * With MIMAMORU_TSA_CA_FILE a token whose TSA certificate does not chain to those anchors is refused (not stored).
 * A failing TSA only delays the token: the locker never waits for it.
 */
export function createEvidenceTimestampJob(deps: {
  repository: EvidenceTimestampRepository;
  tsaUrl: string | undefined;
  /** PEM trust anchors (MIMAMORU_TSA_CA_FILE): a token whose TSA certificate does not chain to one is refused. */
  trustedCertsPem?: string | undefined;
  /** HTTP Basic credentials (MIMAMORU_TSA_USERNAME / MIMAMORU_TSA_PASSWORD). */
  auth?: { readonly username: string; readonly password: string } | undefined;
  clock: () => Date;
  timeoutMs?: number;
}) {
  const { repository, tsaUrl, clock } = deps;
  return defineJob({
    type: EVIDENCE_TIMESTAMP_JOB,
    payload: EvidenceTimestampPayload,
    maxAttempts: EVIDENCE_TIMESTAMP_MAX_ATTEMPTS,
    handler: async ({ caseId, seq, hash }, context) => {
      if (!tsaUrl)
        throw new PermanentJobError('evidence.tsa_not_configured', 'MIMAMORU_TSA_URL is no longer set');
      if (await repository.exists(caseId, seq, tsaUrl)) return;
      const stored = await repository.entryHash(caseId, seq);
      if (stored === undefined) {
        context.logger.info({ jobId: context.jobId, seq }, 'evidence entry gone (case erased); no timestamp');
        return;
      }
      if (stored !== hash)
        throw new PermanentJobError(
          'evidence.hash_mismatch',
          `entry ${seq} no longer has the hash queued for timestamping`,
        );
      let token: Awaited<ReturnType<typeof requestTimestamp>>;
      try {
        token = await requestTimestamp({
          url: tsaUrl,
          hashHex: hash,
          ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
          ...(deps.trustedCertsPem ? { trustedCertsPem: deps.trustedCertsPem } : {}),
          ...(deps.auth ? { auth: deps.auth } : {}),
        });
      } catch (error) {
        // A TSA outside the configured trust anchors will not become trusted by asking again.
        if (error instanceof TsaError && error.code === 'tsa.untrusted') throw new PermanentJobError(error.code, error.message);
        throw error;
      }
      await repository.insert(
        caseId,
        {
          seq,
          hash,
          tsaUrl,
          tokenBase64: Buffer.from(token.tokenDer).toString('base64'),
          genTime: token.genTime,
        },
        clock().toISOString(),
      );
      context.logger.info(
        { jobId: context.jobId, seq, genTime: token.genTime, serial: token.serialHex },
        'evidence entry timestamped',
      );
    },
  });
}

/**
 * Queues a timestamp of a new chain head inside the transaction that appended it (after commit the worker asks the
 * TSA). Does nothing when no TSA is configured.
 */
export async function enqueueEvidenceTimestamp(
  trx: Kysely<Database>,
  head: EvidenceTimestampPayload,
  deps: { keyring: Pick<Keyring, 'seal'>; clock: () => Date; tsaUrl: string | undefined },
): Promise<void> {
  if (!deps.tsaUrl) return;
  await enqueueJob(
    trx,
    {
      type: EVIDENCE_TIMESTAMP_JOB,
      payload: EvidenceTimestampPayload.parse(head),
      maxAttempts: EVIDENCE_TIMESTAMP_MAX_ATTEMPTS,
    },
    deps,
  );
}
