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
    // Case workers' pages (queue, lawyers' directory, statistics …), none of the admin's.
    const links = await nav.getByRole('link').allTextContents();
    expect(links[0]).toBe(c.nav.queue);
    for (const adminOnly of [c.nav.accounts, c.nav.audit]) expect(links).not.toContain(adminOnly);
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

    // Saved views: the filters are in the address, saved under a name, and applied by a link.
    await page.getByRole('combobox', { name: c.queue.platform }).selectOption('x');
    await page.getByRole('button', { name: c.queue.apply }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('platform')).toBe('x');
    await page.getByText(c.views.saveTitle).click();
    await page.getByRole('textbox', { name: c.views.nameLabel }).fill('Xの相談');
    await page.getByRole('button', { name: c.views.save }).click();
    const views = page.getByRole('region', { name: c.views.title });
    await views.getByRole('link', { name: 'Xの相談' }).waitFor();
    await page.goto('/console?stage=open');
    await expect.poll(() => rows.count()).toBe(2);
    await views.getByRole('link', { name: 'Xの相談' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await expectNoAxeViolations(page);

    // Search: words of the sealed narrative (a blind index); one character is refused with help.
    await page.goto('/console?stage=open');
    await expect.poll(() => rows.count()).toBe(2);
    const searchBox = page.getByRole('searchbox', { name: c.queue.search });
    await searchBox.fill('前科者');
    await page.getByRole('button', { name: c.queue.apply }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.nth(0).textContent()).toContain(urgent.caseNumber);
    await searchBox.fill('殺');
    await page.getByRole('button', { name: c.queue.apply }).click();
    await page.getByText(c.queue.searchTooShort).waitFor();
    expect(await searchBox.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await searchBox.fill('悪口');
    await page.getByRole('button', { name: c.queue.apply }).click();
    await expect.poll(() => page.getByText(c.queue.searchTooShort).count()).toBe(0);
    await expect.poll(() => rows.nth(0).textContent()).toContain(ordinary.caseNumber);
    expect(await rows.count()).toBe(1);
    await views.getByRole('link', { name: 'Xの相談' }).click();
    await expect.poll(() => rows.count()).toBe(1);

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

    // Reply from a template in the victim's language, edited before sending; the victim sees it.
    await page
      .getByRole('combobox', { name: c.casePage.templateLabel })
      .selectOption({ label: '受付のご連絡（初回）' });
    await page.getByRole('button', { name: c.casePage.templateInsert }).click();
    const reply = page.getByRole('textbox', { name: c.casePage.replyLabel });
    await expect.poll(() => reply.inputValue()).toContain(`相談番号 ${urgent.caseNumber} のご相談`);
    expect(await reply.inputValue()).toContain('相談員の相談 花子です');
    await reply.fill(`${await reply.inputValue()}\nまず安全を確保しましょう。`);
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

    // The intake's X post is tracked on its own: its removal is requested, and the timeline says so.
    const posts = page.getByRole('region', { name: c.targets.title });
    await posts.getByText('https://x.com/someone/status/1234567890').waitFor();
    const requested = c.targets.takedown['takedown-requested'];
    await posts.getByRole('button', { name: new RegExp(requested) }).click();
    await expect.poll(() => posts.textContent()).toContain(`${c.targets.now}: ${requested}`);
    const history = page.getByRole('region', { name: c.casePage.history });
    await expect
      .poll(() => history.textContent())
      .toContain(`${c.targets.tracks.takedown}: ${c.targets.takedown.pending} → ${requested}`);

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

  it('records a phone consultation: the consultant gets a number and key to pass on, and the case joins the queue', async () => {
    const page = consultantPage;
    const n = c.newCase;
    await page.goto('/console');
    await page.getByRole('link', { name: c.queue.newCase }).click();
    await page.getByRole('heading', { level: 1, name: n.title }).waitFor();
    await expectNoAxeViolations(page);

    // Nothing typed yet: the summary names both missing things and links to them.
    await page.getByRole('button', { name: n.submit }).click();
    const summary = page.getByRole('heading', { level: 2, name: n.errorsTitle(2) });
    await summary.waitFor();
    await page.getByRole('link', { name: n.narrativeMissing }).waitFor();
    await page.getByRole('link', { name: n.consentMissing }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('radio', { name: c.intakeChannels.phone, exact: true }).check();
    await page
      .getByLabel(n.narrative, { exact: true })
      .fill('電話で相談: 職場の名前を出されて「無能」と書かれ続けている。');
    await page.getByRole('radio', { name: n.contactChannels.phone, exact: true }).check();
    await page.getByRole('checkbox', { name: n.consent }).check();
    // Phone contact without a number: the server's localized message, next to the field.
    await page.getByRole('button', { name: n.submit }).click();
    await expect.poll(() => page.locator('#new-error-phone').textContent()).toContain('電話番号');
    await page.getByLabel(n.phone, { exact: true }).fill('090-1234-5678');
    await page.getByRole('button', { name: n.submit }).click();

    await page.getByRole('heading', { level: 1, name: n.doneTitle }).waitFor();
    const caseNumber = await page.getByRole('textbox', { name: n.caseNumber, exact: true }).inputValue();
    const accessKey = await page.getByRole('textbox', { name: n.accessKey, exact: true }).inputValue();
    expect(caseNumber).toMatch(/^MM-/);
    await page.getByText(`相談番号は「${caseNumber}」です。`).waitFor();
    await expectNoAxeViolations(page);

    // The person can open their case page with what they were told.
    const victim = await browser.newContext({ baseURL: server.url });
    contexts.push(victim);
    const session = await victim.request.post('/api/victim/session', { data: { caseNumber, accessKey } });
    expect(session.status()).toBe(200);

    // The phone case is in the same queue as web consultations, marked as a phone case.
    await page.getByRole('link', { name: n.back }).click();
    await page.getByRole('heading', { level: 1, name: c.queue.title }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(caseNumber) });
    await expect.poll(() => row.textContent()).toContain(c.intakeChannels.phone);
    await row.getByRole('link', { name: caseNumber }).click();
    await page.getByRole('heading', { level: 1, name: caseNumber }).waitFor();
    const intake = page.getByRole('region', { name: c.casePage.intake });
    await expect.poll(() => intake.textContent()).toContain(c.intakeChannels.phone);
  });

  it('shows the admin the reply templates and their placeholders', async () => {
    const page = adminPage;
    await page.goto('/console/templates');
    await page.getByRole('heading', { level: 1, name: c.templates.title }).waitFor();
    await page.getByRole('row', { name: /受付のご連絡（初回）/ }).waitFor();
    await page.getByText('{{caseNumber}}', { exact: true }).waitFor();
    await expectNoAxeViolations(page);
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
