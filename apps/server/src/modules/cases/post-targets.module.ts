import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../security/encrypted-columns.js';
import type { Keyring } from '../../security/keyring.js';
import { createLookupHasher } from '../../security/lookup-key.js';
import type { AuditService } from '../audit/audit.service.js';
import { createCaseSealer, sealContext } from '../intake/case-sealing.js';
import { createPostTargetsService } from './post-targets.service.js';

/** A post's URL is personal data (it leads to the victim): sealed, and re-encrypted by `keys rotate`. */
registerEncryptedColumns({
  table: 'case_post_targets',
  idColumn: 'id',
  columns: [
    {
      column: 'url_sealed',
      context: (row: Record<string, unknown>) =>
        sealContext('case_post_targets', 'url_sealed', String(row.id)),
    },
  ],
});

/** Wires the per-post targets of cases over the sealed intake, a keyed URL hash and the audit log. */
export function createPostTargetsModule({
  db,
  keyring,
  clock,
  audit,
}: {
  db: Kysely<Database>;
  keyring: Keyring;
  clock: () => Date;
  audit: Pick<AuditService, 'record'>;
}) {
  const sealer = createCaseSealer({ db, keyring });
  const hashUrl = createLookupHasher({ db, keyring, purpose: 'case_post_targets.url_hash' });
  return { postTargets: createPostTargetsService({ db, sealer, audit, clock, hashUrl }) };
}
