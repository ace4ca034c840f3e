import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { blobReferences } from './blob-references.js';
import type { RotatableBlobStore } from './blob-store.js';

/** Blobs younger than this may belong to a submission still in flight in another process. */
export const DEFAULT_SWEEP_GRACE_MS = 15 * 60 * 1000;

/**
 * Removes blobs that no registered column references and that are older than `graceMs`: what a crash
 * between writing a file and committing its record leaves behind. Run at start and on demand
 * (`mimamoru blobs sweep`).
 */
export async function sweepOrphanBlobs({
  db,
  blobStore,
  now,
  graceMs = DEFAULT_SWEEP_GRACE_MS,
}: {
  db: Kysely<Database>;
  blobStore: RotatableBlobStore;
  now: Date;
  graceMs?: number;
}): Promise<{ checked: number; removed: number }> {
  const references = blobReferences();
  let checked = 0;
  let removed = 0;
  for await (const sha256 of blobStore.list()) {
    checked += 1;
    if (now.getTime() - (await blobStore.modifiedAt(sha256)).getTime() < graceMs) continue;
    let referenced = false;
    for (const { table, column } of references) {
      const row = await sql<{
        one: number;
      }>`select 1 as one from ${sql.table(table)} where ${sql.ref(column)} = ${sha256} limit 1`.execute(db);
      if (row.rows.length > 0) {
        referenced = true;
        break;
      }
    }
    if (!referenced) {
      await blobStore.delete(sha256);
      removed += 1;
    }
  }
  return { checked, removed };
}
