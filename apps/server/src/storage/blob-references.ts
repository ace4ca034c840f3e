/**
 * Columns that hold blob addresses. A blob none of them references is an orphan: the bytes of a
 * submission whose transaction never committed (the blob is written and fsynced first, so a record
 * never points at a missing file). Modules register their columns at import time, as they do for
 * encrypted columns.
 */
export interface BlobReference {
  readonly table: string;
  readonly column: string;
}

const references: BlobReference[] = [];

export function registerBlobReferences(reference: BlobReference): void {
  if (!references.some((r) => r.table === reference.table && r.column === reference.column)) {
    references.push(reference);
  }
}

export function blobReferences(): readonly BlobReference[] {
  return references;
}
