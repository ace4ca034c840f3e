import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { analysisMessages } from '../apps/web/src/analysis/analysis-messages.js';
import { evidenceRecordMessages } from '../apps/web/src/components/evidence-record-messages.js';
import { ja } from '../apps/web/src/i18n/ja.js';
import { analyzePost, analyzePostsWithSummary } from '@mimamoru/core';
import { ABUSIVE_POSTS, fixturePosts } from './support/analysis-posts.js';
import { analyzeFixture } from './support/analysis-shots.js';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailable, PHONE } from './support/browser.js';
import { submitConsultation } from './support/console.js';
import { useE2eSession } from './support/session.js';

const a = analysisMessages('ja');

/** The post texts of the result rows on the page, in order. */
async function rowTexts(page: Page): Promise<string[]> {
  return page.locator('table.analysis-posts tbody tr .analysis-text').allTextContents();
}

describe.skipIf(!browserAvailable)('post analysis in the browser: 50 pasted posts, ranked, to evidence or kept local', () => {
  const session = useE2eSession();
  const { newPage } = session;

  it('a signed-in victim analyses 50 posts on a phone, nothing uploaded, and adds 3 of them to the case evidence', async () => {
    const { caseNumber, accessKey } = await submitConsultation(session.server, {
      narrative: 'Xのリプライ欄に大量の書き込みがあります。',
      platforms: ['x'],
      goals: ['delete'],
      contact: { channel: 'in-app' },
    });
    const page = await newPage({ ...PHONE });
    await session.openCase(page, caseNumber, accessKey);
    await page.getByRole('link', { name: a.caseSectionLink, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: a.pageTitle }).waitFor();
    await page.getByText(a.localOnly, { exact: true }).waitFor();

    // Nothing but the page itself is requested while the posts are analysed.
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(`${request.method()} ${request.url()}`);
    });
    await analyzeFixture(page);
    expect(apiCalls).toEqual([]);
    await page.getByText(a.summary(50, ABUSIVE_POSTS.length, 0).split('（')[0] as string).waitFor();

    // Ranked: the six abusive posts first (the evasions ｼﾈ and し.ね included), the harmless ones after.
    const texts = await rowTexts(page);
    expect(texts).toHaveLength(50);
    expect(new Set(texts.slice(0, ABUSIVE_POSTS.length))).toEqual(new Set(ABUSIVE_POSTS));
    const rows = page.locator('table.analysis-posts tbody tr');
    // Distressing text is blurred and hidden from screen readers until shown.
    await expect(rows.first().locator('.analysis-blur-box.is-hidden').count()).resolves.toBe(1);
    await page.getByRole('button', { name: a.showAll, exact: true }).click();
    await expect(page.locator('.analysis-blur-box.is-hidden').count()).resolves.toBe(0);
    const evasion = rows.filter({ hasText: 'ｼﾈよ' });
    await expect(evasion.locator('mark').first().textContent()).resolves.toContain('ｼﾈ');
    await evasion.getByText(a.labels['self-harm-incitement'] as string, { exact: true }).waitFor();
    await expect(evasion.locator('.analysis-explanation').textContent()).resolves.toContain('刑法');
    await expectNoAxeViolations(page);

    // An invalid regular expression is explained, not an empty table.
    await page.getByText(a.filtersTitle, { exact: true }).click();
    await page.getByRole('textbox', { name: a.filterRegex }).fill('死ね(');
    await page.getByText(a.regexInvalid, { exact: true }).waitFor();
    await page.getByRole('textbox', { name: a.filterRegex }).fill('');

    // Select the three worst and add them to the case's evidence, after reading exactly what is sent.
    for (const n of [1, 2, 3]) await page.getByRole('checkbox', { name: a.selectRow(n), exact: true }).check();
    await page.getByText(a.selected(3), { exact: true }).waitFor();
    const chosen = texts.slice(0, 3);
    const urls = chosen.map((text) => fixturePosts().find((p) => p.text === text)?.url as string);
    await page.getByRole('button', { name: a.addToEvidence(3), exact: true }).click();
    const confirm = page.getByRole('region', { name: a.confirmTitle });
    await confirm.getByText(a.confirmIntro(caseNumber, 3)).waitFor();
    await confirm.getByText(a.confirmFile).waitFor();
    for (const url of urls) await confirm.getByText(url, { exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: a.confirmSend(3), exact: true }).click();
    await confirm.getByText(a.added(3)).waitFor({ timeout: 30_000 });

    // In the locker on the case page: three items, each with its record PDF, in a chain that verifies.
    await confirm.getByRole('link', { name: a.openLocker }).click();
    const locker = page.getByRole('region', { name: ja.caseEvidence.title });
    await locker.waitFor();
    for (const url of urls) await locker.getByText(url, { exact: true }).waitFor();
    await locker.getByText(evidenceRecordMessages('ja').chainOk(3)).waitFor();
    await expect(locker.getByText(ja.caseEvidence.files(1)).count()).resolves.toBe(3);
    // What was stored: the post's fields, rights from its labels, the explanation as context, the record PDF.
    const stored = (await (await page.request.get('/api/victim/evidence')).json()) as {
      items: { postUrl: string; platform: string; accountId?: string; text?: string; legal?: { rights: string[]; context?: string }; files: { role: string; contentType: string; name: string }[] }[];
    };
    for (const [i, url] of urls.entries()) {
      const item = stored.items.find((it) => it.postUrl === url);
      const post = fixturePosts().find((p) => p.url === url);
      expect(item).toMatchObject({ platform: 'x', accountId: post?.author, text: chosen[i] });
      expect(item?.legal?.rights.length).toBeGreaterThan(0);
      expect(item?.legal?.context).toContain(a.contextPrefix);
      expect(item?.files).toEqual([expect.objectContaining({ role: 'pdf', contentType: 'application/pdf' })]);
      expect(item?.files[0]?.name).toMatch(/^analysis-record-\d{8}-\d{4}-\d\.pdf$/);
    }
  });

  it('without a case the posts stay on the device: a CSV (UTF-8 with BOM) and a printable report of the selection', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await analyzeFixture(page);
    await page.getByText(a.noCaseHint).waitFor();
    await expect(page.getByRole('button', { name: a.addToEvidence(0) }).count()).resolves.toBe(0);

    // Only the posts that got a label, all selected at once.
    await page.getByText(a.filtersTitle, { exact: true }).click();
    await page.getByRole('combobox', { name: a.filterLabel }).selectOption('*');
    await page.getByText(a.shown(ABUSIVE_POSTS.length, ABUSIVE_POSTS.length)).first().waitFor();
    await page.getByRole('checkbox', { name: a.selectAll(ABUSIVE_POSTS.length) }).check();
    await page.getByText(a.selected(ABUSIVE_POSTS.length), { exact: true }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: a.downloadCsv(ABUSIVE_POSTS.length), exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mimamoru-投稿分析-\d{8}-\d{4}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(a.csvHeaders.map((h) => `"${h}"`).join(','));
    expect(lines).toHaveLength(1 + ABUSIVE_POSTS.length);
    for (const text of ABUSIVE_POSTS) expect(csv).toContain(text);
    expect(csv).toContain('名誉毀損、刑法230条');

    await page.getByRole('button', { name: a.openReport(ABUSIVE_POSTS.length), exact: true }).click();
    const report = page.getByRole('region', { name: a.reportTitle });
    await report.getByRole('button', { name: a.reportPrint, exact: true }).waitFor();
    await expect(report.locator('.analysis-report-item').count()).resolves.toBe(ABUSIVE_POSTS.length);
    await expectNoAxeViolations(page);
    // Printed, only the report remains.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1, name: a.pageTitle }).isVisible()).resolves.toBe(false);
    await expect(report.getByRole('heading', { level: 2, name: a.reportTitle }).isVisible()).resolves.toBe(true);
  });

  it('a CSV file gets a column-mapping step: the header and first rows, the columns core recognises chosen, the rest chosen by hand', async () => {
    const page = await newPage({ ...PHONE });
    await page.goto('/analyze');
    const posts = fixturePosts();
    // 「コメント内容」 is not a header core recognises: the text column must be chosen.
    const csv = ['No,コメント内容,投稿者,投稿日時,リンク', ...posts.map((p, i) => [i + 1, p.text, p.author, p.postedAt, p.url].join(','))].join('\n');
    await page.getByLabel(a.fileLabel).setInputFiles({ name: 'replies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const mapping = page.getByRole('group', { name: a.mappingTitle });
    await mapping.getByRole('table', { name: a.mappingPreview }).getByText(posts[0]?.text as string).waitFor();
    await expect(mapping.getByRole('combobox', { name: a.fields.author }).inputValue()).resolves.toBe('投稿者');
    await expect(mapping.getByRole('combobox', { name: a.fields.postedAt }).inputValue()).resolves.toBe('投稿日時');
    await mapping.getByText(a.mappingNoText).waitFor();
    await expectNoAxeViolations(page);
    await mapping.getByRole('combobox', { name: a.fields.text }).selectOption('コメント内容');
    await mapping.getByRole('combobox', { name: a.fields.url }).selectOption('リンク');
    await page.getByRole('button', { name: a.analyze, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: a.resultsTitle }).waitFor({ timeout: 60_000 });
    const texts = await rowTexts(page);
    expect(texts).toHaveLength(50);
    expect(new Set(texts.slice(0, ABUSIVE_POSTS.length))).toEqual(new Set(ABUSIVE_POSTS));
    // The author view: 17 accounts, the one behind the worst post first; its name opens its posts.
    const worstAuthor = posts.find((p) => p.text === texts[0])?.author as string;
    await page.getByRole('button', { name: a.tableAuthors }).click();
    const authors = page.locator('table.analysis-authors tbody tr');
    await expect.poll(() => authors.count()).toBe(17);
    await expectNoAxeViolations(page);
    await authors.first().getByRole('button', { name: a.authorShowPosts(worstAuthor), exact: true }).click();
    const own = posts.filter((p) => p.author === worstAuthor).length;
    await page.getByText(a.shown(own, own)).first().waitFor();
  });

  it('a JSON Lines file of 100,000 posts is analysed on the device: counts as core gives them, ranked, paged', async () => {
    // A flame: pile-on replies, insults and threats with variations, and everyday posts, from 20,000 accounts.
    const harmful = ['@hanako_y 消えろブス', 'お前の家知ってるからな。今から行く', '死ね', 'ｼﾈ', 'あの店長、前科持ちで詐欺で捕まってる', '在日は日本から出ていけ'];
    const harmless = ['今日のランチは唐揚げ定食でした', '電車が遅れてて会議に間に合わないかも', '推しのライブのチケット当たった！', '台風が近づいてるので早めに帰宅します'];
    const posts = Array.from({ length: 100_000 }, (_, i) => ({
      id: String(1_000_000 + i),
      text: i % 20 === 0 ? '@hanako_y 消えろブス' : i % 4 === 0 ? `${harmful[i % harmful.length]} ${i % 997}` : `${harmless[i % harmless.length]} #${i}`,
      author: `@user${(i * 7919) % 20_000}`,
      postedAt: new Date(Date.UTC(2026, 10, 1) + i * 15_000).toISOString(),
    }));
    const expected = analyzePostsWithSummary(posts, analyzePost).summary;
    const flagged = expected.written - expected.unlabelled;
    expect(expected.labels['spam-pile-on']).toBeGreaterThan(0);

    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    // 100,000 rows are sorted and filtered on the page's own thread: generous waits on a loaded machine.
    page.setDefaultTimeout(120_000);
    await page.goto('/analyze');
    await page.getByRole('heading', { level: 1, name: a.pageTitle }).waitFor();
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });
    const jsonl = posts.map((p) => JSON.stringify(p)).join('\n');
    await page.getByLabel(a.fileLabel).setInputFiles({ name: 'flame.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) });
    await page.getByRole('button', { name: a.analyze, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: a.resultsTitle }).waitFor({ timeout: 180_000 });
    // The summary shows once the worker is done (up to a few minutes on a loaded machine).
    await page.getByText(a.summary(expected.written, flagged, 0).split('（')[0] as string).waitFor({ timeout: 180_000 });
    await page.getByText(a.merged(expected.read - expected.written)).waitFor();
    expect(apiCalls).toEqual([]);
    // One page of 100 rows is rendered, the worst first: the pile-on reply carries its label.
    const rows = page.locator('table.analysis-posts tbody tr');
    await expect(rows.count()).resolves.toBe(100);
    await page.getByText(a.shown(100, expected.written)).first().waitFor();
    await expect(rows.first().locator('.analysis-chip-none').count()).resolves.toBe(0);
    // The label filter finds the pile-on: as many posts as core labelled, each with the chip.
    await page.getByText(a.filtersTitle, { exact: true }).click();
    await page.getByRole('combobox', { name: a.filterLabel }).selectOption('spam-pile-on');
    const piled = expected.labels['spam-pile-on'] as number;
    await page.getByText(a.shown(Math.min(100, piled), piled)).first().waitFor();
    await expect(rows.first().locator('.analysis-chip-spam-pile-on').count()).resolves.toBe(1);
  }, 420_000);
});
