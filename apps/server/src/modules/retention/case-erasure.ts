import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import { tableColumns, tablesWithColumn, type ColumnInfo } from '../../db/table-columns.js';
import { listCaseDerivedRows } from '../../security/case-derived-rows.js';
import { listEncryptedColumns } from '../../security/encrypted-columns.js';
import { blobReferences } from '../../storage/blob-references.js';
import { releaseBlobs } from '../../storage/blob-release.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CaseRow, Db } from '../intake/intake.repository.js';

/** Why a case was erased: its retention period ended, or the victim asked (withdrawal or erasure request). */
export type ErasureReason = 'retention' | 'victim-request';

/**
 * Personal columns by naming convention: `*_sealed` (keyring ciphertext) and `*_hash` (keyed or plain
 * hashes of personal values and credentials, e.g. `email_hash`, `url_hash`, `access_key_hash`). They
 * are erased even where a module forgot to register them with the encrypted-columns registry.
 */
const PERSONAL_COLUMN = /_(sealed|hash)$/;

/** Case-linked tables whose fate is decided here rather than by their columns. */
const CLASSIFIED: Readonly<Record<string, { readonly action: 'delete' | 'keep'; readonly why: string }>> = {
  victim_sessions: { action: 'delete', why: "the victim's sign-in sessions" },
  access_key_resets: { action: 'delete', why: 'access-key reset tokens' },
  case_tasks: {
    action: 'keep',
    why: 'stage tasks: titles from core templates, due dates and done times (no personal data)',
  },
  case_events: {
    action: 'keep',
    why: 'the timeline: ids, codes and dates (stage changes are the outcome statistics)',
  },
  sla_pauses: { action: 'keep', why: 'first-response SLA pauses: times only' },
  evidence_heads: { action: 'delete', why: 'the signed head of the evidence chain, deleted with the chain' },
  evidence_timestamps: { action: 'delete', why: 'timestamp tokens over the deleted evidence chain' },
};

/** What erasure does to the rows of one table that point at the case. */
export interface TableErasure {
  readonly table: string;
  readonly caseIdColumn: string;
  /** delete the rows; null their personal columns and keep the rows; or keep them untouched. */
  readonly action: 'delete' | 'null' | 'keep';
  /** Personal columns (nulled when `action` is `null`). */
  readonly columns: readonly string[];
  /** Columns holding blob addresses: those blobs are released after the commit. */
  readonly blobColumns: readonly string[];
  readonly why: string;
}

export interface CaseErasurePlan {
  /** Personal columns of `cases` itself, set to null (the row stays for statistics). */
  readonly caseColumns: readonly string[];
  readonly tables: readonly TableErasure[];
}

/** Columns of `cases` that are personal without following the naming convention. */
const CASE_FACT_COLUMNS = ['offender_known_since', 'next_deadline_id', 'next_deadline_on'] as const;

/** What withdrawal erases on top of retention: the victim asked that nothing about the case remain. */
const WITHDRAWAL_COLUMNS = ['assignee_id', 'channel', 'platforms', 'goals'] as const;

/**
 * Works out, from the registries and the live schema, what erasing a case touches. Every table with a
 * `case_id` column (or registered in case-derived-rows.ts with another column) is covered, including
 * tables other modules add later, in this order of rules:
 * 1. a table registered in blob-references.ts: rows deleted, their blobs released after the commit;
 * 2. a table registered in case-derived-rows.ts (blind-index search tokens …): rows deleted;
 * 3. a table with personal columns (encrypted-columns registry, or named `*_sealed` / `*_hash`):
 *    when they are all nullable they are set to null and the row kept (a referral keeps its outcome,
 *    a post target its states), else the rows are deleted (messages, notes, parties);
 * 4. a table classified above (sessions and reset tokens deleted; tasks, timeline, SLA pauses kept);
 * 5. any other case-linked table: rows deleted. Nobody said it holds no personal data, so erasure errs
 *    on the side of the victim; classify it in CLASSIFIED to keep it.
 * Tables without a case link (jobs, lookup keys, staff accounts, lawyer profiles) are not case data.
 */
export async function planCaseErasure(
  database: Pick<DatabaseHandle, 'db' | 'dialect'>,
): Promise<CaseErasurePlan> {
  const sealedByTable = new Map(
    listEncryptedColumns().map((r) => [r.table, r.columns.map((c) => c.column)] as const),
  );
  const derived = new Map(listCaseDerivedRows().map((r) => [r.table, r.caseIdColumn] as const));
  const blobColumnsOf = (table: string) =>
    blobReferences()
      .filter((r) => r.table === table)
      .map((r) => r.column);
  const personalColumns = (table: string, columns: readonly ColumnInfo[]) =>
    [
      ...new Set([
        ...(sealedByTable.get(table) ?? []),
        ...columns.map((c) => c.name).filter((name) => PERSONAL_COLUMN.test(name)),
      ]),
    ].filter((name) => columns.some((c) => c.name === name));

  const caseColumns = personalColumns('cases', await tableColumns(database, 'cases'));
  const linked = new Map<string, string>();
  for (const table of await tablesWithColumn(database, 'case_id')) linked.set(table, 'case_id');
  for (const [table, column] of derived) linked.set(table, column);

  const tables: TableErasure[] = [];
  for (const [table, caseIdColumn] of [...linked].sort(([a], [b]) => a.localeCompare(b))) {
    if (table === 'cases') continue;
    const columns = await tableColumns(database, table);
    if (columns.length === 0) continue;
    const personal = personalColumns(table, columns);
    const blobColumns = blobColumnsOf(table);
    const base = { table, caseIdColumn, columns: personal, blobColumns };
    if (blobColumns.length > 0) {
      tables.push({ ...base, action: 'delete', why: 'records of stored files (blobs released)' });
    } else if (derived.has(table)) {
      tables.push({ ...base, action: 'delete', why: 'data derived from personal fields' });
    } else if (personal.length > 0) {
      const nullable = personal.every((name) => columns.find((c) => c.name === name)?.nullable);
      tables.push(
        nullable
          ? { ...base, action: 'null', why: 'personal columns nulled; the row stays for statistics' }
          : { ...base, action: 'delete', why: 'rows whose personal columns cannot be null' },
      );
    } else if (CLASSIFIED[table]) {
      tables.push({ ...base, ...CLASSIFIED[table] });
    } else {
      tables.push({ ...base, action: 'delete', why: 'not classified: deleted to be safe' });
    }
  }
  return { caseColumns, tables };
}

/** What the caller decides inside the erasure transaction, after reading the case. */
export type ErasureDecision = 'skip' | 'erase' | 'withdraw';

export interface EraseCaseInput {
  readonly caseId: string;
  readonly reason: ErasureReason;
  /**
   * Runs first in the transaction with the case as stored (throw to abort, e.g. with a 4xx): whether to
   * erase keeping the stage (`erase`), withdraw and erase (`withdraw`), or do nothing (`skip`). Write
   * the caller's own audit line here so it commits with the erasure.
   */
  readonly decide: (trx: Db, row: CaseRow) => Promise<ErasureDecision>;
}

export interface EraseCaseOutcome {
  readonly erased: boolean;
  readonly caseNumber?: string;
  readonly withdrawn?: boolean;
  readonly erasedAt?: string;
  /** Blobs deleted from storage (those no other record references). */
  readonly blobsDeleted: number;
}

/** Statements over tables the static schema type does not know (they come from the registries). */
type AnyDatabase = Kysely<Record<string, Record<string, unknown>>>;

export interface CaseErasureDeps {
  readonly database: Pick<DatabaseHandle, 'db' | 'dialect'>;
  readonly blobStore: Pick<BlobStore, 'delete'>;
  readonly audit: Pick<AuditService, 'record'>;
  readonly clock: () => Date;
}

/**
 * Erases a case's personal data in one transaction (see {@link planCaseErasure}), keeps the row's
 * non-personal columns (number, stage, dates, platforms, goals, contact channel, priority, team,
 * assignee) so statistics stay true, removes the access key and sessions, and writes one audit line
 * `cases.erased` (actor system, reason, no personal data). Blobs are released after the commit.
 */
export function createCaseErasure({ database, blobStore, audit, clock }: CaseErasureDeps) {
  const { db } = database;
  let planned: Promise<CaseErasurePlan> | undefined;

  /** The plan, worked out once per process (the schema only changes through migrations at start). */
  function plan(): Promise<CaseErasurePlan> {
    planned ??= planCaseErasure(database).catch((error: unknown) => {
      planned = undefined;
      throw error;
    });
    return planned;
  }

  async function erase({ caseId, reason, decide }: EraseCaseInput): Promise<EraseCaseOutcome> {
    // Before the transaction: on SQLite a query outside it would wait for the connection it holds.
    const { caseColumns, tables } = await plan();
    const done = await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
      if (!row) return null;
      const decision = await decide(trx, row);
      if (decision === 'skip') return null;
      const withdraw = decision === 'withdraw';
      const any = trx as unknown as AnyDatabase;
      // The case row first: it takes the row lock, so a concurrent search reindex (which skips erased
      // cases) either waited for this transaction or sees the case erased.
      const now = clock().toISOString();
      const erasedColumns = [...caseColumns, ...CASE_FACT_COLUMNS, ...(withdraw ? WITHDRAWAL_COLUMNS : [])];
      await any
        .updateTable('cases')
        .set({
          ...Object.fromEntries(erasedColumns.map((c) => [c, null])),
          awaiting_victim: 0,
          erased_at: now,
          erasure_reason: reason,
          updated_at: now,
          version: sql`version + 1`,
          ...(withdraw ? { stage: 'withdrawn', status: 'withdrawn', withdrawn_at: now } : {}),
        })
        .where('id', '=', caseId)
        .execute();
      const digests: string[] = [];
      for (const { table, caseIdColumn, action, columns, blobColumns } of tables) {
        if (action === 'keep') continue;
        for (const column of blobColumns) {
          const rows = await any.selectFrom(table).select(column).where(caseIdColumn, '=', caseId).execute();
          for (const r of rows) if (typeof r[column] === 'string') digests.push(r[column]);
        }
        if (action === 'delete') {
          await any.deleteFrom(table).where(caseIdColumn, '=', caseId).execute();
        } else {
          await any
            .updateTable(table)
            .set(Object.fromEntries(columns.map((c) => [c, null])))
            .where(caseIdColumn, '=', caseId)
            .execute();
        }
      }
      await audit.record(
        {
          actorType: 'system',
          actorId: null,
          action: 'cases.erased',
          targetType: 'case',
          targetId: caseId,
          detail: { reason, withdrawn: withdraw },
        },
        trx,
      );
      return { caseNumber: row.case_number, withdrawn: withdraw, erasedAt: now, digests };
    });
    if (!done) return { erased: false, blobsDeleted: 0 };
    const blobsDeleted = await releaseBlobs({ db, blobStore, digests: done.digests });
    return {
      erased: true,
      caseNumber: done.caseNumber,
      withdrawn: done.withdrawn,
      erasedAt: done.erasedAt,
      blobsDeleted,
    };
  }

  return { plan, erase };
}

export type CaseErasure = ReturnType<typeof createCaseErasure>;

/** Whether a stored case was erased (its personal data is gone; the row is statistics only). */
export function isErased(row: Pick<CaseRow, 'erased_at'>): boolean {
  return row.erased_at !== null;
}

/** Erasure as seen by other modules' types (e.g. the victim service). */
export type CaseErasureService = Pick<CaseErasure, 'erase'>;
