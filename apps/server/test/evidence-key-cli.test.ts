import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { formatFingerprint } from '@mimamoru/core';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { loadConfig } from '../src/config/config.js';
import { createContainer } from '../src/container.js';
import { createLogger } from '../src/http/logging.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-evidence-key-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { MIMAMORU_DATA_DIR: dir, MIMAMORU_ENV: 'test' };
const quiet = { logger: createLogger({ logLevel: 'warn' }, { write: () => undefined }) };

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

describe('the evidence signing key', () => {
  it('is created once at first use, shown by `keys status`, and survives a key rotation', async () => {
    expect((await cli(['migrate'])).code).toBe(0);
    expect((await cli(['keys', 'status'])).stdout).toContain('Evidence signing key: not created yet');

    const container = createContainer(loadConfig(env), quiet);
    let fingerprint: string;
    try {
      const key = await container.services.evidence.publicKey();
      fingerprint = key.fingerprint;
      expect((await container.services.evidence.publicKey()).fingerprint).toBe(fingerprint);
      const row = await container.database.db.selectFrom('signing_keys').selectAll().executeTakeFirstOrThrow();
      // The private half is sealed: neither hex nor base64 of 32 raw bytes.
      expect(row.private_key_sealed).not.toMatch(/^[0-9a-f]{64}$/);
      expect(row.public_key).toBe(key.publicKey);
    } finally {
      await container.close();
    }
    const status = await cli(['keys', 'status']);
    expect(status.stdout).toContain(`Evidence signing key (Ed25519) fingerprint: ${formatFingerprint(fingerprint)}`);
    expect(status.stdout).toContain('signing_keys.private_key_sealed: k1: 1');

    expect((await cli(['keys', 'rotate'])).code).toBe(0);
    const after = createContainer(loadConfig(env), quiet);
    try {
      // Resealed under the new master key and still the same signing key.
      expect((await after.services.evidence.publicKey()).fingerprint).toBe(fingerprint);
    } finally {
      await after.close();
    }
    expect((await cli(['keys', 'status'])).stdout).toContain('signing_keys.private_key_sealed: k2: 1');
  });
});
