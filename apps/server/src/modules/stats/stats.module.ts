import type { DatabaseHandle } from '../../db/database.js';
import { registerCaseDerivedRows } from '../../security/case-derived-rows.js';
import type { Keyring } from '../../security/keyring.js';
import type { AuditService } from '../audit/audit.service.js';
import { createCaseSealer } from '../intake/case-sealing.js';
import { createStatsService } from './stats.service.js';

/**
 * A case's facets are derived from its intake (platforms, and categories from the sealed Guide
 * answers): erasing the case deletes them (retention/case-erasure.ts).
 */
registerCaseDerivedRows({ table: 'case_facets' });

/** Wires the statistics page over the cases' tables and the audit log. */
export function createStatsModule({
  database,
  keyring,
  clock,
  audit,
  slaHours,
}: {
  database: Pick<DatabaseHandle, 'db' | 'dialect'>;
  keyring: Keyring;
  clock: () => Date;
  audit: Pick<AuditService, 'record'>;
  slaHours: number;
}) {
  const sealer = createCaseSealer({ db: database.db, keyring });
  return { stats: createStatsService({ database, sealer, audit, clock, slaHours }) };
}
