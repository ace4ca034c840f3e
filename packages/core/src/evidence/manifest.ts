import { canonicalJson } from './canonical-json.js';
import {
  currentItems,
  headMessage,
  keyFingerprint,
  verifyChain,
  verifyHeadSignature,
  type ChainProblem,
  type EvidenceActor,
  type HashedEntry,
  sha256Hex,
} from './chain.js';
import type { EvidenceItem } from './item.js';
import { base64ToBytes } from './timestamp-token.js';

export const BUNDLE_FORMAT = 'mimamoru-evidence-bundle';

/** Names a bundle may hold besides the listed files and the report. */
export const BUNDLE_FIXED_NAMES = ['manifest.json', 'verify.txt', 'SHA256SUMS'] as const;

export interface ManifestTimestamp {
  readonly seq: number;
  readonly hash: string;
  readonly tsa: string;
  readonly tokenBase64: string;
  readonly genTime: string;
  /** Where the bundle holds the token's DER (`timestampTokenPaths`); set by the bundle writer. */
  readonly path?: string;
}

/**
 * Where a bundle keeps its RFC 3161 tokens: `timestamps/<seq>-<n>.tsr`, n counting from 1 among the tokens of
 * chain entry <seq> in manifest order, so two tokens over the same entry (two TSAs, a re-stamp) never collide.
 */
export function timestampTokenPaths(timestamps: readonly { readonly seq: number }[]): string[] {
  const counts = new Map<number, number>();
  return timestamps.map(({ seq }) => {
    const n = (counts.get(seq) ?? 0) + 1;
    counts.set(seq, n);
    return `timestamps/${seq}-${n}.tsr`;
  });
}

export interface ManifestFile {
  /** `files/<sha256>.<ext>` */
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
}

/** manifest.json of an evidence bundle. */
export interface EvidenceManifest {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: 1;
  readonly caseNumber: string;
  readonly exportedAt: string;
  readonly exportedBy?: EvidenceActor;
  readonly publicKey: string;
  readonly keyFingerprint: string;
  readonly chain: readonly HashedEntry[];
  readonly head: { readonly seq: number; readonly hash: string; readonly signature: string; readonly signedAt: string };
  readonly timestamps: readonly ManifestTimestamp[];
  readonly items: readonly EvidenceItem[];
  readonly files: readonly ManifestFile[];
  readonly report: { readonly path: string; readonly sha256: string; readonly size: number };
}

export type ManifestProblemKind =
  | 'format'
  | 'fingerprint'
  | 'chain'
  | 'head'
  | 'signature'
  | 'timestamp'
  | 'items'
  | 'file-missing'
  | 'file-hash'
  | 'file-size'
  | 'file-unlisted'
  | 'item-file-missing'
  | 'report';

export interface ManifestProblem {
  readonly kind: ManifestProblemKind;
  readonly item?: string;
  readonly file?: string;
  readonly seq?: number;
  readonly reason?: ChainProblem;
  readonly detail: string;
}

export type ManifestVerification =
  | {
      readonly ok: true;
      readonly summary: {
        readonly caseNumber: string;
        readonly items: number;
        readonly files: number;
        readonly entries: number;
        readonly headSeq: number;
        readonly headHash: string;
        readonly keyFingerprint: string;
        readonly timestamps: number;
      };
    }
  | { readonly ok: false; readonly problem: ManifestProblem };

/** What the platform knows about one name in the bundle: its hash and size, or undefined when absent. */
export type BundleFileLookup = (name: string) => { readonly sha256: string; readonly size: number } | undefined;

export interface VerifyManifestOptions {
  /**
   * Parses an RFC 3161 token (platform code) and returns the hex message imprint it timestamps, or undefined when the
   * token cannot be read. Without it, timestamps are checked only against the chain.
   */
  readonly timestampImprint?: (tokenBase64: string) => string | undefined;
}

function itemOfFile(items: readonly EvidenceItem[], sha256: string): string | undefined {
  return items.find((i) => i.files.some((f) => f.sha256 === sha256))?.id;
}

/**
 * Verifies a bundle's manifest against the bundle's files: format, key fingerprint, chain, signed head, timestamps,
 * items = the chain's current items, every listed file present with its hash and size, and nothing unlisted.
 * Names the first problem found. Pure: the caller hashes the files (CLI from the ZIP, browser in memory).
 */
export function verifyManifest(
  manifest: EvidenceManifest,
  fileHash: BundleFileLookup,
  listNames: readonly string[],
  options: VerifyManifestOptions = {},
): ManifestVerification {
  const fail = (problem: ManifestProblem): ManifestVerification => ({ ok: false, problem });
  if (manifest?.format !== BUNDLE_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.chain)) {
    return fail({ kind: 'format', detail: 'not a mimamoru evidence bundle manifest (version 1)' });
  }
  let fingerprint: string;
  try {
    fingerprint = keyFingerprint(manifest.publicKey);
  } catch {
    return fail({ kind: 'fingerprint', detail: 'public key is not 32 bytes of hex' });
  }
  if (fingerprint !== manifest.keyFingerprint) {
    return fail({ kind: 'fingerprint', detail: 'keyFingerprint does not match publicKey' });
  }

  const chain = verifyChain(manifest.chain);
  if (!chain.ok) {
    const entry = manifest.chain[chain.seq - 1]?.entry;
    return fail({ kind: 'chain', seq: chain.seq, reason: chain.reason, item: entry?.itemId, detail: `chain entry ${chain.seq}: ${chain.reason}` });
  }
  const caseId = manifest.chain[0]?.entry.caseId ?? '';
  if (!chain.head || chain.head.seq !== manifest.head.seq || chain.head.hash !== manifest.head.hash) {
    return fail({ kind: 'head', seq: manifest.head?.seq, detail: 'signed head is not the last entry of the chain (entry added or removed)' });
  }
  if (!verifyHeadSignature(manifest.publicKey, headMessage(caseId, manifest.head.seq, manifest.head.hash), manifest.head.signature)) {
    return fail({ kind: 'signature', seq: manifest.head.seq, detail: 'head signature does not verify with the public key' });
  }

  const tokenPaths = timestampTokenPaths(manifest.timestamps ?? []);
  for (const [index, ts] of (manifest.timestamps ?? []).entries()) {
    if (ts.path !== tokenPaths[index]) {
      return fail({ kind: 'timestamp', seq: ts.seq, detail: `timestamp ${index + 1} should be ${tokenPaths[index]}` });
    }
    const path = tokenPaths[index]!;
    const stored = fileHash(path);
    let tokenHash: string | undefined;
    try {
      tokenHash = sha256Hex(base64ToBytes(ts.tokenBase64));
    } catch {
      tokenHash = undefined;
    }
    if (!stored || stored.sha256 !== tokenHash) {
      return fail({ kind: 'timestamp', seq: ts.seq, file: path, detail: `${path} is missing or differs from manifest.json` });
    }
    const linked = manifest.chain[ts.seq - 1];
    if (!linked || linked.hash !== ts.hash) {
      return fail({ kind: 'timestamp', seq: ts.seq, detail: `timestamp for entry ${ts.seq} does not match the chain` });
    }
    if (options.timestampImprint) {
      const imprint = options.timestampImprint(ts.tokenBase64);
      if (imprint?.toLowerCase() !== ts.hash) {
        return fail({ kind: 'timestamp', seq: ts.seq, detail: `timestamp token for entry ${ts.seq} does not cover its hash` });
      }
    }
  }

  const expected = currentItems(manifest.chain);
  const listed = manifest.items ?? [];
  for (let i = 0; i < Math.max(expected.length, listed.length); i += 1) {
    const want = expected[i];
    const got = listed[i];
    if (!want || !got || canonicalJson(want) !== canonicalJson(got)) {
      return fail({ kind: 'items', item: (got ?? want)?.id, detail: 'items differ from the chain' });
    }
  }

  const byHash = new Map<string, ManifestFile>();
  for (const file of manifest.files ?? []) {
    const actual = fileHash(file.path);
    const item = itemOfFile(listed, file.sha256);
    if (!actual) return fail({ kind: 'file-missing', file: file.path, item, detail: `${file.path} is missing` });
    if (actual.sha256 !== file.sha256 || !file.path.startsWith(`files/${file.sha256}`)) {
      return fail({ kind: 'file-hash', file: file.path, item, detail: `${file.path}: SHA-256 differs` });
    }
    if (actual.size !== file.size) return fail({ kind: 'file-size', file: file.path, item, detail: `${file.path}: size differs` });
    byHash.set(file.sha256, file);
  }
  for (const item of listed) {
    for (const f of item.files) {
      const file = byHash.get(f.sha256);
      if (!file || file.size !== f.size) {
        return fail({ kind: 'item-file-missing', item: item.id, file: f.name, detail: `file ${f.sha256} of item ${item.id} is not in the bundle` });
      }
    }
  }

  const report = manifest.report;
  const reportActual = report ? fileHash(report.path) : undefined;
  if (!report || !reportActual || reportActual.sha256 !== report.sha256 || reportActual.size !== report.size) {
    return fail({ kind: 'report', file: report?.path ?? 'report.pdf', detail: 'report.pdf is missing or altered' });
  }

  const allowed = new Set<string>([
    ...BUNDLE_FIXED_NAMES,
    report.path,
    ...(manifest.files ?? []).map((f) => f.path),
    ...tokenPaths,
  ]);
  const extra = listNames.find((name) => !name.endsWith('/') && !allowed.has(name));
  if (extra !== undefined) return fail({ kind: 'file-unlisted', file: extra, detail: `${extra} is not listed in the manifest` });

  return {
    ok: true,
    summary: {
      caseNumber: manifest.caseNumber,
      items: listed.length,
      files: (manifest.files ?? []).length,
      entries: manifest.chain.length,
      headSeq: manifest.head.seq,
      headHash: manifest.head.hash,
      keyFingerprint: fingerprint,
      timestamps: (manifest.timestamps ?? []).length,
    },
  };
}
