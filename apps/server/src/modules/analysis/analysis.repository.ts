import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { AnalysisResultChunksTable, AnalysisRunsTable, Database } from '../../db/schema.js';

type Db = Kysely<Database>;
export type AnalysisRunRow = Selectable<AnalysisRunsTable>;
export type AnalysisChunkRow = Selectable<AnalysisResultChunksTable>;

/** Rows of `analysis_runs` and `analysis_result_chunks`. */
export const analysisRepository = {
  async insertRun(trx: Db, row: Insertable<AnalysisRunsTable>): Promise<void> {
    await trx.insertInto('analysis_runs').values(row).execute();
  },
  async findRun(trx: Db, id: string): Promise<AnalysisRunRow | undefined> {
    return trx.selectFrom('analysis_runs').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async listRuns(trx: Db, caseId: string, limit: number): Promise<AnalysisRunRow[]> {
    return trx
      .selectFrom('analysis_runs')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
  /** Moves a run on only from the statuses the caller expects (a retried job does not redo a finished run). */
  async updateRun(trx: Db, id: string, from: readonly string[], values: Updateable<AnalysisRunsTable>): Promise<boolean> {
    const result = await trx
      .updateTable('analysis_runs')
      .set(values)
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  async insertChunk(trx: Db, row: Insertable<AnalysisResultChunksTable>): Promise<void> {
    await trx.insertInto('analysis_result_chunks').values(row).execute();
  },
  async chunks(trx: Db, runId: string): Promise<AnalysisChunkRow[]> {
    return trx.selectFrom('analysis_result_chunks').selectAll().where('run_id', '=', runId).orderBy('seq').execute();
  },
  /** Removes the chunks of an attempt that did not finish (the job starts over). */
  async deleteChunks(trx: Db, runId: string): Promise<string[]> {
    const rows = await trx.selectFrom('analysis_result_chunks').select('sha256').where('run_id', '=', runId).execute();
    await trx.deleteFrom('analysis_result_chunks').where('run_id', '=', runId).execute();
    return rows.map((r) => r.sha256);
  },
};
