import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  Database,
  StaffAccountsTable,
  StaffSessionsTable,
  StaffSetupTokensTable,
} from '../../db/schema.js';

type Db = Kysely<Database>;
export type StaffAccountRow = Selectable<StaffAccountsTable>;
export type StaffSessionRow = Selectable<StaffSessionsTable>;
export type SetupTokenRow = Selectable<StaffSetupTokensTable>;

/** Staff accounts, setup tokens and sessions. */
export const staffRepository = {
  async insertAccount(trx: Db, row: Insertable<StaffAccountsTable>): Promise<void> {
    await trx.insertInto('staff_accounts').values(row).execute();
  },

  async findAccountById(trx: Db, id: string): Promise<StaffAccountRow | undefined> {
    return trx.selectFrom('staff_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findAccountByEmail(trx: Db, email: string): Promise<StaffAccountRow | undefined> {
    return trx.selectFrom('staff_accounts').selectAll().where('email', '=', email).executeTakeFirst();
  },

  async listAccounts(trx: Db): Promise<StaffAccountRow[]> {
    return trx.selectFrom('staff_accounts').selectAll().orderBy('created_at').orderBy('id').execute();
  },

  async countActiveAdmins(trx: Db): Promise<number> {
    const row = await trx
      .selectFrom('staff_accounts')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /**
   * Applies a change if the row is still at `version` (optimistic concurrency) and bumps the version;
   * false when another request changed it first.
   */
  async updateAccount(
    trx: Db,
    id: string,
    version: number,
    patch: Omit<Updateable<StaffAccountsTable>, 'id' | 'version'>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('staff_accounts')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async insertSetupToken(trx: Db, row: Insertable<StaffSetupTokensTable>): Promise<void> {
    await trx.insertInto('staff_setup_tokens').values(row).execute();
  },

  async findSetupToken(trx: Db, hash: string): Promise<SetupTokenRow | undefined> {
    return trx.selectFrom('staff_setup_tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
  },

  /** Marks a token used; false when another request redeemed it first. */
  async redeemSetupToken(trx: Db, hash: string, nowIso: string): Promise<boolean> {
    const result = await trx
      .updateTable('staff_setup_tokens')
      .set({ used_at: nowIso })
      .where('hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async insertSession(trx: Db, row: Insertable<StaffSessionsTable>): Promise<void> {
    await trx.insertInto('staff_sessions').values(row).execute();
  },

  async findSession(trx: Db, id: string): Promise<StaffSessionRow | undefined> {
    return trx.selectFrom('staff_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async touchSession(trx: Db, id: string, nowIso: string, expiresAt: string): Promise<void> {
    await trx
      .updateTable('staff_sessions')
      .set({ last_seen_at: nowIso, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  },

  /** Live (unrevoked, unexpired) sessions of an account, newest first. */
  async listLiveSessions(trx: Db, accountId: string, nowIso: string): Promise<StaffSessionRow[]> {
    return trx
      .selectFrom('staff_sessions')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', nowIso)
      .orderBy('created_at', 'desc')
      .execute();
  },

  /** Revokes one session of an account; false when there is no such live session. */
  async revokeSession(trx: Db, accountId: string, id: string, nowIso: string): Promise<boolean> {
    const result = await trx
      .updateTable('staff_sessions')
      .set({ revoked_at: nowIso })
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async revokeSessionsOfAccount(trx: Db, accountId: string, nowIso: string): Promise<void> {
    await trx
      .updateTable('staff_sessions')
      .set({ revoked_at: nowIso })
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .execute();
  },

  /** Drops sessions that ended more than a day ago (kept a while for the sessions list and support). */
  async deleteDeadSessions(trx: Db, beforeIso: string): Promise<void> {
    await trx.deleteFrom('staff_sessions').where('expires_at', '<=', beforeIso).execute();
  },
};
