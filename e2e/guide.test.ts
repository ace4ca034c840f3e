import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchChromium, PHONE } from './support/browser.js';
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

describe.skipIf(!browserAvailable)('the Guide in Chromium, on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const newPage = async (locale: 'ja' | 'en') => {
    await context?.close();
    context = await browser.newContext({
      ...PHONE,
      locale: locale === 'ja' ? 'ja-JP' : 'en-US',
      baseURL: server.url,
    });
    // The quick-exit target is a neutral outside page; answer it locally so no traffic leaves the machine.
    await context.route(/^https:\/\/(www\.)?google\.com\//, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>weather</title><p>weather</p>' }),
    );
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };

  it('walks a victim from the first question to a result with her deadlines, offline, with no accessibility violations', async () => {
    const m = catalogs.ja;
    await newPage('ja');
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(m.home.title);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: m.home.start }).click();

    await page.getByRole('heading', { name: m.guide.steps.facts.title }).waitFor();
    await expect(
      page.getByRole('progressbar', { name: m.guide.progressLabel }).getAttribute('aria-valuenow'),
    ).resolves.toBe('1');
    await expectNoAxeViolations(page);
    await answerBloggerScenario(page, m);

    const main = page.getByRole('main');
    const text = (await main.textContent()) ?? '';
    // 侮辱 ("下手くそ"), プライバシー (address) and 肖像権 (face photo) are assessed …
    for (const label of ['侮辱', 'プライバシー侵害', '肖像権侵害']) expect(text).toContain(label);
    // … and the mobile-carrier log deadline is postedAt + 3 months (民法143条), the date she must beat.
    expect(text).toContain('2027年1月19日');
    expect(text).toContain(m.result.lawyerRecommended);
    await expectNoAxeViolations(page);

    // Nothing was sent to the server to compute the result.
    expect(apiCalls.filter((url) => url.includes('/api/triage'))).toEqual([]);
  });

  it('keeps every answer when the person goes back, and saves the result only when asked', async () => {
    const m = catalogs.ja;
    await page.getByRole('button', { name: m.result.editAnswers }).click();
    await page.getByRole('heading', { name: m.guide.steps.facts.title }).waitFor();
    await expect(
      page.getByRole('checkbox', { name: m.guide.factOptions['face-photo'].label, exact: true }).isChecked(),
    ).resolves.toBe(true);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: m.result.pageTitle }).waitFor();

    await page.getByRole('button', { name: m.result.save }).click();
    const id = await page.getByRole('textbox', { name: m.result.savedId, exact: true }).inputValue();
    const key = await page.getByRole('textbox', { name: m.result.savedKey, exact: true }).inputValue();
    expect(id).not.toBe('');
    const saved = await fetch(`${server.url}/api/triage/saved/${id}`, { headers: { 'x-access-key': key } });
    expect(saved.status).toBe(200);
    const body = (await saved.json()) as { answers: { facts: string[]; postedAt?: string } };
    expect(body.answers.facts.sort()).toEqual(['face-photo', 'name-calling', 'personal-info']);
    expect(body.answers.postedAt).toBe('2026-10-20');
  });

  it('reopens a saved result from its number and key pasted at once, then erases it for good', async () => {
    const m = catalogs.ja;
    await newPage('ja');
    const apiUrls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiUrls.push(request.url());
    });
    await page.goto('/guide');
    await answerBloggerScenario(page, m);
    await page.getByRole('button', { name: m.result.save }).click();
    const id = await page.getByRole('textbox', { name: m.result.savedId, exact: true }).inputValue();
    const key = await page.getByRole('textbox', { name: m.result.savedKey, exact: true }).inputValue();
    const both = await page.getByRole('textbox', { name: m.result.savedBoth, exact: true }).inputValue();
    expect(both).toBe(`番号: ${id} / 鍵: ${key}`);

    await page.getByRole('main').getByRole('link', { name: m.nav.saved }).click();
    await page.getByRole('heading', { level: 1, name: m.saved.pageTitle }).waitFor();
    await expectNoAxeViolations(page);

    // Pasting "番号: … / 鍵: …" into the 番号 field fills both fields.
    const idField = page.getByRole('textbox', { name: m.result.savedId, exact: true });
    const keyField = page.getByRole('textbox', { name: m.result.savedKey, exact: true });
    await idField.fill(both);
    await expect(idField.inputValue()).resolves.toBe(id);
    await expect(keyField.inputValue()).resolves.toBe(key);
    await page.getByText(m.saved.split).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: m.saved.open, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: m.result.pageTitle }).waitFor();
    await page.getByRole('heading', { level: 2, name: m.result.deadlinesTitle }).waitFor();
    expect((await page.getByRole('main').textContent()) ?? '').toContain('2027年1月19日');
    await expectNoAxeViolations(page);

    // The number and key were held in memory only: not in the address, the history state or storage.
    expect(page.url()).toBe(`${server.url}/saved`);
    const kept = await page.evaluate(() =>
      JSON.stringify([history.state, { ...localStorage }, { ...sessionStorage }]),
    );
    expect(kept).not.toContain(key);
    expect(kept).not.toContain(id);
    // The key only ever travelled in a request header.
    expect(apiUrls.some((url) => url.includes(key))).toBe(false);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: m.saved.erase, exact: true }).click();
    await page.getByText(m.saved.erased).waitFor();

    await idField.fill(both);
    await page.getByRole('button', { name: m.saved.open, exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(m.saved.notFound);
    await expectNoAxeViolations(page);
  });

  it('shows the consultation windows in English, with details and sources, without accessibility violations', async () => {
    const m = catalogs.en;
    await newPage('en');
    await page.goto('/');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('link', { name: m.home.directory }).click();
    await page.getByRole('heading', { level: 1, name: m.windows.pageTitle }).waitFor();
    await page
      .getByRole('link', { name: /Houterasu|法テラス/ })
      .first()
      .waitFor();
    await expectNoAxeViolations(page);

    await page.goto('/windows/sia-hotline');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const detail = (await page.getByRole('main').textContent()) ?? '';
    expect(detail).toContain('saferinternet.or.jp');
    await expectNoAxeViolations(page);
  });

  it('leaves for a neutral page at once with the quick-exit button, forgetting the answers', async () => {
    const m = catalogs.ja;
    await newPage('ja');
    await page.goto('/guide');
    await page
      .getByRole('checkbox', { name: m.guide.factOptions['name-calling'].label, exact: true })
      .check();
    await page.getByRole('button', { name: m.common.quickExit }).click();
    await page.waitForURL(/google\.com/);
    const stored = await context.storageState();
    const leftovers = stored.origins
      .filter((o) => o.origin === server.url)
      .flatMap((o) => o.localStorage.map((e) => e.name));
    expect(leftovers).not.toContain('mimamoru.guide');
  });
});
