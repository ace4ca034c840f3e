import { ApiErrorSchema, ConsultationCreatedSchema, VictimCaseSchema } from '@mimamoru/contracts';
import { ATTACHMENT_LIMITS, CASE_NUMBER_PATTERN } from '@mimamoru/core';
import { describe, expect, it } from 'vitest';
import { detectContentType } from '../src/modules/intake/attachments.service.js';
import { databases, useTestApp, type TestApp } from './harness.js';
import { consultation, login, multipart, pdfWithText, pngWithText, submit } from './intake-fixtures.js';

async function counts(ctx: TestApp) {
  const db = ctx.container.database.db;
  const n = async (table: 'cases' | 'case_attachments' | 'jobs') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { cases: await n('cases'), attachments: await n('case_attachments'), jobs: await n('jobs') };
}

describe('detectContentType', () => {
  it('recognises the accepted types by their first bytes and nothing else', () => {
    expect(detectContentType(pngWithText('x'))).toBe('image/png');
    expect(detectContentType(pdfWithText('x'))).toBe('application/pdf');
    expect(detectContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(detectContentType(Buffer.from('GIF89a\x01\x00', 'latin1'))).toBe('image/gif');
    expect(detectContentType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(detectContentType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(detectContentType(Buffer.from('just some text pretending to be a png'))).toBeNull();
    expect(detectContentType(Buffer.alloc(0))).toBeNull();
  });
});

describe.each(databases)('POST /api/consultations on %s', (kind) => {
  const ctx = useTestApp(kind);
  const db = () => ctx().container.database.db;

  it('stores a JSON consultation and answers 201 with a random case number and a one-time key', async () => {
    const res = await submit(ctx().app, consultation());
    expect(res.statusCode).toBe(201);
    const created = ConsultationCreatedSchema.parse(res.json());
    expect(created.caseNumber).toMatch(CASE_NUMBER_PATTERN);
    expect(created.accessKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db()
      .selectFrom('cases')
      .selectAll()
      .where('case_number', '=', created.caseNumber)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('received');
    expect(row.access_key_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(created.accessKey);
    expect(row.narrative_sealed).not.toContain('NARRATIVE');
    expect(JSON.parse(row.platforms ?? '[]')).toEqual(['x', '5ch']);
  });

  it('gives every submission a different, non-sequential case number and key', async () => {
    const created = [];
    for (let i = 0; i < 5; i++)
      created.push(ConsultationCreatedSchema.parse((await submit(ctx().app, consultation())).json()));
    expect(new Set(created.map((c) => c.caseNumber)).size).toBe(5);
    expect(new Set(created.map((c) => c.accessKey)).size).toBe(5);
  });

  it('accepts an anonymous, in-app consultation without name or email', async () => {
    const body = consultation('ANON', { name: undefined, contact: { channel: 'in-app' } });
    const res = await submit(ctx().app, body);
    expect(res.statusCode).toBe(201);
  });

  it('accepts a multipart consultation with a PNG and a PDF, checked by content', async () => {
    const png = pngWithText('PNGDATA');
    const pdf = pdfWithText('PDFDATA');
    const { payload, headers } = await multipart({ consultation: JSON.stringify(consultation('MP')) }, [
      { name: 'スクリーンショット.png', type: 'image/png', bytes: png },
      { name: 'letter.pdf', type: 'application/octet-stream', bytes: pdf },
    ]);
    const res = await ctx().app.inject({ method: 'POST', url: '/api/consultations', headers, payload });
    expect(res.statusCode).toBe(201);
    const { caseNumber, accessKey } = ConsultationCreatedSchema.parse(res.json());
    const { cookie } = await login(ctx().app, caseNumber, accessKey);
    const view = VictimCaseSchema.parse(
      (await ctx().app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie } })).json(),
    );
    expect(view.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([
      ['スクリーンショット.png', 'image/png', png.length],
      ['letter.pdf', 'application/pdf', pdf.length],
    ]);
    const download = await ctx().app.inject({
      method: 'GET',
      url: `/api/victim/attachments/${view.attachments[0]?.id}`,
      headers: { cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="/);
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('スクリーンショット.png')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a text file named .png with a localized 415 and stores nothing', async () => {
    const before = await counts(ctx());
    const { payload, headers } = await multipart({ consultation: JSON.stringify(consultation()) }, [
      { name: 'photo.png', type: 'image/png', bytes: Buffer.from('I am not an image at all') },
    ]);
    const res = await ctx().app.inject({ method: 'POST', url: '/api/consultations', headers, payload });
    expect(res.statusCode).toBe(415);
    const { error } = ApiErrorSchema.parse(res.json());
    expect(error.code).toBe('intake.unsupported_file');
    expect(error.message).toContain('PNG');
    const en = await ctx().app.inject({
      method: 'POST',
      url: '/api/consultations',
      headers: { ...headers, 'accept-language': 'en' },
      payload,
    });
    expect(ApiErrorSchema.parse(en.json()).error.message).toMatch(/^Only PNG/);
    expect(await counts(ctx())).toEqual(before);
  });

  it('refuses a PDF that claims to be a PNG', async () => {
    const { payload, headers } = await multipart({ consultation: JSON.stringify(consultation()) }, [
      { name: 'photo.png', type: 'image/png', bytes: pdfWithText('x') },
    ]);
    const res = await ctx().app.inject({ method: 'POST', url: '/api/consultations', headers, payload });
    expect(res.statusCode).toBe(415);
  });

  it('refuses too many files and too large files before storing anything', async () => {
    const before = await counts(ctx());
    const many = await multipart(
      { consultation: JSON.stringify(consultation()) },
      Array.from({ length: ATTACHMENT_LIMITS.maxFiles + 1 }, (_, i) => ({
        name: `${i}.png`,
        type: 'image/png',
        bytes: pngWithText(`file${i}`),
      })),
    );
    const res = await ctx().app.inject({ method: 'POST', url: '/api/consultations', ...many });
    expect(res.statusCode).toBe(413);
    expect(ApiErrorSchema.parse(res.json()).error.code).toBe('intake.too_many_files');

    const big = Buffer.concat([pngWithText('big'), Buffer.alloc(ATTACHMENT_LIMITS.maxBytesPerFile)]);
    const large = await multipart({ consultation: JSON.stringify(consultation()) }, [
      { name: 'big.png', type: 'image/png', bytes: big },
    ]);
    const res2 = await ctx().app.inject({ method: 'POST', url: '/api/consultations', ...large });
    expect(res2.statusCode).toBe(413);
    expect(ApiErrorSchema.parse(res2.json()).error.code).toBe('intake.file_too_large');
    expect(await counts(ctx())).toEqual(before);
  });

  it('explains a multipart body without the consultation field, or with broken JSON in it', async () => {
    const missing = await multipart({}, [{ name: 'a.png', type: 'image/png', bytes: pngWithText('a') }]);
    const res = await ctx().app.inject({ method: 'POST', url: '/api/consultations', ...missing });
    expect(res.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(res.json()).error.code).toBe('intake.consultation_missing');
    const broken = await multipart({ consultation: '{"narrative": ' });
    const res2 = await ctx().app.inject({ method: 'POST', url: '/api/consultations', ...broken });
    expect(ApiErrorSchema.parse(res2.json()).error.code).toBe('malformed_json');
    const stray = await multipart({ consultation: JSON.stringify(consultation()), other: 'x' });
    const res3 = await ctx().app.inject({ method: 'POST', url: '/api/consultations', ...stray });
    expect(ApiErrorSchema.parse(res3.json()).error.code).toBe('intake.malformed_upload');
    const garbage = await ctx().app.inject({
      method: 'POST',
      url: '/api/consultations',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: 'this is not multipart at all',
    });
    expect(garbage.statusCode).toBe(400);
  });

  it('localizes the contract messages: URL, email, phone, consent, policy version', async () => {
    const body = consultation('V', {
      postUrls: ['javascript:alert(1)'],
      contact: { channel: 'phone', email: 'not-an-email' },
      consent: { privacyPolicyVersion: '1999-01-01', accepted: false },
    });
    for (const [lang, pattern] of [
      ['ja', /[ぁ-んァ-ン一-龯]/],
      ['en', /^[\x20-\x7e]+$/],
    ] as const) {
      const res = await submit(ctx().app, body, { 'accept-language': lang });
      expect(res.statusCode).toBe(400);
      const issues = ApiErrorSchema.parse(res.json()).error.issues ?? [];
      const byCode = new Map(issues.map((issue) => [issue.code, issue]));
      for (const code of [
        'url-invalid',
        'email-invalid',
        'phone-required',
        'policy-outdated',
        'consent-required',
      ]) {
        expect(byCode.get(code)?.message, `${lang} ${code}`).toMatch(pattern);
        expect(byCode.get(code)?.message).not.toMatch(
          /is not valid\. Check the value|値が正しくありません。入力を確認/,
        );
      }
    }
    const res = await submit(ctx().app, consultation('V', { contact: { channel: 'email' } }), {
      'accept-language': 'en',
    });
    expect(ApiErrorSchema.parse(res.json()).error.issues?.[0]).toMatchObject({
      path: 'contact.email',
      code: 'email-required',
    });
    const phone = await submit(
      ctx().app,
      consultation('V', { contact: { channel: 'phone', phone: 'abc' } }),
      {
        'accept-language': 'en',
      },
    );
    expect(ApiErrorSchema.parse(phone.json()).error.issues?.[0]?.code).toBe('phone-invalid');
  });

  it('queues the access-key mail in the same transaction when asked', async () => {
    const before = await counts(ctx());
    const res = await submit(ctx().app, consultation('K', { emailAccessKey: true }));
    expect(res.statusCode).toBe(201);
    const after = await counts(ctx());
    expect(after.jobs).toBe(before.jobs + 1);
    const job = await db()
      .selectFrom('jobs')
      .selectAll()
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(job)).not.toContain(ConsultationCreatedSchema.parse(res.json()).accessKey);
  });

  it('refuses a body over the form limit with a 413 naming that limit', async () => {
    const res = await submit(ctx().app, consultation('BIG', { narrative: 'x'.repeat(600 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(ApiErrorSchema.parse(res.json()).error.message).toContain('512 KiB');
  });

  it('accepts a long Japanese narrative beyond the default 64 KiB body limit', async () => {
    const res = await submit(
      ctx().app,
      consultation('L', {
        narrative: 'あ'.repeat(20_000),
        postUrls: Array.from({ length: 100 }, (_, i) => `https://example.jp/${'p'.repeat(500)}/${i}`),
      }),
    );
    expect(res.statusCode).toBe(201);
  });
});
