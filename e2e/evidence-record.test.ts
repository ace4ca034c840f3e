import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startLocalTsa, type LocalTsa } from '../apps/server/test/support/local-tsa.js';
import { evidenceGuideMessages } from '../apps/web/src/components/evidence-guide-messages.js';
import { evidenceRecordMessages } from '../apps/web/src/components/evidence-record-messages.js';
import { evidenceMessages } from '../apps/web/src/console/evidence-messages.js';
import { ja } from '../apps/web/src/i18n/ja.js';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailable, PHONE } from './support/browser.js';
import { submitConsultation } from './support/console.js';
import { shoot, useE2eSession } from './support/session.js';

const g = evidenceGuideMessages('ja');
const r = evidenceRecordMessages('ja');
const e = evidenceMessages('ja');
const p = ja.caseEvidence;

describe.skipIf(!browserAvailable)('capture guidance, corrections and the evidence record', () => {
  let tsa: LocalTsa | undefined;
  const session = useE2eSession({
    // A local OpenSSL TSA: each chain entry gets an RFC 3161 token the console lists.
    before: async (env) => {
      tsa = await startLocalTsa();
      env.MIMAMORU_TSA_URL = tsa.url;
    },
    after: async () => tsa?.close(),
  });
  const { newPage } = session;

  const openCase = async (page: Page, caseNumber: string, accessKey: string) => {
    await session.openCase(page, caseNumber, accessKey);
    const section = page.getByRole('region', { name: p.title });
    await section.waitFor();
    return section;
  };

  it('the illustrated guide stands on its own page, in Japanese and English, and passes axe at phone width', async () => {
    const page = await newPage({ ...PHONE });
    await page.goto('/evidence-guide');
    await page.getByRole('heading', { level: 1, name: g.title }).waitFor();
    await page.getByRole('img', { name: `${g.goodTitle} ${g.goodSummary}` }).waitFor();
    await page.getByRole('img', { name: `${g.badTitle} ${g.badSummary}` }).waitFor();
    for (const callout of g.callouts) await page.getByText(callout.title, { exact: true }).waitFor();
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
    await expectNoAxeViolations(page);
    await shoot(page, 'guide-phone-ja');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    const en = evidenceGuideMessages('en');
    await page.getByRole('heading', { level: 1, name: en.title }).waitFor();
    await page.getByRole('img', { name: `${en.goodTitle} ${en.goodSummary}` }).waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, 'guide-phone-en');

    const desk = await newPage({ viewport: { width: 1280, height: 900 } });
    await desk.goto('/evidence-guide');
    await desk.getByRole('heading', { level: 1, name: g.title }).waitFor();
    await shoot(desk, 'guide-desktop-ja');
  });

  it('the victim corrects an item and sees its record; a correction from an older view keeps what was typed; staff see corrections and timestamps', async () => {
    const { caseNumber, accessKey } = await submitConsultation(session.server, {
      narrative: 'Xで「嘘つき」と書かれています。',
      platforms: ['x'],
      goals: ['delete'],
      contact: { channel: 'in-app' },
    });

    const victim = await newPage({ ...PHONE });
    const section = await openCase(victim, caseNumber, accessKey);
    // No evidence yet: the pictures are open.
    await section.getByRole('img', { name: `${g.goodTitle} ${g.goodSummary}` }).waitFor();
    await expectNoAxeViolations(victim, 'section[aria-labelledby="case-evidence-title"]');

    const postUrl = 'https://x.com/hidoi_tokumei_123/status/1860000000000000001';
    await section.getByRole('textbox', { name: p.urlLabel }).fill(postUrl);
    await section.getByLabel(p.filesLabel).setInputFiles({
      name: 'post.png',
      mimeType: 'image/png',
      buffer: await victim.screenshot(),
    });
    await section.getByRole('button', { name: p.add, exact: true }).click();
    await section.getByText(p.added).waitFor();

    // Correct: the shared form opens prefilled; the account is added, with a reason.
    await section.getByRole('button', { name: r.correctLabel(1), exact: true }).click();
    const form = section.getByRole('form', { name: r.correctTitle(1) });
    await expect(form.getByRole('textbox', { name: p.urlLabel }).inputValue()).resolves.toBe(postUrl);
    await form.getByText(r.correctNote).waitFor();
    await form.getByRole('textbox', { name: p.accountLabel }).fill('@hidoi_tokumei_123');
    await form.getByRole('button', { name: r.save, exact: true }).click();
    await form.getByText(r.reasonMissing).waitFor();
    await form.getByRole('textbox', { name: r.reasonLabel }).fill('アカウントを書き足しました');
    await expectNoAxeViolations(victim, 'section[aria-labelledby="case-evidence-title"]');
    await shoot(victim, 'victim-correct-form', form);
    await form.getByRole('button', { name: r.save, exact: true }).click();
    await section.getByText(r.corrected).waitFor();
    await section.getByText('@hidoi_tokumei_123', { exact: false }).first().waitFor();
    await section.getByText(r.history(2)).click();
    const history = section.locator('.evidence-record-item .evidence-record-entries').first();
    await history.getByText(r.entryTypes.add, { exact: true }).waitFor();
    await history.getByText(r.entryTypes.correct, { exact: true }).waitFor();
    await history.getByText(r.reason('アカウントを書き足しました')).waitFor();
    await section.getByText(r.chainOk(2)).waitFor();

    // A second phone still showing the first version of the item.
    const other = await newPage({ ...PHONE });
    const otherSection = await openCase(other, caseNumber, accessKey);
    // Meanwhile the first phone corrects again.
    await section.getByRole('button', { name: r.correctLabel(1), exact: true }).click();
    await otherSection.getByRole('button', { name: r.correctLabel(1), exact: true }).click();
    const mine = section.getByRole('form', { name: r.correctTitle(1) });
    await mine.getByRole('textbox', { name: p.textLabel }).fill('〇〇は嘘つきで最低な人間。');
    await mine.getByRole('textbox', { name: r.reasonLabel }).fill('文面を書き写しました');
    await mine.getByRole('button', { name: r.save, exact: true }).click();
    await section.getByText(r.corrected).waitFor();
    const stale = otherSection.getByRole('form', { name: r.correctTitle(1) });
    await stale.getByRole('textbox', { name: r.reasonLabel }).fill('古い画面からの訂正');
    await stale.getByRole('button', { name: r.save, exact: true }).click();
    await stale.getByRole('alert').getByText('入力した内容は消えていません', { exact: false }).waitFor();
    await expect(stale.getByRole('textbox', { name: r.reasonLabel }).inputValue()).resolves.toBe('古い画面からの訂正');
    await shoot(other, 'victim-stale-form', stale);
    // The reloaded view is the latest: saving now appends a fourth record.
    await otherSection.getByText(r.chainOk(3)).waitFor();
    await stale.getByRole('button', { name: r.save, exact: true }).click();
    await otherSection.getByText(r.corrected).waitFor();
    await otherSection.getByText(r.chainOk(4)).waitFor();

    // The consultant's panel: the item's record, the signed head and the timestamps from the local TSA.
    const desk = await session.signInConsultant({ email: 'consultant@mimamoru.test', name: '相談 花子' });
    await desk.locator('table tbody tr').first().getByRole('link').click();
    const panel = desk.getByRole('region', { name: e.title, exact: true });
    await panel.getByText(postUrl).waitFor();
    await panel.getByText(r.history(4)).click();
    await panel.getByText(r.reason('文面を書き写しました')).waitFor();
    await panel.getByRole('link', { name: e.guideLink }).waitFor();
    const stamps = panel.getByRole('list', { name: e.timestampsTitle });
    await expect.poll(() => stamps.locator('li').count(), { timeout: 30_000, interval: 1000 }).toBeGreaterThan(0);
    await stamps.getByText('CN=mimamoru test TSA', { exact: false }).first().waitFor();
    await panel.getByRole('button', { name: r.correctLabel(1), exact: true }).click();
    await panel.getByRole('form', { name: r.correctTitle(1) }).waitFor();
    await expectNoAxeViolations(desk, 'section[aria-labelledby="case-evidence"]');
    await shoot(desk, 'console-evidence-correct', panel);
    await panel.getByRole('button', { name: r.cancel, exact: true }).click();

    // Staff remove the item, giving a reason; it stays in the record.
    await panel.getByRole('button', { name: r.removeLabel(1), exact: true }).click();
    const removal = panel.getByRole('form', { name: r.removeTitle(1) });
    await removal.getByRole('textbox', { name: r.removeReasonLabel }).fill('同じ投稿の重複');
    await expectNoAxeViolations(desk, 'section[aria-labelledby="case-evidence"]');
    await removal.getByRole('button', { name: r.removeConfirm, exact: true }).click();
    await panel.getByText(r.removed).waitFor();
    await panel.getByText(e.none).waitFor();
    await panel.getByText(e.chainOk(5)).waitFor();
    await expectNoAxeViolations(desk, 'section[aria-labelledby="case-evidence"]');
    await shoot(desk, 'console-evidence-desktop', panel);
  }, 180_000);
});
