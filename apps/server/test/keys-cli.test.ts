import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { keyFilePath } from '../src/security/keyring.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-keys-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdin: new PassThrough(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { MIMAMORU_DATA_DIR: dir, MIMAMORU_ENV: 'test', ...env },
  });
  return { code, stdout, stderr };
}

describe('mimamoru keys', () => {
  it('asks for migrations first, then reports key versions and sealed values', async () => {
    const early = await cli(['keys', 'status']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('mimamoru migrate');
    expect(fs.existsSync(keyFilePath(dir))).toBe(true);
    expect(early.stderr).toContain('MASTER KEY CREATED');

    expect((await cli(['migrate'])).code).toBe(0);
    const status = await cli(['keys', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('version 1 (current 1), from the key file');
    expect(status.stdout).toContain('jobs.payload: none');
  });

  it('rotates with the key file: adds a version to the file and re-encrypts', async () => {
    const rotated = await cli(['keys', 'rotate']);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain('Added master key version 2');
    const file = JSON.parse(fs.readFileSync(keyFilePath(dir), 'utf8')) as { keys: { version: number }[] };
    expect(file.keys.map((k) => k.version)).toEqual([1, 2]);
    const status = await cli(['keys', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({
      currentVersion: 2,
      versions: [1, 2],
      source: 'file',
      outdated: 0,
    });
  });

  it('never prints MIMAMORU_MASTER_KEY or SMTP credentials in `mimamoru config`', async () => {
    const key = Buffer.alloc(32, 9).toString('base64');
    const { code, stdout } = await cli(['config'], {
      MIMAMORU_MASTER_KEY: key,
      SMTP_URL: 'smtp://user:s3cretpass@mail.example.jp:587',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('MIMAMORU_MASTER_KEY');
    expect(stdout).toContain('SMTP_URL');
    expect(stdout).not.toContain(key);
    expect(stdout).not.toContain('s3cretpass');
  });

  it('with MIMAMORU_MASTER_KEY, prints the new value for the operator and re-encrypts nothing yet', async () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const rotated = await cli(['keys', 'rotate'], { MIMAMORU_MASTER_KEY: key });
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/1:[A-Za-z0-9+/=]{44},2:[A-Za-z0-9+/=]{44}/);
    expect(rotated.stdout).toContain('--reencrypt-only');
  });
});
