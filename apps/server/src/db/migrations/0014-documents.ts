import type { Kysely } from 'kysely';

/**
 * Generated documents (#7): each PDF or DOCX produced from a case (deletion request, 開示請求書 and its
 * redacted copy, 内容証明 letter …). The bytes live in the blob store (encrypted) under `sha256`; the same
 * hash is recorded in the case's evidence chain by an entry of type `document` (`chain_seq`). Nothing here
 * is personal (kind, format, sizes, hashes, staff ids); erasing the case deletes the rows and releases the blobs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('generated_by_type', 'text', (col) => col.notNull())
    .addColumn('generated_by', 'text')
    .addColumn('generated_at', 'text', (col) => col.notNull())
    .addColumn('redacted_of', 'text')
    .addColumn('chain_seq', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('documents_case_idx').on('documents').columns(['case_id', 'generated_at']).execute();
  await db.schema.createIndex('documents_sha256_idx').on('documents').column('sha256').execute();
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('documents').execute();
}
