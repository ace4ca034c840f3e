import { describe, expect, it } from 'vitest';
import { sweepOrphanBlobs } from '../src/storage/blob-sweep.js';
import { databases, useTestApp } from './harness.js';
import { consultation, multipart, pngWithText } from './intake-fixtures.js';

describe.each(databases)('orphan blob sweep on %s', (kind) => {
  const ctx = useTestApp(kind);

  it('removes files no record references once they are older than the grace period, and keeps attachments', async () => {
    const { app, container } = ctx();
    const attached = pngWithText('SWEEP-KEEP');
    const body = await multipart({ consultation: JSON.stringify(consultation('SWEEPKEEP')) }, [
      { name: 'keep.png', type: 'image/png', bytes: attached },
    ]);
    const res = await app.inject({ method: 'POST', url: '/api/consultations', ...body });
    expect(res.statusCode).toBe(201);
    // What a crash between writing the file and committing its record leaves behind:
    const orphan = await container.blobStore.put(pngWithText('SWEEP-ORPHAN'));
    const kept = (await container.blobStore.put(attached)).sha256;

    const now = new Date(Date.now() + 60_000);
    const young = await sweepOrphanBlobs({
      db: container.database.db,
      blobStore: container.blobStore,
      now,
      graceMs: 3_600_000,
    });
    expect(young.removed).toBe(0);
    expect(await container.blobStore.has(orphan.sha256)).toBe(true);

    const swept = await sweepOrphanBlobs({
      db: container.database.db,
      blobStore: container.blobStore,
      now,
      graceMs: 0,
    });
    expect(swept.removed).toBe(1);
    expect(await container.blobStore.has(orphan.sha256)).toBe(false);
    expect(await container.blobStore.has(kept)).toBe(true);
  });
});
