import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, EvidenceCapturesTable } from '../../db/schema.js';

type Db = Kysely<Database>;
export type CaptureRow = Selectable<EvidenceCapturesTable>;

/** Rows of `evidence_captures`: one per requested server capture. */
export const captureRepository = {
  async insert(trx: Db, row: Insertable<EvidenceCapturesTable>): Promise<void> {
    await trx.insertInto('evidence_captures').values(row).execute();
  },
  async find(trx: Db, id: string): Promise<CaptureRow | undefined> {
    return trx.selectFrom('evidence_captures').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async listForCase(trx: Db, caseId: string, limit: number): Promise<CaptureRow[]> {
    return trx
      .selectFrom('evidence_captures')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
  /** Moves a capture on only from the status the caller saw (a retried job does not redo a finished one). */
  async update(trx: Db, id: string, from: readonly string[], values: Updateable<EvidenceCapturesTable>): Promise<boolean> {
    const result = await trx
      .updateTable('evidence_captures')
      .set(values)
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
