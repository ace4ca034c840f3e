import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleJa } from '../apps/web/src/console/console-messages.js';
import { browserAvailable, launchChromium } from './support/browser.js';
import { createStaffWithCli, setUpStaff, signInStaff } from './support/console.js';
import { startBuiltServer, type RunningServer } from './support/server.js';
import { seedStatsHistory } from './support/stats-seed.js';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const c = consoleJa;

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = violations.map(
    (v: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }) =>
      `${v.id} (${v.impact}): ${v.nodes.map((n: { target: unknown[] }) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

describe.skipIf(!browserAvailable)('the statistics page', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let seeded: number;
  const env: Record<string, string> = { MIMAMORU_MASTER_KEY: randomBytes(32).toString('base64') };

  beforeAll(async () => {
    server = await startBuiltServer(env);
    browser = await launchChromium();
    seeded = await seedStatsHistory(server, env);
    const link = await createStaffWithCli(server, env, {
      email: 'stats@mimamoru.test',
      role: 'admin',
      name: '統計 太郎',
    });
    // Phone width first: the page is built for it.
    context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'ja-JP',
      baseURL: server.url,
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const password = 'statistics pass phrase long';
    const secret = await setUpStaff(page, link, password);
    await signInStaff(page, 'stats@mimamoru.test', password, secret);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows the numbers as charts with their tables, passes axe, fits a phone and exports CSV', async () => {
    await page
      .getByRole('navigation', { name: c.nav.label })
      .getByRole('link', { name: c.nav.stats })
      .click();
    await page.getByRole('heading', { level: 1, name: c.stats.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: c.stats.summary }).waitFor();

    // The default period: 12 weeks up to today, filled into the form.
    const from = await page.getByLabel(c.stats.from).inputValue();
    const to = await page.getByLabel(c.stats.to).inputValue();
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Every seeded consultation is in the period (ten weeks back at most).
    const received = page
      .locator('.stats-cards dt', { hasText: c.stats.received })
      .locator('xpath=following-sibling::dd[1]');
    await expect.poll(() => received.locator('.stats-figure').textContent()).toBe(c.stats.count(seeded));

    // Each chart is one image whose name carries its numbers, with a table behind a toggle.
    const weekly = page.getByRole('img', { name: new RegExp(`^${c.stats.perWeek}`) });
    await weekly.waitFor();
    const label = (await weekly.getAttribute('aria-label')) ?? '';
    const total = [...label.matchAll(/: (\d+)件/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(total).toBe(seeded);
    expect(await page.getByRole('img').count()).toBeGreaterThanOrEqual(9);
    const block = page.getByRole('region', { name: c.stats.perWeek });
    await block.getByText(c.stats.showTable).click();
    await expect.poll(() => block.getByRole('table').locator('tbody tr').count()).toBe(12);
    await expectNoAxeViolations(page);

    // Nothing wider than the phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // The CSV link: same period, Japanese headers, a BOM for Excel.
    const href = await page.getByRole('link', { name: c.stats.csv }).getAttribute('href');
    expect(href).toContain('locale=ja');
    const res = await page.request.get(href ?? '');
    expect(res.status()).toBe(200);
    const body = await res.text();
    expect(body.startsWith('\uFEFF"区分","項目","キー","値"')).toBe(true);
    expect(body).toContain(`"received",${seeded}`);

    // Another period: the form's dates go to the server; a reversed one is refused calmly.
    await page.getByLabel(c.stats.from).fill(to);
    await page.getByLabel(c.stats.to).fill(from);
    await page.getByRole('button', { name: c.stats.apply }).click();
    await page.getByRole('alert').getByText(c.stats.badPeriod).waitFor();
    await page.getByLabel(c.stats.from).fill(from);
    await page.getByLabel(c.stats.to).fill(to);
    await page.getByRole('button', { name: c.stats.apply }).click();
    await page.getByRole('heading', { level: 2, name: c.stats.summary }).waitFor();
    await expectNoAxeViolations(page);
  });
});
