import {
  ApiErrorSchema,
  ConsultationCreatedSchema,
  EvidenceKeySchema,
  EvidenceLockerSchema,
  type EvidenceLocker,
} from '@mimamoru/contracts';
import { entryHash, headMessage, nextEntry, verifyHeadSignature, type EvidenceEntry } from '@mimamoru/core';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { dropAppendOnly } from '../src/db/append-only.js';
import { sealContext } from '../src/modules/intake/case-sealing.js';
import { databases, useTestApp, type TestApp } from './harness.js';
import { consultation, json, login, multipart, pdfWithText, pngWithText, submit } from './intake-fixtures.js';
import { caseIdOf } from './support/evidence-chain.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function newCase(t: TestApp, marker: string) {
  const created = ConsultationCreatedSchema.parse((await submit(t.app, consultation(marker))).json());
  const id = await caseIdOf(t.container.database.db, created.caseNumber);
  const session = await login(t.app, created.caseNumber, created.accessKey);
  const victim = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  return { id, caseNumber: created.caseNumber, victim };
}

function item(marker: string, overrides: Record<string, unknown> = {}) {
  return {
    platform: 'x',
    postUrl: `https://x.com/poster_${marker}/status/123`,
    accountId: `@poster_${marker}`,
    displayName: `Poster ${marker}`,
    postedAt: { asShown: '2026年11月28日 21:04', timeZone: 'Asia/Tokyo' },
    text: `投稿本文 ${marker}`,
    legal: { rights: ['honor'], identifiability: `実名 ${marker}` },
    ...overrides,
  };
}

async function postMultipart(app: FastifyInstance, url: string, headers: Record<string, string>, data: object, files: { name: string; type: string; bytes: Uint8Array }[]) {
  const body = await multipart({ data: JSON.stringify(data) }, files);
  return app.inject({ method: 'POST', url, payload: body.payload, headers: { ...headers, ...body.headers } });
}

describe.each(databases)('evidence locker on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let consultant: SignedIn;

  beforeAll(async () => {
    consultant = await signIn(ctx(), clock, 'consultant');
  });

  const staffLocker = async (caseId: string): Promise<EvidenceLocker> => {
    const res = await ctx().app.inject({ method: 'GET', url: `/api/staff/cases/${caseId}/evidence`, headers: consultant.headers });
    expect(res.statusCode, res.body).toBe(200);
    return EvidenceLockerSchema.parse(res.json());
  };

  /** A case with three entries: victim adds item A, consultant adds item B, victim corrects A. */
  async function buildChain(marker: string) {
    const t = ctx();
    const c = await newCase(t, marker);
    const shot = pngWithText(`SHOT${marker}`);
    const added = await postMultipart(t.app, '/api/victim/evidence', c.victim, { item: item(marker) }, [
      { name: `スクショ${marker}.png`, type: 'image/png', bytes: shot },
    ]);
    expect(added.statusCode, added.body).toBe(201);
    const a = EvidenceLockerSchema.parse(added.json()).items[0]!;
    const pdf = pdfWithText(`PDF${marker}`);
    const staffAdded = await postMultipart(t.app, `/api/staff/cases/${c.id}/evidence`, consultant.headers, { item: item(`${marker}B`, { platform: '5ch', postUrl: `https://egg.5ch.net/test/read.cgi/${marker}/1/` }) }, [
      { name: 'print.pdf', type: 'application/pdf', bytes: pdf },
    ]);
    expect(staffAdded.statusCode, staffAdded.body).toBe(201);
    const corrected = await t.app.inject({
      method: 'POST',
      url: `/api/victim/evidence/${a.id}/correct`,
      headers: { ...c.victim, ...json },
      payload: { item: item(marker, { text: `訂正後 ${marker}` }), reason: '書き写し間違い' },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    return { ...c, itemA: a.id, shot, pdf };
  }

  it('add, correct and remove append signed entries; items reflect them; files keep their original hash', async () => {
    const t = ctx();
    const c = await buildChain('EVA');
    let locker = await staffLocker(c.id);
    expect(locker.verification).toEqual({ ok: true });
    expect(locker.entries.map((e) => [e.seq, e.type, e.actorType])).toEqual([
      [1, 'add', 'victim'],
      [2, 'add', 'staff'],
      [3, 'correct', 'victim'],
    ]);
    const a = locker.items.find((i) => i.id === c.itemA)!;
    expect(a.text).toBe('訂正後 EVA');
    expect(a.capturedBy).toBe('victim');
    expect(a.files).toEqual([{ sha256: sha256(c.shot), size: c.shot.length, contentType: 'image/png', name: 'スクショEVA.png', role: 'screenshot' }]);
    expect(locker.items.find((i) => i.id !== c.itemA)).toMatchObject({ capturedBy: 'consultant', platform: '5ch' });

    // The head is signed with the published key.
    const keyRes = await t.app.inject({ method: 'GET', url: '/api/staff/evidence/key', headers: consultant.headers });
    const key = EvidenceKeySchema.parse(keyRes.json());
    expect(key.fingerprint).toBe(locker.key.fingerprint);
    expect(key.fingerprint).toBe(sha256(Buffer.from(key.publicKey, 'hex')));
    expect(key.fingerprintDisplay.split(' ')).toHaveLength(16);
    expect(locker.head?.seq).toBe(3);
    expect(verifyHeadSignature(key.publicKey, headMessage(c.id, 3, locker.head!.hash), locker.head!.signature)).toBe(true);

    // Download returns the original bytes.
    const file = await t.app.inject({ method: 'GET', url: `/api/staff/cases/${c.id}/evidence/files/${sha256(c.shot)}`, headers: consultant.headers });
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, c.shot)).toBe(0);

    const removed = await t.app.inject({
      method: 'POST',
      url: `/api/staff/cases/${c.id}/evidence/${c.itemA}/remove`,
      headers: { ...consultant.headers, ...json },
      payload: { reason: '別の投稿だった' },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    locker = EvidenceLockerSchema.parse(removed.json());
    expect(locker.items.map((i) => i.id)).not.toContain(c.itemA);
    expect(locker.entries.at(-1)).toMatchObject({ seq: 4, type: 'remove', reason: '別の投稿だった' });
    expect(locker.verification.ok).toBe(true);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/victim/evidence/${c.itemA}/remove`,
      headers: { ...c.victim, ...json },
      payload: { reason: 'x' },
    });
    expect(again.statusCode).toBe(404);

    const actions = await t.container.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', c.id)
      .where('action', 'like', 'evidence.%')
      .execute();
    expect(new Set(actions.map((r) => r.action))).toEqual(
      new Set(['evidence.added', 'evidence.corrected', 'evidence.viewed', 'evidence.file_downloaded', 'evidence.removed']),
    );
  });

  it('refuses files that are not images, PDF or video, and items without files, leaving the chain intact', async () => {
    const t = ctx();
    const c = await newCase(t, 'EVB');
    const bad = await postMultipart(t.app, '/api/victim/evidence', c.victim, { item: item('EVB') }, [
      { name: 'x.png', type: 'image/png', bytes: Buffer.from('<html>not a png</html>') },
    ]);
    expect(bad.statusCode).toBe(415);
    expect(ApiErrorSchema.parse(bad.json()).error.code).toBe('evidence.unsupported_file');
    const none = await t.app.inject({ method: 'POST', url: '/api/victim/evidence', headers: { ...c.victim, ...json }, payload: { item: item('EVB') } });
    expect(none.statusCode).toBe(400);
    const badUrl = await postMultipart(t.app, '/api/victim/evidence', c.victim, { item: item('EVB', { postUrl: 'file:///etc/passwd' }) }, [
      { name: 'a.png', type: 'image/png', bytes: pngWithText('A') },
    ]);
    expect(badUrl.statusCode).toBe(400);
    const video = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(16)]);
    const ok = await postMultipart(t.app, '/api/victim/evidence', c.victim, { item: item('EVB') }, [
      { name: 'clip.mp4', type: 'video/mp4', bytes: video },
    ]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(EvidenceLockerSchema.parse(ok.json()).items[0]?.files[0]).toMatchObject({ role: 'video', contentType: 'video/mp4' });
    expect((await staffLocker(c.id)).entries).toHaveLength(1);
  });

  it('keeps entries and file names sealed at rest, and the table refuses UPDATE and DELETE', async () => {
    const t = ctx();
    const c = await buildChain('EVSEAL');
    const db = t.container.database.db;
    const rows = await db.selectFrom('evidence_entries').selectAll().where('case_id', '=', c.id).execute();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(JSON.stringify(row)).not.toMatch(/EVSEAL|投稿本文|poster_/);
    const files = await db.selectFrom('evidence_files').selectAll().where('case_id', '=', c.id).execute();
    expect(files).toHaveLength(2);
    for (const row of files) expect(row.name_sealed).not.toMatch(/EVSEAL|print/);
    await expect(db.updateTable('evidence_entries').set({ hash: '0'.repeat(64) }).where('case_id', '=', c.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('evidence_entries').where('case_id', '=', c.id).execute()).rejects.toThrow(/append-only/);
  });

  describe('tampering with the stored chain is reported on the next read, naming the seq', () => {
    /** What someone with database access (triggers dropped) and even the master key could do. */
    async function tamper(marker: string, change: (c: Awaited<ReturnType<typeof buildChain>>) => Promise<void>) {
      const c = await buildChain(marker);
      await dropAppendOnly(t().container.database.db as never, 'evidence_entries');
      try {
        await change(c);
        return { c, locker: await staffLocker(c.id) };
      } finally {
        // Put the triggers back for the other tests on this database.
        const { makeAppendOnlyUntilErased } = await import('../src/db/append-only.js');
        await makeAppendOnlyUntilErased(t().container.database.db as never, 'evidence_entries');
      }
    }
    const t = ctx;
    const db = () => t().container.database.db;
    const rowAt = (caseId: string, seq: number) =>
      db().selectFrom('evidence_entries').selectAll().where('case_id', '=', caseId).where('seq', '=', seq).executeTakeFirstOrThrow();

    it('an edited sealed entry (resealed with the real key)', async () => {
      const { locker } = await tamper('EVT1', async (c) => {
        const row = await rowAt(c.id, 2);
        const ctxName = sealContext('evidence_entries', 'entry_sealed', row.id);
        const entry = JSON.parse(t().container.keyring.openText(row.entry_sealed, ctxName)) as EvidenceEntry;
        const edited = { ...entry, item: { ...entry.item!, text: '書き換え' } };
        await db().updateTable('evidence_entries').set({ entry_sealed: t().container.keyring.seal(JSON.stringify(edited), ctxName) }).where('id', '=', row.id).execute();
      });
      expect(locker.verification).toEqual({ ok: false, problem: 'hash-mismatch', seq: 2 });
    });

    it('an edited hash', async () => {
      const { locker } = await tamper('EVT2', async (c) => {
        await db().updateTable('evidence_entries').set({ hash: 'f'.repeat(64) }).where('case_id', '=', c.id).where('seq', '=', 1).execute();
      });
      expect(locker.verification).toEqual({ ok: false, problem: 'hash-mismatch', seq: 1 });
    });

    it('a deleted row', async () => {
      const { locker } = await tamper('EVT3', async (c) => {
        await db().deleteFrom('evidence_entries').where('case_id', '=', c.id).where('seq', '=', 2).execute();
      });
      expect(locker.verification).toEqual({ ok: false, problem: 'seq-gap', seq: 2 });
    });

    it('swapped seqs', async () => {
      const { locker } = await tamper('EVT4', async (c) => {
        const swap = (from: number, to: number) =>
          db().updateTable('evidence_entries').set({ seq: to }).where('case_id', '=', c.id).where('seq', '=', from).execute();
        await swap(1, 100);
        await swap(2, 1);
        await swap(100, 2);
      });
      expect(locker.verification).toMatchObject({ ok: false, seq: 1 });
    });

    it('an inserted (appended, unsigned) row', async () => {
      const { c, locker } = await tamper('EVT5', async (c) => {
        const last = await rowAt(c.id, 3);
        const forged = nextEntry({ seq: 3, hash: last.hash }, {
          caseId: c.id, type: 'remove', itemId: c.itemA, at: new Date().toISOString(), actor: { type: 'victim' }, reason: 'forged',
        });
        expect(forged.hash).toBe(entryHash(forged.entry));
        const id = '01900000-0000-7000-8000-00000000f0f0';
        await db().insertInto('evidence_entries').values({
          id, case_id: c.id, seq: 4, type: 'remove', item_id: c.itemA, at: forged.entry.at, hash: forged.hash, prev: last.hash,
          entry_sealed: t().container.keyring.seal(JSON.stringify(forged.entry), sealContext('evidence_entries', 'entry_sealed', id)),
        }).execute();
      });
      expect(locker.verification).toEqual({ ok: false, problem: 'head-mismatch', seq: 4 });
      const audit = await db().selectFrom('audit_log').select('detail').where('target_id', '=', c.id).where('action', '=', 'evidence.chain_broken').execute();
      expect(audit.length).toBeGreaterThan(0);
    });

    it('a forged head signature', async () => {
      const { locker } = await tamper('EVT6', async (c) => {
        await db().updateTable('evidence_heads').set({ signature: '00'.repeat(64) }).where('case_id', '=', c.id).execute();
      });
      expect(locker.verification).toEqual({ ok: false, problem: 'bad-signature', seq: 3 });
    });
  });

  it('serialises concurrent additions to one case into one unbroken chain', async () => {
    const t = ctx();
    const c = await newCase(t, 'EVCONC');
    const actor = { id: consultant.id, role: 'consultant' as const, teamId: 'default', ipHash: null };
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        t.container.services.evidence.staffAdd({
          caseId: c.id,
          actor,
          data: { item: item(`EVCONC${n}`) } as never,
          files: [{ filename: `${n}.png`, declaredType: 'image/png', bytes: pngWithText(`CONC${n}`) }],
        }),
      ),
    );
    const locker = await staffLocker(c.id);
    expect(locker.verification).toEqual({ ok: true });
    expect(locker.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(locker.items).toHaveLength(4);
  });

  it('erasing the case (withdrawal) deletes the chain, file records and their blobs', async () => {
    const t = ctx();
    const c = await buildChain('EVERASE');
    const db = t.container.database.db;
    expect(await t.container.blobStore.has(sha256(c.shot))).toBe(true);
    const res = await t.app.inject({ method: 'POST', url: '/api/victim/withdraw', headers: { ...c.victim, ...json }, payload: { confirm: true } });
    expect(res.statusCode, res.body).toBe(200);
    for (const table of ['evidence_entries', 'evidence_heads', 'evidence_files', 'evidence_timestamps', 'evidence_captures'] as const) {
      const left = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where case_id = ${c.id}`.execute(db);
      expect(Number(left.rows[0]?.n), table).toBe(0);
    }
    expect(await t.container.blobStore.has(sha256(c.shot))).toBe(false);
    expect(await t.container.blobStore.has(sha256(c.pdf))).toBe(false);
    const gone = await t.app.inject({ method: 'GET', url: `/api/staff/cases/${c.id}/evidence`, headers: consultant.headers });
    expect(gone.statusCode).toBe(404);
  });
});
