import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Dialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/config.js';
import { migrationProvider } from './migrations/registry.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** A migrator over the registry, bound to the schema this connection works in. */
  createMigrator(): Promise<Migrator>;
  destroy(): Promise<void>;
}

/**
 * Opens the configured database. This is the only place that knows SQLite from PostgreSQL;
 * everything else writes portable Kysely over ISO-8601 text timestamps and text ids.
 */
export function createDatabase(config: Pick<Config, 'database'>): DatabaseHandle {
  const { database } = config;
  let dialect: Dialect;
  if (database.dialect === 'sqlite') {
    if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
    const sqlite = new SqliteDatabase(database.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // FULL: a commit (and so a 201 for a consultation) survives power loss, not only a killed process.
    sqlite.pragma('synchronous = FULL');
    dialect = new SqliteDialect({ database: sqlite });
  } else {
    // `options` (e.g. -c search_path=…) in the URL's query string reaches the server unchanged.
    const pool = new pg.Pool({ connectionString: database.url, max: 10, idleTimeoutMillis: 30_000 });
    dialect = new PostgresDialect({ pool });
  }
  const db = new Kysely<Database>({ dialect });
  const createMigrator = async () => {
    if (database.dialect === 'sqlite') return new Migrator({ db, provider: migrationProvider });
    // Kysely looks for its migration tables in every schema unless told which one: name the
    // current one (first in search_path), so other schemas in the same database do not confuse it.
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const schema = rows[0]?.schema ?? 'public';
    return new Migrator({ db, provider: migrationProvider, migrationTableSchema: schema });
  };
  return { db, dialect: database.dialect, createMigrator, destroy: () => db.destroy() };
}

export interface MigrationOutcome {
  readonly applied: readonly string[];
}

/** Brings the schema to the latest migration in the registry; throws on the first failure. */
export async function migrateToLatest(database: DatabaseHandle): Promise<MigrationOutcome> {
  const migrator = await database.createMigrator();
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`Migration failed: ${String(error)}`);
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Names of registered migrations not yet applied. */
export async function pendingMigrations(database: DatabaseHandle): Promise<readonly string[]> {
  const migrator = await database.createMigrator();
  const migrations = await migrator.getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** A round trip to the database server (or file). */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
