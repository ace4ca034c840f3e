import { createHash } from 'node:crypto';
import { PassThrough, Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BUNDLE_FORMAT,
  currentItems,
  formatFingerprint,
  headMessage,
  keyFingerprint,
  type EvidenceActor,
  type EvidenceItem,
  type EvidenceManifest,
  type HashedEntry,
  type ManifestFile,
  type ManifestTimestamp,
  timestampTokenPaths,
} from '@mimamoru/core';
import { ZipFile } from 'yazl';
import { formatJst, renderEvidenceReport } from '../../render/evidence-report.js';
import { verifyText } from './verify-text.js';

/** Everything a bundle is made of, read from the locker by the caller. */
export interface BundleSource {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly exportedAt: string;
  readonly exportedBy?: EvidenceActor;
  /** Raw Ed25519 public key, hex. */
  readonly publicKey: string;
  readonly chain: readonly HashedEntry[];
  readonly head: { readonly seq: number; readonly hash: string; readonly signature: string; readonly signedAt: string };
  readonly timestamps: readonly ManifestTimestamp[];
  /** The plaintext of a blob (the blob store checks it against its address). */
  readonly openBlob: (sha256: string) => Promise<Uint8Array>;
}

export interface BundleProgress {
  readonly bytes: number;
  /** The ZIP's exact size, known before the first byte. */
  readonly bytesTotal: number;
  readonly filesDone: number;
  readonly filesTotal: number;
}

export interface BundleWritten {
  readonly bytes: number;
  readonly items: number;
  readonly files: number;
  readonly manifest: EvidenceManifest;
}

/** A bundle whose report, manifest and exact size are ready; its evidence files are read only by write(). */
export interface PreparedBundle {
  /** Exact size of the ZIP in bytes (every entry is stored with a known size, so the ZIP's layout is fixed). */
  readonly size: number;
  readonly items: number;
  readonly files: number;
  readonly manifest: EvidenceManifest;
  /** Streams the ZIP into `out`, one evidence file at a time; call once. */
  readonly write: (out: Writable, onProgress?: (progress: BundleProgress) => void) => Promise<BundleWritten>;
}

/** Names of the helper files that let `sha256sum` and `openssl` alone check a bundle. */
export const BUNDLE_HELPER_NAMES = {
  publicKey: 'public-key.pem',
  headMessage: 'head-message.txt',
  headSignature: 'head-signature.bin',
  sums: 'SHA256SUMS',
  verify: 'verify.txt',
  manifest: 'manifest.json',
  report: 'report.pdf',
} as const;

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'application/pdf': 'pdf',
  'text/html': 'html',
  'multipart/related': 'mhtml',
  'application/x-mimearchive': 'mhtml',
  'application/json': 'json',
  'text/plain': 'txt',
};

/** The extension of a bundled file: from its content type, else its name (letters and digits only), else `bin`. */
export function fileExtension(contentType: string, name: string): string {
  const known = EXTENSIONS[contentType.split(';')[0]!.trim().toLowerCase()];
  if (known) return known;
  const fromName = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1];
  return fromName ? fromName.toLowerCase() : 'bin';
}

/** The Ed25519 public key as a PEM SubjectPublicKeyInfo (what `openssl pkeyutl -pubin` reads). */
export function ed25519PublicKeyPem(publicKeyHex: string): string {
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKeyHex, 'hex')]);
  return `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`;
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The files a bundle carries: every file of every current item, once per content hash, in item order. */
function bundleFiles(items: readonly EvidenceItem[]): ManifestFile[] {
  const files = new Map<string, ManifestFile>();
  for (const item of items) {
    for (const file of item.files) {
      if (files.has(file.sha256)) continue;
      files.set(file.sha256, {
        path: `files/${file.sha256}.${fileExtension(file.contentType, file.name)}`,
        sha256: file.sha256,
        size: file.size,
        contentType: file.contentType,
      });
    }
  }
  return [...files.values()];
}


/**
 * Prepares an evidence bundle: renders report.pdf, builds manifest.json, SHA256SUMS, verify.txt and the helpers for
 * `openssl`, and lays out the ZIP (ZIP64 when large) so that its exact size is known before the first byte.
 * Every entry is stored uncompressed: evidence media (PNG, JPEG, MP4, PDF) is already compressed, so deflating it
 * costs time for nothing, and stored entries with known sizes are what lets the size be computed up front.
 */
export async function prepareEvidenceBundle(source: BundleSource): Promise<PreparedBundle> {
  const items = currentItems(source.chain);
  const files = bundleFiles(items);
  const fingerprint = keyFingerprint(source.publicKey);

  const report = await renderEvidenceReport({
    caseNumber: source.caseNumber,
    exportedAt: source.exportedAt,
    keyFingerprint: formatFingerprint(fingerprint),
    head: source.head,
    timestampCount: source.timestamps.length,
    items,
    loadFile: source.openBlob,
  });

  const tokenPaths = timestampTokenPaths(source.timestamps);
  const timestamps: ManifestTimestamp[] = source.timestamps.map((ts, i) => ({ ...ts, path: tokenPaths[i]! }));
  const manifest: EvidenceManifest = {
    format: BUNDLE_FORMAT,
    version: 1,
    caseNumber: source.caseNumber,
    exportedAt: source.exportedAt,
    ...(source.exportedBy ? { exportedBy: source.exportedBy } : {}),
    publicKey: source.publicKey,
    keyFingerprint: fingerprint,
    chain: source.chain,
    head: source.head,
    timestamps,
    items,
    files,
    report: { path: BUNDLE_HELPER_NAMES.report, sha256: sha256Hex(report), size: report.byteLength },
  };

  const small = new Map<string, Buffer>([
    [BUNDLE_HELPER_NAMES.manifest, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')],
    [
      BUNDLE_HELPER_NAMES.verify,
      Buffer.from(
        verifyText({
          caseNumber: source.caseNumber,
          exportedAtJst: formatJst(source.exportedAt),
          fingerprint: formatFingerprint(fingerprint),
          headSeq: source.head.seq,
          headHash: source.head.hash,
          timestamps: timestamps.map((ts) => ({ path: ts.path!, seq: ts.seq, hash: ts.hash })),
        }),
        'utf8',
      ),
    ],
    [BUNDLE_HELPER_NAMES.publicKey, Buffer.from(ed25519PublicKeyPem(source.publicKey), 'ascii')],
    [BUNDLE_HELPER_NAMES.headMessage, Buffer.from(headMessage(source.caseId, source.head.seq, source.head.hash))],
    [BUNDLE_HELPER_NAMES.headSignature, Buffer.from(source.head.signature, 'hex')],
    [BUNDLE_HELPER_NAMES.report, Buffer.from(report)],
  ]);
  for (const ts of timestamps) small.set(ts.path!, Buffer.from(ts.tokenBase64, 'base64'));

  const sums = [
    ...[...small].map(([name, bytes]) => `${sha256Hex(bytes)}  ${name}`),
    ...files.map((f) => `${f.sha256}  ${f.path}`),
  ];

  // Evidence files are opened only once write() has been called, and then one at a time as the ZIP reaches them.
  let start!: () => void;
  const started = new Promise<void>((resolve) => (start = resolve));
  let onFileDone: () => void = () => undefined;

  const mtime = new Date(source.exportedAt);
  const zip = new ZipFile();
  // A file that cannot be read ends the ZIP stream with the error, which rejects write()'s pipeline.
  zip.on('error', (error: Error) => (zip.outputStream as Readable).destroy(error));
  for (const [name, bytes] of small) zip.addBuffer(bytes, name, { mtime, compress: false });
  for (const file of files) {
    zip.addReadStreamLazy(file.path, { mtime, size: file.size, compress: false }, (cb) => {
      started
        .then(() => source.openBlob(file.sha256))
        .then(
          (plaintext) => {
            const stream = new PassThrough();
            stream.on('end', () => onFileDone());
            stream.end(plaintext);
            cb(null, stream);
          },
          (error: unknown) => cb(error, Readable.from([])),
        );
    });
  }
  zip.addBuffer(Buffer.from(`${sums.join('\n')}\n`, 'utf8'), BUNDLE_HELPER_NAMES.sums, { mtime, compress: false });
  // yazl passes the total size to the callback (-1 if unknowable); @types/yazl declares it without the argument.
  // The end record is always ZIP64: yazl 3.3's size calculation counts the ZIP64 end records once the central
  // directory passes 64 KiB (~500 files), but its writer adds them only past 4 GiB, so the two differed by 76 bytes.
  const end = zip.end.bind(zip) as (options: Parameters<ZipFile['end']>[0], callback: (total: number) => void) => void;
  const size = await new Promise<number>((resolve, reject) => {
    end({ forceZip64Format: true, comment: '' }, (total) =>
      total >= 0 ? resolve(total) : reject(new Error('bundle size is not computable')),
    );
  });

  let used = false;
  const write = async (out: Writable, onProgress?: (progress: BundleProgress) => void): Promise<BundleWritten> => {
    if (used) throw new Error('a prepared bundle is written once');
    used = true;
    let bytes = 0;
    let filesDone = 0;
    const report_ = () => onProgress?.({ bytes, bytesTotal: size, filesDone, filesTotal: files.length });
    onFileDone = () => {
      filesDone += 1;
      report_();
    };
    let lastReport = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes - lastReport >= 4 * 1024 * 1024) {
          lastReport = bytes;
          report_();
        }
        done(null, chunk);
      },
    });
    start();
    await pipeline(zip.outputStream as Readable, counter, out);
    if (bytes !== size) throw new Error(`bundle is ${bytes} bytes, ${size} were announced`);
    report_();
    return { bytes, items: items.length, files: files.length, manifest };
  };
  return { size, items: items.length, files: files.length, manifest, write };
}

/** Prepares and writes an evidence bundle in one go (tests, and callers that need no size up front). */
export async function writeEvidenceBundle(
  source: BundleSource,
  out: Writable,
  onProgress?: (progress: BundleProgress) => void,
): Promise<BundleWritten> {
  return (await prepareEvidenceBundle(source)).write(out, onProgress);
}
