import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../security/encrypted-columns.js';
import { createLookupHasher } from '../../security/lookup-key.js';
import { registerBlobReferences } from '../../storage/blob-references.js';
import type { Keyring } from '../../security/keyring.js';

/** The AAD of a sealed cell: binds the ciphertext to its table, column and row. */
export function sealContext(table: string, column: string, id: string): string {
  return `${table}.${column}:${id}`;
}

const CASE_SEALED_COLUMNS = [
  'name_sealed',
  'narrative_sealed',
  'post_urls_sealed',
  'happened_at_sealed',
  'email_sealed',
  'phone_sealed',
  'contact_notes_sealed',
  'triage_sealed',
] as const;

/** Every sealed column of the intake tables, so `mimamoru keys rotate` re-encrypts them. */
registerEncryptedColumns({
  table: 'cases',
  idColumn: 'id',
  columns: CASE_SEALED_COLUMNS.map((column) => ({
    column,
    context: (row: Record<string, unknown>) => sealContext('cases', column, String(row.id)),
  })),
});
registerEncryptedColumns({
  table: 'case_messages',
  idColumn: 'id',
  columns: [
    {
      column: 'body_sealed',
      context: (row: Record<string, unknown>) => sealContext('case_messages', 'body_sealed', String(row.id)),
    },
  ],
});
registerEncryptedColumns({
  table: 'case_attachments',
  idColumn: 'id',
  columns: [
    {
      column: 'filename_sealed',
      context: (row: Record<string, unknown>) =>
        sealContext('case_attachments', 'filename_sealed', String(row.id)),
    },
  ],
});

registerEncryptedColumns({
  table: 'lookup_keys',
  idColumn: 'purpose',
  columns: [
    {
      column: 'key_sealed',
      context: (row: Record<string, unknown>) =>
        sealContext('lookup_keys', 'key_sealed', String(row.purpose)),
    },
  ],
});

const EMAIL_HASH_PURPOSE = 'cases.email_hash';

export type CaseSealer = ReturnType<typeof createCaseSealer>;

/** Seals and opens the intake tables' personal cells; hashes contact emails for lookup. */
export function createCaseSealer({
  db,
  keyring,
}: {
  db: Kysely<Database>;
  keyring: Pick<Keyring, 'seal' | 'openText'>;
}) {
  const hashEmail = createLookupHasher({ db, keyring, purpose: EMAIL_HASH_PURPOSE });

  return {
    seal(table: string, column: string, id: string, value: string): string {
      return keyring.seal(value, sealContext(table, column, id));
    },
    sealOptional(table: string, column: string, id: string, value: string | undefined): string | null {
      return value === undefined || value === '' ? null : keyring.seal(value, sealContext(table, column, id));
    },
    open(table: string, column: string, id: string, sealed: string): string {
      return keyring.openText(sealed, sealContext(table, column, id));
    },
    openOptional(table: string, column: string, id: string, sealed: string | null): string | undefined {
      return sealed === null ? undefined : keyring.openText(sealed, sealContext(table, column, id));
    },
    /** HMAC-SHA256 (hex) of the trimmed, lower-cased email. Call outside transactions (first use writes). */
    emailHash(email: string): Promise<string> {
      return hashEmail(email.trim().toLowerCase());
    },
  };
}

// Attachment records point at blobs; the orphan sweep keeps every blob one of them references.
registerBlobReferences({ table: 'case_attachments', column: 'sha256' });
