import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../security/encrypted-columns.js';
import type { Keyring } from '../../security/keyring.js';
import type { AuditService } from '../audit/audit.service.js';
import { createCaseSealer, sealContext } from '../intake/case-sealing.js';
import type { ConsultantReplyService } from '../intake/consultant-reply.service.js';
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

/** Wires the staff case workflow over the intake's tables, replies and the audit log. */
export function createCasesModule({
  db,
  keyring,
  clock,
  audit,
  replies,
}: {
  db: Kysely<Database>;
  keyring: Keyring;
  clock: () => Date;
  audit: Pick<AuditService, 'record'>;
  replies: Pick<ConsultantReplyService, 'postConsultantReply'>;
}) {
  const sealer = createCaseSealer({ db, keyring });
  return { cases: createCasesService({ db, sealer, audit, replies, clock }) };
}
