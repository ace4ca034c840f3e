import type { Insertable } from 'kysely';
import type { SavedViewsTable } from '../../db/schema.js';
import type { Db } from '../intake/intake.repository.js';

function selectViews(trx: Db) {
  return trx
    .selectFrom('saved_views')
    .innerJoin('staff_accounts', 'staff_accounts.id', 'saved_views.owner_id')
    .select([
      'saved_views.id',
      'saved_views.owner_id',
      'staff_accounts.display_name as owner_name',
      'saved_views.name',
      'saved_views.query',
      'saved_views.shared',
      'saved_views.created_at',
    ]);
}

export type ViewRow = NonNullable<Awaited<ReturnType<typeof savedViewsRepository.find>>>;

/** Data access of saved queue views. */
export const savedViewsRepository = {
  /** The owner's views and every shared one, by name. */
  async listVisible(trx: Db, ownerId: string) {
    return selectViews(trx)
      .where((eb) => eb.or([eb('saved_views.owner_id', '=', ownerId), eb('saved_views.shared', '=', 1)]))
      .orderBy('saved_views.name')
      .orderBy('saved_views.id')
      .execute();
  },

  async find(trx: Db, id: string) {
    return selectViews(trx).where('saved_views.id', '=', id).executeTakeFirst();
  },

  async countOwned(trx: Db, ownerId: string): Promise<number> {
    const row = await trx
      .selectFrom('saved_views')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('owner_id', '=', ownerId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  async insert(trx: Db, row: Insertable<SavedViewsTable>): Promise<void> {
    await trx.insertInto('saved_views').values(row).execute();
  },

  async delete(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('saved_views').where('id', '=', id).execute();
  },
};
