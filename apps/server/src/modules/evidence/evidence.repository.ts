import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../intake/intake.repository.js';
import type { EvidenceEntriesTable, EvidenceFilesTable, EvidenceHeadsTable } from '../../db/schema.js';

export type EntryRow = Selectable<EvidenceEntriesTable>;
export type HeadRow = Selectable<EvidenceHeadsTable>;
export type EvidenceFileRow = Selectable<EvidenceFilesTable>;

/** Data access for the evidence chain, its signed head and the file records. */
export const evidenceRepository = {
  /**
   * Takes the case row's write lock (a no-op update), so two appends to one case run one after the
   * other on PostgreSQL; SQLite serialises writers anyway.
   */
  async lockCase(trx: Db, caseId: string): Promise<boolean> {
    const result = await trx
      .updateTable('cases')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', caseId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  async lastEntry(trx: Db, caseId: string): Promise<Pick<EntryRow, 'seq' | 'hash'> | undefined> {
    return trx
      .selectFrom('evidence_entries')
      .select(['seq', 'hash'])
      .where('case_id', '=', caseId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async insertEntry(trx: Db, row: Insertable<EvidenceEntriesTable>): Promise<void> {
    await trx.insertInto('evidence_entries').values(row).execute();
  },

  async entries(trx: Db, caseId: string): Promise<EntryRow[]> {
    return trx.selectFrom('evidence_entries').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  },

  async head(trx: Db, caseId: string): Promise<HeadRow | undefined> {
    return trx.selectFrom('evidence_heads').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  },

  async upsertHead(trx: Db, row: HeadRow): Promise<void> {
    await trx
      .insertInto('evidence_heads')
      .values(row)
      .onConflict((oc) =>
        oc.column('case_id').doUpdateSet({ seq: row.seq, hash: row.hash, signature: row.signature, key_id: row.key_id, signed_at: row.signed_at }),
      )
      .execute();
  },

  async insertFiles(trx: Db, rows: readonly Insertable<EvidenceFilesTable>[]): Promise<void> {
    for (const row of rows) {
      await trx
        .insertInto('evidence_files')
        .values(row)
        .onConflict((oc) => oc.columns(['case_id', 'sha256']).doNothing())
        .execute();
    }
  },

  async findFile(trx: Db, caseId: string, sha256: string): Promise<EvidenceFileRow | undefined> {
    return trx
      .selectFrom('evidence_files')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
  },
};
