import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOCUMENT_KINDS, FIXTURE_CASE, type DocumentKind } from '@mimamoru/core';
import {
  CaseDocumentListSchema,
  ConsultationCreatedSchema,
  DocumentPreviewSchema,
  EvidenceLockerSchema,
  GeneratedDocumentsSchema,
  PlatformRoutesSchema,
  type DocumentOverrides,
} from '@mimamoru/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundleBlob } from '../../web/src/lib/verify-bundle.js';
import { verifyEvidenceBundle } from '../src/modules/evidence-bundle/bundle-reader.js';
import { databases, useTestApp } from './harness.js';
import { consultation, json, login, pngWithText, submit } from './intake-fixtures.js';
import { caseIdOf } from './support/evidence-chain.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What a person fills in the review form, per kind, on top of what the case provides (FIXTURE_CASE's choices). */
const OVERRIDES: Readonly<Record<DocumentKind, DocumentOverrides>> = {
  'takedown-request': { requester: { address: '東京都世田谷区桜丘一丁目2番3号' }, takedown: { consentToShowName: false } },
  'disclosure-request': {
    requester: { address: '東京都世田谷区桜丘一丁目2番3号' },
    disclosure: { reasons: ['damages', 'deletion-request'], hide: ['name', 'reasons'] },
  },
  'demand-letter': { requester: { address: '東京都世田谷区桜丘一丁目2番3号' }, demandLetter: FIXTURE_CASE.demandLetter as DocumentOverrides['demandLetter'] },
  'evidence-list': { requester: { address: '東京都世田谷区桜丘一丁目2番3号' } },
  'criminal-complaint': { requester: { address: '東京都世田谷区桜丘一丁目2番3号' }, criminalComplaint: { addressee: '警視庁世田谷警察署長' } },
  'post-list': { requester: { address: '東京都世田谷区桜丘一丁目2番3号' } },
  'case-summary': {},
};

describe.each(databases)('documents on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let consultant: SignedIn;
  let lawyer: SignedIn;
  let workDir: string;

  beforeAll(async () => {
    consultant = await signIn(ctx(), clock, 'consultant');
    lawyer = await signIn(ctx(), clock, 'lawyer');
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-documents-'));
  });
  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  /** A web consultation from the Guide (名誉毀損, 侮辱, 脅迫 …) with two X posts in the locker. */
  async function seededCase(marker: string) {
    const t = ctx();
    const created = ConsultationCreatedSchema.parse(
      (
        await submit(
          t.app,
          consultation(marker, {
            name: '山田 花子',
            triage: FIXTURE_CASE.triage,
            contact: { channel: 'email', email: 'hanako@example.jp' },
          }),
        )
      ).json(),
    );
    const id = await caseIdOf(t.container.database.db, created.caseNumber);
    const actor = { id: consultant.id, role: 'consultant' as const, teamId: 'default', ipHash: 'x' };
    const itemIds: string[] = [];
    for (const [index, fixture] of FIXTURE_CASE.evidence.slice(0, 2).entries()) {
      const locker = await t.container.services.evidence.staffAdd({
        caseId: id,
        actor,
        data: {
          item: {
            platform: fixture.platform,
            postUrl: fixture.postUrl,
            accountId: fixture.accountId,
            displayName: fixture.displayName,
            postedAt: fixture.postedAt,
            text: fixture.text,
            legal: { rights: [...(fixture.legal?.rights ?? [])] as never, identifiability: fixture.legal?.identifiability, context: fixture.legal?.context },
          },
        } as never,
        files: [{ filename: `shot-${index}.png`, declaredType: 'image/png', bytes: pngWithText(`${marker}SHOT${index}`) }],
      });
      itemIds.push(locker.items.at(-1)!.id);
    }
    return { id, ...created, itemIds };
  }

  const staffPost = (url: string, payload: object) =>
    ctx().app.inject({ method: 'POST', url, payload, headers: { ...consultant.headers, ...json } });
  const counts = async (caseId: string) => {
    const db = ctx().container.database.db;
    const documents = await db.selectFrom('documents').select('id').where('case_id', '=', caseId).execute();
    const entries = await db.selectFrom('evidence_entries').select('id').where('case_id', '=', caseId).execute();
    return { documents: documents.length, entries: entries.length };
  };

  it('fills the requester, the selected items, the categories and the addressee from the case', async () => {
    const c = await seededCase('DOCFILL');
    const res = await staffPost(`/api/cases/${c.id}/documents/preview`, { kind: 'takedown-request', itemIds: [c.itemIds[1]] });
    expect(res.statusCode, res.body).toBe(200);
    const preview = DocumentPreviewSchema.parse(res.json());
    expect(preview.input.requester).toEqual({ name: '山田 花子', address: '', email: 'hanako@example.jp' });
    expect(preview.input.evidence.map((item) => item.id)).toEqual([c.itemIds[1]]);
    expect(preview.input.caseNumber).toBe(c.caseNumber);
    expect(preview.input.categories).toEqual(expect.arrayContaining(['defamation', 'insult', 'privacy']));
    // Both posts are on X, a designated platform: the request goes to its provider.
    expect(preview.input.addressee).toEqual({ name: 'X Corp.' });
    // What only the person can say is listed, not invented.
    expect(preview.errors.map((e) => e.field).sort()).toEqual(['requester.address', 'takedown.consentToShowName']);
    expect(preview.errors.every((e) => e.message.ja.length > 0 && e.message.en.length > 0)).toBe(true);

    // Overrides merge over the case: a filled text can be removed with '' (then listed as missing).
    const fixed = DocumentPreviewSchema.parse(
      (
        await staffPost(`/api/cases/${c.id}/documents/preview`, {
          kind: 'criminal-complaint',
          overrides: { requester: { address: '東京都世田谷区', name: '' }, criminalComplaint: { addressee: '警視庁世田谷警察署長' } },
        })
      ).json(),
    );
    expect(fixed.input.requester).toEqual({ name: '', address: '東京都世田谷区', email: 'hanako@example.jp' });
    expect(fixed.input.criminalComplaint?.offences).toEqual(expect.arrayContaining(['defamation', 'insult', 'threat']));
    expect(fixed.errors.map((e) => e.field)).toContain('requester.name');
  });

  it('generates each kind for a seeded case, stores it and records its SHA-256 in a chain that still verifies', async () => {
    const t = ctx();
    const c = await seededCase('DOCGEN');
    const before = await counts(c.id);
    let stored = 0;
    for (const documentKind of DOCUMENT_KINDS) {
      const format = documentKind === 'evidence-list' || documentKind === 'disclosure-request' ? 'docx' : 'pdf';
      const res = await staffPost(`/api/cases/${c.id}/documents`, {
        kind: documentKind,
        itemIds: c.itemIds,
        overrides: OVERRIDES[documentKind],
        format,
      });
      expect(res.statusCode, `${documentKind}: ${res.body}`).toBe(201);
      const { documents } = GeneratedDocumentsSchema.parse(res.json());
      // The 開示請求書 is stored twice: for the provider, and redacted for the poster.
      expect(documents, documentKind).toHaveLength(documentKind === 'disclosure-request' ? 2 : 1);
      stored += documents.length;
      for (const doc of documents) {
        expect(doc).toMatchObject({ kind: documentKind, format, generatedBy: { type: 'staff' } });
        const file = await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}/documents/${doc.id}/file`, headers: consultant.headers });
        expect(file.statusCode).toBe(200);
        expect(sha256(file.rawPayload)).toBe(doc.sha256);
        expect(file.rawPayload.subarray(0, 4).toString('latin1')).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
        expect(file.headers['content-disposition']).toContain(c.caseNumber);
      }
      if (documentKind === 'disclosure-request') expect(documents[1]!.redactedOf).toBe(documents[0]!.id);
    }
    expect(await counts(c.id)).toEqual({ documents: stored, entries: before.entries + stored });

    const locker = EvidenceLockerSchema.parse(
      (await t.app.inject({ method: 'GET', url: `/api/staff/cases/${c.id}/evidence`, headers: consultant.headers })).json(),
    );
    expect(locker.verification).toEqual({ ok: true });
    // Documents are entries of the chain, not items.
    expect(locker.items.map((i) => i.id)).toEqual(c.itemIds);
    const listed = CaseDocumentListSchema.parse(
      (await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}/documents`, headers: consultant.headers })).json(),
    );
    const documentEntries = locker.entries.filter((e) => e.type === 'document');
    expect(documentEntries.map((e) => [e.seq, e.itemId, e.document?.sha256])).toEqual(
      listed.documents.map((d) => [d.chainSeq, d.id, d.sha256]),
    );
    expect(listed.documents.map((d) => d.generatedBy.displayName)).toEqual(listed.documents.map(() => expect.stringContaining('consultant')));

    const audit = await t.container.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_id', '=', c.id)
      .where('action', 'like', 'documents.%')
      .execute();
    expect(audit.filter((a) => a.action === 'documents.generated')).toHaveLength(DOCUMENT_KINDS.length);
    expect(audit.filter((a) => a.action === 'documents.downloaded')).toHaveLength(stored);
    expect(JSON.stringify(audit)).not.toMatch(/山田|hanako|桜丘/);

    // The evidence bundle still verifies, on the server and in the browser's verifier, with the document entries in its chain.
    const bundle = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/evidence/bundle`, headers: consultant.headers });
    expect(bundle.statusCode, bundle.body).toBe(200);
    const file = path.join(workDir, `${kind}-documents.zip`);
    fs.writeFileSync(file, bundle.rawPayload);
    const summary = { caseNumber: c.caseNumber, items: 2, files: 2, entries: before.entries + stored };
    expect(await verifyEvidenceBundle(file)).toMatchObject({ ok: true, summary });
    expect(await verifyBundleBlob(await fs.openAsBlob(file))).toMatchObject({ ok: true, summary });
  });

  it('answers 422 listing every missing field, and stores nothing', async () => {
    const t = ctx();
    const c = await seededCase('DOCMISS');
    const before = await counts(c.id);
    const blobsBefore = await listBlobs(t.config.dataDir);
    const res = await staffPost(`/api/cases/${c.id}/documents`, { kind: 'demand-letter', format: 'pdf', overrides: { requester: { name: '' } } });
    expect(res.statusCode, res.body).toBe(422);
    const error = res.json<{ error: { code: string; details: { errors: { field: string; message: { ja: string; en: string } }[] } } }>().error;
    expect(error.code).toBe('documents.incomplete');
    expect(error.details.errors.map((e) => e.field).sort()).toEqual(['demandLetter', 'requester.address', 'requester.name']);
    const pdf = await staffPost(`/api/cases/${c.id}/documents/preview?format=pdf`, { kind: 'takedown-request' });
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json<{ error: { details: { errors: { field: string }[] } } }>().error.details.errors.map((e) => e.field).sort()).toEqual([
      'requester.address',
      'takedown.consentToShowName',
    ]);
    // A part of an option left out is listed too (the merged input is checked against the schema).
    const partial = await staffPost(`/api/cases/${c.id}/documents`, {
      kind: 'demand-letter',
      format: 'pdf',
      overrides: { requester: { address: '東京都' }, demandLetter: { layout: 'e-naiyou' } },
    });
    expect(partial.statusCode).toBe(422);
    expect(partial.json<{ error: { details: { errors: { field: string }[] } } }>().error.details.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['demandLetter.recipient', 'demandLetter.demands', 'demandLetter.deadlineDays']),
    );
    expect(await counts(c.id)).toEqual(before);
    expect(await listBlobs(t.config.dataDir)).toEqual(blobsBefore);
    // A preview PDF when nothing is missing.
    const ok = await staffPost(`/api/cases/${c.id}/documents/preview?format=pdf&copy=redacted`, {
      kind: 'disclosure-request',
      overrides: OVERRIDES['disclosure-request'],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.rawPayload.includes(Buffer.from('山田'))).toBe(false);
    expect(await counts(c.id)).toEqual(before);
  });

  it('lets the victim prepare the deletion request and the 開示請求書, but not a demand letter', async () => {
    const t = ctx();
    const c = await seededCase('DOCVIC');
    const session = await login(t.app, c.caseNumber, c.accessKey);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, ...json };
    const victimPost = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers });

    const preview = await victimPost('/api/victim/documents/preview', { kind: 'disclosure-request' });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(DocumentPreviewSchema.parse(preview.json()).input.requester.name).toBe('山田 花子');
    const letter = await victimPost('/api/victim/documents', { kind: 'demand-letter', format: 'pdf', overrides: OVERRIDES['demand-letter'] });
    expect(letter.statusCode).toBe(403);
    expect(letter.json<{ error: { code: string } }>().error.code).toBe('documents.kind_not_allowed');
    expect((await victimPost('/api/victim/documents/preview', { kind: 'case-summary' })).statusCode).toBe(403);

    const made = await victimPost('/api/victim/documents', { kind: 'takedown-request', format: 'pdf', overrides: OVERRIDES['takedown-request'] });
    expect(made.statusCode, made.body).toBe(201);
    const [doc] = GeneratedDocumentsSchema.parse(made.json()).documents;
    expect(doc).toMatchObject({ kind: 'takedown-request', generatedBy: { type: 'victim', displayName: null } });
    // A staff draft of the same case stays with staff.
    const staffDraft = GeneratedDocumentsSchema.parse(
      (await staffPost(`/api/cases/${c.id}/documents`, { kind: 'case-summary', format: 'pdf', overrides: OVERRIDES['case-summary'] })).json(),
    ).documents[0]!;
    const list = CaseDocumentListSchema.parse(
      (await t.app.inject({ method: 'GET', url: '/api/victim/documents', headers: { cookie: session.cookie } })).json(),
    );
    expect(list.documents.map((d) => d.id)).toEqual([doc!.id]);
    const own = await t.app.inject({ method: 'GET', url: `/api/victim/documents/${doc!.id}/file`, headers: { cookie: session.cookie } });
    expect(own.statusCode).toBe(200);
    expect(sha256(own.rawPayload)).toBe(doc!.sha256);
    const other = await t.app.inject({ method: 'GET', url: `/api/victim/documents/${staffDraft.id}/file`, headers: { cookie: session.cookie } });
    expect(other.statusCode).toBe(404);
    const locker = EvidenceLockerSchema.parse((await t.app.inject({ method: 'GET', url: '/api/victim/evidence', headers: { cookie: session.cookie } })).json());
    expect(locker.verification.ok).toBe(true);
    expect(locker.entries.filter((e) => e.type === 'document').map((e) => e.actorType)).toEqual(['victim', 'staff']);
    // Without a session nothing is answered.
    expect((await t.app.inject({ method: 'POST', url: '/api/victim/documents/preview', payload: { kind: 'takedown-request' }, headers: json })).statusCode).toBe(401);
  });

  it('refuses a lawyer, and a consultant of another team as for an unknown case', async () => {
    const t = ctx();
    const c = await seededCase('DOCSCOPE');
    const res = await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}/documents`, headers: lawyer.headers });
    expect(res.statusCode).toBe(403);
    const unknown = await staffPost('/api/cases/00000000-0000-4000-8000-000000000000/documents/preview', { kind: 'takedown-request' });
    expect(unknown.statusCode).toBe(404);
    const stale = await staffPost(`/api/cases/${c.id}/documents/preview`, { kind: 'takedown-request', itemIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(stale.statusCode).toBe(422);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('documents.items_not_found');
  });

  it('erases the documents and their files with the case', async () => {
    const t = ctx();
    const c = await seededCase('DOCERASE');
    const made = GeneratedDocumentsSchema.parse(
      (await staffPost(`/api/cases/${c.id}/documents`, { kind: 'post-list', format: 'pdf', overrides: OVERRIDES['post-list'] })).json(),
    );
    const digest = made.documents[0]!.sha256;
    expect(await t.container.blobStore.has(digest)).toBe(true);
    const session = await login(t.app, c.caseNumber, c.accessKey);
    const erased = await t.app.inject({
      method: 'POST',
      url: '/api/victim/erasure',
      payload: { confirm: true },
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...json },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await counts(c.id)).toEqual({ documents: 0, entries: 0 });
    expect(await t.container.blobStore.has(digest)).toBe(false);
  });

  it('lists a platform’s own 情プラ法 route first, with its sources; unverified forms carry no address', async () => {
    const t = ctx();
    const get = async (platform: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/victim/documents/routes?platform=${platform}` });
      expect(res.statusCode, res.body).toBe(200);
      return PlatformRoutesSchema.parse(res.json());
    };
    const x = await get('x');
    expect(x).toMatchObject({ designated: true, provider: { name: 'X Corp.', designatedOn: '2025-04-30' } });
    expect(x.routes[0]).toMatchObject({ kind: 'jpa-form', url: 'https://help.x.com/ja/forms/japan-report', verified: true });
    const instagram = await get('instagram');
    expect(instagram.routes[0]).toMatchObject({ kind: 'jpa-form', verified: false });
    expect(instagram.routes[0]!.url).toBeUndefined();
    const fiveCh = await get('5ch');
    expect(fiveCh).toMatchObject({ designated: false, provider: null });
    expect(fiveCh.routes[0]).toMatchObject({ kind: 'email', email: 'meiyokison@5ch.net' });
    for (const platform of [x, instagram, fiveCh]) {
      expect(platform.routes.every((r) => r.sources.length > 0 && r.sources.every((s) => /^https?:\/\//.test(s)))).toBe(true);
      expect(platform.routes.at(-3)).toMatchObject({ id: 'teresa-takedown', document: 'takedown-request' });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/victim/documents/routes?platform=myspace' })).statusCode).toBe(400);
  });
});

/** Every blob address under the data directory. */
async function listBlobs(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'blobs');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((name) => /[0-9a-f]{64}$/.test(name)).sort();
}
