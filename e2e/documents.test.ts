import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { documentsMessages } from '../apps/web/src/components/documents-messages.js';
import { ja } from '../apps/web/src/i18n/ja.js';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailable, PHONE } from './support/browser.js';
import { submitConsultation } from './support/console.js';
import { shoot, shotsDir as shots, useE2eSession } from './support/session.js';

const m = documentsMessages('ja');
const p = ja.caseEvidence;
const NAME = '見守野 花子';

/** The text of a PDF as pdftotext extracts it. */
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimamoru-doc-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
}

/** Downloads what a link in the page points at, with the page's session cookie. */
async function download(page: Page, link: Locator): Promise<Buffer> {
  const href = await link.getAttribute('href');
  if (!href) throw new Error('link without href');
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  return Buffer.from(await response.body());
}

describe.skipIf(!browserAvailable)('documents: the console and the victim prepare, preview and download', () => {
  const session = useE2eSession({ context: { acceptDownloads: true }, timeout: 20_000 });
  const { newPage } = session;
  let caseNumber = '';
  let accessKey = '';

  const openCase = async (page: Page) => {
    await session.openCase(page, caseNumber, accessKey);
    await page.getByRole('region', { name: p.title }).waitFor();
  };

  it('a consultant makes the 開示請求書 with a redacted copy and is held back by the 内容証明 checker', async () => {
    ({ caseNumber, accessKey } = await submitConsultation(session.server, {
      name: NAME,
      narrative: 'Xで実名を挙げて「詐欺師」と書かれています。',
      platforms: ['x'],
      goals: ['delete', 'identify', 'compensation'],
      contact: { channel: 'in-app' },
    }));

    // The victim saves the post in the locker.
    const victim = await newPage({ ...PHONE });
    await openCase(victim);
    const evidence = victim.getByRole('region', { name: p.title });
    await evidence.getByRole('textbox', { name: p.urlLabel }).fill('https://x.com/tokumei_999/status/1860000000000000042');
    await evidence.getByRole('textbox', { name: p.accountLabel }).fill('@tokumei_999');
    await evidence.getByRole('textbox', { name: p.textLabel }).fill('見守野は詐欺師。金を返さない。');
    await evidence.getByLabel(p.filesLabel).setInputFiles({
      name: 'post.png',
      mimeType: 'image/png',
      buffer: await victim.screenshot(),
    });
    await evidence.getByRole('button', { name: p.add, exact: true }).click();
    await evidence.getByText(p.added).waitFor();

    const desk = await session.signInConsultant({ email: 'docs@mimamoru.test', name: '相談 花子' });
    await desk.locator('table tbody tr').first().getByRole('link').click();
    const panel = desk.getByRole('region', { name: m.title, exact: true });
    await panel.getByRole('radio', { name: m.kinds['disclosure-request'].name }).check();
    // Every current item is ticked by default.
    await expect(panel.getByRole('checkbox', { name: /証拠1（X/ }).isChecked()).resolves.toBe(true);
    await panel.getByRole('button', { name: m.fill }).click();

    // Filled from the case: the victim's name, the post's text; the address is missing and listed, linked.
    await expect(panel.getByRole('textbox', { name: m.requesterName, exact: true }).inputValue()).resolves.toBe(NAME);
    await expect(panel.getByRole('textbox', { name: m.content, exact: true }).inputValue()).resolves.toBe('見守野は詐欺師。金を返さない。');
    const problems = panel.locator('.doc-errors');
    await problems.getByRole('link', { name: /住所/ }).first().click();
    await expect(desk.evaluate(() => document.activeElement?.id)).resolves.toBe('doc-requester-address');
    await expect(panel.getByRole('button', { name: m.generatePdf }).isDisabled()).resolves.toBe(true);

    await panel.getByRole('textbox', { name: m.requesterAddress, exact: true }).fill('東京都千代田区霞が関1-1-1');
    await panel.getByRole('textbox', { name: m.requesterPhone, exact: true }).fill('03-0000-0000');
    await panel.getByRole('textbox', { name: m.rights, exact: true }).fill('名誉権');
    await panel.getByRole('textbox', { name: m.reason, exact: true }).fill('実名を挙げて詐欺師という事実でないことを書き、社会的評価を下げるものです。');
    await panel.getByRole('checkbox', { name: m.hide.name }).check();
    await panel.getByRole('heading', { name: m.noErrors }).waitFor();
    await expectNoAxeViolations(desk, 'section[aria-labelledby="case-documents"]');

    // The preview PDF shows in the page.
    await panel.getByRole('button', { name: m.preview }).click();
    const frame = panel.locator('iframe.doc-preview-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await panel.getByRole('link', { name: m.previewFallback }).waitFor();
    await desk.waitForTimeout(shots ? 2000 : 0);
    await shoot(desk, 'console-documents-pick', panel.locator('.doc-workbench > form'));
    await shoot(desk, 'console-documents-review', panel.locator('.doc-review'));
    await shoot(desk, 'console-documents-preview', panel.locator('.doc-preview'));

    await panel.getByRole('button', { name: m.generatePdf }).click();
    await panel.getByText(m.generated(2)).waitFor();
    const list = panel.getByRole('region', { name: m.listTitle });
    const rows = list.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await list.getByText('相談 花子').first().waitFor();
    const links = list.getByRole('link', { name: /PDF/ });
    const texts = await Promise.all([0, 1].map(async (i) => pdfText(await download(desk, links.nth(i)))));
    const titles = await rows.locator('td:first-child').allTextContents();
    const redactedIndex = titles.findIndex((title) => title.includes('黒塗り'));
    expect(redactedIndex).toBeGreaterThanOrEqual(0);
    const full = texts[1 - redactedIndex] ?? '';
    const redacted = texts[redactedIndex] ?? '';
    expect(full.replace(/\s/g, '')).toContain(NAME.replace(/\s/g, ''));
    expect(full).toContain('発信者情報開示請求書');
    expect(redacted).toContain('発信者情報開示請求書');
    expect(redacted.replace(/\s/g, '')).not.toContain(NAME.replace(/\s/g, ''));
    expect(redacted.replace(/\s/g, '')).not.toContain('見守野花子');

    // The demand letter: a line edited over 20 characters is a violation at its line and column; no finalising.
    await panel.getByRole('radio', { name: m.kinds['demand-letter'].name }).check();
    await panel.getByRole('button', { name: m.fill }).click();
    await panel.getByRole('textbox', { name: m.requesterAddress, exact: true }).fill('東京都千代田区霞が関1-1-1');
    await panel.getByRole('textbox', { name: m.recipientName, exact: true }).fill('匿名 太郎');
    await panel.getByRole('textbox', { name: m.recipientAddress, exact: true }).fill('大阪府大阪市北区1-1');
    await panel.getByRole('combobox', { name: m.layout, exact: true }).selectOption('horizontal-20x26');
    await panel.getByRole('button', { name: m.editLetter }).click();
    const letter = panel.getByRole('textbox', { name: m.letterText, exact: true });
    await letter.fill(['通知書', '', 'あ'.repeat(25), '以上'].join('\n'));
    const checker = panel.getByRole('region', { name: m.checkerTitle });
    await checker.getByText(m.checkerViolations(1)).waitFor();
    await checker.getByText(m.at(3, 21), { exact: false }).waitFor();
    await expect(panel.getByRole('button', { name: m.generatePdf }).isDisabled()).resolves.toBe(true);
    await expect(panel.getByRole('button', { name: m.generateDocx }).isDisabled()).resolves.toBe(true);
    await panel.getByText(m.generateBlocked).waitFor();
    await expectNoAxeViolations(desk, 'section[aria-labelledby="case-documents"]');
    await shoot(desk, 'console-documents-demand-letter', panel.locator('.doc-group', { has: desk.locator('#doc-letter-check') }));
    await shoot(desk, 'console-documents-demand-errors', panel.locator('.doc-check'));
    // Fixed: the checker clears and the letter can be finalised.
    await letter.fill(['通知書', '', 'あ'.repeat(20), 'あ'.repeat(5), '以上'].join('\n'));
    await checker.getByText(m.checkerOk(1, 3)).waitFor();
    await expect(panel.getByRole('button', { name: m.generatePdf }).isEnabled()).resolves.toBe(true);
  }, 180_000);

  it('the victim prepares a takedown request, with the platform’s own route first, and downloads it', async () => {
    const victim = await newPage({ ...PHONE });
    await openCase(victim);
    await victim.getByRole('link', { name: m.victim.link }).click();
    await victim.getByRole('heading', { level: 1, name: m.victim.pageTitle }).waitFor();
    const routes = victim.getByRole('region', { name: m.victim.routesTitle });
    const x = routes.getByRole('region', { name: m.victim.routesFor(ja.guide.platformOptions.x) });
    // X's own 情プラ法 form comes first.
    const first = x.locator('li.doc-route').first();
    await first.getByText(m.victim.first).waitFor();
    await first.getByRole('link', { name: /help\.x\.com/ }).waitFor();

    await victim.getByRole('radio', { name: m.kinds['takedown-request'].name }).check();
    await victim.getByRole('button', { name: m.fill }).click();
    // Plain-language help on what 侵害された権利 means.
    await victim.getByText('名誉権（うそや悪い評判で', { exact: false }).waitFor();
    await victim.getByRole('textbox', { name: m.requesterAddress, exact: true }).fill('東京都千代田区霞が関1-1-1');
    await victim.getByRole('textbox', { name: m.requesterPhone, exact: true }).fill('03-0000-0000');
    await victim.getByRole('textbox', { name: m.rights, exact: true }).fill('名誉権');
    await victim.getByRole('textbox', { name: m.reason, exact: true }).fill('事実でないことで社会的評価を下げるものです。');
    const addressee = victim.getByRole('textbox', { name: m.addresseeName, exact: true });
    if ((await addressee.inputValue()) === '') await addressee.fill('X Corp.');
    await victim.getByRole('heading', { name: m.noErrors }).waitFor();
    expect(await victim.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
    await expectNoAxeViolations(victim);
    await shoot(victim, 'victim-documents-routes', routes);
    await shoot(victim, 'victim-documents-form', victim.locator('.doc-review'));

    await victim.getByRole('button', { name: m.generatePdf }).click();
    await victim.getByText(m.generated(1)).waitFor();
    const list = victim.getByRole('region', { name: m.listTitle });
    await list.getByText(m.byVictim).waitFor();
    const bytes = await download(victim, list.getByRole('link', { name: /PDF/ }).first());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('送信防止措置');
    expect(text).toContain('tokumei_999');
  }, 120_000);
});
