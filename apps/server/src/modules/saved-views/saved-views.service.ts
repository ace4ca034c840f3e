import {
  SavedViewQuerySchema,
  type SavedView,
  type SavedViewCreate,
  type SavedViewQuery,
  type StaffRole,
} from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { newSortableId } from '../intake/sortable-id.js';
import {
  createTooManyViewsError,
  createViewNotFoundError,
  createViewNotOwnerError,
} from './saved-views.errors.js';
import { savedViewsRepository, type ViewRow } from './saved-views.repository.js';

/** Views one person may keep (shared ones count for their owner). */
export const SAVED_VIEWS_MAX = 50;

/** The staff member acting: their role decides who may delete what. */
export interface ViewActor {
  readonly id: string;
  readonly role: StaffRole;
  readonly ipHash: string | null;
}

export interface SavedViewsServiceDeps {
  readonly db: Kysely<Database>;
  readonly audit: Pick<AuditService, 'record'>;
  readonly clock: () => Date;
}

/**
 * The stored filters, read with today's schema. A view saved before a filter was renamed or removed
 * keeps the filters that still exist rather than failing the whole list.
 */
function queryOf(json: string): SavedViewQuery {
  const stored = JSON.parse(json) as Record<string, unknown>;
  const whole = SavedViewQuerySchema.safeParse(stored);
  if (whole.success) return whole.data;
  const kept = Object.fromEntries(
    Object.entries(stored).filter(([key, value]) => SavedViewQuerySchema.safeParse({ [key]: value }).success),
  );
  return SavedViewQuerySchema.parse(kept);
}

const mayDelete = (row: ViewRow, actor: ViewActor) => row.owner_id === actor.id || actor.role === 'admin';

function present(row: ViewRow, actor: ViewActor): SavedView {
  return {
    id: row.id,
    name: row.name,
    query: queryOf(row.query),
    shared: row.shared === 1,
    owner: { id: row.owner_id, displayName: row.owner_name },
    deletable: mayDelete(row, actor),
    createdAt: row.created_at,
  };
}

/** Saved queue filters: one's own and those shared by others; only the owner or an admin deletes. */
export function createSavedViewsService({ db, audit, clock }: SavedViewsServiceDeps) {
  async function record(trx: Kysely<Database>, actor: ViewActor, action: string, id: string) {
    await audit.record(
      {
        actorType: 'staff',
        actorId: actor.id,
        action,
        targetType: 'saved_view',
        targetId: id,
        ipHash: actor.ipHash,
      },
      trx,
    );
  }

  return {
    /** The caller's own views first, then the ones others shared. */
    async listViews({ actor }: { actor: ViewActor }): Promise<{ views: SavedView[] }> {
      const rows = await savedViewsRepository.listVisible(db, actor.id);
      const own = rows.filter((row) => row.owner_id === actor.id);
      const others = rows.filter((row) => row.owner_id !== actor.id);
      return { views: [...own, ...others].map((row) => present(row, actor)) };
    },

    /** Saves the current queue filters under a name (409 beyond {@link SAVED_VIEWS_MAX}). */
    async createView({ input, actor }: { input: SavedViewCreate; actor: ViewActor }): Promise<SavedView> {
      return db.transaction().execute(async (trx) => {
        if ((await savedViewsRepository.countOwned(trx, actor.id)) >= SAVED_VIEWS_MAX)
          throw createTooManyViewsError({ max: String(SAVED_VIEWS_MAX) });
        const id = newSortableId(clock().getTime());
        await savedViewsRepository.insert(trx, {
          id,
          owner_id: actor.id,
          name: input.name,
          query: JSON.stringify(input.query),
          shared: input.shared ? 1 : 0,
          created_at: clock().toISOString(),
        });
        await record(trx, actor, 'views.created', id);
        const row = await savedViewsRepository.find(trx, id);
        if (!row) throw createViewNotFoundError();
        return present(row, actor);
      });
    },

    /** Deletes a view: 404 when the caller cannot see it, 403 when it is someone else's shared view. */
    async deleteView({ id, actor }: { id: string; actor: ViewActor }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await savedViewsRepository.find(trx, id);
        if (!row || (row.owner_id !== actor.id && row.shared !== 1 && actor.role !== 'admin'))
          throw createViewNotFoundError();
        if (!mayDelete(row, actor)) throw createViewNotOwnerError();
        await savedViewsRepository.delete(trx, id);
        await record(trx, actor, 'views.deleted', id);
      });
    },
  };
}

export type SavedViewsService = ReturnType<typeof createSavedViewsService>;
