import type { AuditQuery } from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newSortableId } from '../intake/sortable-id.js';
import { auditRepository, type AuditFilter, type AuditRow } from './audit.repository.js';

export type AuditActorType = 'staff' | 'victim' | 'system';

/** One thing that happened. `detail` holds ids and codes only: never names, emails, text or IPs. */
export interface AuditEvent {
  readonly actorType: AuditActorType;
  readonly actorId: string | null;
  readonly action: string;
  readonly targetType?: string;
  readonly targetId?: string;
  /** Keyed hash of the client IP ({@link AuditService.hashIp}, computed before any transaction). */
  readonly ipHash?: string | null;
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>;
}

export const AUDIT_PAGE_SIZE = 50;
/** Lines in one CSV export at most (newest first); narrow the dates for more. */
export const AUDIT_EXPORT_MAX = 50_000;

const CSV_COLUMNS = [
  'id',
  'at',
  'actor_type',
  'actor_id',
  'action',
  'target_type',
  'target_id',
  'ip_hash',
  'detail',
] as const;

/** A CSV cell, quoted; a leading = + - @ is defused so spreadsheets never run it as a formula. */
function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A bare date for `to` means up to the end of that day (UTC). */
function toFilter(query: Omit<AuditQuery, 'page'>): AuditFilter {
  const instant = (value: string) => new Date(Date.parse(value)).toISOString();
  const endOf = (value: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(Date.parse(value) + 24 * 3600 * 1000).toISOString()
      : instant(value);
  return {
    ...(query.actor ? { actorId: query.actor } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.from ? { from: instant(query.from) } : {}),
    ...(query.to ? { to: endOf(query.to) } : {}),
  };
}

function present(row: AuditRow) {
  return {
    id: row.id,
    at: row.at,
    actorType: row.actor_type as AuditActorType,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ipHash: row.ip_hash,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  };
}

/** Writes and reads the append-only audit log. */
export function createAuditService({
  db,
  clock,
  hashIp,
}: {
  db: Kysely<Database>;
  clock: () => Date;
  /** Keyed hash of an IP (see security/lookup-key.ts). */
  hashIp: (ip: string) => Promise<string>;
}) {
  return {
    /** Appends one line; pass `trx` to make it part of the change it records. */
    async record(event: AuditEvent, trx: Kysely<Database> = db): Promise<void> {
      await auditRepository.insert(trx, {
        id: newSortableId(),
        at: clock().toISOString(),
        actor_type: event.actorType,
        actor_id: event.actorId,
        action: event.action,
        target_type: event.targetType ?? null,
        target_id: event.targetId ?? null,
        ip_hash: event.ipHash ?? null,
        detail: event.detail === undefined ? null : JSON.stringify(event.detail),
      });
    },

    /** Keyed hash of a client IP for audit lines and sessions. Call outside transactions (first use writes). */
    hashIp,

    /** One page of matching lines, newest first; the search itself is audited. */
    async search({ query, actor, ip }: { query: AuditQuery; actor: string; ip: string }) {
      await this.record({
        actorType: 'staff',
        actorId: actor,
        action: 'audit.searched',
        ipHash: await hashIp(ip),
        detail: {
          page: query.page,
          filtered: Boolean(query.actor ?? query.action ?? query.from ?? query.to),
        },
      });
      const rows = await auditRepository.search(db, toFilter(query), {
        limit: AUDIT_PAGE_SIZE + 1,
        offset: (query.page - 1) * AUDIT_PAGE_SIZE,
      });
      return {
        entries: rows.slice(0, AUDIT_PAGE_SIZE).map(present),
        page: query.page,
        pageSize: AUDIT_PAGE_SIZE,
        hasMore: rows.length > AUDIT_PAGE_SIZE,
      };
    },

    /** Matching lines as CSV (UTF-8, header row, newest first), and how many; the export is audited. */
    async exportCsv({
      query,
      actor,
      ip,
    }: {
      query: Omit<AuditQuery, 'page'>;
      actor: string;
      ip: string;
    }): Promise<{ csv: string; count: number }> {
      const rows = await auditRepository.search(db, toFilter(query), { limit: AUDIT_EXPORT_MAX, offset: 0 });
      await this.record({
        actorType: 'staff',
        actorId: actor,
        action: 'audit.exported',
        ipHash: await hashIp(ip),
        detail: { rows: rows.length },
      });
      const lines = [CSV_COLUMNS.join(',')];
      for (const row of rows) lines.push(CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
      return { csv: `${lines.join('\r\n')}\r\n`, count: rows.length };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
