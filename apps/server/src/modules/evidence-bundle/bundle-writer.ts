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
  readonly filesDone: number;
  readonly filesTotal: number;
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

/** Compressing already-compressed media only costs time; text compresses well. */
function worthCompressing(contentType: string): boolean {
  return /^(text\/|application\/json|multipart\/related|application\/x-mimearchive|message\/)/i.test(contentType);
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
 * Writes an evidence bundle (ZIP, ZIP64 when large) to `out`: manifest.json, the files under files/, report.pdf,
 * SHA256SUMS, verify.txt and the public key, signed head message and signature for `openssl`. The evidence files
 * are streamed one at a time from the blob store, so memory stays bounded by the largest single file.
 */
export async function writeEvidenceBundle(
  source: BundleSource,
  out: Writable,
  onProgress?: (progress: BundleProgress) => void,
): Promise<{ bytes: number; items: number; files: number; manifest: EvidenceManifest }> {
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
    timestamps: source.timestamps,
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
          hasTimestamps: source.timestamps.length > 0,
        }),
        'utf8',
      ),
    ],
    [BUNDLE_HELPER_NAMES.publicKey, Buffer.from(ed25519PublicKeyPem(source.publicKey), 'ascii')],
    [BUNDLE_HELPER_NAMES.headMessage, Buffer.from(headMessage(source.caseId, source.head.seq, source.head.hash))],
    [BUNDLE_HELPER_NAMES.headSignature, Buffer.from(source.head.signature, 'hex')],
    [BUNDLE_HELPER_NAMES.report, Buffer.from(report)],
  ]);
  for (const ts of source.timestamps) {
    small.set(`timestamps/${ts.seq}.tsr`, Buffer.from(ts.tokenBase64, 'base64'));
  }

  const sums = [
    ...[...small].map(([name, bytes]) => `${sha256Hex(bytes)}  ${name}`),
    ...files.map((f) => `${f.sha256}  ${f.path}`),
  ];

  const mtime = new Date(source.exportedAt);
  const zip = new ZipFile();
  for (const [name, bytes] of small) {
    zip.addBuffer(bytes, name, { mtime, compress: !name.endsWith('.pdf') && !name.endsWith('.bin') });
  }
  let filesDone = 0;
  let bytes = 0;
  const report_ = () => onProgress?.({ bytes, filesDone, filesTotal: files.length });
  for (const file of files) {
    zip.addReadStreamLazy(file.path, { mtime, size: file.size, compress: worthCompressing(file.contentType) }, (cb) => {
      // Opened only when the ZIP reaches this entry: one blob in memory at a time.
      source.openBlob(file.sha256).then(
        (plaintext) => {
          const stream = new PassThrough();
          stream.on('end', () => {
            filesDone += 1;
            report_();
          });
          stream.end(plaintext);
          cb(null, stream);
        },
        (error: unknown) => cb(error, Readable.from([])),
      );
    });
  }
  zip.addBuffer(Buffer.from(`${sums.join('\n')}\n`, 'utf8'), BUNDLE_HELPER_NAMES.sums, { mtime });
  zip.end();

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
  await pipeline(zip.outputStream as Readable, counter, out);
  report_();
  return { bytes, items: items.length, files: files.length, manifest };
}
