import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from './database.js';

export interface ColumnInfo {
  readonly name: string;
  readonly nullable: boolean;
}

/**
 * The columns of a table in the current schema (empty when the table does not exist). Erasure uses it
 * to treat tables other modules register (case_id link, nullable sealed columns) without knowing them.
 * Dialect-specific, hence here in db/: SQLite's pragma_table_info, PostgreSQL's information_schema
 * restricted to current_schema() (other schemas in the same database are not ours).
 */
export async function tableColumns(
  database: Pick<DatabaseHandle, 'db' | 'dialect'>,
  table: string,
): Promise<ColumnInfo[]> {
  const db = database.db as unknown as Kysely<unknown>;
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{
      name: string;
      notnull: number;
      pk: number;
    }>`select name, "notnull", pk from pragma_table_info(${table})`.execute(db);
    return rows.map((row) => ({ name: row.name, nullable: row.notnull === 0 && row.pk === 0 }));
  }
  const { rows } = await sql<{ name: string; is_nullable: string }>`
    select column_name as name, is_nullable from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}
    order by ordinal_position`.execute(db);
  return rows.map((row) => ({ name: row.name, nullable: row.is_nullable === 'YES' }));
}

/** Names of the tables in the current schema that have a column named `column`, sorted. */
export async function tablesWithColumn(
  database: Pick<DatabaseHandle, 'db' | 'dialect'>,
  column: string,
): Promise<string[]> {
  const db = database.db as unknown as Kysely<unknown>;
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`
      select m.name as name from sqlite_master m
      where m.type = 'table' and exists (select 1 from pragma_table_info(m.name) c where c.name = ${column})
      order by m.name`.execute(db);
    return rows.map((row) => row.name);
  }
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.columns
    where table_schema = current_schema() and column_name = ${column}
    order by table_name`.execute(db);
  return rows.map((row) => row.name);
}
