import type { Insertable, Selectable } from 'kysely';
import type { DocumentsTable } from '../../db/schema.js';
import type { Db } from '../intake/intake.repository.js';

export type DocumentRow = Selectable<DocumentsTable> & { readonly generated_by_name: string | null };

/** The `documents` table: rows only; the bytes are in the blob store. */
export const documentsRepository = {
  async insert(trx: Db, row: Insertable<DocumentsTable>): Promise<void> {
    await trx.insertInto('documents').values(row).execute();
  },

  /** A case's documents in chain order, with the generating staff member's display name. */
  async listByCase(trx: Db, caseId: string, only?: { generatedByType: 'staff' | 'victim' }): Promise<DocumentRow[]> {
    let query = trx
      .selectFrom('documents')
      .leftJoin('staff_accounts', 'staff_accounts.id', 'documents.generated_by')
      .selectAll('documents')
      .select('staff_accounts.display_name as generated_by_name')
      .where('documents.case_id', '=', caseId);
    if (only) query = query.where('documents.generated_by_type', '=', only.generatedByType);
    return query.orderBy('documents.chain_seq').execute();
  },

  /** A staff member's display name (the case summary's 作成者). */
  async staffName(trx: Db, id: string): Promise<string | undefined> {
    const row = await trx.selectFrom('staff_accounts').select('display_name').where('id', '=', id).executeTakeFirst();
    return row?.display_name;
  },

  async find(trx: Db, caseId: string, id: string): Promise<DocumentRow | undefined> {
    return trx
      .selectFrom('documents')
      .leftJoin('staff_accounts', 'staff_accounts.id', 'documents.generated_by')
      .selectAll('documents')
      .select('staff_accounts.display_name as generated_by_name')
      .where('documents.case_id', '=', caseId)
      .where('documents.id', '=', id)
      .executeTakeFirst();
  },
};
