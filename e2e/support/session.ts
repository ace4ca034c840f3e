import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ja } from '../../apps/web/src/i18n/ja.js';
import { launchChromium } from './browser.js';
import { createStaffWithCli, setUpStaff, signInStaff } from './console.js';
import { startBuiltServer, type RunningServer } from './server.js';

type ContextOptions = NonNullable<Parameters<Browser['newContext']>[0]>;

/** Screenshots to look at (not the docs): MIMAMORU_E2E_SHOTS=<dir>; without it, nothing is written. */
export const shotsDir = process.env.MIMAMORU_E2E_SHOTS;

export const CONSULTANT_PASSWORD = 'a long consultant pass phrase';

export interface E2eSessionOptions {
  /** Runs before the server starts (a local TSA, a capture fixture …); may add to `env`. */
  readonly before?: (env: Record<string, string>) => Promise<void>;
  /** Runs after the browser and the server have stopped. */
  readonly after?: () => Promise<void>;
  /** Added to every new browser context (after the locale and base URL). */
  readonly context?: ContextOptions;
  /** Playwright's default timeout for each new page (ms). */
  readonly timeout?: number;
}

export interface E2eSession {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** What the server was started with (a fresh master key, PUBLIC_URL …); the CLI needs the same. */
  readonly env: Record<string, string>;
  /** A page in a new Japanese-locale context on the server; closed after the suite. */
  newPage(options?: ContextOptions): Promise<Page>;
  /** The victim's case page, signed in with the case number and access key (waits for nothing more). */
  openCase(page: Page, caseNumber: string, accessKey: string): Promise<void>;
  /** A consultant created with the CLI, set up and signed in on a new desktop page showing the queue. */
  signInConsultant(account: { email: string; name: string }, options?: ContextOptions): Promise<Page>;
}

/**
 * The shared frame of a browser journey: registers beforeAll/afterAll that start the built server
 * (SQLite, a fresh master key, PUBLIC_URL set to its address) and Chromium, and close every context.
 * Call it inside the `describe`.
 */
export function useE2eSession(options: E2eSessionOptions = {}): E2eSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const env: Record<string, string> = { MIMAMORU_MASTER_KEY: randomBytes(32).toString('base64') };
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`e2e session: the ${what} is not started (use it inside a test)`);
    return value;
  };

  beforeAll(async () => {
    await options.before?.(env);
    server = await startBuiltServer(({ url }) => {
      env.PUBLIC_URL = url;
      return env;
    });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    await options.after?.();
  });

  const session: E2eSession = {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    env,
    async newPage(pageOptions = {}) {
      const context = await session.browser.newContext({
        locale: 'ja-JP',
        baseURL: session.server.url,
        ...options.context,
        ...pageOptions,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(options.timeout ?? 15_000);
      return page;
    },
    async openCase(page, caseNumber, accessKey) {
      await page.goto('/case');
      await page.getByRole('textbox', { name: ja.casePage.numberLabel, exact: true }).fill(caseNumber);
      await page.getByRole('textbox', { name: ja.casePage.keyLabel, exact: true }).fill(accessKey);
      await page.getByRole('button', { name: ja.casePage.open, exact: true }).click();
    },
    async signInConsultant(account, pageOptions = {}) {
      const link = await createStaffWithCli(session.server, env, { ...account, role: 'consultant' });
      const page = await session.newPage({ viewport: { width: 1280, height: 900 }, ...pageOptions });
      const secret = await setUpStaff(page, link, CONSULTANT_PASSWORD);
      await signInStaff(page, account.email, CONSULTANT_PASSWORD, secret);
      return page;
    },
  };
  return session;
}

/** Writes a screenshot of the page (or of one part) when MIMAMORU_E2E_SHOTS names a directory. */
export async function shoot(page: Page, name: string, locator?: Locator): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  if (locator) await locator.screenshot({ path: join(shotsDir, `${name}.png`) });
  else await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}
