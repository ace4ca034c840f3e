import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { headMessage, nextEntry, type EvidenceItem, type HashedEntry } from '@mimamoru/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { verifyBundleBlob, type VerifyProgress } from '../../web/src/lib/verify-bundle.js';
import { ZIP_CHUNK_BYTES } from '../../web/src/lib/verify-bundle-zip.js';
import { verifyEvidenceBundle } from '../src/modules/evidence-bundle/bundle-reader.js';
import { checkBundleTimestamps } from '../src/modules/evidence-timestamp/bundle-timestamps.js';
import { writeEvidenceBundle } from '../src/modules/evidence-bundle/bundle-writer.js';
import { requestTimestamp } from '../src/modules/evidence-timestamp/tsa-client.js';
import { createKeyring } from '../src/security/keyring.js';
import { createLocalBlobStore } from '../src/storage/blob-store.js';
import { pngWithText } from './intake-fixtures.js';
import { startLocalTsa } from './support/local-tsa.js';

/*
 * The browser verification page's verifier (apps/web/src/lib/verify-bundle.ts), run on Node's file-backed Blob
 * (fs.openAsBlob) exactly as the page runs it on a File: bundles written by the server, the same bundles rewritten
 * as ZIP64 (stored and deflated), and tampered copies.
 */

let dir: string;
let bundlePath: string;
/** The local TSA's root CA (PEM), and another TSA's root the token does not chain to. */
let tsaCaPem: string;
let strangerCaPem: string;
/** A 12 MiB stored evidence file: more than two read chunks. */
const BIG_FILE_BYTES = 12 * 1024 * 1024;

async function buildBundle(): Promise<string> {
  const store = createLocalBlobStore({ dir: path.join(dir, 'blobs'), keyring: createKeyring([{ version: 1, key: randomBytes(32) }]) });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  const caseId = '0190f0a4-1111-7000-8000-0000000000b1';
  const png = await store.put(pngWithText('ZZVERIFY screenshot'));
  const html = await store.put(Buffer.from('<html><body><p>ZZVERIFY 最低な人間だ</p></body></html>'.repeat(400), 'utf8'));
  const video = await store.put(randomBytes(BIG_FILE_BYTES));
  const item = (id: string, files: EvidenceItem['files']): EvidenceItem => ({
    id,
    platform: 'x',
    postUrl: `https://x.com/bad/status/${id.slice(-4)}`,
    capturedAt: '2026-11-29T01:00:00.000Z',
    capturedBy: 'victim',
    text: 'ZZVERIFY こいつは本当に最低な人間だ。',
    files,
  });
  const at = '2026-11-29T01:00:00.000Z';
  const chain: HashedEntry[] = [];
  const append = (input: Omit<Parameters<typeof nextEntry>[1], 'caseId' | 'at' | 'actor'>) => {
    const last = chain.at(-1);
    chain.push(nextEntry(last ? { seq: last.entry.seq, hash: last.hash } : null, { caseId, at, actor: { type: 'victim' }, ...input }));
  };
  const a = '0190f0a4-2222-7000-8000-0000000000a1';
  const b = '0190f0a4-2222-7000-8000-0000000000a2';
  append({
    type: 'add',
    itemId: a,
    item: item(a, [
      { sha256: png.sha256, size: png.size, contentType: 'image/png', name: 'shot.png', role: 'screenshot' },
      { sha256: html.sha256, size: html.size, contentType: 'text/html', name: 'page.html', role: 'html' },
    ]),
  });
  append({ type: 'add', itemId: b, item: item(b, [{ sha256: video.sha256, size: video.size, contentType: 'video/mp4', name: 'clip.mp4', role: 'video' }]) });
  const head = chain.at(-1)!;
  const [tsa, stranger] = await Promise.all([startLocalTsa(), startLocalTsa()]);
  let token: Uint8Array;
  try {
    token = (await requestTimestamp({ url: tsa.url, hashHex: head.hash, trustedCertsPem: tsa.caPem })).tokenDer;
    tsaCaPem = tsa.caPem;
    strangerCaPem = stranger.caPem;
  } finally {
    await Promise.all([tsa.close(), stranger.close()]);
  }
  const out = path.join(dir, 'bundle.zip');
  await writeEvidenceBundle(
    {
      caseId,
      caseNumber: 'MM-2026-00077',
      exportedAt: '2026-11-29T10:00:00.000Z',
      publicKey: publicHex,
      chain,
      head: { seq: head.entry.seq, hash: head.hash, signature: sign(null, headMessage(caseId, head.entry.seq, head.hash), privateKey).toString('hex'), signedAt: at },
      timestamps: [{ seq: head.entry.seq, hash: head.hash, tsa: tsa.url, tokenBase64: Buffer.from(token).toString('base64'), genTime: at }],
      openBlob: (sha256) => store.get(sha256),
    },
    fs.createWriteStream(out),
  );
  return out;
}

async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const entries = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.set(entry.fileName, Buffer.concat(chunks));
  }
  zip.close();
  return entries;
}

let counter = 0;
/** Rewrites the bundle's entries with yazl (ZIP64 records forced, deflated or stored), changed by `mutate`. */
async function rezip(
  options: { zip64: boolean; compress: boolean },
  mutate: (entries: Map<string, Buffer>) => void = () => undefined,
): Promise<string> {
  const entries = await readZip(bundlePath);
  mutate(entries);
  const zip = new ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name, { compress: options.compress, forceZip64Format: options.zip64 });
  zip.end({ forceZip64Format: options.zip64, comment: '' });
  counter += 1;
  const out = path.join(dir, `rezipped-${counter}.zip`);
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(out)).on('finish', resolve).on('error', reject);
  });
  return out;
}

function flip(bytes: Buffer, at = Math.floor(bytes.length / 2)): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

/** The file as the page gets it (a file-backed Blob), recording the largest slice read. */
async function blobOf(file: string): Promise<{ blob: Blob; largestRead: () => number }> {
  const real = await fs.openAsBlob(file);
  let largest = 0;
  const blob = {
    size: real.size,
    slice(start?: number, end?: number) {
      largest = Math.max(largest, (end ?? real.size) - (start ?? 0));
      return real.slice(start, end);
    },
  } as Blob;
  return { blob, largestRead: () => largest };
}

async function verify(file: string, trustedCertsPem?: string) {
  const { blob } = await blobOf(file);
  return verifyBundleBlob(blob, undefined, trustedCertsPem === undefined ? {} : { trustedCertsPem });
}

/** SHA256SUMS rewritten for the (changed) entries, as a forger who understands the format would. */
function resum(entries: Map<string, Buffer>): void {
  const lines = [...entries].filter(([name]) => name !== 'SHA256SUMS').map(([name, bytes]) => `${createHash('sha256').update(bytes).digest('hex')}  ${name}\n`);
  entries.set('SHA256SUMS', Buffer.from(lines.join('')));
}

/** The offset of the token's genTime digits (GeneralizedTime, tag 0x18, "YYYYMMDDHHMMSS…Z"). */
function genTimeAt(token: Buffer): number {
  for (let i = 0; i + 2 < token.length; i += 1) {
    if (token[i] === 0x18 && token[i + 1]! >= 15 && token.subarray(i + 2, i + 4).toString('latin1') === '20') return i + 2;
  }
  throw new Error('no GeneralizedTime in the token');
}

const hasZip64End = (file: string) => fs.readFileSync(file).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]));

describe('browser bundle verification (File.slice, streaming)', () => {
  let manifestPaths: string[];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-verify-browser-'));
    bundlePath = await buildBundle();
    const manifest = JSON.parse((await readZip(bundlePath)).get('manifest.json')!.toString('utf8')) as { files: { path: string }[] };
    manifestPaths = manifest.files.map((f) => f.path);
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('accepts the bundle the server wrote, with the same summary as `mimamoru verify`, reading at most one chunk at a time', async () => {
    const { blob, largestRead } = await blobOf(bundlePath);
    const seen: VerifyProgress[] = [];
    const verdict = await verifyBundleBlob(blob, (p) => seen.push(p));
    const cli = await verifyEvidenceBundle(bundlePath);
    expect(cli.ok).toBe(true);
    expect(verdict).toMatchObject(cli);
    expect(verdict).toMatchObject({ ok: true, summary: { caseNumber: 'MM-2026-00077', items: 2, files: 3, timestamps: 1 } });
    // Each token's TSA signature is checked, as `mimamoru verify` does; without a trust anchor it says so.
    expect(verdict.ok && verdict.timestamps).toEqual([
      { seq: 2, file: 'timestamps/2-1.tsr', genTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), tsa: 'CN=mimamoru test TSA, O=mimamoru tests', status: 'signature' },
    ]);
    expect(largestRead()).toBeLessThanOrEqual(ZIP_CHUNK_BYTES);
    const last = seen.at(-1)!;
    expect(last.filesDone).toBe(last.filesTotal);
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(last.bytesTotal).toBeGreaterThan(BIG_FILE_BYTES);
    // Progress moves forward within the big file, not only between files.
    const during = seen.filter((p) => p.filesDone === seen.find((q) => q.bytesDone > ZIP_CHUNK_BYTES)?.filesDone);
    expect(new Set(during.map((p) => p.bytesDone)).size).toBeGreaterThan(1);
  });

  it.each([
    ['ZIP64, deflated', { zip64: true, compress: true }],
    ['ZIP64, stored', { zip64: true, compress: false }],
    ['classic ZIP, deflated', { zip64: false, compress: true }],
  ])('accepts the same bundle rewritten as %s', async (_label, options) => {
    const file = await rezip(options);
    expect(hasZip64End(file)).toBe(options.zip64);
    expect(await verify(file)).toMatchObject({ ok: true, summary: { items: 2, files: 3 } });
  });

  it('names the file with one flipped byte, in the big stored file and in a deflated one', async () => {
    const big = manifestPaths.find((p) => p.endsWith('.mp4'))!;
    const html = manifestPaths.find((p) => p.endsWith('.html'))!;
    for (const [target, compress] of [
      [big, false],
      [html, true],
    ] as const) {
      const file = await rezip({ zip64: true, compress }, (e) => void e.set(target, flip(e.get(target)!)));
      expect(await verify(file)).toMatchObject({ ok: false, kind: 'file-hash', file: target });
    }
  });

  it('refuses an altered manifest, a dropped file, an added file, an altered token and a wrong SHA256SUMS', async () => {
    const big = manifestPaths.find((p) => p.endsWith('.mp4'))!;
    const zip64 = { zip64: true, compress: true };
    const manifest = await rezip(zip64, (e) => {
      const m = JSON.parse(e.get('manifest.json')!.toString('utf8')) as { items: { text: string }[] };
      m.items[0]!.text = 'ZZVERIFY changed';
      e.set('manifest.json', Buffer.from(JSON.stringify(m)));
    });
    expect(await verify(manifest)).toMatchObject({ ok: false, kind: 'items' });
    expect(await verify(await rezip(zip64, (e) => void e.delete(big)))).toMatchObject({ ok: false, kind: 'file-missing', file: big });
    expect(await verify(await rezip(zip64, (e) => void e.set('files/extra.txt', Buffer.from('x'))))).toMatchObject({
      ok: false,
      kind: 'file-unlisted',
      file: 'files/extra.txt',
    });
    const tokenName = [...(await readZip(bundlePath)).keys()].find((n) => n.startsWith('timestamps/'))!;
    expect(await verify(await rezip(zip64, (e) => void e.set(tokenName, flip(e.get(tokenName)!))))).toMatchObject({
      ok: false,
      kind: 'timestamp',
      file: tokenName,
    });
    expect(
      await verify(await rezip(zip64, (e) => void e.set('SHA256SUMS', Buffer.from(e.get('SHA256SUMS')!.toString('utf8').replace(/^[0-9a-f]/, (c) => (c === '0' ? '1' : '0')))))),
    ).toMatchObject({ ok: false, kind: 'sums' });
  });

  it('checks each token\'s TSA signature and, with a chosen root certificate, its chain, as `mimamoru verify --tsa-ca`', async () => {
    expect(await verify(bundlePath, tsaCaPem)).toMatchObject({ ok: true, timestamps: [{ seq: 2, status: 'anchored' }] });
    const foreign = await verify(bundlePath, strangerCaPem);
    expect(foreign).toMatchObject({ ok: false, kind: 'timestamp', file: 'timestamps/2-1.tsr' });
    expect(!foreign.ok && foreign.detail).toMatch(/^timestamp of entry 2: chain: /);
    expect(await checkBundleTimestamps(bundlePath, strangerCaPem)).toMatchObject({ ok: false, detail: !foreign.ok && foreign.detail });
  });

  it('on a page without WebCrypto (plain http) reports the token as unchecked, not as valid', async () => {
    vi.stubGlobal('crypto', undefined);
    try {
      expect(await verify(bundlePath)).toMatchObject({ ok: true, timestamps: [{ seq: 2, status: 'unchecked', tsa: 'CN=mimamoru test TSA, O=mimamoru tests' }] });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('names a token whose time was altered after signing even when manifest.json, the .tsr and SHA256SUMS agree', async () => {
    const tokenName = 'timestamps/2-1.tsr';
    const forged = await rezip({ zip64: false, compress: true }, (e) => {
      const token = Buffer.from(e.get(tokenName)!);
      const at = genTimeAt(token) + 13; // the seconds' last digit
      token[at] = token[at] === 0x30 ? 0x31 : 0x30;
      const m = JSON.parse(e.get('manifest.json')!.toString('utf8')) as { timestamps: { tokenBase64: string }[] };
      m.timestamps[0]!.tokenBase64 = token.toString('base64');
      e.set('manifest.json', Buffer.from(JSON.stringify(m, null, 2)));
      e.set(tokenName, token);
      resum(e);
    });
    // Hashes, chain, signed head and imprint all still agree: only the TSA signature check catches it.
    expect(await verifyEvidenceBundle(forged)).toMatchObject({ ok: true });
    const verdict = await verify(forged);
    expect(verdict).toMatchObject({ ok: false, kind: 'timestamp', file: tokenName });
    expect(!verdict.ok && verdict.detail).toMatch(/^timestamp of entry 2: message-digest: /);
    expect(await checkBundleTimestamps(forged)).toMatchObject({ ok: false, file: tokenName, detail: !verdict.ok && verdict.detail });
  });

  it('reports damaged deflate data, unsafe names, ZIP bombs and non-ZIP files without reading them whole', async () => {
    // Corrupt the deflated HTML's compressed bytes in place: its data cannot be inflated to the declared size.
    const deflated = await rezip({ zip64: true, compress: true });
    const bytes = fs.readFileSync(deflated);
    const html = manifestPaths.find((p) => p.endsWith('.html'))!;
    const at = bytes.indexOf(Buffer.from(html)) + html.length + 60;
    for (let i = at; i < at + 40; i += 1) bytes[i] = 0xff;
    const corrupt = path.join(dir, 'corrupt.zip');
    fs.writeFileSync(corrupt, bytes);
    expect(await verify(corrupt)).toMatchObject({ ok: false, kind: 'entry-corrupt', file: html });

    // yazl refuses to write such a name: rename a same-length entry in the bytes instead.
    const renamed = fs.readFileSync(bundlePath);
    for (let i = renamed.indexOf('verify.txt'); i >= 0; i = renamed.indexOf('verify.txt', i + 1)) renamed.write('../x/y.txt', i, 'latin1');
    const unsafe = path.join(dir, 'unsafe.zip');
    fs.writeFileSync(unsafe, renamed);
    expect(await verify(unsafe)).toMatchObject({ ok: false, kind: 'unsafe-name', file: '../x/y.txt' });
    expect(await verify(await rezip({ zip64: false, compress: true }, (e) => void e.set('files/zeros.bin', Buffer.alloc(50 * 1024 * 1024))))).toMatchObject({
      ok: false,
      kind: 'zip-bomb',
      file: 'files/zeros.bin',
    });
    const notZip = path.join(dir, 'not.zip');
    fs.writeFileSync(notZip, deflateRawSync(Buffer.from('not a zip at all')));
    expect(await verify(notZip)).toMatchObject({ ok: false, kind: 'unreadable' });
    const truncated = path.join(dir, 'truncated.zip');
    fs.writeFileSync(truncated, fs.readFileSync(bundlePath).subarray(0, 100_000));
    expect(await verify(truncated)).toMatchObject({ ok: false, kind: 'unreadable' });
  });
});
