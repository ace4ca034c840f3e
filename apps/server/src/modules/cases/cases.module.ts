import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../security/encrypted-columns.js';
import type { Keyring } from '../../security/keyring.js';
import type { AuditService } from '../audit/audit.service.js';
import { createCaseSearch } from '../case-search/case-search.service.js';
import { createCaseSealer, sealContext } from '../intake/case-sealing.js';
import type { ConsultantReplyService } from '../intake/consultant-reply.service.js';
import type { IntakeService } from '../intake/intake.service.js';
import { createCasesService } from './cases.service.js';

/** Internal notes are sealed like the intake; `mimamoru keys rotate` re-encrypts them. */
registerEncryptedColumns({
  table: 'case_notes',
  idColumn: 'id',
  columns: [
    {
      column: 'body_sealed',
      context: (row: Record<string, unknown>) => sealContext('case_notes', 'body_sealed', String(row.id)),
    },
  ],
});

/** Wires the staff case workflow over the intake's tables and case creation, replies and the audit log. */
export function createCasesModule({
  db,
  keyring,
  clock,
  audit,
  replies,
  intake,
  slaHours,
}: {
  db: Kysely<Database>;
  keyring: Keyring;
  clock: () => Date;
  audit: Pick<AuditService, 'record'>;
  replies: Pick<ConsultantReplyService, 'postConsultantReply'>;
  intake: Pick<IntakeService, 'openCase'>;
  /** First-response SLA target in hours (config). */
  slaHours: number;
}) {
  const sealer = createCaseSealer({ db, keyring });
  const search = createCaseSearch({ db, keyring });
  return { cases: createCasesService({ db, sealer, audit, replies, intake, clock, slaHours, search }) };
}
