// Regenerates docs/screenshots/ (phone width, Japanese and English) from the built app:
// `npm run screenshots`. Japanese text needs a CJK font (Debian: fonts-noto-cjk).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evidenceGuideMessages } from '../apps/web/src/components/evidence-guide-messages.js';
import { shootAnalysis } from './support/analysis-shots.js';
import { launchChromium, PHONE } from './support/browser.js';
import { postConsultantReply } from './support/case-store.js';
import { shootConsole } from './support/console.js';
import { shootDocuments } from './support/documents.js';
import { answerBloggerScenario, catalogs } from './support/guide.js';
import { startBuiltServer } from './support/server.js';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');
mkdirSync(out, { recursive: true });

// The consultant's reply on the case page is written with the server's own services (same key and data).
const env = { MIMAMORU_MASTER_KEY: randomBytes(32).toString('base64') };
const server = await startBuiltServer(env);
const files = mkdtempSync(join(tmpdir(), 'mimamoru-shots-'));
const browser = await launchChromium();
try {
  for (const locale of ['ja', 'en'] as const) {
    const m = catalogs[locale];
    const context = await browser.newContext({ ...PHONE, deviceScaleFactor: 1, locale, baseURL: server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const shot = async (name: string, fullPage = true) => {
      await page.screenshot({ path: join(out, `${name}-${locale}.png`), fullPage });
      console.log(`docs/screenshots/${name}-${locale}.png`);
    };

    await page.goto('/');
    if (locale === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: m.home.title }).waitFor();
    await shot('home');

    await page.getByRole('link', { name: m.home.start }).click();
    await page
      .getByRole('checkbox', { name: m.guide.factOptions['name-calling'].label, exact: true })
      .check();
    await shot('wizard', false);
    await page
      .getByRole('checkbox', { name: m.guide.factOptions['name-calling'].label, exact: true })
      .uncheck();

    await answerBloggerScenario(page, m);
    await shot('result');

    // A saved result, reopened from its number and key (pasted at once into the first field).
    await page.getByRole('button', { name: m.result.save }).click();
    const both = await page.getByRole('textbox', { name: m.result.savedBoth, exact: true }).inputValue();
    await page.getByRole('main').getByRole('link', { name: m.nav.saved }).click();
    await page.getByRole('heading', { level: 1, name: m.saved.pageTitle }).waitFor();
    await page.getByRole('textbox', { name: m.result.savedId, exact: true }).fill(both);
    await page.getByText(m.saved.split).waitFor();
    await shot('saved', false);
    await page.getByRole('button', { name: m.saved.open, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: m.result.pageTitle }).waitFor();
    await shot('saved-opened', false);

    await page.goto('/windows');
    await page.getByRole('heading', { level: 1, name: m.windows.pageTitle }).waitFor();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await shot('directory');

    await page.goto('/windows/houterasu');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('main').getByRole('link').first().waitFor();
    await shot('window-detail');

    // What a useful screenshot shows: the illustrated capture guide (also on the case page).
    await page.goto('/evidence-guide');
    await page.getByRole('heading', { level: 1, name: evidenceGuideMessages(locale).title }).waitFor();
    await shot('evidence-guide');

    // The consultation form, carried over from the Guide's result.
    const c = m.consult;
    await page.goto('/result');
    await page.getByRole('button', { name: m.result.consult, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: c.pageTitle }).waitFor();
    await shot('consult', false);

    const evidence = join(files, `evidence-${locale}.png`);
    await page.screenshot({ path: evidence });
    const url = page.getByRole('textbox', { name: c.urls.label(1), exact: true });
    await url.fill('x.com/someone');
    if (locale === 'ja') {
      await page.getByRole('button', { name: c.submit, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: c.errors.summaryTitle(3) }).waitFor();
      await page.screenshot({ path: join(out, 'consult-errors-ja.png'), fullPage: false });
      console.log('docs/screenshots/consult-errors-ja.png');
    }
    await page
      .getByRole('textbox', { name: c.narrative.label, exact: true })
      .fill(
        locale === 'ja'
          ? 'ブログに「下手くそ」と書かれ、顔写真と住所までさらされました。'
          : 'Someone called me useless on my blog, then posted my photo and my address.',
      );
    await url.fill('https://x.com/someone/status/123');
    await page.getByRole('radio', { name: c.contact.channels.email.label, exact: true }).check();
    await page
      .getByRole('textbox', { name: c.contact.emailLabelRequired, exact: true })
      .fill('hanako@example.jp');
    await page.getByLabel(c.files.label, { exact: true }).setInputFiles(evidence);
    await page.getByRole('checkbox', { name: c.consent.label, exact: true }).check();
    await page.getByRole('button', { name: c.submit, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: m.submitted.pageTitle }).waitFor();
    await shot('submitted');
    const caseNumber = await page
      .getByRole('textbox', { name: m.submitted.caseNumber, exact: true })
      .inputValue();

    // The case page, once a consultant has replied.
    await page.getByRole('button', { name: m.submitted.open, exact: true }).click();
    await page.getByText(m.casePage.caseNumberIs(caseNumber)).waitFor();
    await page
      .getByRole('textbox', { name: m.casePage.messageLabel, exact: true })
      .fill(locale === 'ja' ? '昨日、新しい書き込みも見つけました。' : 'I found another post yesterday.');
    await page.getByRole('button', { name: m.casePage.send, exact: true }).click();
    await page.getByText(m.casePage.sent, { exact: true }).waitFor();
    await postConsultantReply(server, env, {
      caseNumber,
      body:
        locale === 'ja'
          ? 'ご相談ありがとうございます。まず書き込みの削除依頼から始めましょう。'
          : 'Thank you for reaching out. Let us start with a request to remove the posts.',
    });
    await page.reload();
    await page.locator('.message-consultant').waitFor();
    await shot('case');
    await context.close();
  }

  // Post analysis in the browser (Japanese): the ranked results at phone and desktop width.
  for (const file of await shootAnalysis(server, browser, out)) console.log(`docs/screenshots/${file.split('/').pop()}`);

  // The staff console (Japanese): login at phone width, queue and case page at desktop width.
  const written = await shootConsole(server, env, browser, out, {
    login: { width: 390, height: 844 },
    desk: { width: 1280, height: 800 },
  });
  for (const file of written) console.log(`docs/screenshots/${file.split('/').pop()}`);

  // Documents (#7): the console's 書類 section with the PDF preview, and the victim's own request at 390 px.
  for (const file of await shootDocuments(server, env, browser, out)) console.log(`docs/screenshots/${file.split('/').pop()}`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(files, { recursive: true, force: true });
}
