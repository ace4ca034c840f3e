import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Keyring } from './keyring.js';

/** A row as rotation reads it: the id, the sealed columns and any `contextColumns`. */
export type EncryptedRow = Readonly<Record<string, unknown>>;

export interface EncryptedColumn {
  readonly column: string;
  /** The keyring context the value was sealed with, e.g. (row) => `cases.narrative:${row.id}`. */
  readonly context: (row: EncryptedRow) => string;
}

export interface EncryptedColumnsRegistration {
  readonly table: string;
  /** A unique, orderable column (rotation pages through the table by it). */
  readonly idColumn: string;
  readonly columns: readonly EncryptedColumn[];
  /** Other columns a context function reads, besides the id. */
  readonly contextColumns?: readonly string[];
}

const registry = new Map<string, EncryptedColumnsRegistration>();

/**
 * Declares the keyring-sealed columns of a table, so `mimamoru keys rotate` re-encrypts them and
 * `mimamoru keys status` counts them. Call it at the top level of the module that owns the table
 * (imported by container.ts). Null and '' values are skipped. Registering a table again replaces it.
 */
export function registerEncryptedColumns(registration: EncryptedColumnsRegistration): void {
  registry.set(registration.table, registration);
}

/** Every registration, in table-name order. */
export function listEncryptedColumns(): readonly EncryptedColumnsRegistration[] {
  return [...registry.values()].sort((a, b) => a.table.localeCompare(b.table));
}

/** Rotation goes through tables the static schema type does not know (registered at run time). */
type AnyDatabase = Kysely<Record<string, Record<string, unknown>>>;

function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

export interface RotationOutcome {
  readonly table: string;
  readonly column: string;
  readonly reencrypted: number;
}

/**
 * Re-encrypts every registered value sealed with an older key under the keyring's current key.
 * Pages through each table by id; each page is read and rewritten in its own transaction, and a
 * value is only replaced if it is still the one read (a concurrent write is never overwritten).
 */
export async function reencryptColumns({
  db,
  keyring,
  registrations = listEncryptedColumns(),
  batchSize = 200,
}: {
  db: Kysely<Database>;
  keyring: Keyring;
  registrations?: readonly EncryptedColumnsRegistration[];
  batchSize?: number;
}): Promise<RotationOutcome[]> {
  const anyDb = db as unknown as AnyDatabase;
  const outcomes: RotationOutcome[] = [];
  for (const registration of registrations) {
    const { table, idColumn, columns } = registration;
    const counts = new Map(columns.map(({ column }) => [column, 0]));
    const selected = [
      ...new Set([idColumn, ...(registration.contextColumns ?? []), ...columns.map((c) => c.column)]),
    ];
    let after: unknown = undefined;
    for (;;) {
      const last = await anyDb.transaction().execute(async (trx) => {
        let query = trx.selectFrom(table).select(selected).orderBy(idColumn).limit(batchSize);
        if (after !== undefined) query = query.where(idColumn, '>', after);
        const rows = (await query.execute()) as EncryptedRow[];
        for (const row of rows) {
          for (const { column, context } of columns) {
            const value = row[column];
            if (!isSealed(value) || !keyring.needsRotation(value)) continue;
            const ctx = context(row);
            const resealed = keyring.seal(keyring.open(value, ctx), ctx);
            const result = await trx
              .updateTable(table)
              .set({ [column]: resealed })
              .where(idColumn, '=', row[idColumn])
              .where(column, '=', value)
              .executeTakeFirst();
            if (Number(result.numUpdatedRows) > 0) counts.set(column, (counts.get(column) ?? 0) + 1);
          }
        }
        return rows.length === batchSize ? rows[rows.length - 1]?.[idColumn] : undefined;
      });
      if (last === undefined) break;
      after = last;
    }
    for (const { column } of columns) outcomes.push({ table, column, reencrypted: counts.get(column) ?? 0 });
  }
  return outcomes;
}

export interface ColumnKeyVersions {
  readonly table: string;
  readonly column: string;
  /** Number of values per key version; `unreadable` counts values that are not sealed values. */
  readonly versions: Readonly<Record<string, number>>;
}

/** How many registered values each key version seals (for `mimamoru keys status`). */
export async function countColumnKeyVersions({
  db,
  keyring,
  registrations = listEncryptedColumns(),
  batchSize = 1000,
}: {
  db: Kysely<Database>;
  keyring: Keyring;
  registrations?: readonly EncryptedColumnsRegistration[];
  batchSize?: number;
}): Promise<ColumnKeyVersions[]> {
  const anyDb = db as unknown as AnyDatabase;
  const result: ColumnKeyVersions[] = [];
  for (const { table, idColumn, columns } of registrations) {
    const tallies = new Map(columns.map(({ column }) => [column, {} as Record<string, number>]));
    let after: unknown = undefined;
    for (;;) {
      let query = anyDb
        .selectFrom(table)
        .select([idColumn, ...columns.map((c) => c.column)])
        .orderBy(idColumn)
        .limit(batchSize);
      if (after !== undefined) query = query.where(idColumn, '>', after);
      const rows = (await query.execute()) as EncryptedRow[];
      for (const row of rows) {
        for (const { column } of columns) {
          const value = row[column];
          if (!isSealed(value)) continue;
          let version: string;
          try {
            version = String(keyring.versionOf(value));
          } catch {
            version = 'unreadable';
          }
          const tally = tallies.get(column) as Record<string, number>;
          tally[version] = (tally[version] ?? 0) + 1;
        }
      }
      if (rows.length < batchSize) break;
      after = rows[rows.length - 1]?.[idColumn];
    }
    for (const { column } of columns) result.push({ table, column, versions: tallies.get(column) ?? {} });
  }
  return result;
}
