import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { TestApp } from '../harness.js';
import { pngWithText } from '../intake-fixtures.js';

/** The id of the case a consultation created, by its case number. */
export async function caseIdOf(db: Kysely<Database>, caseNumber: string): Promise<string> {
  const { id } = await db.selectFrom('cases').select('id').where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
  return id;
}

/**
 * Appends a post the server captured (https://x.com/someone/status/<status>, one PNG screenshot showing `text`)
 * to the case's chain through the locker's appendEntry, as the system; returns the new entry.
 */
export async function appendServerCapture(
  t: TestApp,
  caseId: string,
  capture: { readonly text: string; readonly status: number; readonly capturedAt: Date; readonly fileName?: string },
) {
  const { sha256, size } = await t.container.blobStore.put(pngWithText(capture.text));
  const itemId = randomUUID();
  const name = capture.fileName ?? `shot-${capture.status}.png`;
  return t.container.database.db.transaction().execute((trx) =>
    t.container.services.evidence.appendEntry(trx, {
      caseId,
      type: 'add',
      itemId,
      actor: { type: 'system' },
      item: {
        id: itemId,
        platform: 'x',
        postUrl: `https://x.com/someone/status/${capture.status}`,
        capturedAt: capture.capturedAt.toISOString(),
        capturedBy: 'server',
        files: [{ sha256, size, contentType: 'image/png', name, role: 'screenshot' }],
      },
    }),
  );
}
