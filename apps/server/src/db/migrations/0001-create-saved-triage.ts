import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saved_triage')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('key_hash', 'text', (col) => col.notNull())
    .addColumn('answers_ciphertext', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('saved_triage_expires_at_idx')
    .on('saved_triage')
    .column('expires_at')
    .execute();
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('saved_triage').execute();
}
