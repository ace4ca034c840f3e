import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config/config.js';
import { createContainer, type Container } from '../src/container.js';
import { migrateToLatest } from '../src/db/database.js';
import { createLogger } from '../src/http/logging.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL (postgres://…) is set. Use with describe.each. */
export const databases: readonly DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestApp {
  readonly app: FastifyInstance;
  readonly container: Container;
  readonly config: Config;
  /** Every log line written so far (JSON strings). */
  readonly logs: string[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly clock?: () => Date;
  /** Extra configuration variables. */
  readonly env?: Readonly<Record<string, string>>;
  /** Files of a fake web build (path → content); without it the build is missing. */
  readonly webFiles?: Readonly<Record<string, string>>;
  /** Run the migrations before building the app (default true). */
  readonly migrate?: boolean;
  /** SMTP_URL for the app's mailer (e.g. from startTestSmtpServer()); default: .eml files in the outbox. */
  readonly smtpUrl?: string;
}

/** A fresh PostgreSQL schema reached through search_path in the connection URL; dropped on cleanup. */
async function createPostgresSchema(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: baseUrl, max: 1 });
  await admin.query(`create schema "${schema}"`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`drop schema "${schema}" cascade`);
      await admin.end();
    },
  };
}

/** Builds the app on a fresh, migrated database: SQLite in a temp dir, or a new PostgreSQL schema. */
export async function createTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-test-'));
  const webDist = path.join(dir, 'web');
  for (const [file, content] of Object.entries(options.webFiles ?? {})) {
    fs.mkdirSync(path.dirname(path.join(webDist, file)), { recursive: true });
    fs.writeFileSync(path.join(webDist, file), content);
  }
  let dropSchema = async () => {};
  let databaseUrl = `sqlite://${path.join(dir, 'data', 'test.sqlite')}`;
  if (kind === 'postgres') {
    const baseUrl = process.env.TEST_DATABASE_URL;
    if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
    const schema = await createPostgresSchema(baseUrl);
    databaseUrl = schema.url;
    dropSchema = schema.drop;
  }
  const config = loadConfig({
    MIMAMORU_ENV: 'test',
    MIMAMORU_DATA_DIR: path.join(dir, 'data'),
    DATABASE_URL: databaseUrl,
    MIMAMORU_WEB_DIST: webDist,
    LOG_LEVEL: 'info',
    // A fresh random master key per test app (no key file); options.env may override it.
    MIMAMORU_MASTER_KEY: randomBytes(32).toString('base64'),
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...options.env,
  });
  const logs: string[] = [];
  const logStream = { write: (line: string) => logs.push(line) };
  const container = createContainer(config, {
    ...(options.clock ? { clock: options.clock } : {}),
    logger: createLogger(config, logStream),
  });
  if (options.migrate !== false) await migrateToLatest(container.database);
  const app = await buildApp({
    config,
    services: container.services,
    logStream,
  });
  return {
    app,
    container,
    config,
    logs,
    close: async () => {
      await app.close();
      await container.close();
      await dropSchema();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Registers a test app for the enclosing describe block: built before its tests, closed after. */
export function useTestApp(kind: DatabaseKind, options: TestAppOptions = {}): () => TestApp {
  let testApp: TestApp | undefined;
  beforeAll(async () => {
    testApp = await createTestApp(kind, options);
  });
  afterAll(async () => {
    await testApp?.close();
  });
  return () => {
    if (!testApp) throw new Error('test app not ready');
    return testApp;
  };
}

/** Answers that every triage implementation must accept. */
export const VALID_ANSWERS = {
  asOf: '2026-11-29',
  facts: ['name-calling', 'personal-info'],
  identifiable: 'real-name',
  platforms: ['x'],
  postedAt: '2026-10-01',
  ongoing: true,
  offender: { known: false },
  goals: ['delete', 'identify'],
  victim: { prefecture: 'ZZSECRETZZ' },
} as const;
