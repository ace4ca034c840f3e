import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { headMessage, nextEntry, type EvidenceItem, type HashedEntry } from '@mimamoru/core';
import { ConsultationCreatedSchema } from '@mimamoru/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { verifyEvidenceBundle, unsafeEntryName } from '../src/modules/evidence-bundle/bundle-reader.js';
import { prepareEvidenceBundle, writeEvidenceBundle, type BundleProgress } from '../src/modules/evidence-bundle/bundle-writer.js';
import { requestTimestamp } from '../src/modules/evidence-timestamp/tsa-client.js';
import { startLocalTsa } from './support/local-tsa.js';
import { createKeyring } from '../src/security/keyring.js';
import { createLocalBlobStore } from '../src/storage/blob-store.js';
import { run, type CliIo } from '../src/cli/main.js';
import { databases, useTestApp } from './harness.js';
import { consultation, login, multipart, pngWithText, submit } from './intake-fixtures.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

const FIXTURE_PNG = fs.readFileSync(
  path.join(
    path.dirname(new URL(import.meta.url).pathname),
    '../../../node_modules/@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf.png',
  ),
);

let dir: string;
let bundlePath: string;

/** A locker of three items (one corrected, one removed) signed by a fresh key, its files in a real blob store. */
async function buildLocker() {
  const blobDir = path.join(dir, 'blobs');
  const store = createLocalBlobStore({ dir: blobDir, keyring: createKeyring([{ version: 1, key: randomBytes(32) }]) });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  const caseId = '0190f0a4-1111-7000-8000-000000000001';
  const png = await store.put(FIXTURE_PNG);
  const html = await store.put(Buffer.from('<html><body><p>最低な人間だ 😡</p></body></html>', 'utf8'));
  const video = await store.put(randomBytes(300_000));
  const item = (id: string, extra: Partial<EvidenceItem> = {}): EvidenceItem => ({
    id,
    platform: 'x',
    postUrl: `https://x.com/bad/status/${id.slice(-4)}`,
    accountId: '@bad',
    displayName: '悪口 太郎 🔥',
    postedAt: { asShown: '2026-11-28 10:15 UTC', iso: '2026-11-28T10:15:00.000Z', timeZone: 'UTC' },
    capturedAt: '2026-11-29T01:00:00.000Z',
    capturedBy: 'victim',
    text: 'こいつは本当に最低な人間だ。みんなで拡散しよう！👨‍👩‍👧‍👦',
    legal: { rights: ['honor'], identifiability: '本名が書かれている' },
    files: [
      { sha256: png.sha256, size: png.size, contentType: 'image/png', name: 'screenshot.png', role: 'screenshot' },
      { sha256: html.sha256, size: html.size, contentType: 'text/html', name: 'page.html', role: 'html' },
    ],
    ...extra,
  });
  const actor = { type: 'victim' as const };
  const at = '2026-11-29T01:00:00.000Z';
  const chain: HashedEntry[] = [];
  const append = (input: Omit<Parameters<typeof nextEntry>[1], 'caseId' | 'at' | 'actor'>) => {
    const last = chain.at(-1);
    chain.push(nextEntry(last ? { seq: last.entry.seq, hash: last.hash } : null, { caseId, at, actor, ...input }));
  };
  const a = '0190f0a4-2222-7000-8000-00000000000a';
  const b = '0190f0a4-2222-7000-8000-00000000000b';
  const c = '0190f0a4-2222-7000-8000-00000000000c';
  append({ type: 'add', itemId: a, item: item(a) });
  append({ type: 'add', itemId: b, item: item(b, { capturedBy: 'server' }) });
  append({
    type: 'correct',
    itemId: b,
    reason: 'typo',
    item: item(b, {
      capturedBy: 'server',
      files: [
        ...item(b).files,
        { sha256: video.sha256, size: video.size, contentType: 'video/mp4', name: 'clip.mp4', role: 'video' },
      ],
    }),
  });
  append({ type: 'add', itemId: c, item: item(c) });
  append({ type: 'remove', itemId: c, reason: 'duplicate' });
  const head = chain.at(-1)!;
  const signature = sign(null, headMessage(caseId, head.entry.seq, head.hash), privateKey).toString('hex');
  return {
    store,
    source: {
      caseId,
      caseNumber: 'MM-2026-00042',
      exportedAt: '2026-11-29T10:00:00.000Z',
      exportedBy: { type: 'staff' as const, id: 'staff-1' },
      publicKey: publicHex,
      chain,
      head: { seq: head.entry.seq, hash: head.hash, signature, signedAt: at },
      timestamps: [],
      openBlob: (sha256: string) => store.get(sha256),
    },
  };
}

async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const entries = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    entries.set(entry.fileName, Buffer.concat(chunks));
  }
  zip.close();
  return entries;
}

let counter = 0;
/** Writes a copy of the bundle with its entries changed by `mutate` (entries in the given order). */
async function tampered(mutate: (entries: Map<string, Buffer>) => void | [string, Buffer][]): Promise<string> {
  const entries = await readZip(bundlePath);
  const result = mutate(entries);
  const list = result ?? [...entries];
  const zip = new ZipFile();
  for (const [name, bytes] of list) zip.addBuffer(bytes, name);
  zip.end();
  counter += 1;
  const out = path.join(dir, `tampered-${counter}.zip`);
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

describe('evidence bundle: export → verify', () => {
  let manifestFiles: { path: string }[] = [];
  let progress: BundleProgress[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-bundle-'));
    const { source } = await buildLocker();
    bundlePath = path.join(dir, 'bundle.zip');
    progress = [];
    const result = await writeEvidenceBundle(source, fs.createWriteStream(bundlePath), (p) => progress.push(p));
    manifestFiles = [...result.manifest.files];
    expect(result.items).toBe(2);
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('verifies an untouched bundle and summarises it', async () => {
    const verdict = await verifyEvidenceBundle(bundlePath);
    expect(verdict).toMatchObject({
      ok: true,
      summary: { caseNumber: 'MM-2026-00042', items: 2, files: 3, entries: 5, headSeq: 5 },
    });
    expect(progress.at(-1)).toMatchObject({ filesDone: 3, filesTotal: 3 });
    // The size announced before the first byte is the size written.
    expect(progress.at(-1)!.bytes).toBe(fs.statSync(bundlePath).size);
    expect(progress.every((p) => p.bytesTotal === fs.statSync(bundlePath).size)).toBe(true);
  });

  it('holds the manifest, the files by hash, the report, the sums and the openssl helpers', async () => {
    const names = [...(await readZip(bundlePath)).keys()].sort();
    expect(names).toEqual(
      [
        'SHA256SUMS',
        'head-message.txt',
        'head-signature.bin',
        'manifest.json',
        'public-key.pem',
        'report.pdf',
        'verify.txt',
        ...manifestFiles.map((f) => f.path),
      ].sort(),
    );
    expect(manifestFiles.map((f) => f.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^files\/[0-9a-f]{64}\.png$/), expect.stringMatching(/\.mp4$/)]),
    );
  });

  it('passes `sha256sum -c SHA256SUMS` and `openssl pkeyutl -verify` after unzip, as verify.txt says', () => {
    const out = path.join(dir, 'unzipped');
    execFileSync('unzip', ['-q', bundlePath, '-d', out]);
    const sums = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    expect(sums.trim().split('\n')).toHaveLength(9);
    expect(sums).not.toMatch(/FAILED/);
    const verified = execFileSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', 'public-key.pem', '-rawin', '-in', 'head-message.txt', '-sigfile', 'head-signature.bin'],
      { cwd: out, encoding: 'utf8' },
    );
    expect(verified).toMatch(/Signature Verified Successfully/);
    const verifyTxt = fs.readFileSync(path.join(out, 'verify.txt'), 'utf8');
    expect(verifyTxt).toContain('sha256sum -c SHA256SUMS');
    expect(verifyTxt).toContain('openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin');
    // The fingerprint recipe of verify.txt gives the manifest's fingerprint.
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { keyFingerprint: string };
    const fingerprint = execFileSync(
      'sh',
      ['-c', 'openssl pkey -pubin -in public-key.pem -outform DER | tail -c 32 | sha256sum'],
      { cwd: out, encoding: 'utf8' },
    );
    expect(fingerprint.split(' ')[0]).toBe(manifest.keyFingerprint);
    // A flipped byte is caught by the same tools.
    const file = path.join(out, manifestFiles[0]!.path);
    fs.writeFileSync(file, flip(fs.readFileSync(file)));
    expect(() => execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: out, stdio: 'pipe' })).toThrow();
  });

  it('renders report.pdf with embedded Japanese and emoji fonts, one page per item after the cover', async () => {
    const report = (await readZip(bundlePath)).get('report.pdf')!;
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, report);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+3/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansJP-Regular.*yes/);
    expect(fonts).toMatch(/NotoEmoji.*yes/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('こいつは本当に最低な人間だ');
    expect(text).toContain('👨‍👩‍👧‍👦');
    expect(text).toContain('2026-11-28 19:15:00 JST');
    expect(text).toContain('MM-2026-00042');
  });

  it('names the file whose byte was flipped', async () => {
    for (const target of manifestFiles) {
      const bad = await tampered((entries) => void entries.set(target.path, flip(entries.get(target.path)!)));
      const verdict = await verifyEvidenceBundle(bad);
      expect(verdict).toMatchObject({ ok: false, problem: { kind: 'file-hash', file: target.path } });
      expect(verdict.ok === false && 'problem' in verdict && verdict.problem.item).toMatch(/^0190f0a4-2222/);
    }
  });

  it.each([
    ['report.pdf', 'report'],
    ['verify.txt', 'sums'],
    ['SHA256SUMS', 'sums'],
    ['public-key.pem', 'helper-file'],
    ['head-message.txt', 'helper-file'],
    ['head-signature.bin', 'helper-file'],
  ])('names %s when one of its bytes is flipped', async (name, kind) => {
    const bad = await tampered((entries) => void entries.set(name, flip(entries.get(name)!, name === 'SHA256SUMS' ? 3 : undefined)));
    expect(await verifyEvidenceBundle(bad)).toMatchObject({ ok: false, problem: { kind, file: expect.any(String) } });
  });

  it('fails when a byte of the manifest is changed (item text, chain, signature)', async () => {
    const edits: [(m: Record<string, unknown> & { items: { text: string }[]; chain: { entry: { at: string } }[]; head: { signature: string } }) => void, string][] = [
      [(m) => void (m.items[0]!.text += '!'), 'items'],
      [(m) => void (m.chain[1]!.entry.at = '2026-11-29T01:00:01.000Z'), 'chain'],
      [(m) => void (m.head.signature = `${m.head.signature.slice(0, -1)}${m.head.signature.endsWith('0') ? '1' : '0'}`), 'signature'],
    ];
    for (const [edit, kind] of edits) {
      const bad = await tampered((entries) => {
        const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
        edit(manifest);
        entries.set('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
      });
      const verdict = await verifyEvidenceBundle(bad);
      expect(verdict).toMatchObject({ ok: false, problem: { kind } });
    }
    // A raw flipped byte (not re-serialised) makes the JSON invalid or changes a value: either way it fails.
    const raw = await tampered((entries) => void entries.set('manifest.json', flip(entries.get('manifest.json')!)));
    expect((await verifyEvidenceBundle(raw)).ok).toBe(false);
  });

  it('names a dropped file and an added file', async () => {
    const dropped = manifestFiles[1]!.path;
    const withoutFile = await tampered((entries) => void entries.delete(dropped));
    expect(await verifyEvidenceBundle(withoutFile)).toMatchObject({
      ok: false,
      problem: { kind: 'file-missing', file: dropped },
    });
    const withExtra = await tampered((entries) => void entries.set('files/extra.png', FIXTURE_PNG));
    expect(await verifyEvidenceBundle(withExtra)).toMatchObject({
      ok: false,
      problem: { kind: 'file-unlisted', file: 'files/extra.png' },
    });
    const withoutManifest = await tampered((entries) => void entries.delete('manifest.json'));
    expect(await verifyEvidenceBundle(withoutManifest)).toMatchObject({ ok: false, problem: { kind: 'manifest-missing' } });
  });

  it('refuses path traversal, absolute and duplicate names and ZIP bombs', async () => {
    expect(unsafeEntryName('../etc/passwd')).toMatch(/traversal/);
    expect(unsafeEntryName('files/../../x')).toMatch(/traversal/);
    expect(unsafeEntryName('/etc/passwd')).toMatch(/absolute/);
    expect(unsafeEntryName('C:/x')).toMatch(/absolute/);
    expect(unsafeEntryName('files/a.png')).toBeUndefined();

    // yazl refuses to write such a name, so a same-length placeholder is patched in the ZIP's bytes.
    const placeholder = await tampered((entries) => [...entries, ['files/QQ/QQ/evil.sh', Buffer.from('x')]]);
    const traversal = path.join(dir, 'traversal.zip');
    const raw = fs.readFileSync(placeholder);
    for (let at = raw.indexOf('QQ/QQ'); at !== -1; at = raw.indexOf('QQ/QQ', at)) raw.write('../..', at, 'latin1');
    fs.writeFileSync(traversal, raw);
    expect(await verifyEvidenceBundle(traversal)).toMatchObject({ ok: false, problem: { kind: 'unsafe-name' } });
    const duplicate = await tampered((entries) => [...entries, ['manifest.json', Buffer.from('{}')]]);
    expect(await verifyEvidenceBundle(duplicate)).toMatchObject({
      ok: false,
      problem: { kind: 'duplicate-name', file: 'manifest.json' },
    });
    const bomb = await tampered((entries) => [...entries, ['files/bomb.bin', Buffer.alloc(64 * 1024 * 1024)]]);
    expect(await verifyEvidenceBundle(bomb)).toMatchObject({ ok: false, problem: { kind: 'zip-bomb', file: 'files/bomb.bin' } });
  });

  it('reports a file that is not a ZIP as unreadable', async () => {
    const notZip = path.join(dir, 'not.zip');
    fs.writeFileSync(notZip, 'hello');
    expect(await verifyEvidenceBundle(notZip)).toMatchObject({ ok: false, unreadable: expect.any(String) });
    expect(await verifyEvidenceBundle(path.join(dir, 'missing.zip'))).toMatchObject({ ok: false });
  });
});

function cliIo() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdin: process.stdin,
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    env: {},
  };
  return { io, out };
}

describe('evidence bundle: the announced size', () => {
  it('equals the bytes written when the central directory passes 64 KiB (700 files; ZIP64 end record)', async () => {
    const sizeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-bundle-size-'));
    try {
      const store = createLocalBlobStore({ dir: path.join(sizeDir, 'blobs'), keyring: createKeyring([{ version: 1, key: randomBytes(32) }]) });
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const caseId = '0190f0a4-1111-7000-8000-000000000002';
      const files: EvidenceItem['files'][number][] = [];
      for (let i = 0; i < 700; i += 1) {
        const stored = await store.put(randomBytes(64 + i));
        files.push({ sha256: stored.sha256, size: stored.size, contentType: 'video/mp4', name: `clip-${i}.mp4`, role: 'video' });
      }
      const itemId = '0190f0a4-2222-7000-8000-0000000000aa';
      const entry = nextEntry(null, {
        caseId,
        at: '2026-11-29T01:00:00.000Z',
        actor: { type: 'victim' },
        type: 'add',
        itemId,
        item: { id: itemId, platform: 'youtube', postUrl: 'https://youtube.com/watch?v=1', capturedAt: '2026-11-29T01:00:00.000Z', capturedBy: 'victim', files },
      });
      const prepared = await prepareEvidenceBundle({
        caseId,
        caseNumber: 'MM-2026-00043',
        exportedAt: '2026-11-29T10:00:00.000Z',
        publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex'),
        chain: [entry],
        head: { seq: 1, hash: entry.hash, signature: sign(null, headMessage(caseId, 1, entry.hash), privateKey).toString('hex'), signedAt: entry.entry.at },
        timestamps: [],
        openBlob: (sha256) => store.get(sha256),
      });
      const file = path.join(sizeDir, 'bundle.zip');
      const written = await prepared.write(fs.createWriteStream(file));
      expect(written.bytes).toBe(prepared.size);
      expect(fs.statSync(file).size).toBe(prepared.size);
      expect(await verifyEvidenceBundle(file)).toMatchObject({ ok: true, summary: { files: 700 } });
      execFileSync('unzip', ['-tq', file]);
    } finally {
      fs.rmSync(sizeDir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** The shell commands verify.txt gives (indented lines, continuations joined), each once, in order. */
function commandsOf(verifyTxt: string): string[] {
  const joined = verifyTxt.replace(/\\\n\s*/g, '');
  const commands = joined
    .split('\n')
    .filter((line) => /^ {5}(sha256sum|openssl) /.test(line))
    .map((line) => line.trim());
  return [...new Set(commands)];
}

describe('a bundle with RFC 3161 timestamps, checked with the commands of verify.txt alone', () => {
  let tsaDir: string;
  let tsa: Awaited<ReturnType<typeof startLocalTsa>>;
  let out: string;
  let manifest: { keyFingerprint: string; timestamps: { seq: number; hash: string; path: string }[] };

  beforeAll(async () => {
    tsa = await startLocalTsa();
    tsaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-bundle-tsa-'));
    dir = tsaDir;
    const { source } = await buildLocker();
    const stamp = async (seq: number) => {
      const hash = source.chain[seq - 1]!.hash;
      const token = await requestTimestamp({ url: tsa.url, hashHex: hash, trustedCertsPem: tsa.caPem });
      return { seq, hash, tsa: tsa.url, tokenBase64: Buffer.from(token.tokenDer).toString('base64'), genTime: token.genTime };
    };
    // Two tokens over the head (e.g. a re-stamp) and one over an earlier entry.
    const timestamps = [await stamp(5), await stamp(2), await stamp(5)];
    const bundle = path.join(tsaDir, 'bundle.zip');
    const prepared = await prepareEvidenceBundle({ ...source, timestamps });
    const written = await prepared.write(fs.createWriteStream(bundle));
    expect(written.bytes).toBe(prepared.size);
    expect(fs.statSync(bundle).size).toBe(prepared.size);
    expect(await verifyEvidenceBundle(bundle)).toMatchObject({ ok: true, summary: { timestamps: 3 } });
    out = path.join(tsaDir, 'unzipped');
    execFileSync('unzip', ['-q', bundle, '-d', out]);
    manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as typeof manifest;
    // The TSA's certificate and its CA, as verify.txt asks the reader to fetch them.
    fs.copyFileSync(path.join(tsa.dir, 'tsa.pem'), path.join(out, 'tsa.crt'));
    fs.copyFileSync(tsa.caFile, path.join(out, 'ca.crt'));
  }, 120_000);
  afterAll(async () => {
    await tsa.close();
    fs.rmSync(tsaDir, { recursive: true, force: true });
  });

  it('names two tokens of one entry apart: timestamps/<seq>-<n>.tsr, listed in the manifest', () => {
    expect(manifest.timestamps.map((t) => t.path)).toEqual(['timestamps/5-1.tsr', 'timestamps/2-1.tsr', 'timestamps/5-2.tsr']);
    for (const t of manifest.timestamps) expect(fs.existsSync(path.join(out, t.path))).toBe(true);
  });

  it('every command verify.txt gives succeeds; a flipped byte makes sha256sum -c fail', () => {
    const commands = commandsOf(fs.readFileSync(path.join(out, 'verify.txt'), 'utf8'));
    expect(commands.filter((c) => c.startsWith('openssl ts -verify'))).toHaveLength(3);
    expect(commands).toEqual(
      expect.arrayContaining([
        'sha256sum -c SHA256SUMS',
        expect.stringMatching(/^openssl pkeyutl -verify /),
        expect.stringMatching(/^openssl pkey -pubin .*\| sha256sum$/),
      ]),
    );
    for (const command of commands) {
      const printed = execFileSync('sh', ['-c', `${command} 2>&1`], { cwd: out, encoding: 'utf8' });
      if (command.startsWith('sha256sum -c')) {
        expect(printed.trim().split('\n').every((line) => line.endsWith(': OK'))).toBe(true);
        expect(printed).toContain('timestamps/5-2.tsr: OK');
      } else if (command.startsWith('openssl pkeyutl')) expect(printed).toContain('Signature Verified Successfully');
      else if (command.startsWith('openssl pkey ')) expect(printed.split(' ')[0]).toBe(manifest.keyFingerprint);
      else expect(printed).toContain('Verification: OK');
    }

    const token = path.join(out, 'timestamps/5-2.tsr');
    const original = fs.readFileSync(token);
    fs.writeFileSync(token, flip(original, original.length - 10));
    expect(() => execFileSync('sh', ['-c', 'sha256sum --quiet -c SHA256SUMS'], { cwd: out, stdio: 'pipe' })).toThrow();
    const tsVerify = commands.find((c) => c.includes('timestamps/5-2.tsr'))!;
    expect(() => execFileSync('sh', ['-c', tsVerify], { cwd: out, stdio: 'pipe' })).toThrow();
    fs.writeFileSync(token, original);
    const file = path.join(out, 'report.pdf');
    fs.writeFileSync(file, flip(fs.readFileSync(file)));
    expect(() => execFileSync('sh', ['-c', 'sha256sum --quiet -c SHA256SUMS'], { cwd: out, stdio: 'pipe' })).toThrow();
  });
});

describe('mimamoru verify (CLI)', () => {
  let cliDir: string;
  let good: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-bundle-cli-'));
    cliDir = dir;
    const { source } = await buildLocker();
    good = path.join(cliDir, 'bundle.zip');
    bundlePath = good;
    await writeEvidenceBundle(source, fs.createWriteStream(good));
  }, 60_000);
  afterAll(() => fs.rmSync(cliDir, { recursive: true, force: true }));

  it('exits 0 with a summary for a good bundle', async () => {
    const { io, out } = cliIo();
    expect(await run(['verify', good], io)).toBe(0);
    expect(out.stdout).toMatch(/^OK: .*verifies\.\n {2}case MM-2026-00042: 2 item\(s\), 3 file\(s\), 5 chain entries/);
  });

  it('exits 1 naming the item and file of an altered file', async () => {
    const entries = await readZip(good);
    const target = [...entries.keys()].find((n) => n.endsWith('.mp4'))!;
    const bad = await tampered((e) => void e.set(target, flip(e.get(target)!)));
    const { io, out } = cliIo();
    expect(await run(['verify', bad], io)).toBe(1);
    expect(out.stderr).toContain('file-hash');
    expect(out.stderr).toContain(`file: ${target}`);
    expect(out.stderr).toContain('item: 0190f0a4-2222-7000-8000-00000000000b');
  });

  it('exits 2 for input that is not a ZIP', async () => {
    const notZip = path.join(cliDir, 'x.zip');
    fs.writeFileSync(notZip, 'not a zip');
    const { io, out } = cliIo();
    expect(await run(['verify', notZip], io)).toBe(2);
    expect(out.stderr).toMatch(/cannot be read as a ZIP/);
  });
});

describe.each(databases)('POST /api/cases/:id/evidence/bundle on %s', (kind) => {
  const clock = manualClock();
  const masterKey = randomBytes(32).toString('base64');
  const ctx = useTestApp(kind, { clock: clock.now, env: { MIMAMORU_MASTER_KEY: masterKey } });
  let consultant: SignedIn;
  let lawyer: SignedIn;
  let workDir: string;

  beforeAll(async () => {
    consultant = await signIn(ctx(), clock, 'consultant');
    lawyer = await signIn(ctx(), clock, 'lawyer');
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-bundle-api-'));
  });
  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  async function caseWithEvidence(marker: string) {
    const t = ctx();
    const created = ConsultationCreatedSchema.parse((await submit(t.app, consultation(marker))).json());
    const { id } = await t.container.database.db
      .selectFrom('cases')
      .select('id')
      .where('case_number', '=', created.caseNumber)
      .executeTakeFirstOrThrow();
    const session = await login(t.app, created.caseNumber, created.accessKey);
    const body = await multipart(
      {
        data: JSON.stringify({
          item: {
            platform: 'x',
            postUrl: `https://x.com/poster_${marker}/status/123`,
            accountId: `@poster_${marker}`,
            postedAt: { asShown: '2026-11-28 10:15 UTC', timeZone: 'UTC' },
            text: `投稿本文 ${marker} 😡`,
            legal: { rights: ['honor'] },
          },
        }),
      },
      [{ name: 'shot.png', type: 'image/png', bytes: pngWithText(`SHOT${marker}`) }],
    );
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/victim/evidence',
      payload: body.payload,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...body.headers },
    });
    expect(added.statusCode, added.body).toBe(201);
    return { id, caseNumber: created.caseNumber };
  }

  it('streams a bundle that verifies, and audits the export', async () => {
    const t = ctx();
    const c = await caseWithEvidence('BNDL1');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/evidence/bundle`,
      headers: consultant.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    // The exact size is announced before the first byte, with the counts the console shows while it waits.
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.headers['x-evidence-items']).toBe('1');
    expect(res.headers['x-evidence-files']).toBe('1');
    expect(res.headers['content-disposition']).toContain(`evidence-${c.caseNumber}-`);
    const file = path.join(workDir, `${kind}-api.zip`);
    fs.writeFileSync(file, res.rawPayload);
    const verdict = await verifyEvidenceBundle(file);
    expect(verdict).toMatchObject({ ok: true, summary: { caseNumber: c.caseNumber, items: 1, files: 1, entries: 1 } });

    const audit = await t.container.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'evidence.exported')
      .where('target_id', '=', c.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(consultant.id);
    expect(audit[0]!.detail).not.toContain('BNDL1');
  });

  it('exports with `mimamoru evidence export --case … --out …`, reporting progress on stderr', async () => {
    const t = ctx();
    const c = await caseWithEvidence('BNDLCLI');
    const out = path.join(workDir, `${kind}-cli.zip`);
    const { io, out: printed } = cliIo();
    const cliEnv = {
      MIMAMORU_ENV: 'test',
      MIMAMORU_DATA_DIR: t.config.dataDir,
      DATABASE_URL: t.config.database.url,
      MIMAMORU_MASTER_KEY: masterKey,
      LOG_LEVEL: 'silent',
    };
    expect(await run(['evidence', 'export', '--case', c.caseNumber, '--out', out], { ...io, env: cliEnv }), printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(new RegExp(`^Wrote .*: 1 item\\(s\\), 1 file\\(s\\)`));
    expect(printed.stderr).toMatch(/^preparing .*rendering report\.pdf/);
    expect(printed.stderr).toMatch(/writing 1 item\(s\), 1 file\(s\): [\d.]+ [kMG]B \((\d+) bytes\)/);
    // Not a terminal: one line per 10% at most, ending at 100% with the announced size.
    const lines = printed.stderr.split('\n').filter((l) => l.startsWith('exporting: '));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines.at(-1)).toMatch(/^exporting: 100% — .* \/ .*, 1\/1 files$/);
    expect(Number(/\((\d+) bytes\)/.exec(printed.stderr)![1])).toBe(fs.statSync(out).size);
    expect(await verifyEvidenceBundle(out)).toMatchObject({ ok: true, summary: { caseNumber: c.caseNumber } });
    // On a terminal: one bar redrawn in place, ending at 100%, then a newline.
    const tty = cliIo();
    const ttyStderr = Object.assign(tty.io.stderr, { isTTY: true });
    expect(await run(['evidence', 'export', '--case', c.caseNumber, '--out', `${out}.tty`], { ...tty.io, stderr: ttyStderr, env: cliEnv })).toBe(0);
    expect(tty.out.stderr).not.toMatch(/^exporting: /m);
    expect(tty.out.stderr).toMatch(/\r\[#{20}\] 100% — .*, 1\/1 files/);
    expect(tty.out.stderr.endsWith('files\u001b[K\n')).toBe(true);
    const unknown = cliIo();
    expect(await run(['evidence', 'export', '--case', 'MM-0000-99999', '--out', out], { ...unknown.io, env: cliEnv })).toBe(2);
  });

  it('refuses lawyers (403), unknown cases (404) and a case without evidence (409)', async () => {
    const t = ctx();
    const c = await caseWithEvidence('BNDL2');
    const asLawyer = await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/evidence/bundle`, headers: lawyer.headers });
    expect(asLawyer.statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/cases/00000000-0000-4000-8000-000000000000/evidence/bundle',
      headers: consultant.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const created = ConsultationCreatedSchema.parse((await submit(t.app, consultation('BNDL3'))).json());
    const { id } = await t.container.database.db
      .selectFrom('cases')
      .select('id')
      .where('case_number', '=', created.caseNumber)
      .executeTakeFirstOrThrow();
    const empty = await t.app.inject({ method: 'POST', url: `/api/cases/${id}/evidence/bundle`, headers: consultant.headers });
    expect(empty.statusCode).toBe(409);
    expect(empty.json()).toMatchObject({ error: { code: 'evidence.bundle_empty' } });
  });

  it('logs a download the client abandons at info level, not as a failed export', async () => {
    const t = ctx();
    const c = await caseWithEvidence('BNDL4');
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const from = t.logs.length;
    await new Promise<void>((resolve, reject) => {
      const request = http.request(`${address}/api/cases/${c.id}/evidence/bundle`, { method: 'POST', headers: consultant.headers }, (res) => {
        expect(res.statusCode).toBe(200);
        res.once('data', () => {
          request.destroy();
          resolve();
        });
      });
      request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
      request.end();
    });
    const logged = () => t.logs.slice(from).map((line) => JSON.parse(line) as { level: number; code?: string; msg: string });
    await vi.waitFor(() => expect(logged().find((l) => l.code === 'evidence.bundle_aborted')).toMatchObject({ level: 30 }), { timeout: 10_000 });
    expect(logged().filter((l) => l.code === 'evidence.bundle_failed' || l.level >= 50)).toEqual([]);
  });
});
