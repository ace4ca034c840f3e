import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countColumnKeyVersions,
  listEncryptedColumns,
  reencryptColumns,
  registerEncryptedColumns,
} from '../src/security/encrypted-columns.js';
import { createTestApp, databases, type TestApp } from './harness.js';

type RotationDb = Kysely<{
  rotation_test: { id: string; owner: string; secret: string | null; note: string | null };
}>;

const context = (column: string) => (row: Readonly<Record<string, unknown>>) =>
  `rotation_test.${column}:${String(row.id)}:${String(row.owner)}`;

registerEncryptedColumns({
  table: 'rotation_test',
  idColumn: 'id',
  contextColumns: ['owner'],
  columns: [
    { column: 'secret', context: context('secret') },
    { column: 'note', context: context('note') },
  ],
});

describe.each(databases)('key rotation on %s', (kind) => {
  let ctx: TestApp;
  const ROWS = 130;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const db = ctx.container.database.db as unknown as RotationDb;
    await db.schema
      .createTable('rotation_test')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('owner', 'text', (col) => col.notNull())
      .addColumn('secret', 'text')
      .addColumn('note', 'text')
      .execute();
    const { keyring } = ctx.container;
    const rows = Array.from({ length: ROWS }, (_, i) => {
      const id = `row-${String(i).padStart(4, '0')}`;
      const row = { id, owner: `o${i % 7}` };
      return {
        ...row,
        secret: keyring.seal(`secret ${i}`, context('secret')(row)),
        note: i % 3 === 0 ? null : keyring.seal(`note ${i}`, context('note')(row)),
      };
    });
    await db.insertInto('rotation_test').values(rows).execute();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('registers the jobs payload column itself', () => {
    expect(listEncryptedColumns().map((r) => r.table)).toEqual(
      expect.arrayContaining(['jobs', 'rotation_test']),
    );
  });

  it('re-encrypts every registered value and every blob under the new key, in batches, without changing them', async () => {
    const { keyring, blobStore, database } = ctx.container;
    const blobs = [
      await blobStore.put(Buffer.from('screenshot one')),
      await blobStore.put(Buffer.from('screenshot two')),
    ];
    const registrations = listEncryptedColumns().filter((r) => r.table === 'rotation_test');
    const before = await countColumnKeyVersions({ db: database.db, keyring, registrations, batchSize: 50 });
    const notes = ROWS - Math.ceil(ROWS / 3);
    expect(before).toEqual([
      { table: 'rotation_test', column: 'secret', versions: { 1: ROWS } },
      { table: 'rotation_test', column: 'note', versions: { 1: notes } },
    ]);

    expect(keyring.addVersion().version).toBe(2);
    const outcome = await reencryptColumns({ db: database.db, keyring, registrations, batchSize: 50 });
    expect(outcome).toEqual([
      { table: 'rotation_test', column: 'secret', reencrypted: ROWS },
      { table: 'rotation_test', column: 'note', reencrypted: notes },
    ]);
    for (const { sha256 } of blobs) expect(await blobStore.reseal(sha256)).toBe(true);

    const after = await countColumnKeyVersions({ db: database.db, keyring, registrations });
    expect(after.map((c) => c.versions)).toEqual([{ 2: ROWS }, { 2: notes }]);
    const rows = await (database.db as unknown as RotationDb)
      .selectFrom('rotation_test')
      .selectAll()
      .orderBy('id')
      .execute();
    rows.forEach((row, i) => {
      expect(keyring.openText(row.secret as string, context('secret')(row))).toBe(`secret ${i}`);
      if (row.note !== null) expect(keyring.openText(row.note, context('note')(row))).toBe(`note ${i}`);
    });
    for (const { sha256 } of blobs) expect(await blobStore.keyVersion(sha256)).toBe(2);
    expect((await blobStore.get(blobs[1]?.sha256 as string)).toString()).toBe('screenshot two');

    const again = await reencryptColumns({ db: database.db, keyring, registrations });
    expect(again.every((o) => o.reencrypted === 0)).toBe(true);
  });
});
