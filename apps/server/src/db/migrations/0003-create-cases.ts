import type { Kysely } from 'kysely';

/**
 * Consultation cases and what hangs off them. Columns ending in `_sealed` hold keyring
 * ciphertext (AES-256-GCM, AAD `<table>.<column>:<row id>`); withdrawal sets them to null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_number', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('access_key_hash', 'text')
    .addColumn('email_hash', 'text')
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('privacy_policy_version', 'text', (col) => col.notNull())
    .addColumn('channel', 'text')
    .addColumn('platforms', 'text')
    .addColumn('goals', 'text')
    .addColumn('name_sealed', 'text')
    .addColumn('narrative_sealed', 'text')
    .addColumn('post_urls_sealed', 'text')
    .addColumn('happened_at_sealed', 'text')
    .addColumn('email_sealed', 'text')
    .addColumn('phone_sealed', 'text')
    .addColumn('contact_notes_sealed', 'text')
    .addColumn('triage_sealed', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('first_response_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema.createIndex('cases_email_hash_idx').on('cases').column('email_hash').execute();

  await db.schema
    .createTable('case_messages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('author', 'text', (col) => col.notNull())
    .addColumn('body_sealed', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('case_messages_case_id_idx')
    .on('case_messages')
    .columns(['case_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('case_attachments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('filename_sealed', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('case_attachments_case_id_idx')
    .on('case_attachments')
    .column('case_id')
    .execute();
  await db.schema
    .createIndex('case_attachments_sha256_idx')
    .on('case_attachments')
    .column('sha256')
    .execute();

  await db.schema
    .createTable('victim_sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('csrf_token_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('victim_sessions_case_id_idx')
    .on('victim_sessions')
    .column('case_id')
    .execute();

  await db.schema
    .createTable('access_key_resets')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('access_key_resets_case_id_idx')
    .on('access_key_resets')
    .column('case_id')
    .execute();

  await db.schema
    .createTable('auth_failures')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('window_start', 'text', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('lookup_keys')
    .addColumn('purpose', 'text', (col) => col.primaryKey())
    .addColumn('key_sealed', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'lookup_keys',
    'auth_failures',
    'access_key_resets',
    'victim_sessions',
    'case_attachments',
    'case_messages',
    'cases',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
