import { ConsultationCreatedSchema, EvidenceLockerSchema } from '@mimamoru/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCaseErasure } from '../src/modules/retention/case-erasure.js';
import { startCaptureFixture } from './capture-fixtures.js';
import { databases, useTestApp } from './harness.js';
import { consultation, json, login, submit } from './intake-fixtures.js';
import { caseIdOf } from './support/evidence-chain.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

// Started before the apps, so their allow list can name the fixture's port (testing-only setting).
const fixture = await startCaptureFixture();
afterAll(async () => {
  await fixture.close();
});

describe.each(databases)('erasing a case with server captures on %s', { timeout: 90_000 }, (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now, env: { MIMAMORU_CAPTURE_ALLOW_HOSTS: fixture.hostPort } });
  let consultant: SignedIn;

  beforeAll(async () => {
    consultant = await signIn(ctx(), clock, 'consultant');
  });

  it('plans evidence_captures as deleted rows (its URL is sealed and not nullable)', async () => {
    const plan = await planCaseErasure(ctx().container.database);
    const captures = plan.tables.find((t) => t.table === 'evidence_captures');
    expect(captures).toMatchObject({ action: 'delete', columns: ['url_sealed'] });
    expect(plan.tables.find((t) => t.table === 'evidence_files')).toMatchObject({
      action: 'delete',
      blobColumns: ['sha256'],
    });
  });

  it('removes the capture rows, the chain, the file records and the captured blobs; another case’s captures stay', async () => {
    const { app, container } = ctx();
    const { db } = container.database;
    const newCase = async (marker: string) => {
      const created = ConsultationCreatedSchema.parse((await submit(app, consultation(marker))).json());
      return { id: await caseIdOf(db, created.caseNumber), ...created };
    };
    const capture = async (caseId: string, path: string) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/evidence/capture`,
        payload: { url: `${fixture.origin}${path}` },
        headers: { ...consultant.headers, ...json },
      });
      expect(res.statusCode, res.body).toBe(202);
      await container.worker.runOnce();
    };
    const erased = await newCase('ZZCAPERASE');
    const kept = await newCase('ZZCAPKEEP');
    await capture(erased.id, '/status/1');
    await capture(erased.id, '/login-wall');
    await capture(kept.id, '/r1');

    const locker = await app.inject({
      method: 'GET',
      url: `/api/staff/cases/${erased.id}/evidence`,
      headers: consultant.headers,
    });
    const files = EvidenceLockerSchema.parse(locker.json()).items.flatMap((i) => i.files);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(await container.blobStore.has(file.sha256), file.role).toBe(true);
    const keptLocker = await app.inject({
      method: 'GET',
      url: `/api/staff/cases/${kept.id}/evidence`,
      headers: consultant.headers,
    });
    const keptFiles = EvidenceLockerSchema.parse(keptLocker.json()).items.flatMap((i) => i.files);
    const capturesOf = (caseId: string) =>
      db
        .selectFrom('evidence_captures')
        .select(['status', 'url_sealed'])
        .where('case_id', '=', caseId)
        .execute();
    expect((await capturesOf(erased.id)).map((c) => c.status).sort()).toEqual(['done', 'failed']);

    const session = await login(app, erased.caseNumber, erased.accessKey);
    const res = await app.inject({
      method: 'POST',
      url: '/api/victim/erasure',
      headers: { ...json, cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { confirm: true },
    });
    expect(res.statusCode, res.body).toBe(200);

    expect(await capturesOf(erased.id)).toEqual([]);
    for (const table of ['evidence_entries', 'evidence_files', 'evidence_heads'] as const) {
      const rows = await db.selectFrom(table).select('case_id').where('case_id', '=', erased.id).execute();
      expect(rows, table).toEqual([]);
    }
    // Screenshots, MHTML, HTML, headers, provenance: none of the erased case's captured bytes remain.
    const shared = new Set(keptFiles.map((f) => f.sha256));
    for (const file of files.filter((f) => !shared.has(f.sha256)))
      expect(await container.blobStore.has(file.sha256), file.role).toBe(false);

    expect((await capturesOf(kept.id)).map((c) => c.status)).toEqual(['done']);
    for (const file of keptFiles) expect(await container.blobStore.has(file.sha256), file.role).toBe(true);
  });
});
