import {
  ApiErrorSchema,
  SavedTriageResponseSchema,
  SaveTriageResponseSchema,
  TriageResultSchema,
} from '@mimamoru/contracts';
import { describe, expect, it } from 'vitest';
import { databases, useTestApp, VALID_ANSWERS } from './harness.js';

const json = { 'content-type': 'application/json' };

describe.each(databases)('POST /api/triage on %s', (kind) => {
  const ctx = useTestApp(kind);

  it('returns a result matching the contract, in Japanese by default', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/triage',
      headers: json,
      payload: VALID_ANSWERS,
    });
    expect(res.statusCode).toBe(200);
    const result = TriageResultSchema.parse(res.json());
    expect(result.locale).toBe('ja');
    expect(result.asOf).toBe('2026-11-29');
  });

  it('answers in English when Accept-Language prefers English', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/triage',
      headers: { ...json, 'accept-language': 'en-US,en;q=0.9,ja;q=0.5' },
      payload: VALID_ANSWERS,
    });
    expect(res.statusCode).toBe(200);
    expect(TriageResultSchema.parse(res.json()).locale).toBe('en');
  });

  it('lets ?lang= override Accept-Language', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/triage?lang=ja',
      headers: { ...json, 'accept-language': 'en' },
      payload: VALID_ANSWERS,
    });
    expect(TriageResultSchema.parse(res.json()).locale).toBe('ja');
  });

  it('lists every wrong field with a Japanese message naming it', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/triage',
      headers: json,
      payload: {
        facts: [],
        identifiable: 'nope',
        platforms: ['x', 'x'],
        goals: 'delete',
        asOf: '2026-02-30',
        extra: 1,
      },
    });
    expect(res.statusCode).toBe(400);
    const { error } = ApiErrorSchema.parse(res.json());
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/件の問題があります/);
    const byPath = new Map((error.issues ?? []).map((issue) => [issue.path, issue]));
    expect([...byPath.keys()].sort()).toEqual([
      'asOf',
      'extra',
      'facts',
      'goals',
      'identifiable',
      'platforms',
    ]);
    expect(byPath.get('facts')?.message).toBe('「facts」は少なくとも 1 個選んでください。');
    expect(byPath.get('identifiable')?.message).toContain('「nope」は使えません');
    expect(byPath.get('identifiable')?.message).toContain('real-name');
    expect(byPath.get('platforms')?.code).toBe('duplicate');
    expect(byPath.get('goals')?.message).toContain('配列');
    expect(byPath.get('asOf')?.code).toBe('date-invalid');
    expect(byPath.get('extra')?.message).toBe('「extra」は使えない項目です。削除してください。');
  });

  it('gives English field messages when asked', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/triage',
      headers: { ...json, 'accept-language': 'en' },
      payload: { facts: ['nope'], platforms: [], goals: [] },
    });
    expect(res.statusCode).toBe(400);
    const { error } = ApiErrorSchema.parse(res.json());
    expect(error.message).toMatch(/^The input has 2 problems/);
    const byPath = new Map((error.issues ?? []).map((issue) => [issue.path, issue]));
    expect(byPath.get('facts.0')?.message).toMatch(
      /^facts\.0: "nope" is not allowed\. Use one of: reputation-facts/,
    );
    expect(byPath.get('identifiable')).toMatchObject({
      code: 'required',
      message: 'identifiable is required. Please provide a value.',
    });
  });

  it('explains cross-field rules of the contract', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/triage?lang=en',
      headers: json,
      payload: {
        ...VALID_ANSWERS,
        postedAt: '2026-12-01',
        offender: { known: false, knownSince: '2026-01-01' },
      },
    });
    expect(res.statusCode).toBe(400);
    const issues = ApiErrorSchema.parse(res.json()).error.issues ?? [];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'postedAt', code: 'after-asOf' }),
        expect.objectContaining({ path: 'offender.knownSince', code: 'knownSince-without-known' }),
      ]),
    );
  });

  it('refuses a missing body', async () => {
    const res = await ctx().app.inject({ method: 'POST', url: '/api/triage' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ path: '', code: 'required' });
  });

  it('never writes answers, keys or query strings to the logs', async () => {
    const { app, logs } = ctx();
    const saved = await app.inject({
      method: 'POST',
      url: '/api/triage/saved',
      headers: json,
      payload: { answers: VALID_ANSWERS },
    });
    const { id, key } = SaveTriageResponseSchema.parse(saved.json());
    await app.inject({
      method: 'GET',
      url: `/api/triage/saved/${id}?lang=en`,
      headers: { 'x-access-key': key },
    });
    await app.inject({ method: 'POST', url: '/api/triage?lang=en', headers: json, payload: VALID_ANSWERS });
    await app.inject({
      method: 'POST',
      url: '/api/triage',
      headers: json,
      payload: '{"victim":{"prefecture":"ZZSECRETZZ"',
    });
    const text = logs.join('');
    expect(text).not.toContain('ZZSECRETZZ');
    expect(text).not.toContain('name-calling');
    expect(text).not.toContain(key);
    expect(text).not.toContain(id);
    expect(text).not.toContain('lang=en');
    expect(text).not.toContain('127.0.0.1');
    const lines = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const completed = lines.filter((line) => line.msg === 'request completed');
    expect(completed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          method: 'GET',
          route: '/api/triage/saved/:id',
          reqId: expect.any(String),
          durationMs: expect.any(Number),
        }),
        expect.objectContaining({ method: 'POST', route: '/api/triage', status: 400 }),
      ]),
    );
  });
});

describe.each(databases)('saved triage on %s', (kind) => {
  let now = new Date('2026-11-29T03:00:00Z');
  const ctx = useTestApp(kind, { clock: () => now });

  async function save() {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/triage/saved',
      headers: json,
      payload: { answers: VALID_ANSWERS },
    });
    expect(res.statusCode).toBe(201);
    return SaveTriageResponseSchema.parse(res.json());
  }

  it('returns an id and a one-time key, and stores no readable answers', async () => {
    const { id, key, createdAt } = await save();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createdAt).toBe('2026-11-29T03:00:00.000Z');
    const row = await ctx()
      .container.database.db.selectFrom('saved_triage')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('name-calling');
    expect(stored).not.toContain('ZZSECRETZZ');
    expect(stored).not.toContain(key);
    expect(row.answers_ciphertext).toMatch(/^v1\./);
    expect(row.expires_at).toBe('2027-05-28T03:00:00.000Z');
  });

  it('gives the answers back with a result recomputed now', async () => {
    const { id, key } = await save();
    const res = await ctx().app.inject({
      method: 'GET',
      url: `/api/triage/saved/${id}`,
      headers: { 'x-access-key': key, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    const body = SavedTriageResponseSchema.parse(res.json());
    expect(body.answers).toEqual(VALID_ANSWERS);
    expect(body.result.locale).toBe('en');
  });

  it('answers a wrong key exactly like an unknown id', async () => {
    const { id, key } = await save();
    const otherKey = `${key.startsWith('A') ? 'B' : 'A'}${key.slice(1)}`;
    const wrongKey = await ctx().app.inject({
      method: 'GET',
      url: `/api/triage/saved/${id}`,
      headers: { 'x-access-key': otherKey },
    });
    const unknownId = await ctx().app.inject({
      method: 'GET',
      url: '/api/triage/saved/AAAAAAAAAAAAAAAAAAAAAA',
      headers: { 'x-access-key': key },
    });
    const garbageKey = await ctx().app.inject({
      method: 'GET',
      url: `/api/triage/saved/${id}`,
      headers: { 'x-access-key': 'not-a-key' },
    });
    for (const res of [wrongKey, unknownId, garbageKey]) {
      expect(res.statusCode).toBe(404);
      const { error } = ApiErrorSchema.parse(res.json());
      expect({ code: error.code, message: error.message }).toEqual({
        code: 'triage.saved_not_found',
        message: ApiErrorSchema.parse(wrongKey.json()).error.message,
      });
    }
  });

  it('requires the X-Access-Key header', async () => {
    const { id } = await save();
    const res = await ctx().app.inject({ method: 'GET', url: `/api/triage/saved/${id}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe('x-access-key');
  });

  it('erases a save for good with the right key only', async () => {
    const { id, key } = await save();
    const denied = await ctx().app.inject({
      method: 'DELETE',
      url: `/api/triage/saved/${id}`,
      headers: { 'x-access-key': `${key.startsWith('A') ? 'B' : 'A'}${key.slice(1)}` },
    });
    expect(denied.statusCode).toBe(404);
    const erased = await ctx().app.inject({
      method: 'DELETE',
      url: `/api/triage/saved/${id}`,
      headers: { 'x-access-key': key },
    });
    expect(erased.statusCode).toBe(204);
    const row = await ctx()
      .container.database.db.selectFrom('saved_triage')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
    const again = await ctx().app.inject({
      method: 'GET',
      url: `/api/triage/saved/${id}`,
      headers: { 'x-access-key': key },
    });
    expect(again.statusCode).toBe(404);
  });

  it('forgets saves after they expire', async () => {
    const { id, key } = await save();
    now = new Date('2027-06-01T00:00:00Z');
    try {
      const res = await ctx().app.inject({
        method: 'DELETE',
        url: `/api/triage/saved/${id}`,
        headers: { 'x-access-key': key },
      });
      expect(res.statusCode).toBe(404);
      const row = await ctx()
        .container.database.db.selectFrom('saved_triage')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      expect(row).toBeUndefined();
    } finally {
      now = new Date('2026-11-29T03:00:00Z');
    }
  });

  it('validates the answers it is asked to save', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/triage/saved',
      headers: json,
      payload: { answers: { facts: [] } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain('answers.facts');
  });
});
