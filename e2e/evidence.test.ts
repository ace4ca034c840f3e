import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureFixture, type CaptureFixtureServer } from '../apps/server/test/capture-fixtures.js';
import { evidenceCaptureMessages } from '../apps/web/src/console/evidence-capture-messages.js';
import { evidenceMessages } from '../apps/web/src/console/evidence-messages.js';
import { ja } from '../apps/web/src/i18n/ja.js';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailable, PHONE } from './support/browser.js';
import { submitConsultation } from './support/console.js';
import { useE2eSession } from './support/session.js';

const e = evidenceMessages('ja');
const cap = evidenceCaptureMessages('ja');

describe.skipIf(!browserAvailable)('the evidence locker, from the victim’s screenshot to a verified bundle', () => {
  let fixture: CaptureFixtureServer;
  let workDir: string;
  // The CLI and the spawned server share the data directory, the database and the master key (session.env).
  const session = useE2eSession({
    // A local page imitating an X post; the server may capture it although it is on 127.0.0.1 (testing only).
    before: async (env) => {
      fixture = await startCaptureFixture();
      env.MIMAMORU_CAPTURE_ALLOW_HOSTS = fixture.hostPort;
    },
    after: async () => fixture?.close(),
  });
  const { newPage } = session;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'mimamoru-e2e-evidence-'));
  });
  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('victim adds a screenshot and a URL; a consultant captures the post, exports the bundle; /verify accepts it and names a flipped file', async () => {
    const { caseNumber, accessKey } = await submitConsultation(session.server, {
      narrative: 'Xで「嘘つき」と書かれ、拡散されています。',
      platforms: ['x'],
      goals: ['delete'],
      contact: { channel: 'in-app' },
    });

    // The victim, on a phone: opens the case page and adds a screenshot with the post's URL.
    const victim = await newPage({ ...PHONE });
    const screenshot = join(workDir, 'post.png');
    await victim.goto('/case');
    await victim.getByRole('heading', { level: 1, name: ja.casePage.pageTitle }).waitFor();
    await victim.screenshot({ path: screenshot });
    await victim.getByRole('textbox', { name: ja.casePage.numberLabel, exact: true }).fill(caseNumber);
    await victim.getByRole('textbox', { name: ja.casePage.keyLabel, exact: true }).fill(accessKey);
    await victim.getByRole('button', { name: ja.casePage.open, exact: true }).click();
    const p = ja.caseEvidence;
    const section = victim.getByRole('region', { name: p.title });
    await section.waitFor();
    const postUrl = 'https://x.com/hidoi_tokumei_123/status/1860000000000000001';
    await section.getByRole('textbox', { name: p.urlLabel }).fill(postUrl);
    await section.getByRole('textbox', { name: p.accountLabel }).fill('@hidoi_tokumei_123');
    await section.getByLabel(p.filesLabel).setInputFiles(screenshot);
    await section.getByRole('button', { name: p.add, exact: true }).click();
    await section.getByText(p.added).waitFor();
    await section.getByText(postUrl).waitFor();
    await section.getByText(p.files(1)).waitFor();
    await expectNoAxeViolations(victim, 'section[aria-labelledby="case-evidence-title"]');

    // The consultant: signs in, opens the case, and has the server capture the post.
    const desk = await session.signInConsultant(
      { email: 'consultant@mimamoru.test', name: '相談 花子' },
      { acceptDownloads: true },
    );
    await desk.locator('table tbody tr').first().getByRole('link').click();
    const panel = desk.getByRole('region', { name: e.title, exact: true });
    await panel.getByText(postUrl).waitFor();
    await panel.getByText(e.capturedByNames.victim, { exact: true }).waitFor();

    const captureUrl = `${fixture.origin}/status/1`;
    const capture = desk.getByRole('region', { name: cap.title, exact: true });
    await capture.getByRole('textbox', { name: cap.urlLabel }).fill(captureUrl);
    await capture.getByRole('button', { name: cap.submit, exact: true }).click();
    const captures = capture.getByRole('list', { name: cap.list });
    await captures.getByText(cap.statuses.done, { exact: true }).waitFor({ timeout: 90_000 });
    // The panel reloads when the capture finishes: two items, both in the checked chain.
    const items = panel.getByRole('list', { name: e.items }).locator(':scope > li');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(2);
    await panel.getByText(captureUrl, { exact: true }).waitFor();
    await panel.getByText(e.capturedByNames.server, { exact: true }).waitFor();
    await panel.getByText(e.chainOk(2)).waitFor();
    await expect(panel.getByRole('alert').count()).resolves.toBe(0);
    await expectNoAxeViolations(desk, 'section[aria-labelledby="case-evidence"]');

    // The bundle, as the browser saves it.
    const [download] = await Promise.all([
      desk.waitForEvent('download', { timeout: 60_000 }),
      panel.getByRole('button', { name: e.exportBundle, exact: true }).click(),
    ]);
    const bundle = join(workDir, download.suggestedFilename());
    expect(bundle).toMatch(/\.zip$/);
    await download.saveAs(bundle);
    const entries = unzipSync(new Uint8Array(readFileSync(bundle)));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['manifest.json', 'report.pdf', 'verify.txt']));

    // A fresh browser, nothing shared with the console: the verification page accepts the bundle.
    const verifier = await newPage({ ...PHONE });
    const v = ja.verifyBundle;
    await verifier.goto('/verify');
    await verifier.getByRole('heading', { level: 1, name: v.pageTitle }).waitFor();
    await expectNoAxeViolations(verifier);
    const choose = verifier.getByLabel(v.chooseLabel, { exact: true });
    await choose.setInputFiles(bundle);
    const ok = verifier.getByRole('region', { name: v.okTitle });
    await ok.waitFor({ timeout: 30_000 });
    await ok.getByText(v.countsValue(2, expectedFiles(entries), 2)).waitFor();
    await ok.getByText(caseNumber).first().waitFor();
    await expectNoAxeViolations(verifier);

    // One byte flipped in one file of a copy: refused, naming that file.
    const target = Object.keys(entries).find((name) => name.startsWith('files/') && entries[name]!.length > 0);
    expect(target).toBeDefined();
    const name = target as string;
    const altered = new Uint8Array(entries[name]!);
    altered[Math.floor(altered.length / 2)]! ^= 0x01;
    const tampered = join(workDir, 'tampered.zip');
    writeFileSync(tampered, zipSync({ ...entries, [name]: altered }, { level: 0 }));
    await choose.setInputFiles(tampered);
    const failed: Locator = verifier.getByRole('region', { name: v.failedTitle });
    await failed.waitFor({ timeout: 30_000 });
    await failed.getByText(name, { exact: true }).first().waitFor();
    await expect(verifier.getByRole('region', { name: v.okTitle }).count()).resolves.toBe(0);
    await expectNoAxeViolations(verifier);
  }, 240_000);
});

/** The files manifest.json lists, for the summary the verification page shows. */
function expectedFiles(entries: Record<string, Uint8Array>): number {
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as { files: unknown[] };
  return manifest.files.length;
}
