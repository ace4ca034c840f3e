import type { Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en.js';
import { ja, type Messages } from '../../apps/web/src/i18n/ja.js';

/** The web app's own catalogs, so the journeys follow the words a person actually reads. */
export const catalogs: Record<'ja' | 'en', Messages> = { ja, en };

/**
 * Acceptance scenario 1: a hobby blogger mocked as "下手くそ", then whose face photo and address are posted;
 * wants the posts removed and the poster identified.
 */
export async function answerBloggerScenario(page: Page, m: Messages): Promise<void> {
  const g = m.guide;
  const next = page.getByRole('button', { name: g.next, exact: true });

  await page.getByRole('heading', { name: g.steps.facts.title }).waitFor();
  for (const fact of ['name-calling', 'face-photo', 'personal-info'] as const) {
    await page.getByRole('checkbox', { name: g.factOptions[fact].label, exact: true }).check();
  }
  await next.click();

  await page.getByRole('heading', { name: g.steps.identifiable.title }).waitFor();
  await page.getByRole('radio', { name: g.identifiableOptions['linked-handle'].label, exact: true }).check();
  await next.click();

  await page.getByRole('heading', { name: g.steps.platforms.title }).waitFor();
  await page.getByRole('checkbox', { name: g.platformOptions.blog, exact: true }).check();
  await page.getByRole('checkbox', { name: g.platformOptions.x, exact: true }).check();
  await next.click();

  await page.getByRole('heading', { name: g.steps.postedAt.title }).waitFor();
  await page.getByLabel(g.steps.postedAt.dateLabel, { exact: true }).fill('2026-10-20');
  await next.click();

  await page.getByRole('heading', { name: g.steps.ongoing.title }).waitFor();
  await page.getByRole('radio', { name: g.steps.ongoing.options.yes, exact: true }).check();
  await next.click();

  await page.getByRole('heading', { name: g.steps.offender.title }).waitFor();
  await page.getByRole('radio', { name: g.steps.offender.unknown, exact: true }).check();
  await next.click();

  await page.getByRole('heading', { name: g.steps.goals.title }).waitFor();
  await page.getByRole('checkbox', { name: g.goalOptions.delete.label, exact: true }).check();
  await page.getByRole('checkbox', { name: g.goalOptions.identify.label, exact: true }).check();
  await next.click();

  await page.getByRole('heading', { name: g.steps.wellbeing.question }).waitFor();
  await page.getByRole('radio', { name: m.common.no, exact: true }).check();
  await next.click();

  await page.getByRole('heading', { name: g.steps.about.title }).waitFor();
  await next.click();

  await page.getByRole('heading', { name: g.steps.means.title }).waitFor();
  await page.getByRole('button', { name: g.skipAndSeeResult, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: m.result.pageTitle }).waitFor();
}
