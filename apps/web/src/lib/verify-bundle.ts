import {
  base64ToBytes,
  createSha256Stream,
  headMessage,
  timestampTokenImprint,
  timestampTokenPaths,
  verifyManifest,
  verifyTimestampToken,
  type EvidenceManifest,
  type ManifestVerification,
} from '@mimamoru/core';
import { readZipEntries, readZipEntry, ZIP_CHUNK_BYTES, ZipEntryError, ZipFormatError, type ZipEntry } from './verify-bundle-zip.js';

/** Limits that keep a hostile ZIP from exhausting the tab (the same as `mimamoru verify`). */
const LIMITS = {
  entries: 200_000,
  manifestBytes: 512 * 1024 * 1024,
  /** Uncompressed/compressed above this (for entries over 1 MiB) is treated as a ZIP bomb. */
  ratio: 200,
  ratioMinBytes: 1024 * 1024,
} as const;

/** Helper files the server adds for `openssl`; derived from the manifest and checked against it here. */
const HELPERS = { publicKey: 'public-key.pem', headMessage: 'head-message.txt', headSignature: 'head-signature.bin' } as const;

/** One RFC 3161 token of a bundle that verified: what it says and how far its TSA signature was checked. */
export interface TimestampCheck {
  readonly seq: number;
  readonly file?: string;
  /** The TSA's time (ISO instant). */
  readonly genTime: string;
  readonly tsa: string;
  /**
   * `anchored`: signature valid and the TSA certificate chains to a chosen trust anchor; `signature`: signature valid,
   * no trust anchor checked; `unchecked`: this page has no WebCrypto (plain http), so only the imprint was checked.
   */
  readonly status: 'anchored' | 'signature' | 'unchecked';
}

export interface VerifyOptions {
  /** PEM trust anchors each token's TSA certificate must chain to (the CLI's `--tsa-ca FILE`). */
  readonly trustedCertsPem?: string;
}

export type BrowserBundleVerdict =
  | {
      readonly ok: true;
      readonly summary: Extract<ManifestVerification, { ok: true }>['summary'];
      readonly timestamps: readonly TimestampCheck[];
    }
  | { readonly ok: false; readonly kind: string; readonly detail: string; readonly item?: string; readonly file?: string }
  | { readonly ok: false; readonly kind: 'unreadable'; readonly detail: string };

/** How far a check has got: files hashed of all files, and compressed bytes read of the archive's total. */
export interface VerifyProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

/** Why a ZIP entry name is unsafe, or undefined: absolute, drive-letter, backslash, `..` segments, control chars. */
function unsafeName(name: string): string | undefined {
  if (name === '') return 'empty name';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'absolute path';
  if (name.includes('\\')) return 'backslash in name';
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f')) return 'control character in name';
  if (name.split('/').some((part) => part === '..')) return 'path traversal (..)';
  return undefined;
}

/** The part of WebCrypto used here (typed locally: the server's type check has no DOM lib). */
interface Digest {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}
const subtle: Digest | undefined = (globalThis as { crypto?: { subtle?: Digest } }).crypto?.subtle;
const toHex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);
const hexToBytes = (text: string) => new Uint8Array((text.match(/../g) ?? []).map((h) => parseInt(h, 16)));
const keepBytes = (name: string) =>
  name === 'manifest.json' || name === 'SHA256SUMS' || Object.values<string>(HELPERS).includes(name);

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

type Problem = Extract<BrowserBundleVerdict, { ok: false }>;

/** Refuses unsafe and duplicate names and ZIP-bomb ratios before any data is read. */
function screenEntries(entries: readonly ZipEntry[]): Problem | undefined {
  const seen = new Set<string>();
  for (const entry of entries) {
    const unsafe = unsafeName(entry.name);
    if (unsafe) return { ok: false, kind: 'unsafe-name', file: entry.name, detail: `${JSON.stringify(entry.name)}: ${unsafe}` };
    if (seen.has(entry.name)) return { ok: false, kind: 'duplicate-name', file: entry.name, detail: `${entry.name} appears more than once` };
    seen.add(entry.name);
    if (entry.uncompressedSize > LIMITS.ratioMinBytes && entry.uncompressedSize > entry.compressedSize * LIMITS.ratio) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
      return { ok: false, kind: 'zip-bomb', file: entry.name, detail: `${entry.name} expands ${ratio}×` };
    }
    if (entry.name === 'manifest.json' && entry.uncompressedSize > LIMITS.manifestBytes) {
      return { ok: false, kind: 'manifest-invalid', file: entry.name, detail: 'manifest.json is too large' };
    }
  }
  return undefined;
}

/**
 * Verifies an evidence bundle entirely in the browser (nothing is uploaded) in bounded memory: reads the ZIP's
 * directory and streams every entry from the File in chunks through an incremental SHA-256, keeping only the
 * manifest and the small helper files. Then runs core verifyManifest, checks SHA256SUMS and the openssl helper
 * files, and checks each RFC 3161 token's TSA signature (and, with `trustedCertsPem`, its chain) with the same core
 * verifyTimestampToken — the same checks as `npx mimamoru verify [--tsa-ca FILE]`. Names the first problem.
 */
export async function verifyBundleBlob(
  blob: Blob,
  onProgress?: (progress: VerifyProgress) => void,
  options: VerifyOptions = {},
): Promise<BrowserBundleVerdict> {
  let entries: ZipEntry[];
  try {
    entries = await readZipEntries(blob, { maxEntries: LIMITS.entries });
  } catch (error) {
    if (error instanceof ZipFormatError && /entries \(limit/.test(error.message)) {
      return { ok: false, kind: 'zip-bomb', detail: error.message };
    }
    return { ok: false, kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  const screened = screenEntries(entries);
  if (screened) return screened;

  const files = entries.filter((e) => !e.name.endsWith('/'));
  const progress = { filesDone: 0, filesTotal: files.length, bytesDone: 0, bytesTotal: files.reduce((s, e) => s + e.compressedSize, 0) };
  onProgress?.({ ...progress });
  const facts = new Map<string, { sha256: string; size: number }>();
  const kept = new Map<string, Uint8Array>();
  for (const entry of files) {
    // Entries that fit in one chunk (screenshots, the manifest) are hashed at once by WebCrypto, which is much faster
    // than the incremental JS SHA-256 needed for larger ones; WebCrypto exists only on https pages and localhost.
    const whole = entry.uncompressedSize <= ZIP_CHUNK_BYTES && subtle !== undefined;
    const hash = createSha256Stream();
    const chunks: Uint8Array[] = [];
    const keep = whole || keepBytes(entry.name);
    let sha256: string;
    try {
      await readZipEntry(
        blob,
        entry,
        (chunk) => {
          if (keep) chunks.push(chunk.slice());
          if (!whole) hash.update(chunk);
        },
        (read) => {
          progress.bytesDone += read;
          onProgress?.({ ...progress });
        },
      );
      sha256 = whole && subtle ? toHex(await subtle.digest('SHA-256', concat(chunks) as Uint8Array<ArrayBuffer>)) : hash.hex();
    } catch (error) {
      if (error instanceof ZipFormatError) return { ok: false, kind: 'unreadable', detail: error.message };
      const detail = error instanceof ZipEntryError ? error.message : `${entry.name} cannot be read`;
      return { ok: false, kind: 'entry-corrupt', file: entry.name, detail };
    }
    facts.set(entry.name, { sha256, size: entry.uncompressedSize });
    if (keepBytes(entry.name)) kept.set(entry.name, concat(chunks));
    progress.filesDone += 1;
    onProgress?.({ ...progress });
  }
  return checkContents(files.map((e) => e.name), facts, kept, options);
}

async function checkContents(
  names: readonly string[],
  facts: ReadonlyMap<string, { sha256: string; size: number }>,
  kept: ReadonlyMap<string, Uint8Array>,
  options: VerifyOptions,
): Promise<BrowserBundleVerdict> {
  const manifestBytes = kept.get('manifest.json');
  if (!manifestBytes) return { ok: false, kind: 'manifest-missing', detail: 'manifest.json is missing', file: 'manifest.json' };
  let manifest: EvidenceManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as EvidenceManifest;
  } catch {
    return { ok: false, kind: 'manifest-invalid', detail: 'manifest.json is not valid JSON', file: 'manifest.json' };
  }
  // Timestamp tokens (timestamps/<seq>-<n>.tsr) are listed in the manifest and checked by verifyManifest.
  const helperNames = new Set<string>(Object.values(HELPERS));
  const verdict = verifyManifest(
    manifest,
    (name) => facts.get(name),
    names.filter((n) => !helperNames.has(n)),
    { timestampImprint: timestampTokenImprint },
  );
  if (!verdict.ok) return { ok: false, ...verdict.problem };

  const helperProblem = checkHelpers(manifest, kept);
  if (helperProblem) return helperProblem;
  const sumsProblem = checkSums(kept.get('SHA256SUMS'), facts, names);
  if (sumsProblem) return sumsProblem;
  const timestamps = await checkTimestamps(manifest, options.trustedCertsPem);
  if ('ok' in timestamps) return timestamps;
  return { ...verdict, timestamps };
}

/**
 * Each token's TSA signature and signed attributes, its imprint against its chain entry and, with trust anchors, its
 * certificate chain at the token's time (core verifyTimestampToken, as `mimamoru verify`). Without WebCrypto (a page
 * served over plain http) the signature cannot be checked here: the token is reported as unchecked, not as valid.
 */
async function checkTimestamps(
  manifest: EvidenceManifest,
  trustedCertsPem: string | undefined,
): Promise<readonly TimestampCheck[] | Problem> {
  const stamps = manifest.timestamps ?? [];
  const paths = timestampTokenPaths(stamps);
  const checks: TimestampCheck[] = [];
  for (const [index, stamp] of stamps.entries()) {
    const file = paths[index];
    const at = file ? { file } : {};
    const verdict = await verifyTimestampToken(base64ToBytes(stamp.tokenBase64), stamp.hash, trustedCertsPem);
    if (verdict.ok) {
      checks.push({ seq: stamp.seq, ...at, genTime: verdict.genTime, tsa: verdict.tsa, status: verdict.chainChecked ? 'anchored' : 'signature' });
    } else if (verdict.problem.kind === 'no-webcrypto' && verdict.genTime !== undefined && verdict.tsa !== undefined) {
      checks.push({ seq: stamp.seq, ...at, genTime: verdict.genTime, tsa: verdict.tsa, status: 'unchecked' });
    } else {
      const detail = `timestamp of entry ${stamp.seq}: ${verdict.problem.kind}: ${verdict.problem.detail}`;
      return { ok: false, kind: 'timestamp', ...at, detail };
    }
  }
  return checks;
}

function ed25519PublicKeyPem(publicKeyHex: string): string {
  const der = new Uint8Array([...hexToBytes('302a300506032b6570032100'), ...hexToBytes(publicKeyHex)]);
  return `-----BEGIN PUBLIC KEY-----\n${btoa(String.fromCharCode(...der))}\n-----END PUBLIC KEY-----\n`;
}

/** The openssl helper files must be exactly what the manifest implies. */
function checkHelpers(manifest: EvidenceManifest, kept: ReadonlyMap<string, Uint8Array>): Problem | undefined {
  const caseId = manifest.chain[0]?.entry.caseId ?? '';
  const expected: [string, Uint8Array][] = [
    [HELPERS.publicKey, new TextEncoder().encode(ed25519PublicKeyPem(manifest.publicKey))],
    [HELPERS.headMessage, headMessage(caseId, manifest.head.seq, manifest.head.hash)],
    [HELPERS.headSignature, hexToBytes(manifest.head.signature)],
  ];
  for (const [name, bytes] of expected) {
    const actual = kept.get(name);
    if (!actual) return { ok: false, kind: 'helper-file', file: name, detail: `${name} is missing` };
    if (!equalBytes(actual, bytes)) return { ok: false, kind: 'helper-file', file: name, detail: `${name} does not match manifest.json` };
  }
  return undefined;
}

/** SHA256SUMS must list every other entry with its actual hash, so `sha256sum -c` proves the same as this page. */
function checkSums(
  sums: Uint8Array | undefined,
  facts: ReadonlyMap<string, { sha256: string; size: number }>,
  names: readonly string[],
): Problem | undefined {
  const file = 'SHA256SUMS';
  if (!sums) return { ok: false, kind: 'sums', file, detail: 'SHA256SUMS is missing' };
  const listed = new Map<string, string>();
  for (const line of new TextDecoder().decode(sums).split('\n')) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) return { ok: false, kind: 'sums', file, detail: 'SHA256SUMS has a malformed line' };
    listed.set(match[2]!, match[1]!);
  }
  for (const name of names) {
    if (name === file) continue;
    const hash = listed.get(name);
    if (hash === undefined) return { ok: false, kind: 'sums', file: name, detail: `${name} is not in SHA256SUMS` };
    if (hash !== facts.get(name)?.sha256) return { ok: false, kind: 'sums', file: name, detail: `${name}: SHA256SUMS hash differs` };
  }
  for (const name of listed.keys()) {
    if (!facts.has(name)) return { ok: false, kind: 'sums', file: name, detail: `${name} is listed in SHA256SUMS but missing` };
  }
  return undefined;
}
