import { sql, type Kysely } from 'kysely';

/** The team every installation starts with; web consultations land in it (contracts DEFAULT_TEAM_ID). */
const DEFAULT_TEAM = { id: 'default', name: '相談窓口' } as const;

/**
 * Consultant teams (#4: "a consultant sees cases of their team") and cases from other channels.
 * `teams`; `staff_accounts.team_id` (consultants: one team, backfilled to the default team; admins and
 * lawyers: none); `cases.team_id` (every existing case goes to the default team), `cases.intake_channel`
 * (web | phone | email | walk-in | letter; existing cases came from the web form) and `cases.opened_by`
 * (the staff member who opened a case for someone who phoned or wrote).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await sql`insert into teams (id, name, created_at) values (${DEFAULT_TEAM.id}, ${DEFAULT_TEAM.name}, ${new Date().toISOString()})`.execute(
    db,
  );

  await db.schema
    .alterTable('staff_accounts')
    .addColumn('team_id', 'text', (col) => col.references('teams.id'))
    .execute();
  await sql`update staff_accounts set team_id = ${DEFAULT_TEAM.id} where role = 'consultant'`.execute(db);
  await db.schema
    .createIndex('staff_accounts_team_idx')
    .on('staff_accounts')
    .columns(['team_id', 'role'])
    .execute();

  // NOT NULL with the default team fills existing rows. No REFERENCES: SQLite refuses a foreign key on an
  // added column with a non-null default; teams are never deleted, and the application checks team ids.
  await db.schema
    .alterTable('cases')
    .addColumn('team_id', 'text', (col) => col.notNull().defaultTo(DEFAULT_TEAM.id))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('intake_channel', 'text', (col) => col.notNull().defaultTo('web'))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('opened_by', 'text', (col) => col.references('staff_accounts.id'))
    .execute();
  // The team queue's index (team, stage, priority, age) is 0009's covering cases_team_queue_cover_idx.
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['opened_by', 'intake_channel', 'team_id']) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
  await db.schema.dropIndex('staff_accounts_team_idx').execute();
  await db.schema.alterTable('staff_accounts').dropColumn('team_id').execute();
  await db.schema.dropTable('teams').execute();
}
