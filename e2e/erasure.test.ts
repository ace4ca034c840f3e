import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { PRIVACY_POLICY_VERSION } from '@mimamoru/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../apps/server/src/config/config.js';
import { createContainer } from '../apps/server/src/container.js';
import { consoleJa } from '../apps/web/src/console/console-messages.js';
import { browserAvailable, launchChromium, PHONE } from './support/browser.js';
import { createStaffWithCli, setUpStaff, signInStaff } from './support/console.js';
import { catalogs } from './support/guide.js';
import { startBuiltServer, type RunningServer } from './support/server.js';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(violations.map((v: { id: string }) => v.id)).toEqual([]);
}

describe.skipIf(!browserAvailable)('a victim erases a finished consultation, on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  const env: Record<string, string> = { MIMAMORU_MASTER_KEY: randomBytes(32).toString('base64') };

  beforeAll(async () => {
    server = await startBuiltServer(env);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A consultation the consultant has since closed (written through the server's own container). */
  async function closedConsultation(): Promise<{ caseNumber: string; accessKey: string; id: string }> {
    const created = await fetch(`${server.url}/api/consultations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        narrative: '学校名と顔写真をさらされました。',
        platforms: ['x'],
        postUrls: [],
        goals: ['delete'],
        contact: { channel: 'in-app' },
        consent: { privacyPolicyVersion: PRIVACY_POLICY_VERSION, accepted: true },
        locale: 'ja',
      }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { caseNumber: string; accessKey: string };
    const config = loadConfig({
      ...env,
      MIMAMORU_DATA_DIR: server.dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
    });
    const container = createContainer(config);
    try {
      const now = new Date().toISOString();
      const row = await container.database.db
        .updateTable('cases')
        .set({ stage: 'closed', status: 'closed', closed_at: now, updated_at: now })
        .where('case_number', '=', body.caseNumber)
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...body, id: row.id };
    } finally {
      await container.close();
    }
  }
  let erasedCaseId = '';

  it('offers erasure instead of withdrawal, checks first, confirms, and the case can no longer be opened', async () => {
    const m = catalogs.ja;
    const p = m.casePage;
    const { caseNumber, accessKey, id } = await closedConsultation();
    erasedCaseId = id;
    const context = await browser.newContext({ ...PHONE, locale: 'ja-JP', baseURL: server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await page.goto('/case');
      await page.getByRole('textbox', { name: p.numberLabel, exact: true }).fill(caseNumber);
      await page.getByRole('textbox', { name: p.keyLabel, exact: true }).fill(accessKey);
      await page.getByRole('button', { name: p.open, exact: true }).click();
      await page.getByText(p.statuses.closed.label).waitFor();

      // A finished consultation is not withdrawn: the box asks to erase it.
      await page.getByRole('heading', { name: p.eraseTitle, exact: true }).waitFor();
      expect(await page.getByRole('button', { name: p.withdraw, exact: true }).count()).toBe(0);
      await page.getByText(p.eraseKept).waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: p.erase, exact: true }).click();
      await page.getByText(p.eraseNeedsCheck).waitFor();
      await page.getByRole('checkbox', { name: p.eraseCheck, exact: true }).check();
      let asked = '';
      page.once('dialog', (dialog) => {
        asked = dialog.message();
        void dialog.accept();
      });
      await page.getByRole('button', { name: p.erase, exact: true }).click();
      await page.getByText(p.erased).waitFor();
      expect(asked).toBe(p.eraseConfirm);
      await expectNoAxeViolations(page);

      const again = await fetch(`${server.url}/api/victim/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ caseNumber, accessKey }),
      });
      expect(again.status).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('shows staff the erased case read-only: when, why, and what remains', async () => {
    const c = consoleJa;
    const link = await createStaffWithCli(server, env, {
      email: 'erasure-admin@mimamoru.test',
      role: 'admin',
      name: '管理 一郎',
    });
    const password = 'a long pass phrase for erasure';
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'ja-JP',
      baseURL: server.url,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      const secret = await setUpStaff(page, link, password);
      await signInStaff(page, 'erasure-admin@mimamoru.test', password, secret);
      await page.goto(`/console/cases/${erasedCaseId}`);
      await page.getByRole('heading', { name: c.caseErasure.title, exact: true }).waitFor();
      await page.getByText(c.caseErasure.kept).waitFor();
      expect(await page.getByRole('textbox').count()).toBe(0);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
