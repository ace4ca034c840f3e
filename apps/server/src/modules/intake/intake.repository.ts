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

  /** Of the given blob digests, those still referenced by some attachment record. */
  async referencedBlobs(trx: Db, sha256s: readonly string[]): Promise<Set<string>> {
    if (sha256s.length === 0) return new Set();
    const rows = await trx
      .selectFrom('case_attachments')
      .select('sha256')
      .distinct()
      .where('sha256', 'in', [...sha256s])
      .execute();
    return new Set(rows.map((row) => row.sha256));
  },

  /**
   * Erases a case's personal data: messages and attachment records are deleted, personal columns
   * nulled; only the number, status, policy version, locale and timestamps remain. Returns the
   * blob digests that were referenced.
   */
  async eraseCase(trx: Db, id: string, nowIso: string): Promise<string[]> {
    const attachments = await trx
      .selectFrom('case_attachments')
      .select('sha256')
      .where('case_id', '=', id)
      .execute();
    await trx.deleteFrom('case_messages').where('case_id', '=', id).execute();
    await trx.deleteFrom('case_notes').where('case_id', '=', id).execute();
    await trx.deleteFrom('case_attachments').where('case_id', '=', id).execute();
    await trx
      .updateTable('cases')
      .set({
        status: 'withdrawn',
        stage: 'withdrawn',
        awaiting_victim: 0,
        assignee_id: null,
        offender_known_since: null,
        next_deadline_id: null,
        next_deadline_on: null,
        access_key_hash: null,
        email_hash: null,
        channel: null,
        platforms: null,
        goals: null,
        name_sealed: null,
        narrative_sealed: null,
        post_urls_sealed: null,
        happened_at_sealed: null,
        email_sealed: null,
        phone_sealed: null,
        contact_notes_sealed: null,
        triage_sealed: null,
        updated_at: nowIso,
        withdrawn_at: nowIso,
      })
      .where('id', '=', id)
      .execute();
    return [...new Set(attachments.map((row) => row.sha256))];
  },
};
