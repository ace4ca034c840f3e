import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CaseAttachmentsTable, CaseMessagesTable, CasesTable, Database } from '../../db/schema.js';

/** A connection or a transaction; use cases pass their `trx`. */
export type Db = Kysely<Database>;

export type CaseRow = Selectable<CasesTable>;
export type MessageRow = Selectable<CaseMessagesTable>;
export type AttachmentRow = Selectable<CaseAttachmentsTable>;

/** Data access for cases, their messages and their attachment records. */
export const casesRepository = {
  async insertCase(trx: Db, row: Insertable<CasesTable>): Promise<void> {
    await trx.insertInto('cases').values(row).execute();
  },

  async caseNumberTaken(trx: Db, caseNumber: string): Promise<boolean> {
    const row = await trx
      .selectFrom('cases')
      .select('id')
      .where('case_number', '=', caseNumber)
      .executeTakeFirst();
    return row !== undefined;
  },

  async findByNumber(trx: Db, caseNumber: string): Promise<CaseRow | undefined> {
    return trx.selectFrom('cases').selectAll().where('case_number', '=', caseNumber).executeTakeFirst();
  },

  async findById(trx: Db, id: string): Promise<CaseRow | undefined> {
    return trx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findByEmailHash(trx: Db, caseNumber: string, emailHash: string): Promise<CaseRow | undefined> {
    return trx
      .selectFrom('cases')
      .selectAll()
      .where('case_number', '=', caseNumber)
      .where('email_hash', '=', emailHash)
      .executeTakeFirst();
  },

  async updateCase(trx: Db, id: string, patch: Updateable<CasesTable>): Promise<void> {
    await trx.updateTable('cases').set(patch).where('id', '=', id).execute();
  },

  async insertMessage(trx: Db, row: Insertable<CaseMessagesTable>): Promise<void> {
    await trx.insertInto('case_messages').values(row).execute();
  },

  async listMessages(trx: Db, caseId: string): Promise<MessageRow[]> {
    return trx
      .selectFrom('case_messages')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async insertAttachments(trx: Db, rows: readonly Insertable<CaseAttachmentsTable>[]): Promise<void> {
    if (rows.length > 0)
      await trx
        .insertInto('case_attachments')
        .values([...rows])
        .execute();
  },

  async listAttachments(trx: Db, caseId: string): Promise<AttachmentRow[]> {
    return trx
      .selectFrom('case_attachments')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async countAttachments(trx: Db, caseId: string): Promise<number> {
    const row = await trx
      .selectFrom('case_attachments')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  async findAttachment(trx: Db, caseId: string, id: string): Promise<AttachmentRow | undefined> {
    return trx
      .selectFrom('case_attachments')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  },
};
