import { sql, type Kysely } from 'kysely';

/**
 * Retention and the scheduler (#4):
 * - `cases.closed_at`: when the case last entered resolved or closed (the retention period runs from
 *   it; null again when reopened). Backfilled from the timeline's last stage change, else updated_at.
 * - `cases.erased_at` / `cases.erasure_reason` (`retention` | `victim-request`): set when personal
 *   data was erased. Withdrawn cases were erased at withdrawal: backfilled as `victim-request`.
 * - `scheduled_runs`: one row per recurring task and period; the primary key makes sure that with
 *   several server processes each period runs once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('closed_at', 'text').execute();
  await db.schema.alterTable('cases').addColumn('erased_at', 'text').execute();
  await db.schema.alterTable('cases').addColumn('erasure_reason', 'text').execute();

  await sql`update cases set closed_at = coalesce(
      (select max(e.created_at) from case_events e where e.case_id = cases.id and e.type = 'stage-changed'),
      updated_at)
    where stage in ('resolved', 'closed')`.execute(db);
  await sql`update cases set erased_at = coalesce(withdrawn_at, updated_at), erasure_reason = 'victim-request'
    where stage = 'withdrawn'`.execute(db);

  await db.schema.createIndex('cases_closed_at_idx').on('cases').columns(['closed_at', 'stage']).execute();

  await db.schema
    .createTable('scheduled_runs')
    .addColumn('task', 'text', (col) => col.notNull())
    .addColumn('period_start', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('locked_until', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('last_error', 'text')
    .addPrimaryKeyConstraint('scheduled_runs_pk', ['task', 'period_start'])
    .execute();
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scheduled_runs').execute();
  await db.schema.dropIndex('cases_closed_at_idx').execute();
  for (const column of ['erasure_reason', 'erased_at', 'closed_at']) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
}
