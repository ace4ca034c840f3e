import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Full-text search of the queue over sealed names and narratives (#4), as a blind index: keyed hashes
 * of 2-character pieces, never text (db/case-search-index.ts). PostgreSQL: `case_search` with a GIN
 * index over a bigint[]; SQLite: `case_search_docs` and a contentless FTS5 table (no positions, no text).
 * Existing cases are indexed by the application (a migration cannot decrypt): at start, or with
 * `mimamoru search reindex`.
 *
 * Also the queue's covering indexes (measured with `npm run bench` at 100,000 cases): the queue picks a
 * page's ids from filter and order columns alone, so each holds the whole order (priority, age, id)
 * after its equality columns: a team's queue, a stage across teams, and the plain order. They replace
 * 0005's `cases_queue_idx` and `cases_priority_idx`, which lacked the id (every candidate row was read).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema
      .createTable('case_search')
      .addColumn('case_id', 'text', (col) => col.primaryKey().references('cases.id').onDelete('cascade'))
      .addColumn('tokens', sql`bigint[]`, (col) => col.notNull())
      .execute();
    await sql`create index case_search_tokens_idx on case_search using gin (tokens)`.execute(db);
  } else {
    await db.schema
      .createTable('case_search_docs')
      .addColumn('doc_id', 'integer', (col) => col.primaryKey())
      .addColumn('case_id', 'text', (col) =>
        col.notNull().unique().references('cases.id').onDelete('cascade'),
      )
      .execute();
    await sql`create virtual table case_search_fts using fts5(
      tokens, content='', contentless_delete=1, detail=none, tokenize='unicode61')`.execute(db);
    // However a case's entry goes (erasure, cascade, reindex), its tokens go with it.
    await sql`create trigger case_search_docs_deleted after delete on case_search_docs
      begin delete from case_search_fts where rowid = old.doc_id; end`.execute(db);
  }
  await db.schema
    .createIndex('cases_team_queue_cover_idx')
    .on('cases')
    .columns(['team_id', 'stage', 'priority_score desc', 'created_at', 'id', 'platforms', 'assignee_id'])
    .execute();
  await db.schema
    .createIndex('cases_stage_queue_idx')
    .on('cases')
    .columns(['stage', 'priority_score desc', 'created_at', 'id', 'platforms', 'assignee_id'])
    .execute();
  await db.schema
    .createIndex('cases_queue_order_idx')
    .on('cases')
    .columns(['priority_score desc', 'created_at', 'id', 'team_id', 'stage'])
    .execute();
  await db.schema.dropIndex('cases_queue_idx').execute();
  await db.schema.dropIndex('cases_priority_idx').execute();
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('cases_queue_idx')
    .on('cases')
    .columns(['stage', 'priority_score desc', 'created_at'])
    .execute();
  await db.schema
    .createIndex('cases_priority_idx')
    .on('cases')
    .columns(['priority_score desc', 'created_at'])
    .execute();
  for (const index of ['cases_queue_order_idx', 'cases_stage_queue_idx', 'cases_team_queue_cover_idx']) {
    await db.schema.dropIndex(index).execute();
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.dropTable('case_search').execute();
  } else {
    await sql`drop table case_search_fts`.execute(db);
    await db.schema.dropTable('case_search_docs').execute();
  }
}
