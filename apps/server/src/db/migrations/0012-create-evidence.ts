import { type Kysely } from 'kysely';
import { dropAppendOnly, makeAppendOnlyUntilErased } from '../append-only.js';

/**
 * The evidence locker (#5):
 * - `evidence_entries`: each case's append-only hash chain (core evidence/chain.ts). The entry's canonical
 *   JSON holds post text and account ids, so it is sealed; `hash` and `prev` stay plain so the chain can be
 *   checked and exported. UPDATE is refused by triggers, DELETE too until the case is erased.
 * - `evidence_heads`: the signed head of each case's chain (re-signed whenever it grows).
 * - `evidence_files`: the files of a case's items; bytes in the blob store under `sha256`.
 * - `evidence_timestamps`: RFC 3161 tokens over chain heads. `evidence_captures`: server capture jobs.
 * - `signing_keys`: the server's Ed25519 keys; the private key sealed with the keyring.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signing_keys')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('public_key', 'text', (col) => col.notNull())
    .addColumn('private_key_sealed', 'text', (col) => col.notNull())
    .addColumn('fingerprint', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('retired_at', 'text')
    .execute();

  await db.schema
    .createTable('evidence_entries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('item_id', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('prev', 'text', (col) => col.notNull())
    .addColumn('entry_sealed', 'text', (col) => col.notNull())
    .addUniqueConstraint('evidence_entries_case_seq_key', ['case_id', 'seq'])
    .execute();
  await makeAppendOnlyUntilErased(db, 'evidence_entries');

  await db.schema
    .createTable('evidence_heads')
    .addColumn('case_id', 'text', (col) => col.primaryKey().references('cases.id'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('signature', 'text', (col) => col.notNull())
    .addColumn('key_id', 'text', (col) => col.notNull().references('signing_keys.id'))
    .addColumn('signed_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('evidence_files')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('name_sealed', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('evidence_files_case_sha256_key', ['case_id', 'sha256'])
    .execute();
  await db.schema.createIndex('evidence_files_sha256_idx').on('evidence_files').column('sha256').execute();

  await db.schema
    .createTable('evidence_timestamps')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('tsa_url', 'text', (col) => col.notNull())
    .addColumn('token', 'text', (col) => col.notNull())
    .addColumn('gen_time', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('evidence_timestamps_case_idx').on('evidence_timestamps').columns(['case_id', 'seq']).execute();

  await db.schema
    .createTable('evidence_captures')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('url_sealed', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('error_code', 'text')
    .addColumn('item_id', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('evidence_captures_case_idx').on('evidence_captures').columns(['case_id', 'requested_at']).execute();
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_captures').execute();
  await db.schema.dropTable('evidence_timestamps').execute();
  await db.schema.dropTable('evidence_files').execute();
  await db.schema.dropTable('evidence_heads').execute();
  await dropAppendOnly(db, 'evidence_entries');
  await db.schema.dropTable('evidence_entries').execute();
  await db.schema.dropTable('signing_keys').execute();
}
