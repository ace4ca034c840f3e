import { LOCALES } from '@mimamoru/core';
import type { Insertable, Updateable } from 'kysely';
import type { ReplyTemplatesTable } from '../../db/schema.js';
import type { Db } from '../intake/intake.repository.js';

function selectTemplates(trx: Db) {
  return trx
    .selectFrom('reply_templates')
    .leftJoin('staff_accounts', 'staff_accounts.id', 'reply_templates.created_by')
    .select([
      'reply_templates.id',
      'reply_templates.title',
      'reply_templates.locale',
      'reply_templates.body',
      'reply_templates.created_by',
      'staff_accounts.display_name as created_by_name',
      'reply_templates.updated_at',
      'reply_templates.version',
      'reply_templates.archived_at',
    ]);
}

export type TemplateRow = NonNullable<Awaited<ReturnType<typeof templatesRepository.find>>>;

/** Data access of reply templates. */
export const templatesRepository = {
  /** Active templates first, then archived ones (newest archive first); by language (ja, en), then title. */
  async list(trx: Db, filter: { locale?: string; includeArchived: boolean }) {
    let query = selectTemplates(trx);
    if (filter.locale !== undefined) query = query.where('reply_templates.locale', '=', filter.locale);
    if (!filter.includeArchived) query = query.where('reply_templates.archived_at', 'is', null);
    const rows = await query.orderBy('reply_templates.title').orderBy('reply_templates.id').execute();
    // Japanese (the reference language) first, then English: LOCALES order, not alphabetical.
    const rank = (locale: string) => (LOCALES as readonly string[]).indexOf(locale);
    rows.sort((a, b) => rank(a.locale) - rank(b.locale));
    const active = rows.filter((row) => row.archived_at === null);
    const archived = rows
      .filter((row) => row.archived_at !== null)
      .sort((a, b) => ((a.archived_at ?? '') < (b.archived_at ?? '') ? 1 : -1));
    return [...active, ...archived];
  },

  async find(trx: Db, id: string) {
    return selectTemplates(trx).where('reply_templates.id', '=', id).executeTakeFirst();
  },

  async insert(trx: Db, row: Insertable<ReplyTemplatesTable>): Promise<void> {
    await trx.insertInto('reply_templates').values(row).execute();
  },

  /** Updates a template still at `version` and not archived; false when someone changed it first. */
  async updateIfVersion(
    trx: Db,
    id: string,
    version: number,
    patch: Updateable<ReplyTemplatesTable>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('reply_templates')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
