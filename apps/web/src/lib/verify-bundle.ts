import {
  headMessage,
  timestampTokenImprint,
  verifyManifest,
  type EvidenceManifest,
  type ManifestVerification,
} from '@mimamoru/core';
import { unzipSync } from 'fflate';

/** Helper files the server adds for `openssl`; derived from the manifest and checked against it here. */
const HELPERS = ['public-key.pem', 'head-message.txt', 'head-signature.bin'] as const;
const RATIO_LIMIT = 200;
const RATIO_MIN_BYTES = 1024 * 1024;

export type BrowserBundleVerdict =
  | { readonly ok: true; readonly summary: Extract<ManifestVerification, { ok: true }>['summary'] }
  | { readonly ok: false; readonly kind: string; readonly detail: string; readonly item?: string; readonly file?: string }
  | { readonly ok: false; readonly kind: 'unreadable'; readonly detail: string };

function unsafeName(name: string): boolean {
  return (
    name === '' ||
    name.startsWith('/') ||
    /^[a-zA-Z]:/.test(name) ||
    name.includes('\\') ||
    name.split('/').some((part) => part === '..')
  );
}

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);
const hexToBytes = (text: string) => new Uint8Array((text.match(/../g) ?? []).map((h) => parseInt(h, 16)));

/**
 * Verifies an evidence bundle entirely in the browser (nothing is uploaded): unzips it with fflate, refusing unsafe
 * names and ZIP-bomb ratios, hashes every entry with WebCrypto, then runs core verifyManifest and checks SHA256SUMS and
 * the openssl helper files — the same checks as `npx mimamoru verify`.
 */
export async function verifyBundleInBrowser(zip: Uint8Array): Promise<BrowserBundleVerdict> {
  let entries: Record<string, Uint8Array>;
  let refused: { kind: string; detail: string; file: string } | undefined;
  try {
    entries = unzipSync(zip, {
      filter: (file) => {
        if (refused) return false;
        if (unsafeName(file.name)) refused = { kind: 'unsafe-name', detail: 'unsafe name', file: file.name };
        else if (file.originalSize > RATIO_MIN_BYTES && file.originalSize > file.size * RATIO_LIMIT)
          refused = { kind: 'zip-bomb', detail: 'compression ratio too high', file: file.name };
        return !refused;
      },
    });
  } catch (error) {
    return { ok: false, kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  if (refused) return { ok: false, ...refused };
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const facts = new Map<string, { sha256: string; size: number }>();
  for (const name of names) {
    const bytes = entries[name]!;
    facts.set(name, { sha256: hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)), size: bytes.byteLength });
  }
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) return { ok: false, kind: 'manifest-missing', detail: 'manifest.json is missing', file: 'manifest.json' };
  let manifest: EvidenceManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as EvidenceManifest;
  } catch {
    return { ok: false, kind: 'manifest-invalid', detail: 'manifest.json is not valid JSON', file: 'manifest.json' };
  }
  const helperNames = new Set<string>([...HELPERS, ...names.filter((n) => /^timestamps\/\d+\.tsr$/.test(n))]);
  const verdict = verifyManifest(
    manifest,
    (name) => facts.get(name),
    names.filter((n) => !helperNames.has(n)),
    { timestampImprint: timestampTokenImprint },
  );
  if (!verdict.ok) return { ok: false, ...verdict.problem };

  const caseId = manifest.chain[0]?.entry.caseId ?? '';
  const der = new Uint8Array([...hexToBytes('302a300506032b6570032100'), ...hexToBytes(manifest.publicKey)]);
  const pem = `-----BEGIN PUBLIC KEY-----\n${btoa(String.fromCharCode(...der))}\n-----END PUBLIC KEY-----\n`;
  const expected: [string, Uint8Array][] = [
    ['public-key.pem', new TextEncoder().encode(pem)],
    ['head-message.txt', headMessage(caseId, manifest.head.seq, manifest.head.hash)],
    ['head-signature.bin', hexToBytes(manifest.head.signature)],
  ];
  for (const [name, bytes] of expected) {
    const actual = entries[name];
    if (!actual || !equalBytes(actual, bytes)) {
      return { ok: false, kind: 'helper-file', detail: `${name} does not match manifest.json`, file: name };
    }
  }
  const sums = entries.SHA256SUMS;
  if (!sums) return { ok: false, kind: 'sums', detail: 'SHA256SUMS is missing', file: 'SHA256SUMS' };
  const listed = new Map<string, string>();
  for (const line of new TextDecoder().decode(sums).split('\n')) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (match) listed.set(match[2]!, match[1]!);
  }
  for (const name of names) {
    if (name === 'SHA256SUMS') continue;
    if (listed.get(name) !== facts.get(name)?.sha256) {
      return { ok: false, kind: 'sums', detail: `${name}: SHA256SUMS differs`, file: name };
    }
  }
  return verdict;
}
