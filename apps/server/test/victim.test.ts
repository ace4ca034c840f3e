import {
  AccessKeyResetDoneSchema,
  AccessKeyRotatedSchema,
  ApiErrorSchema,
  ConsultationCreatedSchema,
  VictimCaseSchema,
  VictimMessageResponseSchema,
  VictimSessionSchema,
} from '@mimamoru/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, useTestApp, type TestApp } from './harness.js';
import { consultation, json, login, multipart, pngWithText, submit } from './intake-fixtures.js';
import { startTestSmtpServer, type TestSmtpServer } from './smtp.js';

async function newCase(app: TestApp, marker = 'VIC', overrides: Record<string, unknown> = {}) {
  const res = await submit(app.app, consultation(marker, overrides));
  expect(res.statusCode).toBe(201);
  return ConsultationCreatedSchema.parse(res.json());
}

describe.each(databases)('victim session on %s', (kind) => {
  const ctx = useTestApp(kind);

  it('opens the case with number and key: HttpOnly SameSite=Strict cookie, CSRF token, 30-minute expiry', async () => {
    const { caseNumber, accessKey } = await newCase(ctx());
    const typed = caseNumber.toLowerCase().replace(/-/g, ' ');
    const { res } = await login(ctx().app, typed, accessKey);
    expect(res.statusCode).toBe(200);
    const session = VictimSessionSchema.parse(res.json());
    expect(session.caseNumber).toBe(caseNumber);
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^mm_victim=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/victim');
    expect(cookie).toMatch(/Max-Age=1[78]\d\d/);
    expect(cookie).not.toContain('Secure');
  });

  it('gives the same 401 for a wrong key and for an unknown case number', async () => {
    const { caseNumber } = await newCase(ctx());
    const wrongKey = await login(ctx().app, caseNumber, 'A'.repeat(43));
    const unknown = await login(ctx().app, 'MM-0000-0000', 'A'.repeat(43));
    const garbage = await login(ctx().app, 'hello', 'A'.repeat(43));
    for (const { res } of [wrongKey, unknown, garbage]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const strip = (body: string) => ({ ...ApiErrorSchema.parse(JSON.parse(body)).error, requestId: '' });
    expect(strip(wrongKey.res.body)).toEqual(strip(unknown.res.body));
    expect(strip(wrongKey.res.body)).toEqual(strip(garbage.res.body));
    expect(strip(wrongKey.res.body).code).toBe('victim.invalid_credentials');
  });

  it('refuses reading the case without a session', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/victim/case' });
    expect(res.statusCode).toBe(401);
    expect(ApiErrorSchema.parse(res.json()).error.code).toBe('victim.not_signed_in');
    const forged = await ctx().app.inject({
      method: 'GET',
      url: '/api/victim/case',
      headers: { cookie: `mm_victim=${'B'.repeat(43)}` },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('needs the CSRF token for every write', async () => {
    const { caseNumber, accessKey } = await newCase(ctx());
    const { cookie } = await login(ctx().app, caseNumber, accessKey);
    for (const [url, payload] of [
      ['/api/victim/messages', { body: 'hello' }],
      ['/api/victim/withdraw', { confirm: true }],
      ['/api/victim/erasure', { confirm: true }],
      ['/api/victim/access-key/rotate', {}],
      ['/api/victim/logout', {}],
    ] as const) {
      for (const csrf of [undefined, 'C'.repeat(43)]) {
        const res = await ctx().app.inject({
          method: 'POST',
          url,
          headers: { ...json, cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
          payload,
        });
        expect(res.statusCode, url).toBe(403);
        expect(ApiErrorSchema.parse(res.json()).error.code).toBe('victim.csrf');
      }
    }
    const upload = await multipart({}, [{ name: 'a.png', type: 'image/png', bytes: pngWithText('x') }]);
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/victim/attachments',
      headers: { ...upload.headers, cookie },
      payload: upload.payload,
    });
    expect(res.statusCode).toBe(403);
    const view = VictimCaseSchema.parse(
      (await ctx().app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie } })).json(),
    );
    expect(view.status).toBe('received');
    expect(view.messages).toEqual([]);
    expect(view.attachments).toEqual([]);
  });

  it('ends the session after 30 idle minutes, and logout ends it at once', async () => {
    const { caseNumber, accessKey } = await newCase(ctx());
    const { cookie, csrf } = await login(ctx().app, caseNumber, accessKey);
    const out = await ctx().app.inject({
      method: 'POST',
      url: '/api/victim/logout',
      headers: { ...json, cookie, 'x-csrf-token': csrf },
      payload: {},
    });
    expect(out.statusCode).toBe(204);
    const after = await ctx().app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });
});

describe.each(databases)('victim rate limits on %s', (kind) => {
  const ctx = useTestApp(kind);

  it('answers 429 with Retry-After after 10 failures for one case number, even with the right key', async () => {
    const { caseNumber, accessKey } = await newCase(ctx());
    for (let i = 0; i < 10; i++) {
      expect((await login(ctx().app, caseNumber, `wrong-${i}`)).res.statusCode).toBe(401);
    }
    const limited = await login(ctx().app, caseNumber, accessKey);
    expect(limited.res.statusCode).toBe(429);
    expect(ApiErrorSchema.parse(limited.res.json()).error.code).toBe('victim.too_many_attempts');
    expect(Number(limited.res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    const rows = await ctx().container.database.db.selectFrom('auth_failures').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(caseNumber);
  });
});

describe.each(databases)('victim idle timeout on %s', (kind) => {
  let now = new Date('2026-11-29T10:00:00Z');
  const ctx = useTestApp(kind, { clock: () => now });

  it('slides the idle expiry on use and ends the session after 30 quiet minutes', async () => {
    const { caseNumber, accessKey } = await newCase(ctx());
    const { cookie } = await login(ctx().app, caseNumber, accessKey);
    now = new Date('2026-11-29T10:25:00Z');
    expect(
      (await ctx().app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie } })).statusCode,
    ).toBe(200);
    now = new Date('2026-11-29T10:50:00Z');
    expect(
      (await ctx().app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie } })).statusCode,
    ).toBe(200);
    now = new Date('2026-11-29T11:21:00Z');
    expect(
      (await ctx().app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie } })).statusCode,
    ).toBe(401);
  });
});

describe.each(databases)('messages, notices, withdrawal and keys on %s', (kind) => {
  let smtp: TestSmtpServer;
  let app: TestApp;
  let now = new Date('2026-11-29T10:00:00Z');
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await createTestApp(kind, {
      smtpUrl: smtp.url,
      clock: () => now,
      env: { PUBLIC_URL: 'https://mimamoru.example.jp' },
    });
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });
  const write = (url: string, cookie: string, csrf: string, payload: object = {}) =>
    app.app.inject({ method: 'POST', url, headers: { ...json, cookie, 'x-csrf-token': csrf }, payload });
  const view = async (cookie: string) =>
    VictimCaseSchema.parse(
      (await app.app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie } })).json(),
    );

  it('carries messages both ways and emails a notice with the link but not the reply', async () => {
    const { caseNumber, accessKey } = await newCase(app, 'MSG');
    const { cookie, csrf } = await login(app.app, caseNumber, accessKey);
    const sent = await write('/api/victim/messages', cookie, csrf, { body: '追加の情報です ZZVICTIMMSG' });
    expect(sent.statusCode).toBe(201);
    expect(VictimMessageResponseSchema.parse(sent.json()).message.author).toBe('victim');

    const reply = await app.container.services.consultantReplies.postConsultantReply({
      caseNumber,
      body: 'ご相談ありがとうございます。ZZREPLYTEXT 投稿の URL をもう一つ教えてください。',
    });
    expect(reply.status).toBe('awaiting-victim');
    const seen = await view(cookie);
    expect(seen.status).toBe('awaiting-victim');
    expect(seen.messages.map((m) => [m.author, m.body])).toEqual([
      ['victim', '追加の情報です ZZVICTIMMSG'],
      ['consultant', 'ご相談ありがとうございます。ZZREPLYTEXT 投稿の URL をもう一つ教えてください。'],
    ]);
    const row = await app.container.database.db
      .selectFrom('cases')
      .select(['first_response_at'])
      .where('case_number', '=', caseNumber)
      .executeTakeFirstOrThrow();
    expect(row.first_response_at).toBe(now.toISOString());

    await app.container.worker.runOnce();
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['msgmail@example.jp']);
    expect(mail?.text).toContain('https://mimamoru.example.jp/case');
    expect(mail?.raw).not.toContain('ZZREPLYTEXT');
    expect(mail?.text).not.toContain('ZZREPLYTEXT');

    const answer = await write('/api/victim/messages', cookie, csrf, { body: 'もう一つの URL です' });
    expect(answer.statusCode).toBe(201);
    expect((await view(cookie)).status).toBe('in-progress');
  });

  it('sends no notice when the victim chose in-app contact', async () => {
    const before = smtp.messages.length;
    const { caseNumber } = await newCase(app, 'INAPP', {
      contact: { channel: 'in-app', email: 'inapp@example.jp' },
    });
    await app.container.services.consultantReplies.postConsultantReply({ caseNumber, body: 'reply' });
    await app.container.worker.runOnce();
    expect(smtp.messages.length).toBe(before);
  });

  it('adds attachments within the total limit', async () => {
    const { caseNumber, accessKey } = await newCase(app, 'ATT');
    const { cookie, csrf } = await login(app.app, caseNumber, accessKey);
    const upload = await multipart({}, [
      { name: 'a.png', type: 'image/png', bytes: pngWithText('one') },
      { name: 'b.png', type: 'image/png', bytes: pngWithText('two') },
    ]);
    const res = await app.app.inject({
      method: 'POST',
      url: '/api/victim/attachments',
      headers: { ...upload.headers, cookie, 'x-csrf-token': csrf },
      payload: upload.payload,
    });
    expect(res.statusCode).toBe(201);
    expect((await view(cookie)).attachments.map((a) => a.filename)).toEqual(['a.png', 'b.png']);
    const nine = await multipart(
      {},
      Array.from({ length: 9 }, (_, i) => ({
        name: `${i}.png`,
        type: 'image/png',
        bytes: pngWithText(`n${i}`),
      })),
    );
    const over = await app.app.inject({
      method: 'POST',
      url: '/api/victim/attachments',
      headers: { ...nine.headers, cookie, 'x-csrf-token': csrf },
      payload: nine.payload,
    });
    expect(over.statusCode).toBe(413);
    expect(ApiErrorSchema.parse(over.json()).error.code).toBe('intake.too_many_files');
    expect((await view(cookie)).attachments).toHaveLength(2);
  });

  it('withdraws: messages, files, sessions and personal fields are erased; blobs no one else uses are deleted', async () => {
    const shared = pngWithText('SHAREDFILE');
    const own = pngWithText('OWNFILE');
    const send = async (files: { name: string; bytes: Buffer }[]) => {
      const body = await multipart(
        { consultation: JSON.stringify(consultation('WD')) },
        files.map((f) => ({ ...f, type: 'image/png' })),
      );
      return ConsultationCreatedSchema.parse(
        (await app.app.inject({ method: 'POST', url: '/api/consultations', ...body })).json(),
      );
    };
    const first = await send([
      { name: 'shared.png', bytes: shared },
      { name: 'own.png', bytes: own },
    ]);
    const other = await send([{ name: 'shared.png', bytes: shared }]);
    const { cookie, csrf } = await login(app.app, first.caseNumber, first.accessKey);
    await write('/api/victim/messages', cookie, csrf, { body: 'message' });
    const second = await login(app.app, first.caseNumber, first.accessKey);
    const before = await view(cookie);
    const sha = (name: string) => before.attachments.find((a) => a.filename === name)?.sha256 ?? '';

    const refused = await write('/api/victim/withdraw', cookie, csrf, { confirm: false });
    expect(refused.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(refused.json()).error.issues?.[0]?.code).toBe('confirm-required');

    const res = await write('/api/victim/withdraw', cookie, csrf, { confirm: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ caseNumber: first.caseNumber, status: 'withdrawn' });

    const db = app.container.database.db;
    const row = await db
      .selectFrom('cases')
      .selectAll()
      .where('case_number', '=', first.caseNumber)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('withdrawn');
    for (const [column, value] of Object.entries(row)) {
      if (
        ![
          'id',
          'case_number',
          'status',
          'locale',
          'privacy_policy_version',
          'created_at',
          'updated_at',
          'withdrawn_at',
          'first_response_at',
          // Staff workflow bookkeeping (no personal data): stage `withdrawn`, flags, priority, version.
          'stage',
          'awaiting_victim',
          'priority_score',
          'priority_level',
          'version',
          // Which team's queue and which channel it came through: routing, not personal data.
          'team_id',
          'intake_channel',
          // When and why the personal data was erased (retention/case-erasure.ts).
          'erased_at',
          'erasure_reason',
          // When the statistics facets were written (stats/case-facets.ts); erasure deletes the facets.
          'facets_at',
        ].includes(column)
      ) {
        expect(value, column).toBeNull();
      }
    }
    for (const table of [
      'case_messages',
      'case_attachments',
      'victim_sessions',
      'access_key_resets',
    ] as const) {
      const left = await db.selectFrom(table).select('id').where('case_id', '=', row.id).execute();
      expect(left, table).toEqual([]);
    }
    expect(await app.container.blobStore.has(sha('own.png'))).toBe(false);
    expect(await app.container.blobStore.has(sha('shared.png'))).toBe(true);
    for (const c of [cookie, second.cookie]) {
      expect(
        (await app.app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie: c } })).statusCode,
      ).toBe(401);
    }
    expect((await login(app.app, first.caseNumber, first.accessKey)).res.statusCode).toBe(401);
    const otherSession = await login(app.app, other.caseNumber, other.accessKey);
    const otherView = await view(otherSession.cookie);
    const download = await app.app.inject({
      method: 'GET',
      url: `/api/victim/attachments/${otherView.attachments[0]?.id}`,
      headers: { cookie: otherSession.cookie },
    });
    expect(download.rawPayload.equals(shared)).toBe(true);
  });

  it('rotates the access key: the old key stops working and other sessions end', async () => {
    const { caseNumber, accessKey } = await newCase(app, 'ROT');
    const mine = await login(app.app, caseNumber, accessKey);
    const elsewhere = await login(app.app, caseNumber, accessKey);
    const res = await write('/api/victim/access-key/rotate', mine.cookie, mine.csrf);
    expect(res.statusCode).toBe(200);
    const { accessKey: newKey } = AccessKeyRotatedSchema.parse(res.json());
    expect(newKey).not.toBe(accessKey);
    expect(
      (await app.app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie: mine.cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await app.app.inject({
          method: 'GET',
          url: '/api/victim/case',
          headers: { cookie: elsewhere.cookie },
        })
      ).statusCode,
    ).toBe(401);
    expect((await login(app.app, caseNumber, accessKey)).res.statusCode).toBe(401);
    expect((await login(app.app, caseNumber, newKey)).res.statusCode).toBe(200);
  });

  it('resets a lost key through the contact email: always 202, one-time, expiring', async () => {
    const { caseNumber, accessKey } = await newCase(app, 'RST');
    const session = await login(app.app, caseNumber, accessKey);
    const request = (body: object) =>
      app.app.inject({ method: 'POST', url: '/api/victim/reset/request', headers: json, payload: body });
    const outcomes = [
      await request({ caseNumber, email: 'someone-else@example.jp' }),
      await request({ caseNumber: 'MM-0000-0000', email: 'rstmail@example.jp' }),
      await request({ caseNumber, email: 'RSTMAIL@example.jp' }),
    ];
    for (const res of outcomes) {
      expect(res.statusCode).toBe(202);
      expect(res.body).toBe(outcomes[0]?.body);
    }
    const before = smtp.messages.length;
    await app.container.worker.runOnce();
    const mails = await smtp.waitFor(before + 1);
    expect(mails.length).toBe(before + 1);
    const mail = mails[mails.length - 1];
    expect(mail?.to).toEqual(['rstmail@example.jp']);
    const token = /\/case\/reset#([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeDefined();

    const confirm = (t: string) =>
      app.app.inject({
        method: 'POST',
        url: '/api/victim/reset/confirm',
        headers: json,
        payload: { token: t },
      });
    const done = await confirm(token as string);
    expect(done.statusCode).toBe(200);
    const { accessKey: newKey, caseNumber: number } = AccessKeyResetDoneSchema.parse(done.json());
    expect(number).toBe(caseNumber);
    expect((await login(app.app, caseNumber, newKey)).res.statusCode).toBe(200);
    expect((await login(app.app, caseNumber, accessKey)).res.statusCode).toBe(401);
    expect(
      (await app.app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(401);

    const again = await confirm(token as string);
    expect(again.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(again.json()).error.code).toBe('victim.reset_invalid');
    const unknown = await confirm('D'.repeat(43));
    expect(unknown.body.replace(/"requestId":"[^"]+"/, '')).toBe(
      again.body.replace(/"requestId":"[^"]+"/, ''),
    );

    await request({ caseNumber, email: 'rstmail@example.jp' });
    await app.container.worker.runOnce();
    const latest = await smtp.waitFor(before + 2);
    const second = /\/case\/reset#([A-Za-z0-9_-]{43})/.exec(
      latest[latest.length - 1]?.text ?? '',
    )?.[1] as string;
    now = new Date(now.getTime() + 31 * 60_000);
    const expired = await confirm(second);
    expect(expired.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(expired.json()).error.code).toBe('victim.reset_invalid');
  });

  it('rate limits reset requests per case number', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/victim/reset/request',
        headers: json,
        payload: { caseNumber: 'MM-1111-2222', email: 'x@example.jp' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('writes no personal data to the logs', () => {
    const logs = app.logs.join('\n');
    for (const marker of [
      'ZZVICTIMMSG',
      'ZZREPLYTEXT',
      'MSGNARRATIVE',
      'msgmail@example.jp',
      'rstmail',
      'SHAREDFILE',
    ]) {
      expect(logs).not.toContain(marker);
    }
    expect(logs).toContain('request completed');
  });
});
