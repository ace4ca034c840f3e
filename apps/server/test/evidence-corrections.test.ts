import {
  ApiErrorSchema,
  ConsultationCreatedSchema,
  EvidenceLockerSchema,
  EvidenceTimestampListSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, useTestApp } from './harness.js';
import { consultation, json, login, multipart, pngWithText, submit } from './intake-fixtures.js';
import { caseIdOf } from './support/evidence-chain.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';
import { startLocalTsa, type LocalTsa } from './support/local-tsa.js';

// Started before the apps, whose MIMAMORU_TSA_URL names it.
const tsa: LocalTsa = await startLocalTsa();
afterAll(async () => {
  await tsa.close();
});

const item = (text: string) => ({
  platform: 'x',
  postUrl: 'https://x.com/poster_zzcorr/status/123',
  accountId: '@poster_zzcorr',
  postedAt: { asShown: '2026年11月28日 21:04' },
  text,
});

describe.each(databases)('evidence corrections and timestamps in the console on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, {
    clock: clock.now,
    env: { MIMAMORU_TSA_URL: tsa.url, MIMAMORU_TSA_CA_FILE: tsa.caFile },
  });
  let consultant: SignedIn;
  let caseId: string;
  let victim: Record<string, string>;
  let itemId: string;

  beforeAll(async () => {
    const t = ctx();
    consultant = await signIn(t, clock, 'consultant');
    const created = ConsultationCreatedSchema.parse((await submit(t.app, consultation('ZZCORR'))).json());
    caseId = await caseIdOf(t.container.database.db, created.caseNumber);
    const session = await login(t.app, created.caseNumber, created.accessKey);
    victim = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const body = await multipart({ data: JSON.stringify({ item: item('最初の書き写し') }) }, [
      { name: 'shot.png', type: 'image/png', bytes: pngWithText('ZZCORR shot') },
    ]);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/victim/evidence',
      payload: body.payload,
      headers: { ...victim, ...body.headers },
    });
    expect(added.statusCode, added.body).toBe(201);
    itemId = EvidenceLockerSchema.parse(added.json()).items[0]?.id ?? '';
  });

  const victimPost = (app: FastifyInstance, url: string, payload: object, locale = 'ja') =>
    app.inject({ method: 'POST', url: `${url}?locale=${locale}`, payload, headers: { ...victim, ...json } });

  it('a correction made from an older view is refused (409, localized) and changes nothing; from the latest it is appended', async () => {
    const { app } = ctx();
    const first = await victimPost(app, `/api/victim/evidence/${itemId}/correct`, {
      item: item('訂正した書き写し'),
      reason: '文面の書き写しを直しました',
      expectedSeq: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    const corrected = EvidenceLockerSchema.parse(first.json());
    expect(corrected.entries.map((e) => [e.seq, e.type, e.actorType, e.reason])).toEqual([
      [1, 'add', 'victim', undefined],
      [2, 'correct', 'victim', '文面の書き写しを直しました'],
    ]);
    expect(corrected.items[0]?.text).toBe('訂正した書き写し');

    // A second tab still showing the item as added (seq 1).
    for (const locale of ['ja', 'en'] as const) {
      const stale = await victimPost(
        app,
        `/api/victim/evidence/${itemId}/correct`,
        { item: item('古い画面からの訂正'), reason: '別のタブから', expectedSeq: 1 },
        locale,
      );
      expect(stale.statusCode, stale.body).toBe(409);
      const { error } = ApiErrorSchema.parse(stale.json());
      expect(error.code).toBe('evidence.item_changed');
      expect(error.message).toContain(
        locale === 'ja' ? '入力した内容は消えていません' : 'what you typed is still here',
      );
    }
    const staleRemove = await victimPost(app, `/api/victim/evidence/${itemId}/remove`, {
      reason: '取り下げ',
      expectedSeq: 1,
    });
    expect(staleRemove.statusCode, staleRemove.body).toBe(409);

    const now = await app.inject({ method: 'GET', url: '/api/victim/evidence', headers: victim });
    const locker = EvidenceLockerSchema.parse(now.json());
    expect(locker.entries).toHaveLength(2);
    expect(locker.items[0]?.text).toBe('訂正した書き写し');
    expect(locker.verification).toEqual({ ok: true });

    // Staff correct from the latest view; without expectedSeq the request is not checked for staleness.
    const staff = await app.inject({
      method: 'POST',
      url: `/api/staff/cases/${caseId}/evidence/${itemId}/correct`,
      payload: { item: item('相談員による訂正'), reason: '相談員が確認', expectedSeq: 2 },
      headers: { ...consultant.headers, ...json },
    });
    expect(staff.statusCode, staff.body).toBe(200);
    const removed = await victimPost(app, `/api/victim/evidence/${itemId}/remove`, {
      reason: '取り下げます',
      expectedSeq: 3,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const after = EvidenceLockerSchema.parse(removed.json());
    expect(after.items).toEqual([]);
    expect(after.entries.map((e) => [e.type, e.actorType])).toEqual([
      ['add', 'victim'],
      ['correct', 'victim'],
      ['correct', 'staff'],
      ['remove', 'victim'],
    ]);
  });

  it('lists the case’s RFC 3161 timestamps for staff: entry, TSA time and name from the token, checked against the chain', async () => {
    const t = ctx();
    // Four entries were appended: one timestamp job each.
    for (let i = 0; i < 4; i += 1) await t.container.worker.runOnce();
    const list = async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/staff/cases/${caseId}/evidence/timestamps`,
        headers: consultant.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return EvidenceTimestampListSchema.parse(res.json()).timestamps;
    };
    const stamps = await list();
    const entries = await t.container.database.db
      .selectFrom('evidence_entries')
      .select(['seq', 'hash'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    expect(stamps.map((s) => [s.seq, s.hash, s.ok, s.chainChecked])).toEqual(
      entries.map((e) => [e.seq, e.hash, true, true]),
    );
    for (const stamp of stamps) {
      expect(stamp.tsaName).toBe('CN=mimamoru test TSA, O=mimamoru tests');
      expect(stamp.tsaUrl).toBe(tsa.url);
      expect(Number.isNaN(Date.parse(stamp.genTime))).toBe(false);
      expect(stamp.serialHex).toMatch(/^[0-9a-f]+$/);
    }
    const audit = await t.container.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target_id', '=', caseId)
      .where('action', '=', 'evidence.timestamps_viewed')
      .execute();
    expect(audit).toEqual([{ action: 'evidence.timestamps_viewed', actor_id: consultant.id }]);

    // A token moved onto another entry no longer matches that entry's hash: shown as not ok.
    await t.container.database.db
      .updateTable('evidence_timestamps')
      .set({ seq: 2 })
      .where('case_id', '=', caseId)
      .where('seq', '=', 1)
      .execute();
    const moved = (await list()).filter((s) => s.seq === 2);
    expect(moved.map((s) => s.ok).sort()).toEqual([false, true]);
    expect(moved.find((s) => !s.ok)?.problem).toBe('imprint-mismatch');

    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/staff/cases/00000000-0000-4000-8000-000000000000/evidence/timestamps',
      headers: consultant.headers,
    });
    expect(unknown.statusCode).toBe(404);
  });
});
