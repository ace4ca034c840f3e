import type { Kysely } from 'kysely';
import type { Database, SavedTriageTable } from '../../db/schema.js';

export type SavedTriageRow = SavedTriageTable;

export function createSavedTriageRepository({ db }: { db: Kysely<Database> }) {
  return {
    async insert(row: SavedTriageRow): Promise<void> {
      await db.insertInto('saved_triage').values(row).execute();
    },

    async findById(id: string): Promise<SavedTriageRow | undefined> {
      return db.selectFrom('saved_triage').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async deleteById(id: string): Promise<void> {
      await db.deleteFrom('saved_triage').where('id', '=', id).execute();
    },

    /** Erases every save whose expiry is at or before `nowIso`; returns how many. */
    async deleteExpired(nowIso: string): Promise<number> {
      const result = await db.deleteFrom('saved_triage').where('expires_at', '<=', nowIso).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type SavedTriageRepository = ReturnType<typeof createSavedTriageRepository>;
