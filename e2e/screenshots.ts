// Regenerates docs/screenshots/ (phone width, Japanese and English) from the built app:
// `npm run screenshots`. Japanese text needs a CJK font (Debian: fonts-noto-cjk).
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, PHONE } from './support/browser.js';
import { answerBloggerScenario, catalogs } from './support/guide.js';
import { startBuiltServer } from './support/server.js';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');
mkdirSync(out, { recursive: true });

const server = await startBuiltServer();
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
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
