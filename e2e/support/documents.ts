import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { documentsMessages } from '../../apps/web/src/components/documents-messages.js';
import { ja } from '../../apps/web/src/i18n/ja.js';
import { PHONE } from './browser.js';
import { createStaffWithCli, setUpStaff, signInStaff, submitConsultation } from './console.js';
import type { RunningServer } from './server.js';

const m = documentsMessages('ja');
const p = ja.caseEvidence;

/**
 * Documents screenshots (#7, Japanese): the console's 書類 section with a filled 発信者情報開示請求書 and its PDF
 * preview (desktop), and the victim's own takedown request page at 390 px. Returns the files written.
 */
export async function shootDocuments(
  server: RunningServer,
  env: Record<string, string>,
  browser: Browser,
  out: string,
): Promise<string[]> {
  const written: string[] = [];
  const { caseNumber, accessKey } = await submitConsultation(server, {
    name: '見守野 花子',
    narrative: 'Xで実名を挙げて「詐欺師」と書かれています。',
    platforms: ['x'],
    goals: ['delete', 'identify', 'compensation'],
    contact: { channel: 'in-app' },
  });

  const phone = await browser.newContext({ ...PHONE, deviceScaleFactor: 1, locale: 'ja-JP', baseURL: server.url });
  const victim = await phone.newPage();
  victim.setDefaultTimeout(20_000);
  await victim.goto('/case');
  await victim.getByRole('textbox', { name: ja.casePage.numberLabel, exact: true }).fill(caseNumber);
  await victim.getByRole('textbox', { name: ja.casePage.keyLabel, exact: true }).fill(accessKey);
  await victim.getByRole('button', { name: ja.casePage.open, exact: true }).click();
  const evidence = victim.getByRole('region', { name: p.title });
  await evidence.getByRole('textbox', { name: p.urlLabel }).fill('https://x.com/tokumei_999/status/1860000000000000042');
  await evidence.getByRole('textbox', { name: p.accountLabel }).fill('@tokumei_999');
  await evidence.getByRole('textbox', { name: p.textLabel }).fill('見守野は詐欺師。金を返さない。');
  await evidence.getByLabel(p.filesLabel).setInputFiles({ name: 'post.png', mimeType: 'image/png', buffer: await victim.screenshot() });
  await evidence.getByRole('button', { name: p.add, exact: true }).click();
  await evidence.getByText(p.added).waitFor();

  // The victim's page: the platform's own route first, then the takedown request filled in.
  await victim.getByRole('link', { name: m.victim.link }).click();
  await victim.getByRole('heading', { level: 1, name: m.victim.pageTitle }).waitFor();
  await victim.locator('li.doc-route').first().waitFor();
  await victim.getByRole('radio', { name: m.kinds['takedown-request'].name }).check();
  await victim.getByRole('button', { name: m.fill }).click();
  await victim.getByRole('textbox', { name: m.requesterAddress, exact: true }).fill('東京都千代田区霞が関1-1-1');
  await victim.getByRole('textbox', { name: m.requesterPhone, exact: true }).fill('03-0000-0000');
  await victim.getByRole('textbox', { name: m.rights, exact: true }).fill('名誉権');
  const file = join(out, 'documents-victim-ja.png');
  await victim.screenshot({ path: file, fullPage: true });
  written.push(file);
  await phone.close();

  const link = await createStaffWithCli(server, env, { email: 'shots-documents@mimamoru.test', role: 'consultant', name: '相談 花子' });
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP', baseURL: server.url });
  const page = await desk.newPage();
  page.setDefaultTimeout(20_000);
  const password = 'a long screenshot pass phrase';
  const secret = await setUpStaff(page, link, password);
  await signInStaff(page, 'shots-documents@mimamoru.test', password, secret);
  await page.getByRole('link', { name: caseNumber }).first().click();
  const panel = page.getByRole('region', { name: m.title, exact: true });
  await panel.getByRole('radio', { name: m.kinds['disclosure-request'].name }).check();
  await panel.getByRole('button', { name: m.fill }).click();
  await panel.getByRole('textbox', { name: m.requesterAddress, exact: true }).fill('東京都千代田区霞が関1-1-1');
  await panel.getByRole('textbox', { name: m.requesterPhone, exact: true }).fill('03-0000-0000');
  await panel.getByRole('textbox', { name: m.rights, exact: true }).fill('名誉権');
  await panel.getByRole('textbox', { name: m.reason, exact: true }).fill('実名を挙げて詐欺師という事実でないことを書き、社会的評価を下げるものです。');
  await panel.getByRole('checkbox', { name: m.hide.name }).check();
  await panel.getByRole('button', { name: m.preview }).click();
  await panel.locator('iframe.doc-preview-frame').waitFor();
  // The browser's PDF viewer draws the pages a moment after the frame appears.
  await page.waitForTimeout(2000);
  const shot = join(out, 'documents-console-ja.png');
  await panel.screenshot({ path: shot });
  written.push(shot);
  await desk.close();
  return written;
}
