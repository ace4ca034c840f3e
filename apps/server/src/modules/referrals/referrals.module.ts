import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../security/encrypted-columns.js';
import type { Keyring } from '../../security/keyring.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CasesService } from '../cases/cases.service.js';
import { createCaseSealer, sealContext } from '../intake/case-sealing.js';
import { createLawyersService } from './lawyers.service.js';
import { createCasePartiesService } from './parties.service.js';
import { createReferralsService } from './referrals.service.js';

/** Party values and the free text of referrals are sealed; `mimamoru keys rotate` re-encrypts them. */
registerEncryptedColumns({
  table: 'case_parties',
  idColumn: 'id',
  columns: [
    {
      column: 'value_sealed',
      context: (row) => sealContext('case_parties', 'value_sealed', String(row.id)),
    },
  ],
});
registerEncryptedColumns({
  table: 'referrals',
  idColumn: 'id',
  columns: (['note_sealed', 'response_note_sealed', 'outcome_note_sealed'] as const).map((column) => ({
    column,
    context: (row: Record<string, unknown>) => sealContext('referrals', column, String(row.id)),
  })),
});

/** Wires the lawyers' directory, case parties and referrals over the cases service and the audit log. */
export function createReferralsModule({
  db,
  keyring,
  clock,
  audit,
  cases,
  blobStore,
}: {
  db: Kysely<Database>;
  keyring: Keyring;
  clock: () => Date;
  audit: Pick<AuditService, 'record'>;
  cases: Pick<CasesService, 'presentCase'>;
  blobStore: Pick<BlobStore, 'get'>;
}) {
  const sealer = createCaseSealer({ db, keyring });
  return {
    lawyers: createLawyersService({ db, audit, clock }),
    caseParties: createCasePartiesService({ db, sealer, audit, clock }),
    referrals: createReferralsService({ db, sealer, audit, cases, blobStore, clock }),
  };
}
