import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { formatFingerprint, keyFingerprint } from '@mimamoru/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { loadConfig } from '../src/config/config.js';
import { createContainer } from '../src/container.js';
import { createLogger } from '../src/http/logging.js';
import { verifyEvidenceBundle } from '../src/modules/evidence-bundle/bundle-reader.js';
import { createSigningKeys } from '../src/security/signing-key.js';
import { createTestApp, databases, type TestApp } from './harness.js';
import { consultation, submit } from './intake-fixtures.js';
import { appendServerCapture, caseIdOf } from './support/evidence-chain.js';

/*
 * `mimamoru keys rotate-signing`: a new Ed25519 key signs the next heads; heads signed before keep verifying with
 * their own key, and a bundle carries the key that signed its head (not the active one).
 */

describe.each(databases)('evidence signing key rotation (%s)', (kind) => {
  let t: TestApp;
  let caseId: string;
  let caseNumber: string;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-signing-rotation-'));
    t = await createTestApp(kind);
    const res = await submit(t.app, consultation('ZZROTATE'));
    expect(res.statusCode).toBe(201);
    caseNumber = (res.json() as { caseNumber: string }).caseNumber;
    caseId = await caseIdOf(t.container.database.db, caseNumber);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function addItem(n: number): Promise<void> {
    await appendServerCapture(t, caseId, { text: `ZZROTATE screenshot ${n}`, status: n, capturedAt: new Date() });
  }

  async function exportAndVerify(name: string) {
    const prepared = await t.container.services.evidenceBundle.prepareExport({ caseId, exporter: { kind: 'operator' } });
    const file = path.join(dir, name);
    await prepared.write(fs.createWriteStream(file));
    return { manifest: prepared.manifest, verdict: await verifyEvidenceBundle(file) };
  }

  it('a bundle exported after a rotation carries the key that signed its head and verifies; the next head uses the new key', async () => {
    await addItem(1);
    const before = await t.container.services.evidence.publicKey();

    // Another process (the CLI) rotates: the server's cached key must not keep signing.
    const { previous, current } = await createSigningKeys({ db: t.container.database.db, keyring: t.container.keyring, clock: () => new Date() }).rotate();
    expect(previous?.fingerprint).toBe(before.fingerprint);
    expect(current.fingerprint).not.toBe(before.fingerprint);
    const after = await t.container.services.evidence.publicKey();
    expect(after).toMatchObject({ fingerprint: current.fingerprint, fingerprintDisplay: formatFingerprint(current.fingerprint) });

    // The head is still the one signed by the retired key: the bundle says so, and it verifies.
    const old = await exportAndVerify('after-rotation.zip');
    expect(old.manifest.publicKey).toBe(before.publicKey);
    expect(old.manifest.keyFingerprint).toBe(keyFingerprint(before.publicKey));
    expect(old.verdict).toMatchObject({ ok: true, summary: { keyFingerprint: before.fingerprint, headSeq: 1 } });
    expect((await t.container.services.evidence.readLocker(caseId)).verification).toEqual({ ok: true });

    await addItem(2);
    const head = await t.container.database.db.selectFrom('evidence_heads').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(head.key_id).toBe(current.id);
    const next = await exportAndVerify('after-next-append.zip');
    expect(next.manifest.publicKey).toBe(current.publicKey);
    expect(next.verdict).toMatchObject({ ok: true, summary: { keyFingerprint: current.fingerprint, headSeq: 2, entries: 2 } });
    expect((await t.container.services.evidence.readLocker(caseId)).verification).toEqual({ ok: true });

    const audit = await t.container.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'evidence.exported').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
});

describe('`mimamoru keys rotate-signing`', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-rotate-signing-'));
  const env = { MIMAMORU_DATA_DIR: dir, MIMAMORU_ENV: 'test' };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await run(args, {
      stdin: new PassThrough(),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env,
    });
    return { code, stdout, stderr };
  }

  it('prints the new fingerprint, which `keys status` and the console then show, and audits the rotation', async () => {
    expect((await cli(['migrate'])).code).toBe(0);
    const container = createContainer(loadConfig(env), { logger: createLogger({ logLevel: 'warn' }, { write: () => undefined }) });
    try {
      const old = await container.services.evidence.publicKey();
      const rotated = await cli(['keys', 'rotate-signing']);
      expect(rotated.code, rotated.stderr).toBe(0);
      const match = /New evidence signing key \(Ed25519\) fingerprint: (.+)\n/.exec(rotated.stdout);
      expect(match).not.toBeNull();
      const display = match![1]!;
      expect(display).not.toBe(old.fingerprintDisplay);
      expect(rotated.stdout).toContain(`Retired key ${old.fingerprintDisplay}`);
      expect((await cli(['keys', 'status'])).stdout).toContain(`Evidence signing key (Ed25519) fingerprint: ${display}`);
      // The running server (its own process and cache) shows the new key at once.
      expect((await container.services.evidence.publicKey()).fingerprintDisplay).toBe(display);
      const rows = await container.database.db.selectFrom('signing_keys').select(['fingerprint', 'retired_at']).execute();
      expect(rows).toHaveLength(2);
      expect(rows.filter((r) => r.retired_at === null).map((r) => formatFingerprint(r.fingerprint))).toEqual([display]);
      const audit = await container.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'evidence.signing_key_rotated')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actor_type: 'system', target_type: 'signing_key' });
    } finally {
      await container.close();
    }
  });
});
