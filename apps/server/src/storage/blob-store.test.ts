import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyring } from '../security/keyring.js';
import { createLocalBlobStore, sha256Hex, type BlobError } from './blob-store.js';

const dirs: string[] = [];
function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-blobs-'));
  dirs.push(dir);
  const keyring = createKeyring([{ version: 1, key: randomBytes(32) }]);
  return { dir, keyring, store: createLocalBlobStore({ dir, keyring }) };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as BlobError).code;
  }
  return undefined;
}

const SCREENSHOT = Buffer.from('PNG… 投稿のスクリーンショット ZZPLAINTEXTZZ '.repeat(50));

describe('local blob store', () => {
  it('stores bytes under their SHA-256 and gives them back', async () => {
    const { store, dir } = setup();
    const { sha256, size } = await store.put(SCREENSHOT);
    expect(sha256).toBe(sha256Hex(SCREENSHOT));
    expect(size).toBe(SCREENSHOT.length);
    expect(fs.existsSync(path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(true);
    expect(await store.has(sha256)).toBe(true);
    expect((await store.get(sha256)).equals(SCREENSHOT)).toBe(true);
  });

  it('keeps only ciphertext on disk, with no temp files left and mode 0600', async () => {
    const { store, dir } = setup();
    const { sha256 } = await store.put(SCREENSHOT);
    const folder = path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4));
    expect(fs.readdirSync(folder)).toEqual([sha256]);
    const stored = fs.readFileSync(path.join(folder, sha256));
    expect(stored.includes(Buffer.from('ZZPLAINTEXTZZ'))).toBe(false);
    expect(stored.includes(Buffer.from('スクリーンショット'))).toBe(false);
    expect(fs.statSync(path.join(folder, sha256)).mode & 0o777).toBe(0o600);
  });

  it('is idempotent: the same bytes give the same address and the file is not rewritten', async () => {
    const { store, dir } = setup();
    const first = await store.put(SCREENSHOT);
    const file = path.join(dir, first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256);
    const before = fs.readFileSync(file);
    const second = await store.put(Buffer.from(SCREENSHOT));
    expect(second).toEqual(first);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('detects a damaged or swapped file instead of returning wrong bytes', async () => {
    const { store, dir } = setup();
    const a = await store.put(Buffer.from('first file'));
    const b = await store.put(Buffer.from('second file'));
    const fileOf = (sha: string) => path.join(dir, sha.slice(0, 2), sha.slice(2, 4), sha);
    fs.copyFileSync(fileOf(b.sha256), fileOf(a.sha256));
    expect(await errorCode(store.get(a.sha256))).toBe('blob.corrupt');
    const damaged = fs.readFileSync(fileOf(b.sha256));
    damaged[damaged.length - 3] = (damaged[damaged.length - 3] as number) ^ 1;
    fs.writeFileSync(fileOf(b.sha256), damaged);
    expect(await errorCode(store.get(b.sha256))).toBe('blob.corrupt');
  });

  it('deletes, answers not_found afterwards, and rejects malformed addresses', async () => {
    const { store } = setup();
    const { sha256 } = await store.put(Buffer.from('to erase'));
    await store.delete(sha256);
    await store.delete(sha256);
    expect(await store.has(sha256)).toBe(false);
    expect(await errorCode(store.get(sha256))).toBe('blob.not_found');
    expect(await errorCode(store.get('../../etc/passwd'))).toBe('blob.invalid_address');
  });

  it('lists every blob and re-encrypts old ones under a new key version', async () => {
    const { store, keyring } = setup();
    const stored = [await store.put(Buffer.from('one')), await store.put(Buffer.from('two'))];
    const listed: string[] = [];
    for await (const sha256 of store.list()) listed.push(sha256);
    expect(listed.sort()).toEqual(stored.map((s) => s.sha256).sort());
    keyring.addVersion();
    for (const { sha256 } of stored) {
      expect(await store.keyVersion(sha256)).toBe(1);
      expect(await store.reseal(sha256)).toBe(true);
      expect(await store.reseal(sha256)).toBe(false);
      expect(await store.keyVersion(sha256)).toBe(2);
    }
    expect((await store.get(stored[0]?.sha256 as string)).toString()).toBe('one');
  });
});
