import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { consoleJa } from '../../apps/web/src/console/console-messages.js';
import { referralsJa } from '../../apps/web/src/console/referral-messages.js';
import { seedEarlierReferral, seedLawyer } from './referral-store.js';
import type { RunningServer } from './server.js';
import { seedStatsHistory } from './stats-seed.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const c = consoleJa;

/** The TOTP code `steps` 30-second steps from now (the server refuses a step it has already accepted). */
export function totp(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/**
 * `mimamoru staff create` against the running server's data: same data directory, SQLite and master
 * key (`env` must be what the server was started with). Returns the one-time setup link.
 */
export async function createStaffWithCli(
  server: RunningServer,
  env: Record<string, string>,
  account: { email: string; role: 'admin' | 'consultant' | 'lawyer'; name: string },
): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [
      join(root, 'apps/server/bin/mimamoru.js'),
      'staff',
      'create',
      '--email',
      account.email,
      '--role',
      account.role,
      '--name',
      account.name,
    ],
    { cwd: root, env: { ...process.env, MIMAMORU_DATA_DIR: server.dataDir, DATABASE_URL: '', ...env } },
  );
  const link = /https?:\/\/\S+\/console\/setup#\S+/.exec(stdout)?.[0];
  if (!link) throw new Error(`no setup link in:\n${stdout}`);
  return link;
}

/** Follows a setup link through password and TOTP; returns the TOTP secret. */
export async function setUpStaff(page: Page, setupUrl: string, password: string): Promise<string> {
  const link = new URL(setupUrl);
  await page.goto(`${link.pathname}${link.hash}`);
  await page.getByLabel(c.setup.passwordLabel, { exact: true }).fill(password);
  await page.getByLabel(c.setup.passwordConfirmLabel, { exact: true }).fill(password);
  await page.getByRole('button', { name: c.setup.next }).click();
  const secret = await page.getByLabel(c.setup.secretLabel).inputValue();
  await page.getByLabel(c.setup.codeLabel).fill(await totp(secret));
  await page.getByRole('button', { name: c.setup.confirm }).click();
  await page.getByRole('heading', { level: 2, name: c.setup.recoveryTitle }).waitFor();
  return secret;
}

export async function signInStaff(
  page: Page,
  email: string,
  password: string,
  secret: string,
): Promise<void> {
  await page.goto('/console/login');
  await page.getByLabel(c.login.emailLabel).fill(email);
  await page.getByLabel(c.login.passwordLabel).fill(password);
  await page.getByLabel(c.login.codeLabel).fill(await totp(secret, 1));
  await page.getByRole('button', { name: c.login.submit }).click();
  await page.getByRole('heading', { level: 1, name: c.queue.title }).waitFor();
}

/** Sends a consultation through the public API (JSON); returns its number and access key. */
export async function submitConsultation(
  server: RunningServer,
  body: Record<string, unknown>,
): Promise<{ caseNumber: string; accessKey: string }> {
  const res = await fetch(`${server.url}/api/consultations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      postUrls: [],
      consent: { privacyPolicyVersion: '2026-11-29', accepted: true },
      locale: 'ja',
      ...body,
    }),
  });
  if (res.status !== 201) throw new Error(`consultation refused: ${res.status} ${await res.text()}`);
  return (await res.json()) as { caseNumber: string; accessKey: string };
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Staff console screenshots (Japanese): login, queue, a worked case and the statistics, at the given viewports.
 * Names are `console-<page>-ja[-suffix].png`.
 */
export async function shootConsole(
  server: RunningServer,
  env: Record<string, string>,
  browser: Browser,
  out: string,
  shots: {
    login: { width: number; height: number };
    desk: { width: number; height: number };
    suffix?: string;
  },
): Promise<string[]> {
  const written: string[] = [];
  const link = await createStaffWithCli(server, env, {
    email: `shots${shots.suffix ?? ''}@mimamoru.test`,
    role: 'admin',
    name: '相談 花子',
  });
  const password = 'a long screenshot pass phrase';
  for (const body of [
    {
      narrative: '掲示板で悪口を書かれ続けています。',
      platforms: ['5ch'],
      goals: ['delete'],
      contact: { channel: 'in-app' },
    },
    {
      narrative: 'Googleマップの口コミで店の評判を落とす嘘を書かれました。',
      platforms: ['google-maps'],
      goals: ['delete', 'compensation'],
      triage: {
        facts: ['reputation-facts', 'business-attack'],
        identifiable: 'real-name',
        platforms: ['google-maps'],
        postedAt: daysAgo(40),
        goals: ['delete', 'compensation'],
        victim: { business: true },
      },
      contact: { channel: 'email', email: 'shop@example.jp' },
    },
    {
      narrative: '「家に行って殺す」「あいつは前科者だ」とXに書かれました。住所も書かれています。',
      platforms: ['x'],
      postUrls: ['https://x.com/someone/status/1234567890'],
      goals: ['delete', 'punish'],
      triage: {
        facts: ['threat-life', 'personal-info', 'reputation-facts'],
        identifiable: 'real-name',
        platforms: ['x'],
        postedAt: daysAgo(3),
        offender: { known: false },
        goals: ['delete', 'punish'],
      },
      contact: {
        channel: 'email',
        email: 'victim@example.jp',
        notes: '夜は家族がいるので、メールだけにしてください',
      },
    },
    {
      narrative: 'Instagramでなりすましのアカウントを作られ、知人にDMが送られています。',
      platforms: ['instagram'],
      goals: ['delete', 'identify'],
      triage: {
        facts: ['impersonation', 'face-photo'],
        identifiable: 'linked-handle',
        platforms: ['instagram'],
        postedAt: daysAgo(10),
        goals: ['delete', 'identify'],
        victim: { minor: true },
      },
      contact: { channel: 'in-app' },
    },
  ])
    await submitConsultation(server, body);

  const context = await browser.newContext({ viewport: shots.login, locale: 'ja-JP', baseURL: server.url });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const secret = await setUpStaff(page, link, password);
  const shot = async (name: string, fullPage: boolean) => {
    const file = join(out, `console-${name}-ja${shots.suffix ?? ''}.png`);
    await page.screenshot({ path: file, fullPage });
    written.push(file);
  };
  await page.goto('/console/login');
  await page.getByLabel(c.login.emailLabel).fill(`shots${shots.suffix ?? ''}@mimamoru.test`);
  await shot('login', false);
  await page.setViewportSize(shots.desk);
  await signInStaff(page, `shots${shots.suffix ?? ''}@mimamoru.test`, password, secret);
  await page.locator('table tbody tr').first().waitFor();
  await shot('queue', true);

  // The urgent case, worked a little: assigned, a reply, a note, deletion requested, poster known.
  await page.locator('table tbody tr').first().getByRole('link').click();
  await page.getByRole('button', { name: c.casePage.assignMe }).click();
  await page.getByText('相談 花子', { exact: true }).first().waitFor();
  await page
    .getByRole('textbox', { name: c.casePage.replyLabel })
    .fill(
      'ご相談ありがとうございます。まず、身の安全を確保しましょう。警察（110番）への相談もお手伝いします。',
    );
  await page.getByRole('button', { name: c.casePage.send }).click();
  await page.locator('.console-message-consultant').waitFor();
  await page.getByRole('textbox', { name: c.casePage.noteLabel }).fill('脅迫あり。所轄署への相談を優先。');
  await page.getByRole('button', { name: c.casePage.addNote }).click();
  await page.locator('.console-note').waitFor();
  const stage = page.getByRole('combobox', { name: c.casePage.moveTo });
  for (const target of ['triaged', 'in-progress', 'deletion-requested'] as const) {
    if ((await stage.locator(`option[value="${target}"]`).count()) === 0) continue;
    await stage.selectOption(target);
    await page.getByRole('button', { name: c.casePage.move }).click();
    await page.locator('.console-stage', { hasText: c.stages[target] }).waitFor();
  }
  await page.getByRole('button', { name: c.casePage.offenderSave }).click();
  await page.getByText(c.deadlines['criminal-complaint']).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('case', true);

  // Referring the case: the poster recorded, a lawyer chosen, and the conflict check finding the same
  // poster in an earlier referral of that lawyer (seeded through the server's own services).
  const lawyerEmail = `lawyer${shots.suffix ?? ''}@mimamoru.test`;
  await seedLawyer(server, env, { email: lawyerEmail, name: '弁護 士郎' });
  const earlier = await submitConsultation(server, {
    narrative: '以前、Xの同じアカウントから中傷を受けました。',
    platforms: ['x'],
    goals: ['identify'],
    contact: { channel: 'in-app' },
  });
  await seedEarlierReferral(server, env, {
    caseNumber: earlier.caseNumber,
    lawyerEmail,
    poster: 'https://x.com/someone',
  });
  const r = referralsJa;
  await page.reload();
  const parties = page.getByRole('region', { name: r.parties.title });
  await parties.getByRole('textbox', { name: r.parties.value }).fill('@Someone');
  await parties.getByRole('button', { name: r.parties.add }).click();
  await parties.getByText('someone', { exact: true }).waitFor();
  const referral = page.getByRole('region', { name: r.caseReferrals.title });
  await referral.locator('summary', { hasText: r.caseReferrals.newTitle }).click();
  await referral.getByRole('radio', { name: /弁護 士郎/ }).check();
  await referral.getByRole('button', { name: r.caseReferrals.check }).click();
  await referral.getByRole('table').waitFor();
  const referralFile = join(out, `console-referral-ja${shots.suffix ?? ''}.png`);
  await referral.screenshot({ path: referralFile });
  written.push(referralFile);

  // Statistics over ten weeks of consultations, received and worked through the server's own services.
  await seedStatsHistory(server, env);
  await page.goto('/console/stats');
  await page.getByRole('heading', { level: 2, name: c.stats.summary }).waitFor();
  await shot('stats', true);
  await context.close();
  return written;
}
