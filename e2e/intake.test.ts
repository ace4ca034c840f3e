import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../apps/server/test/smtp.js';
import { browserAvailable, launchChromium, PHONE } from './support/browser.js';
import { postConsultantReply } from './support/case-store.js';
import { answerBloggerScenario, catalogs } from './support/guide.js';
import { startBuiltServer, type RunningServer } from './support/server.js';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = violations.map(
    (v: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }) =>
      `${v.id} (${v.impact}): ${v.nodes.map((n: { target: unknown[] }) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

describe.skipIf(!browserAvailable)(
  'a consultation, from the Guide to the consultant’s reply, on a phone',
  () => {
    let smtp: TestSmtpServer;
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext | undefined;
    let workDir: string;
    // The spawned server and the consultant's side (this process) share the database and the master key.
    const env: Record<string, string> = {
      MIMAMORU_MASTER_KEY: randomBytes(32).toString('base64'),
      MAIL_FROM: 'mimamoru <no-reply@mimamoru.test>',
    };

    beforeAll(async () => {
      smtp = await startTestSmtpServer();
      env.SMTP_URL = smtp.url;
      server = await startBuiltServer(({ url }) => {
        env.PUBLIC_URL = url;
        return env;
      });
      browser = await launchChromium();
      workDir = mkdtempSync(join(tmpdir(), 'mimamoru-e2e-files-'));
    });
    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await server?.stop();
      await smtp?.stop();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    const newPage = async (locale: 'ja' | 'en' = 'ja') => {
      await context?.close();
      context = await browser.newContext({
        ...PHONE,
        locale: locale === 'ja' ? 'ja-JP' : 'en-US',
        baseURL: server.url,
      });
      await context.route(/^https:\/\/(www\.)?google\.com\//, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>weather</title><p>weather</p>' }),
      );
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return page;
    };

    it('submits with a screenshot, comes back in a fresh browser, talks with the consultant, and is told by e-mail without the content', async () => {
      const m = catalogs.ja;
      const c = m.consult;
      let page = await newPage();

      // The Guide's result carries its answers over to the form.
      await page.goto('/guide');
      await answerBloggerScenario(page, m);
      await page.getByRole('button', { name: m.result.consult, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: c.pageTitle }).waitFor();
      await page.getByText(c.fromGuide).waitFor();
      // Focus moves to the new page's heading, even though the form loads on demand.
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      await expect(
        page.getByRole('checkbox', { name: m.guide.platformOptions.x, exact: true }).isChecked(),
      ).resolves.toBe(true);
      await expect(
        page.getByRole('checkbox', { name: m.guide.goalOptions.identify.label, exact: true }).isChecked(),
      ).resolves.toBe(true);
      await expect(page.getByLabel(c.when.label, { exact: true }).inputValue()).resolves.toBe('2026-10-20');
      await expectNoAxeViolations(page);

      // A real screenshot, as a victim would attach one.
      const screenshot = join(workDir, 'evidence.png');
      await page.screenshot({ path: screenshot });

      const narrative = 'ブログに「下手くそ」と書かれ、顔写真と住所までさらされました。とても怖いです。';
      await page.getByRole('textbox', { name: c.narrative.label, exact: true }).fill(narrative);
      await page
        .getByRole('textbox', { name: c.urls.label(1), exact: true })
        .fill('https://x.com/someone/status/123');
      await page.getByRole('radio', { name: c.contact.channels.email.label, exact: true }).check();
      await page
        .getByRole('textbox', { name: c.contact.emailLabelRequired, exact: true })
        .fill('hanako@example.jp');
      await page.getByRole('checkbox', { name: c.emailKey.label, exact: true }).check();
      await page
        .getByRole('textbox', { name: c.contact.notesLabel, exact: true })
        .fill('夜は電話しないでください');
      await page.getByLabel(c.files.label, { exact: true }).setInputFiles(screenshot);
      await page.getByRole('button', { name: c.files.remove('evidence.png'), exact: true }).waitFor();
      await page.getByRole('checkbox', { name: c.consent.label, exact: true }).check();
      await page.getByRole('button', { name: c.submit, exact: true }).click();

      // The number and key, shown once.
      const s = m.submitted;
      await page.getByRole('heading', { level: 1, name: s.pageTitle }).waitFor();
      const caseNumber = await page.getByRole('textbox', { name: s.caseNumber, exact: true }).inputValue();
      const accessKey = await page.getByRole('textbox', { name: s.accessKey, exact: true }).inputValue();
      const both = await page.getByRole('textbox', { name: s.both, exact: true }).inputValue();
      expect(caseNumber).toMatch(/^MM-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(accessKey.length).toBeGreaterThanOrEqual(32);
      expect(both).toBe(`相談番号: ${caseNumber} / 鍵: ${accessKey}`);
      await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
      await expectNoAxeViolations(page);
      // Never in the address, the history state or storage; the draft is gone.
      const kept = await page.evaluate(() =>
        JSON.stringify([location.href, history.state, { ...localStorage }, { ...sessionStorage }]),
      );
      expect(kept).not.toContain(accessKey);
      expect(kept).not.toContain('mimamoru.consult');

      // The key was e-mailed as asked.
      const [keyMail] = await smtp.waitFor(1, 15_000);
      expect(keyMail?.to).toContain('hanako@example.jp');
      expect(keyMail?.text).toContain(caseNumber);

      // A fresh browser context: nothing shared with the one that submitted.
      page = await newPage();
      await page.goto('/case');
      const p = m.casePage;
      await page.getByRole('heading', { level: 1, name: p.pageTitle }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('textbox', { name: p.numberLabel, exact: true }).fill(both);
      await expect(page.getByRole('textbox', { name: p.keyLabel, exact: true }).inputValue()).resolves.toBe(
        accessKey,
      );
      await page.getByRole('button', { name: p.open, exact: true }).click();
      await page.getByText(p.caseNumberIs(caseNumber)).waitFor();
      await page.getByText(p.statuses.received.label, { exact: true }).waitFor();
      const main = page.getByRole('main');
      expect(await main.textContent()).toContain(narrative);
      await page.getByRole('link', { name: p.download('evidence.png'), exact: true }).waitFor();
      await expectNoAxeViolations(page);

      // The screenshot downloads intact (a PNG, by its bytes).
      const href = await page
        .getByRole('link', { name: p.download('evidence.png'), exact: true })
        .getAttribute('href');
      const download = await page.request.get(href ?? '');
      expect(download.status()).toBe(200);
      expect([...(await download.body()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

      // She sends a message.
      const message = '昨日、新しい書き込みも見つけました。';
      await page.getByRole('textbox', { name: p.messageLabel, exact: true }).fill(message);
      await page.getByRole('button', { name: p.send, exact: true }).click();
      await page.getByText(p.sent, { exact: true }).waitFor();
      await page.locator('.message-victim').getByText(message).waitFor();

      // The consultant answers through the service layer (the staff console will call the same).
      const reply = '書き込みの削除依頼から始めましょう。スクリーンショットをありがとうございます。';
      await postConsultantReply(server, env, { caseNumber, body: reply });

      // The notice arrives: a link to the case page, never the reply itself.
      const mails = await smtp.waitFor(2, 15_000);
      const notice = mails[1];
      expect(notice?.to).toContain('hanako@example.jp');
      expect(notice?.text).toContain(`${server.url}/case`);
      expect(notice?.raw).not.toContain(reply);
      expect(notice?.text).not.toContain(reply);
      expect(notice?.html).not.toContain(reply);

      // Reloading keeps the page open (the session is a cookie) and shows the reply.
      await page.reload();
      await page.locator('.message-consultant').getByText(reply).waitFor();
      await page.getByText(p.statuses['awaiting-victim'].label, { exact: true }).waitFor();
      const thread = await page.locator('.thread > li').allTextContents();
      expect(thread.at(-1)).toContain(reply);
      expect(thread.at(-1)).toContain(p.authors.consultant);
      await expectNoAxeViolations(page);

      // Logging out leaves a calm confirmation and the login form.
      await page.getByRole('button', { name: p.logout }).first().click();
      await page.getByText(p.loggedOut).waitFor();
      const after = await page.request.get('/api/victim/case');
      expect(after.status()).toBe(401);
    }, 120_000);

    it('keeps everything typed when the form has problems, and links each problem to its field', async () => {
      const m = catalogs.ja;
      const c = m.consult;
      const page = await newPage();
      await page.goto('/consult');
      await page.getByRole('heading', { level: 1, name: c.pageTitle }).waitFor();
      await expectNoAxeViolations(page);

      const narrative = 'インスタで毎日ひどいコメントをされています。';
      await page.getByRole('textbox', { name: c.narrative.label, exact: true }).fill(narrative);
      const url = page.getByRole('textbox', { name: c.urls.label(1), exact: true });
      await url.fill('instagram の投稿');
      await url.blur();
      // The URL is checked as soon as she leaves the field.
      await page.getByText(c.errors.urlInvalid).first().waitFor();
      await page.getByRole('button', { name: c.urls.add, exact: true }).click();
      await page
        .getByRole('textbox', { name: c.urls.label(2), exact: true })
        .fill('https://www.instagram.com/p/abc/');

      await page.getByRole('button', { name: c.submit, exact: true }).click();
      const summary = page.getByRole('heading', { level: 2, name: c.errors.summaryTitle(2) });
      await summary.waitFor();
      await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('error-summary');
      await expect(url.getAttribute('aria-invalid')).resolves.toBe('true');
      const describedBy = (await url.getAttribute('aria-describedby')) ?? '';
      await expect(page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent()).resolves.toBe(
        c.errors.urlInvalid,
      );
      // Nothing typed was lost.
      await expect(url.inputValue()).resolves.toBe('instagram の投稿');
      await expect(
        page.getByRole('textbox', { name: c.narrative.label, exact: true }).inputValue(),
      ).resolves.toBe(narrative);
      await expectNoAxeViolations(page);

      // The summary's link takes her to the field.
      await page
        .getByRole('link', {
          name: c.errors.summaryItem(c.errors.fieldNames.consent, c.errors.consentRequired),
        })
        .click();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('consult-consent');

      // A problem only the server sees (the address has no domain) comes back next to its field.
      await url.fill('https://www.instagram.com/p/xyz/');
      await page.getByRole('radio', { name: c.contact.channels.email.label, exact: true }).check();
      const email = page.getByRole('textbox', { name: c.contact.emailLabelRequired, exact: true });
      await email.fill('hanako@example');
      await page.getByRole('checkbox', { name: c.consent.label, exact: true }).check();
      await page.getByRole('button', { name: c.submit, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: c.errors.summaryTitle(1) }).waitFor();
      await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(
        page.getByRole('link', { name: new RegExp(c.errors.fieldNames.email) }).count(),
      ).resolves.toBe(1);
      await expect(email.inputValue()).resolves.toBe('hanako@example');
      await expectNoAxeViolations(page);

      // A reload keeps the draft (the files are never stored) …
      await page.reload();
      await expect(
        page.getByRole('textbox', { name: c.narrative.label, exact: true }).inputValue(),
      ).resolves.toBe(narrative);
      await expect(
        page.getByRole('textbox', { name: c.urls.label(2), exact: true }).inputValue(),
      ).resolves.toBe('https://www.instagram.com/p/abc/');

      // … and the quick exit forgets it.
      await page.getByRole('button', { name: m.common.quickExit }).click();
      await page.waitForURL(/google\.com/);
      await page.goto('/consult');
      await expect(
        page.getByRole('textbox', { name: c.narrative.label, exact: true }).inputValue(),
      ).resolves.toBe('');
    });

    it('resets a lost key by e-mail, changes it again, then withdraws and erases the consultation', async () => {
      const m = catalogs.ja;
      const p = m.casePage;
      const created = await fetch(`${server.url}/api/consultations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          narrative: 'なりすましのアカウントを作られました。',
          platforms: ['instagram'],
          postUrls: [],
          goals: ['delete'],
          contact: { channel: 'in-app', email: 'taro@example.jp' },
          consent: { privacyPolicyVersion: '2026-11-29', accepted: true },
          locale: 'ja',
        }),
      });
      expect(created.status).toBe(201);
      const { caseNumber, accessKey: firstKey } = (await created.json()) as {
        caseNumber: string;
        accessKey: string;
      };

      // "鍵をなくしたとき": the same neutral answer, and a one-time link by e-mail.
      const page = await newPage();
      const mailsBefore = smtp.messages.length;
      await page.goto('/case');
      await page.getByText(p.lostTitle).click();
      const lost = page.locator('details.lost-key');
      await lost.getByRole('textbox', { name: p.numberLabel, exact: true }).fill(caseNumber.toLowerCase());
      await lost.getByRole('textbox', { name: p.lostEmail, exact: true }).fill('taro@example.jp');
      await lost.getByRole('button', { name: p.lostSend, exact: true }).click();
      await page.getByText(p.lostDone).waitFor();
      const mails = await smtp.waitFor(mailsBefore + 1, 15_000);
      const link = /https?:\/\/\S+\/case\/reset#[A-Za-z0-9_-]+/.exec(mails.at(-1)?.text ?? '')?.[0];
      expect(link).toBeDefined();

      await page.goto(link ?? '');
      await page.getByText(m.reset.done).waitFor();
      expect(new URL(page.url()).hash).toBe('');
      const resetKey = await page.getByRole('textbox', { name: p.newKey, exact: true }).inputValue();
      expect(resetKey).not.toBe(firstKey);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: m.reset.open, exact: true }).click();
      await page.getByText(p.caseNumberIs(caseNumber)).waitFor();

      // Change the key: the new one is shown once.
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: p.rotate, exact: true }).click();
      await page.getByText(p.rotated).waitFor();
      const rotatedKey = await page.getByRole('textbox', { name: p.newKey, exact: true }).inputValue();
      expect(rotatedKey).not.toBe(resetKey);

      // Withdraw: it asks to confirm what is erased first.
      await page.getByRole('button', { name: p.withdraw, exact: true }).click();
      await page.getByText(p.withdrawNeedsCheck).waitFor();
      await page.getByRole('checkbox', { name: p.withdrawCheck, exact: true }).check();
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: p.withdraw, exact: true }).click();
      await page.getByText(p.withdrawn).waitFor();
      await expectNoAxeViolations(page);

      // Neither key opens it any more.
      for (const key of [rotatedKey, resetKey]) {
        const again = await fetch(`${server.url}/api/victim/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ caseNumber, accessKey: key }),
        });
        expect(again.status).toBe(401);
      }
    }, 120_000);

    it('is reachable from the home page, the directory and the footer, in English too', async () => {
      const m = catalogs.en;
      const page = await newPage('en');
      await page.goto('/');
      await page.getByRole('button', { name: 'English', exact: true }).click();
      await page.getByRole('link', { name: m.home.consult, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: m.consult.pageTitle }).waitFor();
      await expectNoAxeViolations(page);

      await page.goto('/windows/mimamoru');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page
        .getByRole('main')
        .getByRole('link', { name: /Consultation form/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: m.consult.pageTitle }).waitFor();

      await page.getByRole('contentinfo').getByRole('link', { name: m.footer.privacyLink }).click();
      await page.getByRole('heading', { level: 1, name: m.privacy.pageTitle }).waitFor();
      await expectNoAxeViolations(page);

      // A wrong number and key get a calm answer, and a reset link request the same neutral one.
      await page.goto('/case');
      await page.getByRole('textbox', { name: m.casePage.numberLabel, exact: true }).fill('mm-0000-0000');
      await page.getByRole('textbox', { name: m.casePage.keyLabel, exact: true }).fill('x'.repeat(43));
      await page.getByRole('button', { name: m.casePage.open, exact: true }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toBe(m.casePage.invalid);
      await page.getByText(m.casePage.lostTitle).click();
      const lost = page.locator('details.lost-key');
      await lost.getByRole('textbox', { name: m.casePage.numberLabel, exact: true }).fill('MM-0000-0000');
      await lost.getByRole('textbox', { name: m.casePage.lostEmail, exact: true }).fill('nobody@example.com');
      await lost.getByRole('button', { name: m.casePage.lostSend, exact: true }).click();
      await page.getByText(m.casePage.lostDone).waitFor();
      await expectNoAxeViolations(page);

      // A spent or made-up reset link says so, and the token leaves the address bar at once.
      await page.goto('/case/reset#not-a-real-token');
      await page.getByText(m.reset.invalid).waitFor();
      expect(new URL(page.url()).hash).toBe('');
    });
  },
);
