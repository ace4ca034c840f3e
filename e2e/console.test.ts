import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleJa } from '../apps/web/src/console/console-messages.js';
import { browserAvailable, launchChromium } from './support/browser.js';
import { createStaffWithCli, submitConsultation, totp } from './support/console.js';
import { startBuiltServer, type RunningServer } from './support/server.js';

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

const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;

describe.skipIf(!browserAvailable)('the staff console: accounts, two-step sign-in and the audit log', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  // Signed-in pages the second journey continues with.
  let adminPage: Page;
  let consultantPage: Page;
  // The CLI and the spawned server share the data directory, the database and the master key.
  const env: Record<string, string> = { MIMAMORU_MASTER_KEY: randomBytes(32).toString('base64') };

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

  // A browser of its own for each person.
  const newPage = async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'ja-JP', baseURL: server.url });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };

  /** Follows a setup link to the end; returns the TOTP secret and the recovery codes shown once. */
  const setUp = async (page: Page, setupUrl: string, password: string) => {
    const link = new URL(setupUrl);
    await page.goto(`${link.pathname}${link.hash}`);
    await page.getByRole('heading', { level: 1, name: c.setup.title }).waitFor();
    // The one-time token leaves the address bar at once.
    expect(new URL(page.url()).hash).toBe('');
    await page.getByLabel(c.setup.passwordLabel, { exact: true }).fill('short');
    await page.getByLabel(c.setup.passwordConfirmLabel, { exact: true }).fill('short');
    await page.getByRole('button', { name: c.setup.next }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(c.setup.passwordTooShort);
    await page.getByLabel(c.setup.passwordLabel, { exact: true }).fill(password);
    await page.getByLabel(c.setup.passwordConfirmLabel, { exact: true }).fill(password);
    await page.getByRole('button', { name: c.setup.next }).click();
    await page.getByRole('heading', { level: 2, name: c.setup.totpTitle }).waitFor();
    await expect
      .poll(() => page.getByRole('img', { name: c.setup.qrAlt }).getAttribute('src'))
      .toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = await page.getByLabel(c.setup.secretLabel).inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel(c.setup.codeLabel).fill('000000');
    await page.getByRole('button', { name: c.setup.confirm }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel(c.setup.codeLabel).fill(await totp(secret));
    await page.getByRole('button', { name: c.setup.confirm }).click();
    await page.getByRole('heading', { level: 2, name: c.setup.recoveryTitle }).waitFor();
    const codes = await page
      .getByRole('list', { name: c.setup.recoveryLabel })
      .locator('code')
      .allTextContents();
    expect(codes.length).toBeGreaterThanOrEqual(8);
    return { secret, codes };
  };

  const logIn = async (page: Page, email: string, password: string, code: string) => {
    await page.goto('/console/login');
    await page.getByRole('heading', { level: 1, name: c.login.title }).waitFor();
    await page.getByLabel(c.login.emailLabel).fill(email);
    await page.getByLabel(c.login.passwordLabel).fill(password);
    await page.getByLabel(c.login.codeLabel).fill(code);
    await page.getByRole('button', { name: c.login.submit }).click();
    await page.getByRole('heading', { level: 1, name: c.queue.title }).waitFor();
  };

  it('sets up the first admin from the CLI link, signs in with TOTP, creates a consultant who signs in too, and shows the audit log', async () => {
    const adminLink = await createStaffWithCli(server, env, {
      email: 'admin@mimamoru.test',
      role: 'admin',
      name: '管理者 一郎',
    });

    adminPage = await newPage();
    let page = adminPage;
    // A console page without a session goes to the login form; the public header is not there.
    await page.goto('/console');
    await page.getByRole('heading', { level: 1, name: c.login.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await expectNoAxeViolations(page);

    const adminPassword = 'correct horse battery staple';
    const admin = await setUp(page, adminLink, adminPassword);
    await expectNoAxeViolations(page);

    // A wrong code: the calm, localized message; then the right one (a later step than setup used).
    await page.goto('/console/login');
    await page.getByLabel(c.login.emailLabel).fill('admin@mimamoru.test');
    await page.getByLabel(c.login.passwordLabel).fill(adminPassword);
    await page.getByLabel(c.login.codeLabel).fill('123456');
    await page.getByRole('button', { name: c.login.submit }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(c.login.invalid);
    await logIn(page, 'admin@mimamoru.test', adminPassword, await totp(admin.secret, 1));
    const header = page.getByRole('banner');
    await expect.poll(() => header.textContent()).toContain('管理者 一郎');
    await expect.poll(() => header.textContent()).toContain(c.roles.admin);
    await expectNoAxeViolations(page);

    // Accounts: create a consultant; the setup link is shown once.
    await page
      .getByRole('navigation', { name: c.nav.label })
      .getByRole('link', { name: c.nav.accounts })
      .click();
    await page.getByRole('heading', { level: 1, name: c.accounts.title }).waitFor();
    await page.getByRole('textbox', { name: c.accounts.email, exact: true }).fill('consultant@mimamoru.test');
    await page.getByRole('textbox', { name: c.accounts.name, exact: true }).fill('相談 花子');
    await page.getByRole('combobox', { name: c.accounts.role }).selectOption('consultant');
    await page.getByRole('button', { name: c.accounts.create, exact: true }).click();
    const setupField = page.getByRole('textbox', { name: c.accounts.setupLink });
    await setupField.waitFor();
    const consultantLink = await setupField.inputValue();
    expect(consultantLink).toMatch(/\/console\/setup#/);
    await expect
      .poll(() => page.getByRole('row', { name: /相談 花子/ }).textContent())
      .toContain(c.accounts.statePending);
    await expectNoAxeViolations(page);

    // The consultant, in another browser, sets up and signs in; no admin links for them.
    page = await newPage();
    const consultant = await setUp(page, consultantLink, 'a long consultant pass phrase');
    await logIn(
      page,
      'consultant@mimamoru.test',
      'a long consultant pass phrase',
      await totp(consultant.secret, 1),
    );
    const nav = page.getByRole('navigation', { name: c.nav.label });
    expect(await nav.getByRole('link').allTextContents()).toEqual([c.nav.queue]);
    await page.goto('/console/accounts');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(c.forbidden);

    // A recovery code works once, then the consultant signs out.
    await page.getByRole('button', { name: c.logout }).click();
    await page.getByRole('heading', { level: 1, name: c.login.title }).waitFor();
    await page.getByText(c.loggedOut).waitFor();
    await page.getByLabel(c.login.emailLabel).fill('consultant@mimamoru.test');
    await page.getByLabel(c.login.passwordLabel).fill('a long consultant pass phrase');
    await page.getByRole('button', { name: c.login.useRecovery }).click();
    await page.getByLabel(c.login.recoveryLabel).fill(consultant.codes[0]!);
    await page.getByRole('button', { name: c.login.submit }).click();
    await page.getByRole('heading', { level: 1, name: c.queue.title }).waitFor();
    consultantPage = page;

    // The admin, still signed in, sees the consultant active and the audit log with a CSV export.
    page = adminPage;
    await page.goto('/console/accounts');
    await expect
      .poll(() => page.getByRole('row', { name: /相談 花子/ }).textContent())
      .toContain(c.accounts.stateActive);
    await page.goto('/console/audit');
    await page.getByRole('heading', { level: 1, name: c.audit.title }).waitFor();
    await page.getByRole('table').waitFor();
    await page.getByLabel(c.audit.action).fill('staff.login');
    await page.getByRole('button', { name: c.audit.apply }).click();
    await expect
      .poll(async () =>
        (await page.locator('tbody tr').allTextContents()).every((row) => row.includes('staff.login')),
      )
      .toBe(true);
    const csvHref = await page.getByRole('link', { name: c.audit.csv }).getAttribute('href');
    expect(csvHref).toBe('/api/staff/audit.csv?action=staff.login');
    const csv = await page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('staff.login');
    await expectNoAxeViolations(page);
  });

  it('lists an urgent consultation first; the consultant assigns, replies, moves it to deletion requested and records the poster', async () => {
    const submit = (body: Record<string, unknown>) => submitConsultation(server, body);
    const ordinary = await submit({
      narrative: '掲示板に悪口を書かれています。',
      platforms: ['5ch'],
      goals: ['delete'],
      contact: { channel: 'in-app' },
    });
    const urgent = await submit({
      narrative: '「家に行って殺す」「あいつは前科者だ」とXに書かれました。住所も書かれています。',
      platforms: ['x'],
      postUrls: ['https://x.com/someone/status/1234567890'],
      goals: ['delete', 'punish'],
      triage: {
        facts: ['threat-life', 'personal-info', 'reputation-facts'],
        identifiable: 'real-name',
        platforms: ['x'],
        postedAt: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
        offender: { known: false },
        goals: ['delete', 'punish'],
      },
      contact: {
        channel: 'email',
        email: 'victim@example.jp',
        notes: '夜は家族がいるので、メールだけにしてください',
      },
    });

    const page = consultantPage;
    await page.goto('/console');
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain(urgent.caseNumber);
    expect(await rows.nth(0).textContent()).toContain(c.priorities.urgent);
    expect(await rows.nth(1).textContent()).toContain(ordinary.caseNumber);
    await expectNoAxeViolations(page);

    // The case page: intake with the safe-contact notes, internal notes marked as such.
    await page.getByRole('link', { name: urgent.caseNumber }).click();
    await page.getByRole('heading', { level: 1, name: urgent.caseNumber }).waitFor();
    await page.getByRole('note', { name: c.casePage.safeContact }).getByText('メールだけ').waitFor();
    await page.getByText(c.casePage.notesWarning).waitFor();
    await expectNoAxeViolations(page);

    // Assign to me.
    await page.getByRole('button', { name: c.casePage.assignMe }).click();
    const workflow = page.getByRole('region', { name: c.casePage.workflow });
    await expect.poll(() => workflow.textContent()).toContain('相談 花子');

    // Reply; the victim sees it on their side.
    await page
      .getByRole('textbox', { name: c.casePage.replyLabel })
      .fill('ご相談ありがとうございます。まず安全を確保しましょう。');
    await page.getByRole('button', { name: c.casePage.send }).click();
    const messages = page.getByRole('region', { name: c.casePage.messages });
    await expect.poll(() => messages.textContent()).toContain('まず安全を確保しましょう');
    const victim = await browser.newContext({ baseURL: server.url });
    contexts.push(victim);
    const session = await victim.request.post('/api/victim/session', {
      data: { caseNumber: urgent.caseNumber, accessKey: urgent.accessKey },
    });
    expect(session.status()).toBe(200);
    const victimCase = (await (await victim.request.get('/api/victim/case')).json()) as {
      messages: { author: string; body: string }[];
    };
    expect(victimCase.messages.some((m) => m.author === 'consultant' && m.body.includes('安全を確保'))).toBe(
      true,
    );

    // An internal note stays internal.
    await page.getByRole('textbox', { name: c.casePage.noteLabel }).fill('警察への相談を勧める。');
    await page.getByRole('button', { name: c.casePage.addNote }).click();
    const notes = page.getByRole('region', { name: c.casePage.notes });
    await expect.poll(() => notes.textContent()).toContain('警察への相談を勧める');
    const again = (await (await victim.request.get('/api/victim/case')).json()) as {
      messages: { body: string }[];
    };
    expect(JSON.stringify(again)).not.toContain('警察への相談');

    // Someone else (the admin) changes the case meanwhile: a calm stale message that keeps the typed text.
    const caseUrl = new URL(page.url()).pathname;
    await adminPage.goto(caseUrl);
    await adminPage.getByRole('heading', { level: 1, name: urgent.caseNumber }).waitFor();
    await adminPage.getByRole('combobox', { name: c.casePage.moveTo }).selectOption('closed');
    await adminPage.getByRole('button', { name: c.casePage.move }).click();
    await adminPage.getByText(c.stages.closed, { exact: true }).first().waitFor();
    const stageNow = () => workflow.locator('dd').first().textContent();
    await page.getByRole('textbox', { name: c.casePage.replyLabel }).fill('書きかけの返信');
    // No stage is preselected: the first click only points at the list.
    await page.getByRole('button', { name: c.casePage.move }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('case-stage');
    await page.getByRole('combobox', { name: c.casePage.moveTo }).selectOption({ index: 1 });
    await page.getByRole('button', { name: c.casePage.move }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(c.casePage.stale);
    expect(await page.getByRole('textbox', { name: c.casePage.replyLabel }).inputValue()).toBe(
      '書きかけの返信',
    );
    await page.getByRole('button', { name: c.casePage.reload }).click();
    await expect.poll(stageNow).toBe(c.stages.closed);

    // Reopened (closed → in progress), then deletion requested: the stage's tasks appear.
    const stageSelect = page.getByRole('combobox', { name: c.casePage.moveTo });
    await stageSelect.selectOption('in-progress');
    await page.getByRole('button', { name: c.casePage.move }).click();
    await expect.poll(stageNow).toBe(c.stages['in-progress']);
    await stageSelect.selectOption('deletion-requested');
    await page.getByRole('button', { name: c.casePage.move }).click();
    await expect.poll(stageNow).toBe(c.stages['deletion-requested']);
    const tasks = page.getByRole('region', { name: c.casePage.tasks });
    await expect.poll(() => tasks.getByRole('listitem').count()).toBeGreaterThan(0);

    // The poster becomes known: the criminal-complaint period appears among the deadlines.
    const deadlines = page.getByRole('region', { name: c.casePage.deadlinesTitle });
    expect(await deadlines.textContent()).not.toContain(c.deadlines['criminal-complaint']);
    await page.getByRole('button', { name: c.casePage.offenderSave }).click();
    await expect.poll(() => deadlines.textContent()).toContain(c.deadlines['criminal-complaint']);
    await expectNoAxeViolations(page);

    // A task is done with one button.
    const firstTask = tasks.getByRole('button', { name: c.casePage.done }).first();
    await firstTask.click();
    await expect.poll(() => tasks.textContent()).toMatch(/完了 \d/);
  });

  it('lets the admin disable the consultant', async () => {
    const page = adminPage;
    await page.goto('/console/accounts');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: c.accounts.disableLabel('相談 花子') }).click();
    await expect
      .poll(() => page.getByRole('row', { name: /相談 花子/ }).textContent())
      .toContain(c.accounts.stateDisabled);
  });
});
