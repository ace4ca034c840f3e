import { randomUUID } from 'node:crypto';
import {
  base64ToBytes,
  currentItems,
  formatFingerprint,
  headMessage,
  nextEntry,
  readTimestampToken,
  verifyChain,
  verifyHeadSignature,
  verifyTimestampToken,
  type ManifestTimestamp,
  type EvidenceActor,
  type EvidenceDocumentRef,
  type EvidenceEntry,
  type EvidenceEntryType,
  type EvidenceFile,
  type EvidenceItem,
  type HashedEntry,
  type CapturedBy,
} from '@mimamoru/core';
import type {
  EvidenceAdd,
  EvidenceCorrect,
  EvidenceItemInput,
  EvidenceLocker,
  EvidenceRemove,
  EvidenceTimestampView,
  EvidenceVerification,
} from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../security/encrypted-columns.js';
import type { Keyring } from '../../security/keyring.js';
import type { SigningKeys } from '../../security/signing-key.js';
import { registerBlobReferences } from '../../storage/blob-references.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { EnqueueEvidenceTimestamp } from '../evidence-timestamp/evidence-timestamp.module.js';
import { createCaseNotFoundError } from '../cases/cases.errors.js';
import type { UploadedFile } from '../intake/attachments.service.js';
import { sealContext } from '../intake/case-sealing.js';
import type { Db } from '../intake/intake.repository.js';
import { newSortableId } from '../intake/sortable-id.js';
import {
  chainActorOf,
  openCaseFor,
  recordCaseAudit,
  staffCase,
  type CaseAuditDetail,
  type CaseParty,
  type CasePartyStaff,
} from './case-party.js';
import { checkEvidenceFiles, MAX_FILES_PER_ITEM, type CheckedEvidenceFile } from './evidence.files.js';
import {
  createEvidenceFileNotFoundError,
  createEvidenceItemChangedError,
  createEvidenceItemNotFoundError,
  createEvidenceNoFilesError,
  createEvidenceTooManyFilesError,
} from './evidence.errors.js';
import { evidenceRepository, type EntryRow } from './evidence.repository.js';

/** Chain entries hold post text and account ids: sealed, re-encrypted by `keys rotate`. */
registerEncryptedColumns({
  table: 'evidence_entries',
  idColumn: 'id',
  columns: [{ column: 'entry_sealed', context: (row) => sealContext('evidence_entries', 'entry_sealed', String(row.id)) }],
});
registerEncryptedColumns({
  table: 'evidence_files',
  idColumn: 'id',
  columns: [{ column: 'name_sealed', context: (row) => sealContext('evidence_files', 'name_sealed', String(row.id)) }],
});
/** Evidence bytes live in the blob store under their SHA-256 (released when the case is erased). */
registerBlobReferences({ table: 'evidence_files', column: 'sha256' });

/** A staff member acting on a case's evidence (role and team decide which cases they see). */
export type EvidenceStaffActor = CasePartyStaff;

export interface AppendEntryInput {
  readonly caseId: string;
  readonly type: EvidenceEntryType;
  readonly itemId: string;
  /** For add/correct: the whole item as it is after this entry. */
  readonly item?: EvidenceItem;
  readonly reason?: string;
  /** For document: the generated document (documents module, #7). */
  readonly document?: EvidenceDocumentRef;
  readonly actor: EvidenceActor;
}

export interface EvidenceServiceDeps {
  readonly db: Kysely<Database>;
  readonly keyring: Keyring;
  readonly blobStore: Pick<BlobStore, 'put' | 'get' | 'has'>;
  readonly audit: Pick<AuditService, 'record'>;
  readonly clock: () => Date;
  readonly signingKeys: SigningKeys;
  /** Queues an RFC 3161 timestamp of each new head (evidence-timestamp module; a no-op without MIMAMORU_TSA_URL). */
  readonly enqueueTimestamp?: EnqueueEvidenceTimestamp;
  /** The case's RFC 3161 tokens (evidence-timestamp module), for the console. */
  readonly listTimestamps?: (caseId: string) => Promise<readonly ManifestTimestamp[]>;
  /** PEM trust anchors of the TSA (MIMAMORU_TSA_CA_FILE): with them, the console's check covers the TSA certificate. */
  readonly tsaTrustedCertsPem?: string | undefined;
}

/** What the console shows of a token: read from the token, checked against the entry hash and its own certificate. */
async function viewTimestamp(
  stamp: ManifestTimestamp,
  entryHashes: ReadonlyMap<number, string>,
  trustedCertsPem: string | undefined,
): Promise<EvidenceTimestampView> {
  const base = { seq: stamp.seq, hash: stamp.hash, tsaUrl: stamp.tsa };
  try {
    const der = base64ToBytes(stamp.tokenBase64);
    const info = readTimestampToken(der);
    // Against the chain as stored now, not the hash saved beside the token.
    const checked = await verifyTimestampToken(der, entryHashes.get(stamp.seq) ?? '', trustedCertsPem);
    return {
      ...base,
      genTime: info.genTime,
      tsaName: info.tsa,
      serialHex: info.serialHex,
      ok: checked.ok,
      chainChecked: checked.ok && checked.chainChecked,
      ...(checked.ok ? {} : { problem: checked.problem.kind }),
    };
  } catch {
    return { ...base, genTime: stamp.genTime, tsaName: '', serialHex: '', ok: false, chainChecked: false, problem: 'malformed' };
  }
}

interface StoredFile extends CheckedEvidenceFile {
  readonly sha256: string;
  readonly size: number;
}

const ENTRY_CONTEXT = (id: string) => sealContext('evidence_entries', 'entry_sealed', id);
const FILE_NAME_CONTEXT = (id: string) => sealContext('evidence_files', 'name_sealed', id);


/** An item from what a person typed, the files it keeps and the files just stored. */
function buildItem(
  id: string,
  input: EvidenceItemInput,
  files: readonly EvidenceFile[],
  capturedBy: CapturedBy,
  now: string,
): EvidenceItem {
  return {
    id,
    platform: input.platform,
    postUrl: input.postUrl,
    ...(input.accountId ? { accountId: input.accountId } : {}),
    ...(input.displayName ? { displayName: input.displayName } : {}),
    ...(input.postedAt
      ? {
          postedAt: {
            asShown: input.postedAt.asShown,
            ...(input.postedAt.iso ? { iso: new Date(input.postedAt.iso).toISOString() } : {}),
            ...(input.postedAt.timeZone ? { timeZone: input.postedAt.timeZone } : {}),
          },
        }
      : {}),
    capturedAt: input.capturedAt ? new Date(input.capturedAt).toISOString() : now,
    capturedBy,
    ...(input.text ? { text: input.text } : {}),
    ...(input.legal
      ? {
          legal: {
            rights: [...input.legal.rights],
            ...(input.legal.identifiability ? { identifiability: input.legal.identifiability } : {}),
            ...(input.legal.context ? { context: input.legal.context } : {}),
          },
        }
      : {}),
    files,
  };
}

const fileOf = (f: StoredFile): EvidenceFile => ({ sha256: f.sha256, size: f.size, contentType: f.contentType, name: f.name, role: f.role });

/** Readable chain rows: entries opened and checked against their plain columns. */
interface ReadChain {
  readonly entries: HashedEntry[];
  /** The first row whose sealed entry cannot be read or disagrees with its plain columns. */
  readonly rowProblem: { seq: number; problem: 'unreadable-entry' | 'bad-entry' } | null;
}

/**
 * The evidence locker of each case (#5): items added, corrected and removed only by appending entries to
 * the case's hash chain (core evidence/chain.ts), whose head the server signs each time it grows.
 * Every read checks the chain and the head signature and reports a break with the seq where it starts.
 */
export function createEvidenceService({
  db,
  keyring,
  blobStore,
  audit,
  clock,
  signingKeys,
  enqueueTimestamp,
  listTimestamps,
  tsaTrustedCertsPem,
}: EvidenceServiceDeps) {
  /**
   * Appends one entry to a case's chain inside the caller's transaction: locks the case, computes seq,
   * prev and hash, seals and stores the entry, records the item's files, and re-signs the head.
   * Used by the locker's routes, by server capture (E2) and later by documents (#7).
   * Blobs must already be in the blob store.
   */
  async function appendEntry(trx: Db, input: AppendEntryInput): Promise<HashedEntry> {
    if (!(await evidenceRepository.lockCase(trx, input.caseId))) throw createCaseNotFoundError();
    const key = await signingKeys.current(trx);
    const last = await evidenceRepository.lastEntry(trx, input.caseId);
    const now = clock().toISOString();
    const hashed = nextEntry(last ? { seq: last.seq, hash: last.hash } : null, { ...input, at: now });
    const { entry, hash } = hashed;
    const id = newSortableId(clock().getTime());
    await evidenceRepository.insertEntry(trx, {
      id,
      case_id: entry.caseId,
      seq: entry.seq,
      type: entry.type,
      item_id: entry.itemId,
      at: entry.at,
      hash,
      prev: entry.prev,
      entry_sealed: keyring.seal(JSON.stringify(entry), ENTRY_CONTEXT(id)),
    });
    if (input.item) {
      await evidenceRepository.insertFiles(
        trx,
        input.item.files.map((f) => {
          const fileId = newSortableId(clock().getTime());
          return {
            id: fileId,
            case_id: input.caseId,
            sha256: f.sha256,
            size: f.size,
            content_type: f.contentType,
            name_sealed: keyring.seal(f.name, FILE_NAME_CONTEXT(fileId)),
            created_at: now,
          };
        }),
      );
    }
    await evidenceRepository.upsertHead(trx, {
      case_id: entry.caseId,
      seq: entry.seq,
      hash,
      signature: key.sign(headMessage(entry.caseId, entry.seq, hash)),
      key_id: key.id,
      signed_at: now,
    });
    await enqueueTimestamp?.(trx, { caseId: entry.caseId, seq: entry.seq, hash });
    return hashed;
  }

  function openRows(rows: readonly EntryRow[]): ReadChain {
    const entries: HashedEntry[] = [];
    let rowProblem: ReadChain['rowProblem'] = null;
    rows.forEach((row, index) => {
      let entry: EvidenceEntry | undefined;
      try {
        entry = JSON.parse(keyring.openText(row.entry_sealed, ENTRY_CONTEXT(row.id))) as EvidenceEntry;
      } catch {
        entry = undefined;
      }
      if (!entry) {
        rowProblem ??= { seq: index + 1, problem: 'unreadable-entry' };
        return;
      }
      const consistent =
        entry.seq === row.seq && entry.prev === row.prev && entry.type === row.type && entry.itemId === row.item_id && entry.caseId === row.case_id;
      if (!consistent) rowProblem ??= { seq: index + 1, problem: 'bad-entry' };
      entries.push({ entry, hash: row.hash });
    });
    return { entries, rowProblem };
  }

  /** The chain as stored, checked: entries, current items and the verdict (first problem by seq). */
  async function readChecked(trx: Db, caseId: string) {
    const rows = await evidenceRepository.entries(trx, caseId);
    const head = await evidenceRepository.head(trx, caseId);
    const { entries, rowProblem } = openRows(rows);
    const chain = verifyChain(entries, caseId);
    const problems: { seq: number; problem: NonNullable<EvidenceVerification['problem']> }[] = [];
    if (rowProblem) problems.push(rowProblem);
    if (!chain.ok) problems.push({ seq: chain.seq, problem: chain.reason });
    if (problems.length === 0) {
      const last = rows.at(-1);
      if (!head && last) problems.push({ seq: last.seq, problem: 'head-mismatch' });
      else if (head && (!last || head.seq !== last.seq || head.hash !== last.hash)) {
        // An entry the server never signed was appended (or the last one removed).
        problems.push({ seq: last && last.seq > head.seq ? head.seq + 1 : (last?.seq ?? head.seq), problem: 'head-mismatch' });
      } else if (head) {
        const publicKey = await signingKeys.publicKeyOf(trx, head.key_id);
        if (!publicKey || !verifyHeadSignature(publicKey, headMessage(caseId, head.seq, head.hash), head.signature)) {
          problems.push({ seq: head.seq, problem: 'bad-signature' });
        }
      }
    }
    const first = problems.sort((a, b) => a.seq - b.seq)[0];
    const verification: EvidenceVerification = first ? { ok: false, problem: first.problem, seq: first.seq } : { ok: true };
    return { entries, head, verification, items: currentItems(entries) };
  }

  async function presentLocker(trx: Db, caseId: string, forStaff: boolean): Promise<EvidenceLocker> {
    const key = await signingKeys.current(trx);
    const { entries, head, verification, items } = await readChecked(trx, caseId);
    if (!verification.ok) {
      await audit.record(
        {
          actorType: 'system',
          actorId: null,
          action: 'evidence.chain_broken',
          targetType: 'case',
          targetId: caseId,
          detail: { seq: verification.seq ?? null, problem: verification.problem ?? null },
        },
        trx,
      );
    }
    return {
      items: items.map((item) => ({ ...item, legal: item.legal ? { ...item.legal, rights: [...item.legal.rights] } : undefined, files: [...item.files] })),
      entries: entries.map(({ entry, hash }) => ({
        seq: entry.seq,
        type: entry.type,
        itemId: entry.itemId,
        at: entry.at,
        actorType: entry.actor.type,
        ...(entry.reason !== undefined && forStaff ? { reason: entry.reason } : {}),
        ...(entry.reason !== undefined && !forStaff && entry.actor.type === 'victim' ? { reason: entry.reason } : {}),
        ...(entry.document
          ? { document: { kind: entry.document.kind, format: entry.document.format, sha256: entry.document.sha256, size: entry.document.size } }
          : {}),
        hash,
      })),
      verification,
      head: head ? { seq: head.seq, hash: head.hash, signature: head.signature, signedAt: head.signed_at } : null,
      key: { publicKey: key.publicKey, fingerprint: key.fingerprint, fingerprintDisplay: formatFingerprint(key.fingerprint) },
    };
  }

  async function storeFiles(files: readonly UploadedFile[]): Promise<StoredFile[]> {
    const checked = checkEvidenceFiles(files);
    const stored: StoredFile[] = [];
    for (const file of checked) {
      const { sha256, size } = await blobStore.put(file.bytes);
      stored.push({ ...file, sha256, size });
    }
    return stored;
  }

  /** After commit: a concurrent erasure of another case holding the same bytes may have released them. */
  async function ensureStored(stored: readonly StoredFile[]): Promise<void> {
    for (const file of stored) if (!(await blobStore.has(file.sha256))) await blobStore.put(file.bytes);
  }

  type Who = CaseParty;

  const capturedByOf = (who: Who): CapturedBy => (who.kind === 'victim' ? 'victim' : 'consultant');
  const recordAudit = (trx: Db, who: Who, caseId: string, action: string, detail: CaseAuditDetail) =>
    recordCaseAudit(audit, trx, who, caseId, action, detail);

  async function read(who: Who, caseId: string): Promise<EvidenceLocker> {
    await signingKeys.current();
    return db.transaction().execute(async (trx) => {
      await openCaseFor(trx, who, caseId, false);
      const locker = await presentLocker(trx, caseId, who.kind === 'staff');
      await recordAudit(trx, who, caseId, 'evidence.viewed', { items: locker.items.length, chainOk: locker.verification.ok });
      return locker;
    });
  }

  async function add(who: Who, caseId: string, data: EvidenceAdd, files: readonly UploadedFile[]): Promise<EvidenceLocker> {
    await signingKeys.current();
    const stored = await storeFiles(files);
    const itemId = randomUUID();
    const locker = await db.transaction().execute(async (trx) => {
      await openCaseFor(trx, who, caseId, true);
      if (stored.length === 0) throw createEvidenceNoFilesError();
      const item = buildItem(itemId, data.item, stored.map(fileOf), capturedByOf(who), clock().toISOString());
      const { entry } = await appendEntry(trx, { caseId, type: 'add', itemId, item, actor: chainActorOf(who) });
      await recordAudit(trx, who, caseId, 'evidence.added', { itemId, seq: entry.seq, files: stored.length });
      return presentLocker(trx, caseId, who.kind === 'staff');
    });
    await ensureStored(stored);
    return locker;
  }

  /** The item as it stands; 409 when an entry was appended to it after the one the caller saw (`expectedSeq`). */
  async function liveItem(trx: Db, caseId: string, itemId: string, expectedSeq?: number): Promise<EvidenceItem> {
    const { items, entries } = await readChecked(trx, caseId);
    const item = items.find((i) => i.id === itemId);
    if (!item) throw createEvidenceItemNotFoundError();
    const latest = entries.filter((e) => e.entry.itemId === itemId).at(-1)?.entry.seq;
    if (expectedSeq !== undefined && latest !== expectedSeq) throw createEvidenceItemChangedError();
    return item;
  }

  async function correct(
    who: Who,
    caseId: string,
    itemId: string,
    data: EvidenceCorrect,
    files: readonly UploadedFile[],
  ): Promise<EvidenceLocker> {
    await signingKeys.current();
    const stored = await storeFiles(files);
    const locker = await db.transaction().execute(async (trx) => {
      await openCaseFor(trx, who, caseId, true);
      const before = await liveItem(trx, caseId, itemId, data.expectedSeq);
      const keep = data.keepFiles ? before.files.filter((f) => data.keepFiles?.includes(f.sha256)) : before.files;
      const merged = [...keep, ...stored.map(fileOf).filter((f) => !keep.some((k) => k.sha256 === f.sha256))];
      if (merged.length === 0) throw createEvidenceNoFilesError();
      if (merged.length > MAX_FILES_PER_ITEM) throw createEvidenceTooManyFilesError();
      // Who captured it and when does not change with a correction of what the post says.
      const item = { ...buildItem(itemId, data.item, merged, before.capturedBy, before.capturedAt), ...(data.item.capturedAt ? {} : { capturedAt: before.capturedAt }) };
      const { entry } = await appendEntry(trx, { caseId, type: 'correct', itemId, item, reason: data.reason, actor: chainActorOf(who) });
      await recordAudit(trx, who, caseId, 'evidence.corrected', { itemId, seq: entry.seq, files: merged.length });
      return presentLocker(trx, caseId, who.kind === 'staff');
    });
    await ensureStored(stored);
    return locker;
  }

  async function remove(who: Who, caseId: string, itemId: string, data: EvidenceRemove): Promise<EvidenceLocker> {
    await signingKeys.current();
    return db.transaction().execute(async (trx) => {
      await openCaseFor(trx, who, caseId, true);
      await liveItem(trx, caseId, itemId, data.expectedSeq);
      const { entry } = await appendEntry(trx, { caseId, type: 'remove', itemId, reason: data.reason, actor: chainActorOf(who) });
      await recordAudit(trx, who, caseId, 'evidence.removed', { itemId, seq: entry.seq });
      return presentLocker(trx, caseId, who.kind === 'staff');
    });
  }

  return {
    appendEntry,
    /** The checked locker of a case, without authorization or audit (exports, jobs). */
    async readLocker(caseId: string) {
      await signingKeys.current();
      return db.transaction().execute(async (trx) => {
        const checked = await readChecked(trx, caseId);
        const key = await signingKeys.current(trx);
        // After `keys rotate-signing` the head may be signed by an older key than the active one: bundles carry that key.
        const headPublicKey = checked.head ? await signingKeys.publicKeyOf(trx, checked.head.key_id) : undefined;
        return {
          ...checked,
          key: { publicKey: key.publicKey, fingerprint: key.fingerprint },
          headKey: headPublicKey ? { publicKey: headPublicKey } : null,
        };
      });
    },

    /** The active signing key's public half (created at first start). */
    async publicKey() {
      const key = await signingKeys.current();
      return { publicKey: key.publicKey, fingerprint: key.fingerprint, fingerprintDisplay: formatFingerprint(key.fingerprint) };
    },

    victimLocker: ({ caseId }: { caseId: string }) => read({ kind: 'victim' }, caseId),
    victimAdd: ({ caseId, data, files }: { caseId: string; data: EvidenceAdd; files: readonly UploadedFile[] }) =>
      add({ kind: 'victim' }, caseId, data, files),
    victimCorrect: (i: { caseId: string; itemId: string; data: EvidenceCorrect; files: readonly UploadedFile[] }) =>
      correct({ kind: 'victim' }, i.caseId, i.itemId, i.data, i.files),
    victimRemove: (i: { caseId: string; itemId: string; data: EvidenceRemove }) => remove({ kind: 'victim' }, i.caseId, i.itemId, i.data),

    staffLocker: ({ caseId, actor }: { caseId: string; actor: EvidenceStaffActor }) => read({ kind: 'staff', actor }, caseId),
    staffAdd: (i: { caseId: string; actor: EvidenceStaffActor; data: EvidenceAdd; files: readonly UploadedFile[] }) =>
      add({ kind: 'staff', actor: i.actor }, i.caseId, i.data, i.files),
    staffCorrect: (i: { caseId: string; itemId: string; actor: EvidenceStaffActor; data: EvidenceCorrect; files: readonly UploadedFile[] }) =>
      correct({ kind: 'staff', actor: i.actor }, i.caseId, i.itemId, i.data, i.files),
    staffRemove: (i: { caseId: string; itemId: string; actor: EvidenceStaffActor; data: EvidenceRemove }) =>
      remove({ kind: 'staff', actor: i.actor }, i.caseId, i.itemId, i.data),

    /** The case's RFC 3161 timestamps, oldest entry first, for a staff member who may see the case. */
    async staffTimestamps({ caseId, actor }: { caseId: string; actor: EvidenceStaffActor }): Promise<EvidenceTimestampView[]> {
      const rows = await db.transaction().execute(async (trx) => {
        await staffCase(trx, caseId, actor, false);
        await recordAudit(trx, { kind: 'staff', actor }, caseId, 'evidence.timestamps_viewed', {});
        return evidenceRepository.entries(trx, caseId);
      });
      const entryHashes = new Map(rows.map((row) => [row.seq, row.hash] as const));
      // After the commit: the listing reads through the pool (on SQLite the transaction holds the only connection).
      const stamps = listTimestamps ? await listTimestamps(caseId) : [];
      return Promise.all(stamps.map((stamp) => viewTimestamp(stamp, entryHashes, tsaTrustedCertsPem)));
    },

    /** An evidence file's original bytes, for a staff member who may see the case. */
    async staffFile({ caseId, sha256, actor }: { caseId: string; sha256: string; actor: EvidenceStaffActor }) {
      const file = await db.transaction().execute(async (trx) => {
        await staffCase(trx, caseId, actor, false);
        const row = await evidenceRepository.findFile(trx, caseId, sha256);
        if (!row) throw createEvidenceFileNotFoundError();
        await recordAudit(trx, { kind: 'staff', actor }, caseId, 'evidence.file_downloaded', { sha256 });
        return { contentType: row.content_type, name: keyring.openText(row.name_sealed, FILE_NAME_CONTEXT(row.id)) };
      });
      return { ...file, bytes: await blobStore.get(sha256) };
    },
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
