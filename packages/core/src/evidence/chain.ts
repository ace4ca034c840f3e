import * as ed from '@noble/ed25519';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../documents/document-model.js';
import { canonicalJson } from './canonical-json.js';
import { isSha256Hex, itemFileHashes, type EvidenceItem } from './item.js';

ed.hashes.sha512 = sha512;

/**
 * add / correct / remove change the locker's items; `document` records a document generated from the case
 * (#7: its kind and the SHA-256 of the file as stored), which is not an item and never changes the items.
 */
export const EVIDENCE_ENTRY_TYPES = ['add', 'correct', 'remove', 'document'] as const;
export type EvidenceEntryType = (typeof EVIDENCE_ENTRY_TYPES)[number];

export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** What a `document` entry records of a generated document (the file itself is stored beside the case). */
export interface EvidenceDocumentRef {
  /** The document's id; also the entry's `itemId`, so ids of items and documents never collide. */
  readonly id: string;
  readonly kind: DocumentKind;
  readonly format: DocumentFormat;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  readonly size: number;
  /** The evidence items the document was built from, in the document's order. */
  readonly itemIds: readonly string[];
  /** For the redacted copy of a 発信者情報開示請求書: the id of the full copy (recorded just before it). */
  readonly redactedOf?: string;
}

export interface EvidenceActor {
  readonly type: 'victim' | 'staff' | 'system';
  readonly id?: string;
}

/** One link of a case's append-only evidence chain. */
export interface EvidenceEntry {
  readonly v: 1;
  readonly caseId: string;
  /** 1-based position in the case's chain. */
  readonly seq: number;
  readonly type: EvidenceEntryType;
  readonly itemId: string;
  readonly at: string;
  readonly actor: EvidenceActor;
  /** For add/correct: the whole item as it is after this entry. */
  readonly item?: EvidenceItem;
  /** For correct/remove: why. */
  readonly reason?: string;
  /** For document: the generated document. */
  readonly document?: EvidenceDocumentRef;
  /** Sorted SHA-256 of item.files (empty for remove; the document's file for document). */
  readonly fileHashes: readonly string[];
  /** Hash of the previous entry, or GENESIS_PREV for seq 1. */
  readonly prev: string;
}

export interface HashedEntry {
  readonly entry: EvidenceEntry;
  readonly hash: string;
}

export const GENESIS_PREV = '0'.repeat(64);

export type ChainProblem =
  | 'hash-mismatch'
  | 'broken-link'
  | 'seq-gap'
  | 'wrong-case'
  | 'bad-entry'
  | 'unknown-item'
  | 'duplicate-item'
  | 'removed-item'
  | 'file-hashes-mismatch';

export type ChainVerification =
  | { readonly ok: true; readonly head: { readonly seq: number; readonly hash: string } | null }
  | { readonly ok: false; readonly seq: number; readonly reason: ChainProblem };

/** Lower-case hex SHA-256 of bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** The hash that identifies an entry: SHA-256 of its canonical JSON. */
export function entryHash(entry: EvidenceEntry): string {
  return sha256Hex(utf8ToBytes(canonicalJson(entry)));
}

/** The file hashes an entry commits to: its item's files, or the generated document's file. */
export function entryFileHashes(entry: Pick<EvidenceEntry, 'item' | 'document'>): string[] {
  if (entry.document) return [entry.document.sha256];
  return itemFileHashes(entry.item);
}

/** Builds the next entry of a chain whose current head is `head` (null for an empty chain). */
export function nextEntry(
  head: { readonly seq: number; readonly hash: string } | null,
  input: {
    readonly caseId: string;
    readonly type: EvidenceEntryType;
    readonly itemId: string;
    readonly at: string;
    readonly actor: EvidenceActor;
    readonly item?: EvidenceItem;
    readonly reason?: string;
    readonly document?: EvidenceDocumentRef;
  },
): HashedEntry {
  const entry: EvidenceEntry = {
    v: 1,
    caseId: input.caseId,
    seq: head ? head.seq + 1 : 1,
    type: input.type,
    itemId: input.itemId,
    at: input.at,
    actor: input.actor,
    ...(input.item ? { item: input.item } : {}),
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
    ...(input.document ? { document: input.document } : {}),
    fileHashes: entryFileHashes(input),
    prev: head ? head.hash : GENESIS_PREV,
  };
  return { entry, hash: entryHash(entry) };
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Whether a document entry's record is well formed (and, for a redacted copy, follows its full copy). */
function wellFormedDocument(entry: EvidenceEntry, documents: ReadonlySet<string>): boolean {
  const doc = entry.document;
  return (
    doc !== undefined &&
    entry.item === undefined &&
    entry.reason === undefined &&
    doc.id === entry.itemId &&
    (DOCUMENT_KINDS as readonly string[]).includes(doc.kind) &&
    (DOCUMENT_FORMATS as readonly string[]).includes(doc.format) &&
    isSha256Hex(doc.sha256) &&
    Number.isSafeInteger(doc.size) &&
    doc.size >= 0 &&
    Array.isArray(doc.itemIds) &&
    doc.itemIds.every((id) => typeof id === 'string') &&
    (doc.redactedOf === undefined || documents.has(doc.redactedOf))
  );
}

/**
 * Checks a case's chain in order: each entry hashes to its stored hash, links to the previous hash, has the next
 * seq, belongs to the case, and makes sense (add of a new item, correct/remove of a live one, a document under
 * an id no item or document used before).
 * Names the first seq that fails. Detects edited, deleted, reordered and inserted entries.
 */
export function verifyChain(entries: readonly HashedEntry[], caseId?: string): ChainVerification {
  const expectedCase = caseId ?? entries[0]?.entry.caseId;
  const live = new Set<string>();
  const removed = new Set<string>();
  const documents = new Set<string>();
  let prev = GENESIS_PREV;
  for (let i = 0; i < entries.length; i += 1) {
    const { entry, hash } = entries[i]!;
    // Problems are named by position: the seq this entry should have had.
    const seq = i + 1;
    const fail = (reason: ChainProblem): ChainVerification => ({ ok: false, seq, reason });
    if (entry?.v !== 1 || typeof entry.itemId !== 'string') return fail('bad-entry');
    if (entry.caseId !== expectedCase) return fail('wrong-case');
    if (entry.seq !== i + 1) return fail('seq-gap');
    let computed: string;
    try {
      computed = entryHash(entry);
    } catch {
      return fail('bad-entry');
    }
    if (computed !== hash) return fail('hash-mismatch');
    if (entry.prev !== prev) return fail('broken-link');
    if (entry.type !== 'document' && entry.document !== undefined) return fail('bad-entry');
    if (!Array.isArray(entry.fileHashes) || !sameStrings(entry.fileHashes, entryFileHashes(entry))) return fail('file-hashes-mismatch');
    if (entry.type === 'add') {
      if (!entry.item || entry.item.id !== entry.itemId) return fail('bad-entry');
      if (live.has(entry.itemId) || removed.has(entry.itemId) || documents.has(entry.itemId)) return fail('duplicate-item');
      live.add(entry.itemId);
    } else if (entry.type === 'document') {
      if (!wellFormedDocument(entry, documents)) return fail('bad-entry');
      if (live.has(entry.itemId) || removed.has(entry.itemId) || documents.has(entry.itemId)) return fail('duplicate-item');
      documents.add(entry.itemId);
    } else if (entry.type === 'correct' || entry.type === 'remove') {
      if (removed.has(entry.itemId)) return fail('removed-item');
      if (!live.has(entry.itemId)) return fail('unknown-item');
      if (entry.type === 'correct') {
        if (!entry.item || entry.item.id !== entry.itemId) return fail('bad-entry');
      } else {
        if (entry.item) return fail('bad-entry');
        live.delete(entry.itemId);
        removed.add(entry.itemId);
      }
    } else {
      return fail('bad-entry');
    }
    prev = hash;
  }
  const last = entries.at(-1);
  return { ok: true, head: last ? { seq: last.entry.seq, hash: last.hash } : null };
}

/** The documents recorded in a chain (entries of type `document`), oldest first. */
export function chainDocuments(entries: readonly HashedEntry[]): (EvidenceDocumentRef & { readonly seq: number; readonly at: string })[] {
  return entries.flatMap(({ entry }) =>
    entry.type === 'document' && entry.document ? [{ ...entry.document, seq: entry.seq, at: entry.at }] : [],
  );
}

/** The locker as it stands after every correction and removal, in order of first addition (documents are not items). */
export function currentItems(entries: readonly HashedEntry[]): EvidenceItem[] {
  const items = new Map<string, EvidenceItem>();
  for (const { entry } of entries) {
    if ((entry.type === 'add' || entry.type === 'correct') && entry.item) items.set(entry.itemId, entry.item);
    else if (entry.type === 'remove') items.delete(entry.itemId);
  }
  return [...items.values()];
}

/** The bytes the server signs for a chain head. */
export function headMessage(caseId: string, seq: number, hash: string): Uint8Array {
  return utf8ToBytes(`mimamoru-evidence-head/v1\n${caseId}\n${seq}\n${hash}`);
}

/** Verifies an Ed25519 signature (hex) over a message with a raw 32-byte public key (hex). Never throws. */
export function verifyHeadSignature(publicKeyHex: string, message: Uint8Array, signatureHex: string): boolean {
  try {
    if (!/^[0-9a-f]{64}$/i.test(publicKeyHex) || !/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
    return ed.verify(hexToBytes(signatureHex), message, hexToBytes(publicKeyHex));
  } catch {
    return false;
  }
}

/** Fingerprint of an Ed25519 public key: SHA-256 of the raw 32 bytes, hex. */
export function keyFingerprint(publicKeyHex: string): string {
  return sha256Hex(hexToBytes(publicKeyHex));
}

/** A fingerprint as people read it aloud: 16 groups of 4 hex digits. */
export function formatFingerprint(fingerprintHex: string): string {
  return (fingerprintHex.toLowerCase().slice(0, 64).match(/.{1,4}/g) ?? []).join(' ');
}
