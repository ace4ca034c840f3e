import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations/registry.js';
import { databases, useTestApp } from './harness.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../src/db/migrations/', import.meta.url));

describe('migrations registry', () => {
  it('lists exactly the migration files, in name order', () => {
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((file) => /^\d{4}-[a-z0-9-]+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    const registered = MIGRATIONS.map(([name]) => name);
    expect(registered).toEqual(files);
    expect([...registered].sort()).toEqual(registered);
  });

  it('names every file NNNN-verb-noun.ts', () => {
    const stray = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((file) => file !== 'registry.ts' && !/^\d{4}-[a-z0-9-]+\.ts$/.test(file));
    expect(stray).toEqual([]);
  });
});

describe.each(databases)('migrated schema on %s', (kind) => {
  const ctx = useTestApp(kind);

  it('has the saved_triage columns that db/schema.ts declares', async () => {
    const tables = await ctx().container.database.db.introspection.getTables();
    const savedTriage = tables.find((table) => table.name === 'saved_triage');
    expect(savedTriage?.columns.map((column) => column.name).sort()).toEqual([
      'answers_ciphertext',
      'created_at',
      'expires_at',
      'id',
      'key_hash',
    ]);
  });
});
