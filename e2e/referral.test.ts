import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleJa } from '../apps/web/src/console/console-messages.js';
import { referralsJa } from '../apps/web/src/console/referral-messages.js';
import { browserAvailable, launchChromium } from './support/browser.js';
import { createStaffWithCli, setUpStaff, submitConsultation, totp } from './support/console.js';
import { seedEarlierReferral } from './support/referral-store.js';
import { startBuiltServer, type RunningServer } from './support/server.js';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const c = consoleJa;
const r = referralsJa;
const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = violations.map(
    (v: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }) =>
      `${v.id} (${v.impact}): ${v.nodes.map((n: { target: unknown[] }) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

describe.skipIf(!browserAvailable)('referral to a partner lawyer, with a conflict check', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const env: Record<string, string> = { MIMAMORU_MASTER_KEY: randomBytes(32).toString('base64') };
  let adminPage: Page;
  let lawyerPage: Page;
  let consultantPage: Page;
  let lawyerSecret = '';
  const LAWYER_EMAIL = 'lawyer@mimamoru.test';
  const LAWYER_PASSWORD = 'a long lawyer pass phrase';

  beforeAll(async () => {
    server = await startBuiltServer(({ url }) => {
      env.PUBLIC_URL = url;
      return env;
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  const newPage = async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'ja-JP', baseURL: server.url });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };

  /** Signs in; `heading` is the home page's (the queue, or a lawyer's referred cases). */
  const logIn = async (page: Page, email: string, password: string, secret: string, heading: string) => {
    await page.goto('/console/login');
    await page.getByLabel(c.login.emailLabel).fill(email);
    await page.getByLabel(c.login.passwordLabel).fill(password);
    await page.getByLabel(c.login.codeLabel).fill(await totp(secret, 1));
    await page.getByRole('button', { name: c.login.submit }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };

  it('the admin creates a lawyer, who sets up TOTP; the admin fills in the lawyer’s profile', async () => {
    const adminLink = await createStaffWithCli(server, env, {
      email: 'admin@mimamoru.test',
      role: 'admin',
      name: '管理者 一郎',
    });
    adminPage = await newPage();
    const adminSecret = await setUpStaff(adminPage, adminLink, 'correct horse battery staple');
    await logIn(adminPage, 'admin@mimamoru.test', 'correct horse battery staple', adminSecret, c.queue.title);

    // The lawyer's account, from the accounts page.
    await adminPage.goto('/console/accounts');
    await adminPage.getByRole('heading', { level: 1, name: c.accounts.title }).waitFor();
    await adminPage.getByRole('textbox', { name: c.accounts.email, exact: true }).fill(LAWYER_EMAIL);
    await adminPage.getByRole('textbox', { name: c.accounts.name, exact: true }).fill('弁護 士郎');
    await adminPage.getByRole('combobox', { name: c.accounts.role }).selectOption('lawyer');
    await adminPage.getByRole('button', { name: c.accounts.create, exact: true }).click();
    const setupField = adminPage.getByRole('textbox', { name: c.accounts.setupLink });
    await setupField.waitFor();
    const lawyerLink = await setupField.inputValue();

    lawyerPage = await newPage();
    lawyerSecret = await setUpStaff(lawyerPage, lawyerLink, LAWYER_PASSWORD);

    // The profile: specialties, the whole country, languages, capacity, 法テラス.
    await adminPage
      .getByRole('navigation', { name: c.nav.label })
      .getByRole('link', { name: r.nav.lawyers })
      .click();
    await adminPage.getByRole('heading', { level: 1, name: r.directory.title }).waitFor();
    await adminPage.getByRole('button', { name: r.directory.edit('弁護 士郎') }).click();
    const form = adminPage.getByRole('form', { name: r.profile.title });
    await form.getByRole('textbox', { name: r.profile.office }).fill('みまもる綜合法律事務所');
    await form.getByRole('checkbox', { name: r.specialties.defamation }).check();
    await form.getByRole('checkbox', { name: r.specialties['disclosure-requests'] }).check();
    await form.getByRole('checkbox', { name: r.nationwide, exact: true }).check();
    await form.getByRole('checkbox', { name: r.languages.en, exact: true }).check();
    await form.getByRole('spinbutton', { name: r.profile.capacity }).fill('5');
    await form.getByRole('checkbox', { name: r.profile.houterasu }).check();
    await expectNoAxeViolations(adminPage);
    await form.getByRole('button', { name: r.profile.save }).click();
    await adminPage.getByText(r.profile.saved).first().waitFor();
    const entry = adminPage.getByRole('listitem').filter({ hasText: '弁護 士郎' });
    await expect.poll(() => entry.textContent()).toContain(r.specialties['disclosure-requests']);
    expect(await entry.textContent()).toContain(r.directory.load(0, 5, 0));
  });

  it('the consultant records the poster, and the conflict check flags the planted overlap before referring', async () => {
    // Earlier, a case of the same lawyer whose poster is x.com/Taro_X (seeded through the services).
    const earlier = await submitConsultation(server, {
      name: '以前の相談者',
      narrative: '以前の相談です。',
      platforms: ['x'],
      goals: ['delete'],
      contact: { channel: 'in-app' },
    });
    await seedEarlierReferral(server, env, {
      caseNumber: earlier.caseNumber,
      lawyerEmail: LAWYER_EMAIL,
      poster: 'https://x.com/Taro_X/status/1',
    });
    // Now: a new consultation whose contact must not reach the lawyer.
    const current = await submitConsultation(server, {
      name: '相談 太郎',
      narrative: '匿名アカウントから毎日、職場の名前と一緒に悪口を書かれています。',
      platforms: ['x'],
      postUrls: ['https://x.com/Taro_X/status/99'],
      goals: ['delete', 'identify'],
      contact: { channel: 'email', email: 'victim-secret@example.jp' },
    });

    const consultantLink = await createStaffWithCli(server, env, {
      email: 'consultant@mimamoru.test',
      role: 'consultant',
      name: '相談 花子',
    });
    consultantPage = await newPage();
    const page = consultantPage;
    const secret = await setUpStaff(page, consultantLink, 'a long consultant pass phrase');
    await logIn(page, 'consultant@mimamoru.test', 'a long consultant pass phrase', secret, c.queue.title);
    await page.getByRole('link', { name: current.caseNumber }).click();
    await page.getByRole('heading', { level: 1, name: current.caseNumber }).waitFor();

    // The poster, as the victim wrote it: full width, capitals, '@'.
    const parties = page.getByRole('region', { name: r.parties.title });
    await parties.getByRole('combobox', { name: r.parties.kind }).selectOption('handle');
    await parties.getByRole('textbox', { name: r.parties.value }).fill('@Ｔａｒｏ_x');
    await parties.getByRole('button', { name: r.parties.add }).click();
    await expect.poll(() => parties.textContent()).toContain('taro_x');

    // Refer: the lawyer, the default sections (no contact), the conflict check.
    const referral = page.getByRole('region', { name: r.caseReferrals.title });
    await referral.locator('summary', { hasText: r.caseReferrals.newTitle }).click();
    await referral.getByRole('radio', { name: /弁護 士郎/ }).check();
    expect(await referral.getByRole('checkbox', { name: r.sections.contact }).isChecked()).toBe(false);
    expect(await referral.getByRole('checkbox', { name: r.sections.narrative }).isChecked()).toBe(true);
    await referral.getByRole('button', { name: r.caseReferrals.check }).click();
    const hits = referral.getByRole('table');
    await hits.waitFor();
    expect(await hits.textContent()).toContain('taro_x');
    expect(await hits.textContent()).toContain(earlier.caseNumber);
    await expectNoAxeViolations(page);

    // Not acknowledged: refused, calmly; acknowledged: sent.
    await referral.getByRole('button', { name: r.caseReferrals.send }).click();
    await expect
      .poll(() => referral.getByRole('alert').textContent())
      .toContain(r.caseReferrals.acknowledgeRequired);
    await referral.getByRole('checkbox', { name: r.caseReferrals.acknowledge }).check();
    await referral.getByRole('button', { name: r.caseReferrals.send }).click();
    await expect.poll(() => referral.locator('.referral-list').textContent()).toContain(r.statuses.pending);
    expect(await referral.locator('.referral-list').textContent()).toContain(
      r.caseReferrals.conflictsAcknowledged(1, '相談 花子'),
    );
  });

  it('the lawyer sees only the shared part, accepts with acknowledgement and reports the outcome', async () => {
    const page = lawyerPage;
    await logIn(page, LAWYER_EMAIL, LAWYER_PASSWORD, lawyerSecret, r.lawyerList.title);
    const nav = page.getByRole('navigation', { name: c.nav.label });
    expect(await nav.getByRole('link').allTextContents()).toEqual([r.nav.referrals, r.nav.profile]);
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await expectNoAxeViolations(page);

    // The newest referral first.
    await rows.first().getByRole('link').click();
    await page
      .getByRole('region', { name: r.referral.narrative })
      .getByText('匿名アカウントから毎日')
      .waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain('victim-secret@example.jp');
    expect(body).not.toContain('相談 太郎');
    expect(await page.getByRole('region', { name: r.referral.contact }).count()).toBe(0);
    await page.getByRole('region', { name: r.referral.parties }).getByText('@Ｔａｒｏ_x').waitFor();
    const conflicts = page.getByRole('region', { name: r.referral.conflictsTitle });
    expect(await conflicts.textContent()).toContain('taro_x');
    await expectNoAxeViolations(page);

    // Their own profile, which they may edit.
    await nav.getByRole('link', { name: r.nav.profile }).click();
    const profile = page.getByRole('form', { name: r.profile.title });
    await profile.waitFor();
    expect(await profile.getByRole('checkbox', { name: r.specialties.defamation }).isChecked()).toBe(true);
    await profile.getByRole('checkbox', { name: r.languages.zh, exact: true }).check();
    await profile.getByRole('button', { name: r.profile.save }).click();
    await page.getByText(r.profile.saved).first().waitFor();
    await expectNoAxeViolations(page);
    await page.goBack();
    await page.getByRole('region', { name: r.referral.narrative }).waitFor();

    // The case routes stay closed to lawyers.
    expect((await page.request.get('/api/staff/cases')).status()).toBe(403);

    const answer = page.getByRole('region', { name: r.referral.answerTitle });
    await answer.getByRole('button', { name: r.referral.accept }).click();
    await expect
      .poll(() => answer.getByRole('alert').textContent())
      .toContain(r.referral.acknowledgeRequired);
    await answer.getByRole('checkbox', { name: r.referral.acknowledge }).check();
    await answer.getByRole('button', { name: r.referral.accept }).click();
    const outcome = page.getByRole('region', { name: r.referral.outcomeTitle });
    await outcome.waitFor();
    await expect.poll(() => page.locator('.console-case-head').textContent()).toContain(r.statuses.accepted);
    expect(await conflicts.textContent()).toContain(r.referral.lawyerAcknowledged);
    await outcome.getByRole('combobox', { name: r.referral.outcome }).selectOption('identified');
    await outcome
      .getByRole('textbox', { name: r.referral.outcomeNote })
      .fill('開示命令で発信者を特定しました。');
    await outcome.getByRole('button', { name: r.referral.recordOutcome }).click();
    await expect.poll(() => page.locator('.console-case-head').textContent()).toContain(r.statuses.completed);
    await expectNoAxeViolations(page);

    // The consultant sees the outcome on the case.
    await consultantPage.reload();
    const referral = consultantPage.getByRole('region', { name: r.caseReferrals.title });
    await expect
      .poll(() => referral.locator('.referral-list').textContent())
      .toContain(r.outcomes.identified);
  });
});
