import type { Kysely } from 'kysely';

/**
 * Referrals to partner lawyers (#4): the lawyers' directory profiles, the parties recorded on a case
 * (the poster's handles, names and URLs, sealed), and referrals sharing a chosen part of a case with
 * a lawyer. Conflict checks compare sealed values in the application, so no value is indexed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('lawyer_profiles')
    .addColumn('account_id', 'text', (col) => col.primaryKey().references('staff_accounts.id'))
    .addColumn('office', 'text', (col) => col.notNull())
    .addColumn('specialties', 'text', (col) => col.notNull())
    .addColumn('regions', 'text', (col) => col.notNull())
    .addColumn('languages', 'text', (col) => col.notNull())
    .addColumn('capacity', 'integer', (col) => col.notNull())
    .addColumn('accepts_houterasu', 'integer', (col) => col.notNull())
    .addColumn('available', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('case_parties')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('value_sealed', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.references('staff_accounts.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('deleted_by', 'text', (col) => col.references('staff_accounts.id'))
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('case_parties_case_id_idx')
    .on('case_parties')
    .columns(['case_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('lawyer_id', 'text', (col) => col.notNull().references('staff_accounts.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('shares', 'text', (col) => col.notNull())
    .addColumn('expires_on', 'text', (col) => col.notNull())
    .addColumn('note_sealed', 'text')
    .addColumn('conflict_hits', 'text')
    .addColumn('acknowledged_by', 'text', (col) => col.references('staff_accounts.id'))
    .addColumn('acknowledged_at', 'text')
    .addColumn('lawyer_acknowledged_at', 'text')
    .addColumn('created_by', 'text', (col) => col.references('staff_accounts.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('response_note_sealed', 'text')
    .addColumn('outcome', 'text')
    .addColumn('outcome_note_sealed', 'text')
    .addColumn('outcome_at', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('referrals_case_id_idx')
    .on('referrals')
    .columns(['case_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('referrals_lawyer_idx')
    .on('referrals')
    .columns(['lawyer_id', 'status', 'expires_on'])
    .execute();
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['referrals', 'case_parties', 'lawyer_profiles']) {
    await db.schema.dropTable(table).execute();
  }
}
