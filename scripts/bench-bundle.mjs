// Evidence bundle benchmark (#5 acceptance): a locker of 1,000 items (BENCH_BUNDLE_ITEMS) with one unique file
// each of BENCH_BUNDLE_FILE_KB KiB (default 256; 2048 gives the 2 GB) plus a shared screenshot, stored
// encrypted in a real blob store, exported with the server's bundle writer (decrypt, report.pdf, ZIP, SHA256SUMS;
// every entry stored, the exact size computed before the first byte and checked against the bytes written).
// Baseline, same files, same run: `zip -0` of the plaintext files + `sha256sum` of them. Prints MB/s of both, the
// ratio, and the export's peak RSS and heap. BENCH_BUNDLE_ITEMS=0 skips. Progress goes to stderr.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';

const ITEMS = Number(process.env.BENCH_BUNDLE_ITEMS ?? 1000);
const FILE_KB = Number(process.env.BENCH_BUNDLE_FILE_KB ?? 256);
const progress = (text) => process.stderr.write(`bench bundle: ${text}\n`);

export async function benchBundle() {
  if (ITEMS <= 0) return;
  const serverDist = new URL('../apps/server/dist/', import.meta.url);
  const coreDist = new URL('../packages/core/dist/index.js', import.meta.url);
  if (!existsSync(new URL('modules/evidence-bundle/bundle-writer.js', serverDist))) {
    console.log('\nbundle benchmark skipped: build first (npm run build).');
    return;
  }
  if (spawnSync('zip', ['-v']).status !== 0 || spawnSync('sha256sum', ['--version']).status !== 0) {
    console.log('\nbundle benchmark skipped: needs zip and sha256sum for the baseline.');
    return;
  }
  const core = await import(coreDist.href);
  const { prepareEvidenceBundle } = await import(new URL('modules/evidence-bundle/bundle-writer.js', serverDist).href);
  const { createKeyring } = await import(new URL('security/keyring.js', serverDist).href);
  const { createLocalBlobStore } = await import(new URL('storage/blob-store.js', serverDist).href);

  const dir = mkdtempSync(join(tmpdir(), 'mimamoru-bench-bundle-'));
  try {
    const store = createLocalBlobStore({ dir: join(dir, 'blobs'), keyring: createKeyring([{ version: 1, key: randomBytes(32) }]) });
    const plainDir = join(dir, 'plain');
    mkdirSync(plainDir);
    const screenshot = readFileSync(
      new URL('../node_modules/@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf.png', import.meta.url),
    );
    const shot = await store.put(screenshot);
    writeFileSync(join(plainDir, `${shot.sha256}.png`), screenshot);
    progress(`storing ${ITEMS} files of ${FILE_KB} KiB …`);
    const caseId = '0190f0a4-0000-7000-8000-00000000be0c';
    const at = '2026-11-29T01:00:00.000Z';
    const chain = [];
    for (let i = 0; i < ITEMS; i += 1) {
      const bytes = randomBytes(FILE_KB * 1024);
      const stored = await store.put(bytes);
      writeFileSync(join(plainDir, `${stored.sha256}.mp4`), bytes);
      const id = `0190f0a4-0000-7000-8000-${String(i).padStart(12, '0')}`;
      const item = {
        id,
        platform: 'x',
        postUrl: `https://x.com/someone/status/${1000 + i}`,
        accountId: '@someone',
        postedAt: { asShown: '2026-11-28 10:15 UTC', iso: '2026-11-28T10:15:00.000Z', timeZone: 'UTC' },
        capturedAt: at,
        capturedBy: 'victim',
        text: `投稿 ${i}: こいつは本当に最低な人間だ。みんなで拡散しよう！🔥`,
        legal: { rights: ['honor'] },
        files: [
          { sha256: shot.sha256, size: shot.size, contentType: 'image/png', name: 'shot.png', role: 'screenshot' },
          { sha256: stored.sha256, size: stored.size, contentType: 'video/mp4', name: 'clip.mp4', role: 'video' },
        ],
      };
      const last = chain.at(-1);
      chain.push(core.nextEntry(last ? { seq: last.entry.seq, hash: last.hash } : null, { caseId, type: 'add', itemId: id, at, actor: { type: 'victim' }, item }));
    }
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const head = chain.at(-1);
    const source = {
      caseId,
      caseNumber: 'MM-BENCH-00001',
      exportedAt: new Date().toISOString(),
      publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url').toString('hex'),
      chain,
      head: {
        seq: head.entry.seq,
        hash: head.hash,
        signature: sign(null, core.headMessage(caseId, head.entry.seq, head.hash), privateKey).toString('hex'),
        signedAt: at,
      },
      timestamps: [],
      openBlob: (sha256) => store.get(sha256),
    };
    const payloadBytes = screenshot.length + ITEMS * FILE_KB * 1024;

    progress('baseline: zip -0 + sha256sum …');
    const baseStart = performance.now();
    execFileSync('zip', ['-0', '-q', '-r', join(dir, 'baseline.zip'), '.'], { cwd: plainDir });
    execFileSync('sh', ['-c', 'sha256sum * > ../baseline.sums'], { cwd: plainDir });
    const baseSeconds = (performance.now() - baseStart) / 1000;

    progress('export …');
    globalThis.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const out = join(dir, 'bundle.zip');
    const start = performance.now();
    const prepared = await prepareEvidenceBundle(source);
    const prepareSeconds = (performance.now() - start) / 1000;
    progress(`prepared in ${prepareSeconds.toFixed(1)} s (report.pdf, manifest, exact size ${prepared.size} bytes)`);
    let lastTenth = -1;
    const written = await prepared.write(createWriteStream(out), (p) => {
      const tenth = Math.floor((p.bytes / p.bytesTotal) * 10);
      if (tenth > lastTenth) progress(`${tenth * 10}%: ${p.filesDone}/${p.filesTotal} files, ${(p.bytes / 1048576).toFixed(0)} MiB`);
      lastTenth = tenth;
    });
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    if (written.bytes !== prepared.size || statSync(out).size !== prepared.size) {
      throw new Error(`bench: the bundle is ${statSync(out).size} bytes, ${prepared.size} were announced`);
    }

    const mb = payloadBytes / 1e6;
    const rate = mb / seconds;
    const baseRate = mb / baseSeconds;
    console.log(
      `\nbundle export: ${ITEMS} items, ${mb.toFixed(0)} MB of files (bundle ${(statSync(out).size / 1e6).toFixed(0)} MB)`.padEnd(60),
      'MB/s'.padStart(10),
      'vs baseline'.padStart(14),
    );
    console.log('zip -0 + sha256sum of the same plaintext files'.padEnd(59), baseRate.toFixed(1).padStart(10), '1.000×'.padStart(14));
    console.log(
      'writeEvidenceBundle (decrypt, report.pdf, ZIP, sums)'.padEnd(59),
      rate.toFixed(1).padStart(10),
      `${(rate / baseRate).toFixed(3)}×`.padStart(14),
    );
    console.log(
      `of which preparing (report.pdf for ${ITEMS} items, manifest, size): ${prepareSeconds.toFixed(1)} s; Content-Length announced = bytes written (${prepared.size})`,
    );
    console.log(
      `peak memory during export: RSS ${(peakRss / 1048576).toFixed(0)} MiB (${((peakRss - before.rss) / 1048576).toFixed(0)} MiB above start), heap ${(peakHeap / 1048576).toFixed(0)} MiB`,
    );
    const sums = createHash('sha256').update(readFileSync(join(dir, 'baseline.sums'))).digest('hex').slice(0, 8);
    progress(`baseline sums ${sums}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBundle();
