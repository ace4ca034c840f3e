import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisMessages } from '../apps/web/src/analysis/analysis-messages.js';
import { analysisConsoleMessages } from '../apps/web/src/console/analysis-console-messages.js';
import { evidenceMessages } from '../apps/web/src/console/evidence-messages.js';
import { ABUSIVE_POSTS, fixtureCsv } from './support/analysis-posts.js';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailable } from './support/browser.js';
import { submitConsultation } from './support/console.js';
import { shoot, useE2eSession } from './support/session.js';

const m = analysisConsoleMessages('ja');
const a = analysisMessages('ja');

describe.skipIf(!browserAvailable)('post analysis in the console: a CSV analysed on the server, 3 posts to evidence, a PDF report', () => {
  const session = useE2eSession({ timeout: 20_000 });

  it('a consultant uploads 50 posts as CSV, maps the columns, follows the job and acts on the ranked results', async () => {
    await submitConsultation(session.server, {
      narrative: 'Xのリプライ欄に大量の書き込みがあります。',
      platforms: ['x'],
      goals: ['delete'],
      contact: { channel: 'in-app' },
    });
    const page = await session.signInConsultant({ email: 'analysis@mimamoru.test', name: '分析 花子' });
    await page.locator('table tbody tr').first().getByRole('link').click();

    const panel = page.getByRole('region', { name: m.title, exact: true });
    await panel.getByLabel(m.fileLabel, { exact: true }).setInputFiles({
      name: 'replies.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(fixtureCsv(), 'utf8'),
    });
    // The mapping step, filled from the header row.
    await expect(panel.getByRole('combobox', { name: m.fields.text, exact: true }).inputValue()).resolves.toBe('本文');
    await expect(panel.getByRole('combobox', { name: m.fields.author, exact: true }).inputValue()).resolves.toBe('投稿者');
    await panel.getByRole('button', { name: m.submit, exact: true }).click();

    // The job runs in the server's worker; the panel polls until the results open, worst first.
    await panel.getByText(m.counts(50, ABUSIVE_POSTS.length, 0), { exact: false }).waitFor({ timeout: 60_000 });
    const rows = panel.locator('table.analysis-posts tbody tr');
    await expect(rows.count()).resolves.toBe(50);
    const texts = await rows.locator('.analysis-text').allTextContents();
    expect(new Set(texts.slice(0, ABUSIVE_POSTS.length))).toEqual(new Set(ABUSIVE_POSTS));

    // The label filter goes to the server.
    await panel.getByText(a.filtersTitle, { exact: true }).click();
    await panel.getByRole('combobox', { name: a.filterLabel }).selectOption('*');
    await expect.poll(() => rows.count()).toBe(ABUSIVE_POSTS.length);
    await expectNoAxeViolations(page, 'section[aria-labelledby]');
    await shoot(page, 'console-analysis', panel);

    for (const n of [1, 2, 3]) await panel.getByRole('checkbox', { name: a.selectRow(n), exact: true }).check();
    const pdfHref = await panel.getByRole('link', { name: m.reportPdf }).getAttribute('href');
    const pdf = await page.request.get(pdfHref ?? '');
    expect(pdf.status()).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'mimamoru-analysis-'));
    writeFileSync(join(dir, 'report.pdf'), await pdf.body());
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'report.pdf'), '-']).toString('utf8');
    expect(text).toContain('投稿分析レポート');
    expect(text.replace(/\s+/g, '')).toContain('刑法');

    await panel.getByRole('button', { name: m.addEvidence(3), exact: true }).click();
    await page.getByText(m.added(3)).waitFor();
    const locker = page.getByRole('region', { name: evidenceMessages('ja').title, exact: true });
    await expect.poll(() => locker.getByText(texts[0] as string).count()).toBeGreaterThan(0);
  });
});
