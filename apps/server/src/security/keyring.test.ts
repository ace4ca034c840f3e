import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import { createKeyring, keyFilePath, loadKeyring, type KeyringError } from './keyring.js';

const key = () => randomBytes(32);

function recorder() {
  const lines: { level: string; obj: unknown; msg: string }[] = [];
  const log = (level: string) => (obj: unknown, msg?: string) =>
    void lines.push({ level, obj, msg: msg ?? '' });
  return { lines, logger: { warn: log('warn'), info: log('info') } as never };
}

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-keys-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as KeyringError).code;
  }
  return undefined;
}

describe('keyring', () => {
  const keyring = createKeyring([{ version: 1, key: key() }]);

  it('opens what it sealed, for text and bytes, with a fresh IV each time', () => {
    const sealed = keyring.seal('誹謗中傷の内容', 'cases.narrative:c1');
    expect(sealed).toMatch(/^k1\.[A-Za-z0-9_-]+$/);
    expect(keyring.openText(sealed, 'cases.narrative:c1')).toBe('誹謗中傷の内容');
    expect(keyring.seal('same', 'x')).not.toBe(keyring.seal('same', 'x'));
    const bytes = Uint8Array.from([0, 1, 2, 255]);
    expect([...keyring.open(keyring.seal(bytes, 'b'), 'b')]).toEqual([0, 1, 2, 255]);
    const file = keyring.sealBytes(bytes, 'blob:x');
    expect(file.subarray(0, 4).toString()).toBe('MMK1');
    expect([...keyring.openBytes(file, 'blob:x')]).toEqual([0, 1, 2, 255]);
  });

  it('refuses a value moved to another row or column (context is authenticated)', () => {
    const sealed = keyring.seal('secret', 'cases.narrative:c1');
    expect(codeOf(() => keyring.open(sealed, 'cases.narrative:c2'))).toBe('keyring.cannot_open');
    expect(codeOf(() => keyring.open(sealed, 'cases.name:c1'))).toBe('keyring.cannot_open');
  });

  it('refuses a tampered ciphertext, a malformed value and an unknown key version', () => {
    const sealed = keyring.seal('secret', 'ctx');
    const packed = Buffer.from(sealed.slice(3), 'base64url');
    for (const index of [0, 13, packed.length - 1]) {
      const altered = Buffer.from(packed);
      altered[index] = (altered[index] as number) ^ 1;
      expect(codeOf(() => keyring.open(`k1.${altered.toString('base64url')}`, 'ctx'))).toBe(
        'keyring.cannot_open',
      );
    }
    expect(codeOf(() => keyring.open('plain text', 'ctx'))).toBe('keyring.malformed');
    expect(codeOf(() => keyring.open(`k7.${sealed.slice(3)}`, 'ctx'))).toBe('keyring.unknown_version');
    const file = keyring.sealBytes(Buffer.from('abc'), 'ctx');
    file[file.length - 1] = (file[file.length - 1] as number) ^ 1;
    expect(codeOf(() => keyring.openBytes(file, 'ctx'))).toBe('keyring.cannot_open');
  });

  it('seals with the highest version, opens older ones, and says which need rotation', () => {
    const one = key();
    const old = createKeyring([{ version: 1, key: one }]).seal('a', 'c');
    const rotated = createKeyring([
      { version: 2, key: key() },
      { version: 1, key: one },
    ]);
    expect(rotated.currentVersion).toBe(2);
    expect(rotated.openText(old, 'c')).toBe('a');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.needsRotation(rotated.seal('a', 'c'))).toBe(false);
  });

  it('adds a version in memory and gives the operator the new MIMAMORU_MASTER_KEY value', () => {
    const ring = createKeyring([{ version: 1, key: key() }]);
    const added = ring.addVersion();
    expect(added).toMatchObject({ version: 2, persisted: false });
    expect(added.envValue).toMatch(/^1:[A-Za-z0-9+/=]{44},2:[A-Za-z0-9+/=]{44}$/);
    expect(ring.currentVersion).toBe(2);
    const config = loadConfig({ MIMAMORU_MASTER_KEY: added.envValue as string });
    const reloaded = loadKeyring(config, recorder().logger);
    expect(reloaded.openText(ring.seal('x', 'c'), 'c')).toBe('x');
  });
});

describe('loading master keys', () => {
  it('creates a key file with mode 0600 in a 0700 directory on first start, and warns where it is', () => {
    const dataDir = tempDir();
    const { lines, logger } = recorder();
    const first = loadKeyring(loadConfig({ MIMAMORU_DATA_DIR: dataDir }), logger);
    const file = keyFilePath(dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(first.source).toEqual({ kind: 'file', file });
    const warning = lines.find((line) => line.level === 'warn');
    expect(warning?.msg).toContain(file);
    expect(warning?.msg).toMatch(/back this file up/);

    const sealed = first.seal('kept', 'ctx');
    const second = loadKeyring(loadConfig({ MIMAMORU_DATA_DIR: dataDir }), recorder().logger);
    expect(second.openText(sealed, 'ctx')).toBe('kept');
  });

  it('persists a new version to the key file before using it', () => {
    const dataDir = tempDir();
    const config = loadConfig({ MIMAMORU_DATA_DIR: dataDir });
    const ring = loadKeyring(config, recorder().logger);
    const old = ring.seal('v1', 'c');
    expect(ring.addVersion()).toEqual({ version: 2, persisted: true });
    const reloaded = loadKeyring(config, recorder().logger);
    expect(reloaded.currentVersion).toBe(2);
    expect(reloaded.openText(old, 'c')).toBe('v1');
    expect(reloaded.openText(ring.seal('v2', 'c'), 'c')).toBe('v2');
    expect(fs.statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('warns loudly in production when keys come from the file', () => {
    const { lines, logger } = recorder();
    loadKeyring(loadConfig({ MIMAMORU_DATA_DIR: tempDir(), MIMAMORU_ENV: 'production' }), logger);
    expect(lines.some((line) => line.level === 'warn' && line.msg.includes('MIMAMORU_MASTER_KEY'))).toBe(
      true,
    );
  });

  it('reads versioned keys from MIMAMORU_MASTER_KEY and creates no key file', () => {
    const dataDir = tempDir();
    const value = `1:${key().toString('base64')},3:${key().toString('base64url')}`;
    const ring = loadKeyring(
      loadConfig({ MIMAMORU_DATA_DIR: dataDir, MIMAMORU_MASTER_KEY: value }),
      recorder().logger,
    );
    expect(ring.versions).toEqual([1, 3]);
    expect(ring.currentVersion).toBe(3);
    expect(fs.existsSync(keyFilePath(dataDir))).toBe(false);
  });

  it('rejects a malformed key at boot without echoing it', () => {
    for (const bad of [
      'short',
      `1:${key().toString('base64')},1:${key().toString('base64')}`,
      `x:${key().toString('base64')}`,
    ]) {
      let error: unknown;
      try {
        loadConfig({ MIMAMORU_MASTER_KEY: bad });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems[0]).toMatch(/^MIMAMORU_MASTER_KEY: /);
      expect((error as ConfigError).message).not.toContain(bad);
    }
  });

  it('rejects a damaged key file with a ConfigError naming the file', () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'keys'), { recursive: true });
    fs.writeFileSync(
      keyFilePath(dataDir),
      '{"format":"mimamoru-master-keys/1","keys":[{"version":1,"key":"abc"}]}',
    );
    expect(() => loadKeyring(loadConfig({ MIMAMORU_DATA_DIR: dataDir }), recorder().logger)).toThrow(
      ConfigError,
    );
  });
});
