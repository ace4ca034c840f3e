import type { Kysely } from 'kysely';

/**
 * Post analysis runs for staff (#6): an upload (file or pasted text) analysed by the `analysis.run` job.
 * The upload and the results (post text: personal data) live only in the blob store, encrypted:
 * `upload_sha256` and one row per results chunk in `analysis_result_chunks`. The run row holds
 * non-personal facts only: status, sizes, counts per label, skipped line numbers and the largest number
 * of posts by one account. Erasing the case deletes both tables' rows and releases the blobs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analysis_runs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('upload_sha256', 'text', (col) => col.notNull())
    .addColumn('upload_size', 'integer', (col) => col.notNull())
    .addColumn('progress_bytes', 'integer', (col) => col.notNull())
    .addColumn('posts_read', 'integer', (col) => col.notNull())
    .addColumn('posts', 'integer', (col) => col.notNull())
    .addColumn('flagged', 'integer', (col) => col.notNull())
    .addColumn('skipped_lines', 'integer', (col) => col.notNull())
    .addColumn('summary', 'text')
    .addColumn('error_code', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('analysis_runs_case_idx').on('analysis_runs').columns(['case_id', 'requested_at']).execute();
  await db.schema.createIndex('analysis_runs_upload_idx').on('analysis_runs').column('upload_sha256').execute();
  await db.schema
    .createTable('analysis_result_chunks')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('run_id', 'text', (col) => col.notNull().references('analysis_runs.id'))
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('posts', 'integer', (col) => col.notNull())
    .addUniqueConstraint('analysis_result_chunks_run_seq', ['run_id', 'seq'])
    .execute();
  await db.schema.createIndex('analysis_result_chunks_case_idx').on('analysis_result_chunks').column('case_id').execute();
  await db.schema.createIndex('analysis_result_chunks_sha256_idx').on('analysis_result_chunks').column('sha256').execute();
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('analysis_result_chunks').execute();
  await db.schema.dropTable('analysis_runs').execute();
}
