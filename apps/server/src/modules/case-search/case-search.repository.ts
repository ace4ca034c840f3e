import {
  caseIsSearchIndexed,
  deleteStaleCaseSearchTokens,
  writeCaseSearchTokens,
  type CaseSearchTokens,
} from '../../db/case-search-index.js';
import type { Db } from '../intake/intake.repository.js';
import { registerCaseDerivedRows } from '../../security/case-derived-rows.js';

// Erasure (retention, the victim's request) deletes a case's index entries with its personal data.
registerCaseDerivedRows({ table: 'case_search' });
registerCaseDerivedRows({ table: 'case_search_docs' });

/** A case's searchable texts, sealed, as the reindex reads them. */
export interface SearchSourceRow {
  readonly id: string;
  readonly name_sealed: string | null;
  readonly narrative_sealed: string | null;
}

/** Data access of the blind search index (the SQL per database is in db/case-search-index.ts). */
export const caseSearchRepository = {
  write(trx: Db, rows: readonly CaseSearchTokens[]): Promise<void> {
    return writeCaseSearchTokens(trx, rows);
  },

  removeStale(trx: Db): Promise<number> {
    return deleteStaleCaseSearchTokens(trx);
  },

  /** Cases with searchable texts after `after` (by id), optionally only those not indexed yet. */
  async sources(
    trx: Db,
    { after, limit, missingOnly }: { after: string | undefined; limit: number; missingOnly: boolean },
  ): Promise<SearchSourceRow[]> {
    let query = trx
      .selectFrom('cases')
      .select(['cases.id', 'cases.name_sealed', 'cases.narrative_sealed'])
      .where('cases.narrative_sealed', 'is not', null)
      .orderBy('cases.id')
      .limit(limit);
    if (after !== undefined) query = query.where('cases.id', '>', after);
    if (missingOnly) query = query.where((eb) => eb.not(caseIsSearchIndexed(trx)));
    return query.execute();
  },

  /**
   * Locks the case row (PostgreSQL) if its texts are still the ones read: an erasure or change in
   * between wins, and the case is skipped. False when they changed.
   */
  async lockIfUnchanged(trx: Db, row: SearchSourceRow): Promise<boolean> {
    let query = trx
      .updateTable('cases')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', row.id)
      .where('narrative_sealed', '=', row.narrative_sealed);
    query =
      row.name_sealed === null
        ? query.where('name_sealed', 'is', null)
        : query.where('name_sealed', '=', row.name_sealed);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
