import type { Kysely } from 'kysely';
import type { ManifestTimestamp } from '@mimamoru/core';
import type { Database } from '../../db/schema.js';
import type { Keyring } from '../../security/keyring.js';
import {
  createEvidenceTimestampJob,
  enqueueEvidenceTimestamp,
  type EvidenceTimestampPayload,
} from './evidence-timestamp.jobs.js';
import { createEvidenceTimestampRepository } from './evidence-timestamp.repository.js';

/** Hook the evidence locker calls, inside its transaction, each time a case's chain grows. */
export type EnqueueEvidenceTimestamp = (
  trx: Kysely<Database>,
  head: EvidenceTimestampPayload,
) => Promise<void>;

/** Optional RFC 3161 timestamps of evidence chain heads from the TSA at MIMAMORU_TSA_URL (#5). */
export function createEvidenceTimestampModule(deps: {
  db: Kysely<Database>;
  keyring: Pick<Keyring, 'seal'>;
  clock: () => Date;
  tsaUrl: string | undefined;
  /** PEM of MIMAMORU_TSA_CA_FILE. */
  tsaTrustedCertsPem?: string | undefined;
  tsaAuth?: { readonly username: string; readonly password: string } | undefined;
}) {
  const repository = createEvidenceTimestampRepository({ db: deps.db });
  const enqueue: EnqueueEvidenceTimestamp = (trx, head) => enqueueEvidenceTimestamp(trx, head, deps);
  return {
    jobs: [
      createEvidenceTimestampJob({
        repository,
        tsaUrl: deps.tsaUrl,
        trustedCertsPem: deps.tsaTrustedCertsPem,
        auth: deps.tsaAuth,
        clock: deps.clock,
      }),
    ],
    enqueueTimestamp: enqueue,
    /** The case's tokens as the bundle manifest lists them (`tsa` is the TSA's address; its name is in the token). */
    async listTimestamps(caseId: string): Promise<ManifestTimestamp[]> {
      const stored = await repository.list(caseId);
      return stored.map((s) => ({
        seq: s.seq,
        hash: s.hash,
        tsa: s.tsaUrl,
        tokenBase64: s.tokenBase64,
        genTime: s.genTime,
      }));
    },
  };
}

export type EvidenceTimestampModule = ReturnType<typeof createEvidenceTimestampModule>;
