import type { Insertable, Selectable } from 'kysely';
import { authCounters } from '../../security/auth-counters.js';
import type { AccessKeyResetsTable, VictimSessionsTable } from '../../db/schema.js';
import type { Db } from '../intake/intake.repository.js';

export type SessionRow = Selectable<VictimSessionsTable>;
export type ResetRow = Selectable<AccessKeyResetsTable>;

/** Victim sessions, key-reset tokens and rate-limit counters. */
export const victimRepository = {
  async insertSession(trx: Db, row: Insertable<VictimSessionsTable>): Promise<void> {
    await trx.insertInto('victim_sessions').values(row).execute();
  },

  async findSession(trx: Db, id: string): Promise<SessionRow | undefined> {
    return trx.selectFrom('victim_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async touchSession(trx: Db, id: string, expiresAt: string): Promise<void> {
    await trx.updateTable('victim_sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
  },

  async deleteSession(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('victim_sessions').where('id', '=', id).execute();
  },

  /** Revokes every session of a case, except `keep` when given. */
  async deleteSessionsOfCase(trx: Db, caseId: string, keep?: string): Promise<void> {
    let query = trx.deleteFrom('victim_sessions').where('case_id', '=', caseId);
    if (keep !== undefined) query = query.where('id', '!=', keep);
    await query.execute();
  },

  async deleteExpiredSessions(trx: Db, nowIso: string): Promise<void> {
    await trx.deleteFrom('victim_sessions').where('expires_at', '<=', nowIso).execute();
  },

  async insertReset(trx: Db, row: Insertable<AccessKeyResetsTable>): Promise<void> {
    await trx.insertInto('access_key_resets').values(row).execute();
  },

  async findResetByTokenHash(trx: Db, tokenHash: string): Promise<ResetRow | undefined> {
    return trx
      .selectFrom('access_key_resets')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  },

  /** Marks a token used; false when another request redeemed it first. */
  async redeemReset(trx: Db, id: string, nowIso: string): Promise<boolean> {
    const result = await trx
      .updateTable('access_key_resets')
      .set({ used_at: nowIso })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  readCounter: authCounters.read,
  incrementCounter: authCounters.increment,
  deleteStaleCounters: authCounters.deleteStale,

  /** Drops reset tokens that can no longer be redeemed. */
  async deleteDeadResets(trx: Db, nowIso: string): Promise<void> {
    await trx
      .deleteFrom('access_key_resets')
      .where((eb) => eb.or([eb('expires_at', '<=', nowIso), eb('used_at', 'is not', null)]))
      .execute();
  },

  clearCounter: authCounters.clear,
};
