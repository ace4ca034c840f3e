import type { DatabaseHandle } from '../../db/database.js';
import type { ScheduledTask } from '../../jobs/scheduler.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import { createCaseErasure } from './case-erasure.js';
import { createRetentionService, createRetentionTask } from './retention.service.js';

/** Wires case erasure (used by retention and by the victim's withdrawal and erasure request) and retention. */
export function createRetentionModule({
  database,
  blobStore,
  audit,
  clock,
  years,
}: {
  database: Pick<DatabaseHandle, 'db' | 'dialect'>;
  blobStore: Pick<BlobStore, 'delete'>;
  audit: Pick<AuditService, 'record'>;
  clock: () => Date;
  /** Config MIMAMORU_RETENTION_YEARS. */
  years: number;
}) {
  const erasure = createCaseErasure({ database, blobStore, audit, clock });
  const retention = createRetentionService({ db: database.db, erasure, clock, years });
  const tasks: readonly ScheduledTask[] = [createRetentionTask(retention)];
  return { erasure, retention, tasks };
}
