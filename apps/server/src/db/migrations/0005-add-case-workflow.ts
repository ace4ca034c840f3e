import { sql, type Kysely } from 'kysely';

/** Victim-facing status → staff stage and awaiting flag, for cases created before the workflow existed. */
const BACKFILL: readonly (readonly [status: string, stage: string, awaiting: number])[] = [
  ['received', 'new', 0],
  ['in-progress', 'in-progress', 0],
  ['awaiting-victim', 'in-progress', 1],
  ['closed', 'closed', 0],
  ['withdrawn', 'withdrawn', 0],
];

/**
 * The staff workflow of a case (#4): stage, assignee, priority (computed by the application from the
 * sealed intake, so the queue sorts in SQL), optimistic version; internal notes, tasks, the timeline
 * and SLA pauses. Priority of existing rows starts at 0 and is recomputed on the next change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('stage', 'text', (col) => col.notNull().defaultTo('new'))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('assignee_id', 'text', (col) => col.references('staff_accounts.id'))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('awaiting_victim', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('cases').addColumn('offender_known_since', 'text').execute();
  await db.schema
    .alterTable('cases')
    .addColumn('priority_score', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('priority_level', 'text', (col) => col.notNull().defaultTo('normal'))
    .execute();
  await db.schema.alterTable('cases').addColumn('next_deadline_id', 'text').execute();
  await db.schema.alterTable('cases').addColumn('next_deadline_on', 'text').execute();
  await db.schema
    .alterTable('cases')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();

  for (const [status, stage, awaiting] of BACKFILL) {
    await sql`update cases set stage = ${stage}, awaiting_victim = ${awaiting} where status = ${status}`.execute(
      db,
    );
  }

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
  await db.schema.createIndex('cases_assignee_idx').on('cases').columns(['assignee_id', 'stage']).execute();
  await db.schema.createIndex('cases_next_deadline_idx').on('cases').column('next_deadline_on').execute();

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('author_id', 'text', (col) => col.references('staff_accounts.id'))
    .addColumn('body_sealed', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('case_notes_case_id_idx')
    .on('case_notes')
    .columns(['case_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('case_tasks')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('task_id', 'text', (col) => col.notNull())
    .addColumn('title_ja', 'text', (col) => col.notNull())
    .addColumn('title_en', 'text', (col) => col.notNull())
    .addColumn('due_on', 'text', (col) => col.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text', (col) => col.references('staff_accounts.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('case_tasks_case_task_idx')
    .on('case_tasks')
    .columns(['case_id', 'task_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('actor_id', 'text', (col) => col.references('staff_accounts.id'))
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('case_events_case_id_idx')
    .on('case_events')
    .columns(['case_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('case_events_type_idx')
    .on('case_events')
    .columns(['type', 'created_at'])
    .execute();

  await db.schema
    .createTable('sla_pauses')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('from_at', 'text', (col) => col.notNull())
    .addColumn('to_at', 'text')
    .execute();
  await db.schema.createIndex('sla_pauses_case_id_idx').on('sla_pauses').column('case_id').execute();
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sla_pauses', 'case_events', 'case_tasks', 'case_notes']) {
    await db.schema.dropTable(table).execute();
  }
  for (const index of [
    'cases_queue_idx',
    'cases_priority_idx',
    'cases_assignee_idx',
    'cases_next_deadline_idx',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of [
    'version',
    'next_deadline_on',
    'next_deadline_id',
    'priority_level',
    'priority_score',
    'offender_known_since',
    'awaiting_victim',
    'assignee_id',
    'stage',
  ]) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
}
