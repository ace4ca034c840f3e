import type { Kysely } from 'kysely';

/**
 * Statistics facets (#4): the platforms and the legal categories of each case as plain rows, so the
 * statistics page counts them with SQL aggregates. Platforms are a copy of `cases.platforms`; the
 * categories come from the Guide's answers, which are sealed in `cases.triage_sealed` and cannot be
 * read by SQL. `cases.facets_at` records when a case's facets were written: null rows (cases from
 * before this migration) are filled in at start and before statistics are computed, by opening the
 * sealed answers in the application. Facets follow the case: withdrawal and erasure delete them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_facets')
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_facets_pk', ['case_id', 'kind', 'value'])
    .execute();
  await db.schema
    .createIndex('case_facets_kind_value_idx')
    .on('case_facets')
    .columns(['kind', 'value', 'case_id'])
    .execute();
  await db.schema.alterTable('cases').addColumn('facets_at', 'text').execute();
  await db.schema.createIndex('cases_facets_at_idx').on('cases').column('facets_at').execute();
  await db.schema.createIndex('cases_stats_created_idx').on('cases').column('created_at').execute();
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_stats_created_idx').execute();
  await db.schema.dropIndex('cases_facets_at_idx').execute();
  await db.schema.alterTable('cases').dropColumn('facets_at').execute();
  await db.schema.dropTable('case_facets').execute();
}
