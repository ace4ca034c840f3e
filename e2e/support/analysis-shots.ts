import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analysisMessages } from '../../apps/web/src/analysis/analysis-messages.js';
import { fixtureCsv } from './analysis-posts.js';
import type { RunningServer } from './server.js';

/** Pastes the 50 fixture posts on /analyze and waits for the ranked results (Japanese unless told). */
export async function analyzeFixture(page: Page, locale: 'ja' | 'en' = 'ja'): Promise<void> {
  const a = analysisMessages(locale);
  await page.goto('/analyze');
  if (locale === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: a.pageTitle }).waitFor();
  await page.getByRole('textbox', { name: a.pasteLabel, exact: true }).fill(fixtureCsv());
  await page.getByRole('button', { name: a.analyze, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: a.resultsTitle }).waitFor({ timeout: 60_000 });
}

/**
 * The /analyze results at phone width (390 px) and desktop width: `analysis-results-ja.png` (phone) and
 * `analysis-results-desktop-ja.png`, the first posts revealed so the marks are visible.
 */
export async function shootAnalysis(server: RunningServer, browser: Browser, out: string): Promise<string[]> {
  const a = analysisMessages('ja');
  const written: string[] = [];
  const sizes = [
    { name: 'analysis-results-ja.png', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    { name: 'analysis-results-desktop-ja.png', viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false },
  ];
  for (const size of sizes) {
    const context = await browser.newContext({
      viewport: size.viewport,
      isMobile: size.isMobile,
      hasTouch: size.hasTouch,
      deviceScaleFactor: 1,
      locale: 'ja-JP',
      baseURL: server.url,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await analyzeFixture(page);
    // Two posts shown, one still blurred: what the victim sees after choosing to read the first ones.
    const rows = page.locator('table.analysis-posts tbody tr');
    await rows.nth(0).getByRole('button', { name: a.show }).click();
    await rows.nth(1).getByRole('button', { name: a.show }).click();
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    const path = join(out, size.name);
    // The toolbar at the top of the screen: the count, the selection and its actions, then the first rows.
    await page
      .locator('.analysis-toolbar')
      .evaluate((el) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - 80, behavior: 'instant' }));
    await page.screenshot({ path, fullPage: false });
    written.push(path);
    await context.close();
  }
  return written;
}
