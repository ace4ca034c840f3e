import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../../db/schema.js';

type Db = Kysely<Database>;
export type AuditRow = Selectable<AuditLogTable>;

export interface AuditFilter {
  readonly actorId?: string;
  readonly action?: string;
  /** Inclusive ISO instant. */
  readonly from?: string;
  /** Exclusive ISO instant. */
  readonly to?: string;
}

/** The audit log: insert and read only. There is deliberately no update or delete. */
export const auditRepository = {
  async insert(trx: Db, row: Insertable<AuditLogTable>): Promise<void> {
    await trx.insertInto('audit_log').values(row).execute();
  },

  /** Matching lines, newest first. */
  async search(
    trx: Db,
    filter: AuditFilter,
    { limit, offset }: { limit: number; offset: number },
  ): Promise<AuditRow[]> {
    let query = trx.selectFrom('audit_log').selectAll();
    if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  },
};
