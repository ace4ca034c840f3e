import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Keyring } from '../../security/keyring.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { createAnalysisRunJob } from './analysis.jobs.js';
import { createAnalysisService } from './analysis.service.js';

/** Wires post analysis for staff (#6): the service for the routes and the `analysis.run` job for the worker. */
export function createAnalysisModule(deps: {
  db: Kysely<Database>;
  keyring: Keyring;
  blobStore: Pick<BlobStore, 'put' | 'get' | 'has' | 'delete'>;
  clock: () => Date;
  audit: Pick<AuditService, 'record'>;
  evidence: Pick<EvidenceService, 'appendEntry'>;
}) {
  const service = createAnalysisService(deps);
  return { analysis: service, jobs: [createAnalysisRunJob({ service })] };
}
