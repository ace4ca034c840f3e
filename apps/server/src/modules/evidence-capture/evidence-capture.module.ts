import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../security/encrypted-columns.js';
import type { Keyring } from '../../security/keyring.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { capturePage } from './capture-page.js';
import { createEvidenceCaptureJob } from './evidence-capture.jobs.js';
import { createEvidenceCaptureService, URL_CONTEXT } from './evidence-capture.service.js';

/** The URL asked for leads to the victim: sealed, re-encrypted by `keys rotate`, wiped by erasure. */
registerEncryptedColumns({
  table: 'evidence_captures',
  idColumn: 'id',
  columns: [{ column: 'url_sealed', context: (row) => URL_CONTEXT(String(row.id)) }],
});

/** Wires server capture: the service for the routes and the `evidence.capture` job for the worker. */
export function createEvidenceCaptureModule(deps: {
  db: Kysely<Database>;
  keyring: Keyring;
  blobStore: Pick<BlobStore, 'put' | 'has'>;
  audit: Pick<AuditService, 'record'>;
  clock: () => Date;
  evidence: Pick<EvidenceService, 'appendEntry'>;
  allowHosts: readonly string[];
}) {
  const service = createEvidenceCaptureService({ ...deps, capture: capturePage });
  return { evidenceCapture: service, jobs: [createEvidenceCaptureJob({ service })] };
}
