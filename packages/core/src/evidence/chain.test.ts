import * as ed from '@noble/ed25519';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  chainDocuments,
  currentItems,
  entryHash,
  formatFingerprint,
  GENESIS_PREV,
  headMessage,
  keyFingerprint,
  nextEntry,
  verifyChain,
  verifyHeadSignature,
  type EvidenceEntry,
  type HashedEntry,
} from './chain.js';
import type { EvidenceItem } from './item.js';

const CASE = '0190a0b0-0000-7000-8000-000000000001';
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

function item(id: string, text: string, hashes: string[] = [HASH_A]): EvidenceItem {
  return {
    id,
    platform: 'x',
    postUrl: `https://x.com/someone/status/${id.length}`,
    accountId: '@someone',
    postedAt: { asShown: '2026年3月1日 21:04', timeZone: 'Asia/Tokyo' },
    capturedAt: '2026-03-02T01:00:00.000Z',
    capturedBy: 'victim',
    text,
    files: hashes.map((sha256, i) => ({ sha256, size: 10 + i, contentType: 'image/png', name: `s${i}.png`, role: 'screenshot' })),
  };
}

/** add item-1, add item-2, correct item-1, remove item-2 */
function sampleChain(): HashedEntry[] {
  const out: HashedEntry[] = [];
  const push = (input: Parameters<typeof nextEntry>[1]) => {
    const last = out.at(-1);
    out.push(nextEntry(last ? { seq: last.entry.seq, hash: last.hash } : null, input));
  };
  const actor = { type: 'victim' } as const;
  push({ caseId: CASE, type: 'add', itemId: 'item-1', at: '2026-03-02T01:00:00Z', actor, item: item('item-1', '死ね') });
  push({ caseId: CASE, type: 'add', itemId: 'item-2', at: '2026-03-02T01:01:00Z', actor, item: item('item-2', '晒し', [HASH_B, HASH_A]) });
  push({ caseId: CASE, type: 'correct', itemId: 'item-1', at: '2026-03-02T01:02:00Z', actor: { type: 'staff', id: 's1' }, item: item('item-1', '死ねよ'), reason: 'typo' });
  push({ caseId: CASE, type: 'remove', itemId: 'item-2', at: '2026-03-02T01:03:00Z', actor, reason: 'wrong post' });
  return out;
}

/** Re-hashes entries after a tamper so only the link (not the entry's own hash) can give it away. */
function rehash(entry: EvidenceEntry): HashedEntry {
  return { entry, hash: entryHash(entry) };
}

describe('evidence chain', () => {
  it('links entries, starts from the genesis hash and commits to sorted file hashes', () => {
    const chain = sampleChain();
    expect(chain[0]!.entry.prev).toBe(GENESIS_PREV);
    expect(chain[1]!.entry.prev).toBe(chain[0]!.hash);
    expect(chain[1]!.entry.fileHashes).toEqual([HASH_A, HASH_B]);
    expect(chain[3]!.entry.fileHashes).toEqual([]);
    expect(verifyChain(chain, CASE)).toEqual({ ok: true, head: { seq: 4, hash: chain[3]!.hash } });
    expect(verifyChain([], CASE)).toEqual({ ok: true, head: null });
  });

  it('current items reflect corrections and removals without losing history', () => {
    const items = currentItems(sampleChain());
    expect(items.map((i) => [i.id, i.text])).toEqual([['item-1', '死ねよ']]);
  });

  it('detects an edited entry (stored hash no longer matches)', () => {
    const chain = sampleChain();
    chain[1] = { ...chain[1]!, entry: { ...chain[1]!.entry, item: item('item-2', '改ざん', [HASH_B, HASH_A]) } };
    expect(verifyChain(chain, CASE)).toEqual({ ok: false, seq: 2, reason: 'hash-mismatch' });
  });

  it('detects an edited entry whose hash was recomputed (next link breaks)', () => {
    const chain = sampleChain();
    chain[1] = rehash({ ...chain[1]!.entry, item: item('item-2', '改ざん', [HASH_B, HASH_A]) });
    expect(verifyChain(chain, CASE)).toEqual({ ok: false, seq: 3, reason: 'broken-link' });
  });

  it('detects a deleted entry', () => {
    const chain = sampleChain();
    chain.splice(1, 1);
    expect(verifyChain(chain, CASE)).toEqual({ ok: false, seq: 2, reason: 'seq-gap' });
    // Renumbering after the deletion is caught by the hashes instead.
    const renumbered = sampleChain();
    renumbered.splice(1, 1);
    renumbered[1] = { ...renumbered[1]!, entry: { ...renumbered[1]!.entry, seq: 2 } };
    expect(verifyChain(renumbered, CASE)).toEqual({ ok: false, seq: 2, reason: 'hash-mismatch' });
  });

  it('detects reordered entries', () => {
    const chain = sampleChain();
    [chain[1], chain[2]] = [chain[2]!, chain[1]!];
    expect(verifyChain(chain, CASE)).toEqual({ ok: false, seq: 2, reason: 'seq-gap' });
    const swappedSeq = sampleChain();
    const a = swappedSeq[1]!;
    const b = swappedSeq[2]!;
    swappedSeq[1] = rehash({ ...b.entry, seq: 2 });
    swappedSeq[2] = rehash({ ...a.entry, seq: 3 });
    expect(verifyChain(swappedSeq, CASE)).toEqual({ ok: false, seq: 2, reason: 'broken-link' });
  });

  it('detects an inserted entry', () => {
    const chain = sampleChain();
    const forged = nextEntry({ seq: 1, hash: chain[0]!.hash }, {
      caseId: CASE, type: 'add', itemId: 'item-9', at: '2026-03-02T01:00:30Z', actor: { type: 'victim' }, item: item('item-9', 'x'),
    });
    chain.splice(1, 0, forged);
    expect(verifyChain(chain, CASE)).toEqual({ ok: false, seq: 3, reason: 'seq-gap' });
  });

  it('detects an entry from another case, a correction of an unknown item and a lying fileHashes', () => {
    const chain = sampleChain();
    expect(verifyChain(chain, 'another-case')).toEqual({ ok: false, seq: 1, reason: 'wrong-case' });
    const orphan = [nextEntry(null, { caseId: CASE, type: 'remove', itemId: 'nope', at: 'x', actor: { type: 'system' } })];
    expect(verifyChain(orphan, CASE)).toEqual({ ok: false, seq: 1, reason: 'unknown-item' });
    const lying = [rehash({ ...chain[0]!.entry, fileHashes: [HASH_B] })];
    expect(verifyChain(lying, CASE)).toEqual({ ok: false, seq: 1, reason: 'file-hashes-mismatch' });
    const afterRemove = sampleChain();
    const last = afterRemove.at(-1)!;
    afterRemove.push(nextEntry({ seq: last.entry.seq, hash: last.hash }, {
      caseId: CASE, type: 'correct', itemId: 'item-2', at: 'x', actor: { type: 'staff' }, item: item('item-2', 'back'),
    }));
    expect(verifyChain(afterRemove, CASE)).toEqual({ ok: false, seq: 5, reason: 'removed-item' });
  });
});

describe('document entries', () => {
  const HASH_DOC = 'c'.repeat(64);
  const HASH_RED = 'd'.repeat(64);
  const doc = (id: string, sha256: string, extra: { redactedOf?: string } = {}) => ({
    id,
    kind: 'disclosure-request' as const,
    format: 'pdf' as const,
    sha256,
    size: 1234,
    itemIds: ['item-1'],
    ...extra,
  });
  /** The sample chain, then a disclosure request: its full copy and its redacted copy. */
  function withDocuments(): HashedEntry[] {
    const chain = sampleChain();
    const push = (input: Omit<Parameters<typeof nextEntry>[1], 'caseId' | 'at' | 'actor'>) => {
      const last = chain.at(-1)!;
      chain.push(nextEntry({ seq: last.entry.seq, hash: last.hash }, { caseId: CASE, at: '2026-03-03T00:00:00Z', actor: { type: 'staff', id: 's1' }, ...input }));
    };
    push({ type: 'document', itemId: 'doc-1', document: doc('doc-1', HASH_DOC) });
    push({ type: 'document', itemId: 'doc-2', document: doc('doc-2', HASH_RED, { redactedOf: 'doc-1' }) });
    return chain;
  }

  it('records the document hash and kind, verifies, and leaves the items as they were', () => {
    const chain = withDocuments();
    expect(chain[4]!.entry.fileHashes).toEqual([HASH_DOC]);
    expect(verifyChain(chain, CASE)).toEqual({ ok: true, head: { seq: 6, hash: chain[5]!.hash } });
    expect(currentItems(chain)).toEqual(currentItems(sampleChain()));
    expect(chainDocuments(chain).map((d) => [d.seq, d.id, d.kind, d.sha256, d.redactedOf])).toEqual([
      [5, 'doc-1', 'disclosure-request', HASH_DOC, undefined],
      [6, 'doc-2', 'disclosure-request', HASH_RED, 'doc-1'],
    ]);
  });

  it('detects a changed document hash, a lying fileHashes and a malformed record', () => {
    const edited = withDocuments();
    edited[4] = { ...edited[4]!, entry: { ...edited[4]!.entry, document: doc('doc-1', 'e'.repeat(64)), fileHashes: ['e'.repeat(64)] } };
    expect(verifyChain(edited, CASE)).toEqual({ ok: false, seq: 5, reason: 'hash-mismatch' });
    const lying = withDocuments().slice(0, 5);
    lying[4] = rehash({ ...lying[4]!.entry, fileHashes: [] });
    expect(verifyChain(lying, CASE)).toEqual({ ok: false, seq: 5, reason: 'file-hashes-mismatch' });
    const bad = (document: object) => {
      const chain = withDocuments().slice(0, 5);
      chain[4] = rehash({ ...chain[4]!.entry, document: document as never, fileHashes: [HASH_DOC] });
      return verifyChain(chain, CASE);
    };
    expect(bad({ ...doc('doc-1', HASH_DOC), kind: 'love-letter' })).toEqual({ ok: false, seq: 5, reason: 'bad-entry' });
    expect(bad({ ...doc('doc-1', HASH_DOC), id: 'doc-9' })).toEqual({ ok: false, seq: 5, reason: 'bad-entry' });
    expect(bad({ ...doc('doc-1', HASH_DOC), format: 'odt' })).toEqual({ ok: false, seq: 5, reason: 'bad-entry' });
    expect(bad(doc('doc-1', HASH_DOC, { redactedOf: 'doc-0' }))).toEqual({ ok: false, seq: 5, reason: 'bad-entry' });
    // An item entry that smuggles a document record.
    const smuggled = sampleChain().slice(0, 1);
    smuggled[0] = rehash({ ...smuggled[0]!.entry, document: doc('item-1', HASH_DOC) });
    expect(verifyChain(smuggled, CASE)).toEqual({ ok: false, seq: 1, reason: 'bad-entry' });
  });

  it('is not an item: it cannot be corrected or removed, and its id cannot be reused', () => {
    const chain = withDocuments();
    const append = (input: Omit<Parameters<typeof nextEntry>[1], 'caseId' | 'at' | 'actor'>) => {
      const last = chain.at(-1)!;
      return [...chain, nextEntry({ seq: last.entry.seq, hash: last.hash }, { caseId: CASE, at: 'x', actor: { type: 'staff' }, ...input })];
    };
    expect(verifyChain(append({ type: 'remove', itemId: 'doc-1', reason: 'r' }), CASE)).toEqual({ ok: false, seq: 7, reason: 'unknown-item' });
    expect(verifyChain(append({ type: 'correct', itemId: 'doc-1', item: item('doc-1', 'x') }), CASE)).toEqual({ ok: false, seq: 7, reason: 'unknown-item' });
    expect(verifyChain(append({ type: 'add', itemId: 'doc-1', item: item('doc-1', 'x') }), CASE)).toEqual({ ok: false, seq: 7, reason: 'duplicate-item' });
    expect(verifyChain(append({ type: 'document', itemId: 'item-1', document: doc('item-1', HASH_DOC) }), CASE)).toEqual({ ok: false, seq: 7, reason: 'duplicate-item' });
  });
});

describe('head signature', () => {
  const secret = new Uint8Array(32).fill(7);
  const publicKey = bytesToHex(ed.getPublicKey(secret));

  it('verifies a signed head and refuses an appended unsigned entry', () => {
    const chain = sampleChain();
    const head = chain.at(-1)!;
    const signature = bytesToHex(ed.sign(headMessage(CASE, head.entry.seq, head.hash), secret));
    expect(verifyHeadSignature(publicKey, headMessage(CASE, 4, head.hash), signature)).toBe(true);
    // Someone appends an entry (valid hash and link) without the signing key: the chain checks out, the head signature does not.
    const appended = nextEntry({ seq: 4, hash: head.hash }, {
      caseId: CASE, type: 'add', itemId: 'item-3', at: 'x', actor: { type: 'victim' }, item: item('item-3', 'forged'),
    });
    const grown = [...chain, appended];
    const verdict = verifyChain(grown, CASE);
    expect(verdict.ok).toBe(true);
    expect(verifyHeadSignature(publicKey, headMessage(CASE, 5, appended.hash), signature)).toBe(false);
  });

  it('refuses a flipped signature, another key and malformed input without throwing', () => {
    const message = headMessage(CASE, 1, HASH_A);
    const signature = bytesToHex(ed.sign(message, secret));
    const flipped = (signature[0] === '0' ? '1' : '0') + signature.slice(1);
    expect(verifyHeadSignature(publicKey, message, flipped)).toBe(false);
    expect(verifyHeadSignature(bytesToHex(ed.getPublicKey(new Uint8Array(32).fill(8))), message, signature)).toBe(false);
    expect(verifyHeadSignature('zz', message, signature)).toBe(false);
    expect(verifyHeadSignature(publicKey, message, 'abc')).toBe(false);
  });

  it('fingerprints the raw key and groups it in 16 blocks of 4', () => {
    const fp = keyFingerprint(publicKey);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    const shown = formatFingerprint(fp);
    expect(shown.split(' ')).toHaveLength(16);
    expect(shown.replaceAll(' ', '')).toBe(fp);
  });
});
