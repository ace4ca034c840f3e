import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../src/mail/mail.jobs.js';
import { outboxDir } from '../src/mail/mailer.js';
import { renderMail, type MailRequest } from '../src/mail/templates.js';
import { createTestApp, databases, type TestApp } from './harness.js';
import { parseMessage, startTestSmtpServer, type TestSmtpServer } from './smtp.js';

const START = new Date('2026-11-29T00:00:00.000Z');
const ACCESS_KEY = 'Zk3d9QwErTyUiOpAsDfGhJkLzXcVbNm1234567890ab';

describe('mail templates', () => {
  const publicUrl = 'https://mimamoru.example.jp';

  it('never names the topic in the subject, in Japanese or English', () => {
    for (const template of ['access-key', 'reply-notice', 'key-reset'] as const) {
      const data =
        template === 'access-key'
          ? { caseNumber: 'MM-7K3Q-9XD2', accessKey: ACCESS_KEY }
          : template === 'key-reset'
            ? { token: 'a'.repeat(43), expiresAt: START.toISOString() }
            : {};
      expect(
        renderMail({ to: 'a@example.jp', locale: 'ja', template, data } as MailRequest, { publicUrl })
          .subject,
      ).toBe('みまもる：お知らせ');
      expect(
        renderMail({ to: 'a@example.jp', locale: 'en', template, data } as MailRequest, { publicUrl })
          .subject,
      ).toBe('mimamoru: notice');
    }
  });

  it('puts the reset token after # in a one-time link and states the expiry in Japan time', () => {
    const request = {
      to: 'a@example.jp',
      template: 'key-reset',
      data: { token: 'T0ken_-'.repeat(6), expiresAt: START.toISOString() },
    } as const;
    const ja = renderMail({ ...request, locale: 'ja' }, { publicUrl });
    expect(ja.text).toContain(`${publicUrl}/case/reset#${'T0ken_-'.repeat(6)}`);
    expect(ja.text).toContain('2026年11月29日 9:00（日本時間）');
    const en = renderMail({ ...request, locale: 'en' }, { publicUrl });
    expect(en.text).toContain('29 November 2026 at 09:00 (Japan time)');
    expect(en.html).toContain(`<a href="${publicUrl}/case/reset#${'T0ken_-'.repeat(6)}">`);
  });

  it('escapes data in the HTML part', () => {
    const html = renderMail(
      {
        to: 'a@example.jp',
        locale: 'en',
        template: 'access-key',
        data: { caseNumber: '<b>MM</b>', accessKey: ACCESS_KEY },
      },
      { publicUrl },
    ).html;
    expect(html).toContain('&lt;b&gt;MM&lt;/b&gt;');
    expect(html).not.toContain('<b>MM</b>');
  });
});

describe.each(databases)('mail through the job queue and real SMTP on %s', (kind) => {
  let smtp: TestSmtpServer;
  let ctx: TestApp;
  let now = START;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    ctx = await createTestApp(kind, {
      smtpUrl: smtp.url,
      clock: () => now,
      env: { PUBLIC_URL: 'https://mimamoru.example.jp/' },
    });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.stop();
  });
  afterEach(() => {
    smtp.messages.length = 0;
  });

  const send = (request: MailRequest) =>
    ctx.container.database.db
      .transaction()
      .execute((trx) => enqueueMail(trx, request, { keyring: ctx.container.keyring, clock: () => now }));

  it('delivers queued mail after commit: recipient, calm subject, link but never the reply', async () => {
    const secretReply = 'ZZ相談員の返信本文ZZ';
    await send({
      to: 'victim@example.jp',
      locale: 'ja',
      template: 'reply-notice',
      // A caller passing the reply by mistake: the schema keeps only the template's fields.
      data: { caseNumber: 'MM-7K3Q-9XD2', body: secretReply } as MailRequest['data'] as {
        caseNumber: string;
      },
    });
    await send({
      to: 'someone@example.com',
      locale: 'en',
      template: 'access-key',
      data: { caseNumber: 'MM-7K3Q-9XD2', accessKey: ACCESS_KEY },
    });
    expect(smtp.messages).toHaveLength(0);
    expect(await ctx.container.worker.runOnce()).toEqual({ done: 2, retried: 0, failed: 0 });
    const arrived = await smtp.waitFor(2);
    const notice = arrived.find((mail) => mail.to.includes('victim@example.jp'));
    const key = arrived.find((mail) => mail.to.includes('someone@example.com'));
    expect(notice?.to).toEqual(['victim@example.jp']);
    expect(notice?.subject).toBe('みまもる：お知らせ');
    expect(notice?.headers.from).toContain('no-reply@localhost');
    expect(notice?.text).toContain('https://mimamoru.example.jp/case');
    expect(notice?.html).toContain('href="https://mimamoru.example.jp/case"');
    expect(notice?.raw).not.toContain(secretReply);
    expect(notice?.text).not.toContain(secretReply);
    expect(key?.to).toEqual(['someone@example.com']);
    expect(key?.subject).toBe('mimamoru: notice');
    expect(key?.text).toContain(ACCESS_KEY);
    expect(ctx.logs.join('\n')).not.toMatch(/victim@example\.jp|someone@example\.com/);
    expect(ctx.logs.join('\n')).not.toContain(ACCESS_KEY);
  });

  it('retries after a temporary SMTP failure and delivers once the server recovers', async () => {
    smtp.failNext(1);
    const { jobId } = await send({
      to: 'victim@example.jp',
      locale: 'ja',
      template: 'reply-notice',
      data: {},
    });
    expect(await ctx.container.worker.runOnce()).toEqual({ done: 0, retried: 1, failed: 0 });
    const job = await ctx.container.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    expect(job.last_error).toContain('451');
    expect(job.last_error).not.toContain('victim@example.jp');
    now = new Date(now.getTime() + 30_000);
    expect(await ctx.container.worker.runOnce()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await smtp.waitFor(1)).toHaveLength(1);
  });

  it('gives up at once when the server refuses the recipient', async () => {
    smtp.rejectRecipient('gone@example.jp');
    await send({ to: 'gone@example.jp', locale: 'en', template: 'reply-notice', data: {} });
    expect(await ctx.container.worker.runOnce()).toEqual({ done: 0, retried: 0, failed: 1 });
  });

  it('refuses an invalid request inside the transaction, which then rolls back', async () => {
    await expect(
      send({ to: 'not an address', locale: 'ja', template: 'reply-notice', data: {} }),
    ).rejects.toThrow();
    expect(await ctx.container.worker.runOnce()).toEqual({ done: 0, retried: 0, failed: 0 });
  });
});

describe.each(databases)('mail without SMTP_URL on %s', (kind) => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('writes each message as an .eml file (0600) to the outbox and logs the file, not the address', async () => {
    expect(ctx.container.mailer.mode).toBe('outbox');
    const token = 'R3setT0ken'.repeat(4);
    await ctx.container.database.db.transaction().execute((trx) =>
      enqueueMail(
        trx,
        {
          to: 'victim@example.jp',
          locale: 'ja',
          template: 'key-reset',
          data: { token, expiresAt: START.toISOString() },
        },
        { keyring: ctx.container.keyring, clock: () => new Date() },
      ),
    );
    expect(await ctx.container.worker.runOnce()).toMatchObject({ done: 1 });
    const dir = outboxDir(ctx.config.dataDir);
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const file = path.join(dir, files[0] as string);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const eml = fs.readFileSync(file, 'utf8');
    expect(eml).toMatch(/^To: victim@example\.jp$/m);
    const parsed = parseMessage(eml);
    expect(parsed.headers.subject).toBe('みまもる：お知らせ');
    expect(parsed.text).toContain(`http://localhost:3000/case/reset#${token}`);
    expect(parsed.text).toContain('2026年11月29日 9:00（日本時間）');
    const logs = ctx.logs.join('\n');
    expect(logs).toContain('SMTP_URL is not set');
    expect(logs).toContain('e-mail written to the outbox');
    expect(logs).not.toContain('victim@example.jp');
  });
});
