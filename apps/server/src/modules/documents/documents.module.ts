import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Keyring } from '../../security/keyring.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { createDocumentsService } from './documents.service.js';

/** Wires documents (#7): the case's sealed intake, its evidence locker (items in, chain entries out), blobs and audit. */
export function createDocumentsModule(deps: {
  db: Kysely<Database>;
  keyring: Keyring;
  blobStore: Pick<BlobStore, 'put' | 'get' | 'has'>;
  clock: () => Date;
  audit: Pick<AuditService, 'record'>;
  evidence: Pick<EvidenceService, 'readLocker' | 'appendEntry'>;
}) {
  return { documents: createDocumentsService(deps) };
}
