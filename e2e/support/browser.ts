import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser journeys need Debian's chromium. On a developer machine without it they are skipped
 * with a loud notice; in CI (CI=true) or with MIMAMORU_REQUIRE_E2E=1 a missing browser fails the run.
 */
export const browserAvailable = existsSync(CHROMIUM_PATH);
export const browserRequired = process.env.CI === 'true' || process.env.MIMAMORU_REQUIRE_E2E === '1';
if (!browserAvailable) {
  const message = `e2e: ${CHROMIUM_PATH} not found — install Debian's chromium (apt-get install chromium) to run the browser journeys.`;
  if (browserRequired) throw new Error(message);
  console.warn(`${message} Skipping them.`);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized context (the Guide is designed mobile-first). */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const;
