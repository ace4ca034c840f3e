import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  base64ToBytes,
  headMessage,
  timestampTokenImprint,
  timestampTokenPaths,
  verifyManifest,
  type EvidenceManifest,
  type ManifestProblem,
  type ManifestVerification,
} from '@mimamoru/core';
import yauzl from 'yauzl';
import { BUNDLE_HELPER_NAMES, ed25519PublicKeyPem } from './bundle-writer.js';

/** RFC 3161 tokens: `timestamps/<seq>-<n>.tsr` (core timestampTokenPaths). */
const TOKEN_NAME = /^timestamps\/\d+-\d+\.tsr$/;

/** Limits that keep a hostile ZIP from exhausting the verifier. */
const LIMITS = {
  entries: 200_000,
  manifestBytes: 512 * 1024 * 1024,
  /** Uncompressed/compressed above this (for entries over 1 MiB) is treated as a ZIP bomb. */
  ratio: 200,
  ratioMinBytes: 1024 * 1024,
} as const;

export type BundleProblemKind =
  | ManifestProblem['kind']
  | 'unsafe-name'
  | 'duplicate-name'
  | 'zip-bomb'
  | 'entry-corrupt'
  | 'manifest-missing'
  | 'manifest-invalid'
  | 'sums'
  | 'helper-file';

export interface BundleProblem {
  readonly kind: BundleProblemKind;
  readonly item?: string;
  readonly file?: string;
  readonly detail: string;
}

export type BundleVerification =
  | { readonly ok: true; readonly summary: Extract<ManifestVerification, { ok: true }>['summary'] }
  | { readonly ok: false; readonly problem: BundleProblem }
  /** The input is not a readable ZIP at all. */
  | { readonly ok: false; readonly unreadable: string };

/** Why a ZIP entry name is unsafe, or undefined: absolute, drive-letter, backslash, `..` segments, control chars. */
export function unsafeEntryName(name: string): string | undefined {
  if (name === '') return 'empty name';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'absolute path';
  if (name.includes('\\')) return 'backslash in name';
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f')) return 'control character in name';
  if (name.split('/').some((part) => part === '..')) return 'path traversal (..)';
  return undefined;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
  });
}

interface EntryFacts {
  readonly sha256: string;
  readonly size: number;
}

/**
 * Verifies an evidence bundle ZIP: walks the entries once (refusing unsafe or duplicate names and ZIP-bomb
 * ratios), hashes each as a stream, then checks the manifest with core's verifyManifest and the helper files
 * (SHA256SUMS, public key, signed head message, signature, timestamp tokens) against it. Names the first problem.
 */
export async function verifyEvidenceBundle(
  path: string,
  onEntry?: (name: string, index: number, total: number) => void,
): Promise<BundleVerification> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    return { ok: false, unreadable: error instanceof Error ? error.message : String(error) };
  }
  const facts = new Map<string, EntryFacts>();
  const kept = new Map<string, Buffer>();
  const names: string[] = [];
  const keepBytes = (name: string) =>
    name === BUNDLE_HELPER_NAMES.manifest ||
    name === BUNDLE_HELPER_NAMES.sums ||
    name === BUNDLE_HELPER_NAMES.publicKey ||
    name === BUNDLE_HELPER_NAMES.headMessage ||
    name === BUNDLE_HELPER_NAMES.headSignature ||
    TOKEN_NAME.test(name);
  try {
    const problem = await new Promise<BundleProblem | undefined>((resolve, reject) => {
      if (zip.entryCount > LIMITS.entries) {
        resolve({ kind: 'zip-bomb', detail: `${zip.entryCount} entries (limit ${LIMITS.entries})` });
        return;
      }
      zip.on('error', reject);
      zip.on('end', () => resolve(undefined));
      zip.on('entry', (entry: yauzl.Entry) => {
        const raw = entry.fileName as unknown as Buffer;
        const name = raw.toString('utf8');
        const unsafe = unsafeEntryName(name);
        if (unsafe) return resolve({ kind: 'unsafe-name', file: name, detail: `${JSON.stringify(name)}: ${unsafe}` });
        if (facts.has(name) || names.includes(name))
          return resolve({ kind: 'duplicate-name', file: name, detail: `${name} appears more than once` });
        names.push(name);
        onEntry?.(name, names.length, zip.entryCount);
        if (name.endsWith('/')) {
          zip.readEntry();
          return;
        }
        if (
          entry.uncompressedSize > LIMITS.ratioMinBytes &&
          entry.uncompressedSize > entry.compressedSize * LIMITS.ratio
        ) {
          return resolve({
            kind: 'zip-bomb',
            file: name,
            detail: `${name} expands ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))}×`,
          });
        }
        if (name === BUNDLE_HELPER_NAMES.manifest && entry.uncompressedSize > LIMITS.manifestBytes) {
          return resolve({ kind: 'manifest-invalid', file: name, detail: 'manifest.json is too large' });
        }
        openEntry(zip, entry)
          .then(async (stream) => {
            const hash = createHash('sha256');
            const chunks: Buffer[] = [];
            let size = 0;
            for await (const chunk of stream) {
              const buffer = chunk as Buffer;
              hash.update(buffer);
              size += buffer.length;
              if (keepBytes(name)) chunks.push(buffer);
            }
            facts.set(name, { sha256: hash.digest('hex'), size });
            if (keepBytes(name)) kept.set(name, Buffer.concat(chunks));
            zip.readEntry();
          })
          .catch((error: unknown) =>
            resolve({
              kind: 'entry-corrupt',
              file: name,
              detail: `${name} cannot be read (${error instanceof Error ? error.message : String(error)})`,
            }),
          );
      });
      zip.readEntry();
    });
    if (problem) return { ok: false, problem };
  } catch (error) {
    return { ok: false, unreadable: error instanceof Error ? error.message : String(error) };
  } finally {
    zip.close();
  }

  const manifestBytes = kept.get(BUNDLE_HELPER_NAMES.manifest);
  if (!manifestBytes) return fail('manifest-missing', 'manifest.json is missing', BUNDLE_HELPER_NAMES.manifest);
  let manifest: EvidenceManifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as EvidenceManifest;
  } catch {
    return fail('manifest-invalid', 'manifest.json is not valid JSON', BUNDLE_HELPER_NAMES.manifest);
  }

  // Helper files are derived from the manifest; verifyManifest does not know them, so they are checked here.
  // (Timestamp tokens are listed in the manifest, and verifyManifest checks them.)
  const helperNames = new Set<string>([
    BUNDLE_HELPER_NAMES.publicKey,
    BUNDLE_HELPER_NAMES.headMessage,
    BUNDLE_HELPER_NAMES.headSignature,
  ]);
  const verdict = verifyManifest(
    manifest,
    (name) => facts.get(name),
    names.filter((n) => !helperNames.has(n)),
    { timestampImprint: timestampTokenImprint },
  );
  if (!verdict.ok) return { ok: false, problem: verdict.problem };

  const helperProblem = checkHelpers(manifest, kept, names);
  if (helperProblem) return { ok: false, problem: helperProblem };
  const sumsProblem = checkSums(kept.get(BUNDLE_HELPER_NAMES.sums), facts, names);
  if (sumsProblem) return { ok: false, problem: sumsProblem };
  return verdict;
}

function fail(kind: BundleProblemKind, detail: string, file?: string): BundleVerification {
  return { ok: false, problem: { kind, detail, ...(file ? { file } : {}) } };
}

function checkHelpers(
  manifest: EvidenceManifest,
  kept: ReadonlyMap<string, Buffer>,
  names: readonly string[],
): BundleProblem | undefined {
  const caseId = manifest.chain[0]?.entry.caseId ?? '';
  const expected = new Map<string, Buffer>([
    [BUNDLE_HELPER_NAMES.publicKey, Buffer.from(ed25519PublicKeyPem(manifest.publicKey), 'ascii')],
    [BUNDLE_HELPER_NAMES.headMessage, Buffer.from(headMessage(caseId, manifest.head.seq, manifest.head.hash))],
    [BUNDLE_HELPER_NAMES.headSignature, Buffer.from(manifest.head.signature, 'hex')],
  ]);
  const tokenPaths = timestampTokenPaths(manifest.timestamps);
  for (const [index, ts] of manifest.timestamps.entries()) {
    expected.set(tokenPaths[index]!, Buffer.from(base64ToBytes(ts.tokenBase64)));
  }
  for (const [name, bytes] of expected) {
    const actual = kept.get(name);
    if (!actual) return { kind: 'helper-file', file: name, detail: `${name} is missing` };
    if (!actual.equals(bytes)) return { kind: 'helper-file', file: name, detail: `${name} does not match manifest.json` };
  }
  const extra = names.find((n) => /^timestamps\//.test(n) && !expected.has(n));
  if (extra) return { kind: 'file-unlisted', file: extra, detail: `${extra} is not listed in the manifest` };
  return undefined;
}

/** SHA256SUMS must list every other entry with its actual hash, so `sha256sum -c` proves the same as this tool. */
function checkSums(
  sums: Buffer | undefined,
  facts: ReadonlyMap<string, EntryFacts>,
  names: readonly string[],
): BundleProblem | undefined {
  const file = BUNDLE_HELPER_NAMES.sums;
  if (!sums) return { kind: 'sums', file, detail: 'SHA256SUMS is missing' };
  const listed = new Map<string, string>();
  for (const line of sums.toString('utf8').split('\n')) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) return { kind: 'sums', file, detail: 'SHA256SUMS has a malformed line' };
    listed.set(match[2]!, match[1]!);
  }
  for (const name of names) {
    if (name === file || name.endsWith('/')) continue;
    const hash = listed.get(name);
    if (hash === undefined) return { kind: 'sums', file: name, detail: `${name} is not in SHA256SUMS` };
    if (hash !== facts.get(name)?.sha256) return { kind: 'sums', file: name, detail: `${name}: SHA256SUMS hash differs` };
  }
  for (const name of listed.keys()) {
    if (!facts.has(name)) return { kind: 'sums', file: name, detail: `${name} is listed in SHA256SUMS but missing` };
  }
  return undefined;
}
