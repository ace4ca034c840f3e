import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../security/encrypted-columns.js';
import type { Keyring } from '../../security/keyring.js';
import { createLookupHasher } from '../../security/lookup-key.js';
import { createAuditService } from '../audit/audit.service.js';
import { createStaffService, type StaffLimits } from './staff.service.js';

registerEncryptedColumns({
  table: 'staff_accounts',
  idColumn: 'id',
  columns: [{ column: 'totp_secret', context: (row) => `staff_accounts.totp_secret:${String(row.id)}` }],
});

/** Wires the audit log and staff accounts; the IP hash key is shared by both. */
export function createStaffModule({
  db,
  keyring,
  clock,
  publicUrl,
  staffLimits,
}: {
  db: Kysely<Database>;
  keyring: Keyring;
  clock: () => Date;
  publicUrl: string;
  staffLimits?: Partial<StaffLimits>;
}) {
  const hashIp = createLookupHasher({ db, keyring, purpose: 'audit.ip_hash' });
  const audit = createAuditService({ db, clock, hashIp });
  const staff = createStaffService({
    db,
    keyring,
    audit,
    clock,
    publicUrl,
    ...(staffLimits ? { limits: staffLimits } : {}),
  });
  return { audit, staff };
}
