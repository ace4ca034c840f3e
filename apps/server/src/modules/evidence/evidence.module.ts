import type { ManifestTimestamp } from '@mimamoru/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Keyring } from '../../security/keyring.js';
import { createSigningKeys } from '../../security/signing-key.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { EnqueueEvidenceTimestamp } from '../evidence-timestamp/evidence-timestamp.module.js';
import { createEvidenceService } from './evidence.service.js';

/** Wires the evidence locker: the signing key (sealed by the keyring), the blob store and the audit log. */
export function createEvidenceModule({
  db,
  keyring,
  blobStore,
  clock,
  audit,
  enqueueTimestamp,
  listTimestamps,
  tsaTrustedCertsPem,
}: {
  db: Kysely<Database>;
  keyring: Keyring;
  blobStore: Pick<BlobStore, 'put' | 'get' | 'has'>;
  clock: () => Date;
  audit: Pick<AuditService, 'record'>;
  /** Queues an RFC 3161 timestamp of each new head (evidence-timestamp module). */
  enqueueTimestamp?: EnqueueEvidenceTimestamp;
  /** The case's RFC 3161 tokens, listed in the console (evidence-timestamp module). */
  listTimestamps?: (caseId: string) => Promise<readonly ManifestTimestamp[]>;
  /** MIMAMORU_TSA_CA_FILE's PEM, for the console's check of each token. */
  tsaTrustedCertsPem?: string | undefined;
}) {
  const signingKeys = createSigningKeys({ db, keyring, clock });
  return {
    evidence: createEvidenceService({
      db,
      keyring,
      blobStore,
      audit,
      clock,
      signingKeys,
      enqueueTimestamp,
      listTimestamps,
      tsaTrustedCertsPem,
    }),
  };
}
