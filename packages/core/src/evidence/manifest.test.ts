import * as ed from '@noble/ed25519';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { headMessage, keyFingerprint, nextEntry, type HashedEntry } from './chain.js';
import type { EvidenceItem } from './item.js';
import { timestampTokenPaths, verifyManifest, type EvidenceManifest } from './manifest.js';

const CASE = 'case-1';
const secret = new Uint8Array(32).fill(3);
const publicKey = bytesToHex(ed.getPublicKey(secret));

function bundle() {
  const contents = new Map<string, Uint8Array>();
  const png = utf8ToBytes('png bytes');
  const pdf = utf8ToBytes('%PDF report');
  const pngHash = bytesToHex(sha256(png));
  contents.set(`files/${pngHash}.png`, png);
  contents.set('report.pdf', pdf);
  contents.set('verify.txt', utf8ToBytes('how to verify'));
  contents.set('timestamps/1-1.tsr', utf8ToBytes('token'));
  const item: EvidenceItem = {
    id: 'item-1', platform: 'x', postUrl: 'https://x.com/a/status/1', capturedAt: '2026-03-02T01:00:00Z', capturedBy: 'victim',
    files: [{ sha256: pngHash, size: png.length, contentType: 'image/png', name: 'shot.png', role: 'screenshot' }],
  };
  const chain: HashedEntry[] = [nextEntry(null, { caseId: CASE, type: 'add', itemId: item.id, at: '2026-03-02T01:00:00Z', actor: { type: 'victim' }, item })];
  const head = chain[0]!;
  const manifest: EvidenceManifest = {
    format: 'mimamoru-evidence-bundle', version: 1, caseNumber: 'M-2026-0001', exportedAt: '2026-03-03T00:00:00Z',
    publicKey, keyFingerprint: keyFingerprint(publicKey), chain,
    head: { seq: 1, hash: head.hash, signature: bytesToHex(ed.sign(headMessage(CASE, 1, head.hash), secret)), signedAt: head.entry.at },
    timestamps: [{ seq: 1, hash: head.hash, tsa: 'http://tsa.local', tokenBase64: 'dG9rZW4=', genTime: '2026-03-02T01:00:01Z', path: 'timestamps/1-1.tsr' }],
    items: [item],
    files: [{ path: `files/${pngHash}.png`, sha256: pngHash, size: png.length, contentType: 'image/png' }],
    report: { path: 'report.pdf', sha256: bytesToHex(sha256(pdf)), size: pdf.length },
  };
  const lookup = (name: string) => {
    const bytes = contents.get(name);
    return bytes ? { sha256: bytesToHex(sha256(bytes)), size: bytes.length } : undefined;
  };
  return { manifest, contents, lookup, names: () => ['manifest.json', ...contents.keys()], pngPath: `files/${pngHash}.png` };
}

describe('verifyManifest', () => {
  it('accepts an intact bundle and summarises it', () => {
    const b = bundle();
    const verdict = verifyManifest(b.manifest, b.lookup, b.names(), { timestampImprint: () => b.manifest.head.hash });
    expect(verdict).toMatchObject({ ok: true, summary: { items: 1, files: 1, entries: 1, headSeq: 1, timestamps: 1 } });
  });

  it('verifies a chain whose head records a generated document; the document file is not part of the bundle', () => {
    const b = bundle();
    const first = b.manifest.chain[0]!;
    const document = { id: 'doc-1', kind: 'takedown-request' as const, format: 'pdf' as const, sha256: 'c'.repeat(64), size: 10, itemIds: ['item-1'] };
    const entry = nextEntry({ seq: 1, hash: first.hash }, {
      caseId: CASE, type: 'document', itemId: 'doc-1', at: '2026-03-02T02:00:00Z', actor: { type: 'staff', id: 's1' }, document,
    });
    const head = { seq: 2, hash: entry.hash, signature: bytesToHex(ed.sign(headMessage(CASE, 2, entry.hash), secret)), signedAt: entry.entry.at };
    const manifest = { ...b.manifest, chain: [first, entry], head };
    expect(verifyManifest(manifest, b.lookup, b.names())).toMatchObject({ ok: true, summary: { items: 1, files: 1, entries: 2, headSeq: 2 } });
    // Listing the document as an item is refused: a document entry is not an item.
    expect(verifyManifest({ ...manifest, items: [...manifest.items, { ...manifest.items[0]!, id: 'doc-1' }] }, b.lookup, b.names()))
      .toMatchObject({ ok: false, problem: { kind: 'items' } });
  });

  it('names a file whose bytes changed', () => {
    const b = bundle();
    b.contents.set(b.pngPath, utf8ToBytes('png bytez'));
    expect(verifyManifest(b.manifest, b.lookup, b.names())).toMatchObject({ ok: false, problem: { kind: 'file-hash', file: b.pngPath, item: 'item-1' } });
  });

  it('names a dropped file, an added file and an altered report', () => {
    const dropped = bundle();
    dropped.contents.delete(dropped.pngPath);
    expect(verifyManifest(dropped.manifest, dropped.lookup, dropped.names())).toMatchObject({ ok: false, problem: { kind: 'file-missing', file: dropped.pngPath } });
    const added = bundle();
    added.contents.set('files/extra.png', utf8ToBytes('x'));
    expect(verifyManifest(added.manifest, added.lookup, added.names())).toMatchObject({ ok: false, problem: { kind: 'file-unlisted', file: 'files/extra.png' } });
    const report = bundle();
    report.contents.set('report.pdf', utf8ToBytes('%PDF other'));
    expect(verifyManifest(report.manifest, report.lookup, report.names())).toMatchObject({ ok: false, problem: { kind: 'report' } });
  });

  it('names an edited item, an edited chain, a forged head and a wrong timestamp', () => {
    const b = bundle();
    const items = [{ ...b.manifest.items[0]!, text: 'added later' }];
    expect(verifyManifest({ ...b.manifest, items }, b.lookup, b.names())).toMatchObject({ ok: false, problem: { kind: 'items', item: 'item-1' } });
    const entry = { ...b.manifest.chain[0]!.entry, itemId: 'item-2' };
    expect(verifyManifest({ ...b.manifest, chain: [{ entry, hash: b.manifest.chain[0]!.hash }] }, b.lookup, b.names()))
      .toMatchObject({ ok: false, problem: { kind: 'chain', seq: 1, reason: 'hash-mismatch' } });
    const head = { ...b.manifest.head, signature: '00'.repeat(64) };
    expect(verifyManifest({ ...b.manifest, head }, b.lookup, b.names())).toMatchObject({ ok: false, problem: { kind: 'signature' } });
    expect(verifyManifest(b.manifest, b.lookup, b.names(), { timestampImprint: () => 'f'.repeat(64) }))
      .toMatchObject({ ok: false, problem: { kind: 'timestamp', seq: 1 } });
    expect(verifyManifest({ ...b.manifest, keyFingerprint: 'f'.repeat(64) }, b.lookup, b.names())).toMatchObject({ ok: false, problem: { kind: 'fingerprint' } });
  });

  it('keeps two tokens of one entry apart (timestamps/<seq>-<n>.tsr) and checks each token file', () => {
    expect(timestampTokenPaths([{ seq: 3 }, { seq: 5 }, { seq: 3 }, { seq: 5 }, { seq: 3 }])).toEqual([
      'timestamps/3-1.tsr',
      'timestamps/5-1.tsr',
      'timestamps/3-2.tsr',
      'timestamps/5-2.tsr',
      'timestamps/3-3.tsr',
    ]);
    const b = bundle();
    const second = { ...b.manifest.timestamps[0]!, tokenBase64: 'c2Vjb25k', path: 'timestamps/1-2.tsr' };
    b.contents.set('timestamps/1-2.tsr', utf8ToBytes('second'));
    const two = { ...b.manifest, timestamps: [...b.manifest.timestamps, second] };
    expect(verifyManifest(two, b.lookup, b.names())).toMatchObject({ ok: true, summary: { timestamps: 2 } });
    expect(verifyManifest({ ...two, timestamps: [b.manifest.timestamps[0]!, { ...second, path: 'timestamps/1-1.tsr' }] }, b.lookup, b.names()))
      .toMatchObject({ ok: false, problem: { kind: 'timestamp', seq: 1 } });
    b.contents.set('timestamps/1-2.tsr', utf8ToBytes('altered'));
    expect(verifyManifest(two, b.lookup, b.names())).toMatchObject({ ok: false, problem: { kind: 'timestamp', file: 'timestamps/1-2.tsr' } });
    b.contents.delete('timestamps/1-2.tsr');
    expect(verifyManifest(two, b.lookup, b.names())).toMatchObject({ ok: false, problem: { kind: 'timestamp', file: 'timestamps/1-2.tsr' } });
  });
});
