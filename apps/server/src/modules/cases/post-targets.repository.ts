import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CasePostTargetsTable } from '../../db/schema.js';
import type { Db } from '../intake/intake.repository.js';

export type TargetRow = Selectable<CasePostTargetsTable>;

/** Data access of the offending posts of a case (table case_post_targets). */
export const postTargetsRepository = {
  /** Every post of a case, in the order they were added (intake order first). */
  async listByCase(trx: Db, caseId: string): Promise<TargetRow[]> {
    return trx
      .selectFrom('case_post_targets')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async urlHashes(trx: Db, caseId: string): Promise<Set<string>> {
    const rows = await trx
      .selectFrom('case_post_targets')
      .select('url_hash')
      .where('case_id', '=', caseId)
      .where('url_hash', 'is not', null)
      .execute();
    return new Set(rows.map((row) => String(row.url_hash)));
  },

  async find(trx: Db, caseId: string, id: string): Promise<TargetRow | undefined> {
    return trx
      .selectFrom('case_post_targets')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Inserts posts; one already tracked for the case (same URL hash) is skipped, so this is idempotent. */
  async insertMissing(trx: Db, rows: readonly Insertable<CasePostTargetsTable>[]): Promise<void> {
    if (rows.length === 0) return;
    await trx
      .insertInto('case_post_targets')
      .values([...rows])
      .onConflict((oc) => oc.columns(['case_id', 'url_hash']).doNothing())
      .execute();
  },

  /** Updates a post still at `version`; false when someone else changed it first. */
  async updateIfVersion(
    trx: Db,
    id: string,
    version: number,
    patch: Updateable<CasePostTargetsTable>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('case_post_targets')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
