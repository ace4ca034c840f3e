import { readFile } from 'node:fs/promises';
import {
  base64ToBytes,
  certificatesFromPem,
  timestampTokenPaths,
  verifyTimestampToken,
  type EvidenceManifest,
} from '@mimamoru/core';
import yauzl from 'yauzl';

/** manifest.json larger than this is not read (the bundle reader refuses it too). */
const MANIFEST_LIMIT = 512 * 1024 * 1024;

export type BundleTimestampCheck =
  | {
      readonly ok: true;
      readonly count: number;
      /** Whether every TSA certificate was checked against the given trust anchors. */
      readonly anchored: boolean;
      /** The TSAs named by the tokens, each once. */
      readonly tsas: readonly string[];
    }
  | { readonly ok: false; readonly seq: number; readonly file?: string; readonly detail: string };

async function readManifest(zipPath: string): Promise<EvidenceManifest> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== 'manifest.json') continue;
      if (entry.uncompressedSize > MANIFEST_LIMIT) throw new Error('manifest.json is too large');
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as EvidenceManifest;
    }
    throw new Error('manifest.json is missing');
  } finally {
    zip.close();
  }
}

/**
 * Checks every RFC 3161 token of a bundle whose contents already verified (bundle-reader): each token's TSA
 * signature and signed attributes, its imprint against its chain entry, and, when PEM trust anchors are given
 * (`mimamoru verify --tsa-ca FILE`), that the TSA certificate chains to one of them at the token's time.
 */
export async function checkBundleTimestamps(zipPath: string, trustedCertsPem?: string): Promise<BundleTimestampCheck> {
  const manifest = await readManifest(zipPath);
  const stamps = manifest.timestamps ?? [];
  const paths = timestampTokenPaths(stamps);
  const tsas = new Set<string>();
  for (const [index, stamp] of stamps.entries()) {
    const verdict = await verifyTimestampToken(base64ToBytes(stamp.tokenBase64), stamp.hash, trustedCertsPem);
    if (!verdict.ok) {
      return {
        ok: false,
        seq: stamp.seq,
        ...(paths[index] ? { file: paths[index] } : {}),
        detail: `timestamp of entry ${stamp.seq}: ${verdict.problem.kind}: ${verdict.problem.detail}`,
      };
    }
    tsas.add(verdict.tsa);
  }
  return { ok: true, count: stamps.length, anchored: trustedCertsPem !== undefined, tsas: [...tsas] };
}

/** Reads a PEM file of trust anchors for `--tsa-ca`: its text, or why it cannot be used. */
export async function readTrustAnchorsFile(file: string): Promise<{ ok: true; pem: string } | { ok: false; problem: string }> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch {
    return { ok: false, problem: `cannot read ${file}` };
  }
  try {
    if (certificatesFromPem(pem).length > 0) return { ok: true, pem };
  } catch {
    // reported below
  }
  return { ok: false, problem: `${file} holds no readable PEM certificate (-----BEGIN CERTIFICATE-----)` };
}

/** The summary line of `mimamoru verify` about timestamps; says so when no trust anchor was given. */
export function describeTimestampCheck(check: Extract<BundleTimestampCheck, { ok: true }>, anchorsFile?: string): string {
  if (check.count === 0) return '  timestamps: none';
  const by = check.tsas.join('; ');
  return check.anchored
    ? `  timestamps: ${check.count}, TSA signature valid (${by}); TSA certificate chains to a trust anchor in ${anchorsFile ?? '--tsa-ca'}`
    : `  timestamps: ${check.count}, TSA signature valid (${by}); the TSA certificate was NOT checked against a trust anchor (use --tsa-ca FILE)`;
}
