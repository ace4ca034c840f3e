import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { blobReferences } from './blob-references.js';
import type { BlobStore } from './blob-store.js';

/** Whether any registered blob-reference column (blob-references.ts) still points at `sha256`. */
export async function isBlobReferenced(db: Kysely<Database>, sha256: string): Promise<boolean> {
  for (const { table, column } of blobReferences()) {
    const { rows } = await sql<{
      one: number;
    }>`select 1 as one from ${sql.table(table)} where ${sql.ref(column)} = ${sha256} limit 1`.execute(db);
    if (rows.length > 0) return true;
  }
  return false;
}

/**
 * Deletes the blobs whose records were just removed (after that transaction committed), except those
 * another record still references: storage is content-addressed, so two cases holding the same file
 * share one blob. A submission racing with this re-writes its blob after its own commit
 * (intake ensureBlobs), so a record never ends up without its file. Returns how many were deleted.
 */
export async function releaseBlobs({
  db,
  blobStore,
  digests,
}: {
  db: Kysely<Database>;
  blobStore: Pick<BlobStore, 'delete'>;
  digests: Iterable<string>;
}): Promise<number> {
  let deleted = 0;
  for (const sha256 of new Set(digests)) {
    if (await isBlobReferenced(db, sha256)) continue;
    await blobStore.delete(sha256);
    deleted += 1;
  }
  return deleted;
}
