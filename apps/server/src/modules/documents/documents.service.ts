import { randomUUID } from 'node:crypto';
import {
  buildDocument,
  HIDEABLE_FIELDS,
  type DocumentFormat,
  type DocumentKind,
  type DocumentMessage,
  type DocumentModel,
  type HideableField,
} from '@mimamoru/core';
import type { CaseDocument, DocumentGenerate, DocumentPreview, DocumentRequest, GeneratedDocuments } from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { renderDocumentDocx } from '../../render/document-docx.js';
import { findMissingGlyphs } from '../../render/document-glyphs.js';
import { renderDocumentPdf } from '../../render/document-pdf.js';
import type { Keyring } from '../../security/keyring.js';
import { registerBlobReferences } from '../../storage/blob-references.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import {
  chainActorOf,
  openCaseFor,
  recordCaseAudit,
  type CaseAuditDetail,
  type CaseParty,
} from '../evidence/case-party.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { createCaseSealer } from '../intake/case-sealing.js';
import type { CaseRow, Db } from '../intake/intake.repository.js';
import type { StaffActor } from '../staff/staff-actor.js';
import { documentInputFromCase, type DocumentAuthor, type FilledDocumentInput } from './document-input.js';
import {
  createDocumentChainBrokenError,
  createDocumentEvidenceChangedError,
  createDocumentIncompleteError,
  createDocumentNotFoundError,
} from './documents.errors.js';
import { authorizeVictimKind } from './documents.policy.js';
import { documentsRepository, type DocumentRow } from './documents.repository.js';

/** Generated documents live in the blob store under their SHA-256 (released when the case is erased). */
registerBlobReferences({ table: 'documents', column: 'sha256' });

/** Titles for lists and file names (the documents' own titles, core kinds/*). */
export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  'takedown-request': '侵害情報の通知書 兼 送信防止措置依頼書',
  'disclosure-request': '発信者情報開示請求書',
  'demand-letter': '通知書',
  'evidence-list': '証拠説明書',
  'criminal-complaint': '告訴状（案）',
  'post-list': '投稿記事目録',
  'case-summary': '相談事案の概要',
};

const CONTENT_TYPES: Readonly<Record<DocumentFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface DocumentsServiceDeps {
  readonly db: Kysely<Database>;
  readonly keyring: Keyring;
  readonly blobStore: Pick<BlobStore, 'put' | 'get' | 'has'>;
  readonly audit: Pick<AuditService, 'record'>;
  readonly clock: () => Date;
  readonly evidence: Pick<EvidenceService, 'readLocker' | 'appendEntry'>;
}

/** A staff member acting on a case's documents (role and team decide which cases they see). */
export type DocumentsStaffActor = Omit<StaffActor, 'ipHash'> & { readonly ipHash: string | null };

type Who = CaseParty;

/** What a preview or a generation is made of: the filled input, the model when it could be built, every problem. */
interface Prepared {
  readonly row: CaseRow;
  readonly filled: FilledDocumentInput;
  readonly model: DocumentModel | null;
  readonly errors: readonly DocumentMessage[];
  readonly warnings: readonly DocumentMessage[];
  /** The last chain entry when the case was read, and whether the chain verified. */
  readonly chain: { readonly seq: number; readonly ok: boolean };
}

const isRedactedCopy = (row: Pick<DocumentRow, 'redacted_of'>) => row.redacted_of !== null;

function titleOf(row: Pick<DocumentRow, 'kind' | 'redacted_of'>): string {
  return `${DOCUMENT_TITLES[row.kind as DocumentKind]}${isRedactedCopy(row) ? '（黒塗り版）' : ''}`;
}

function present(row: DocumentRow, forStaff: boolean): CaseDocument {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    format: row.format as DocumentFormat,
    title: titleOf(row),
    sha256: row.sha256,
    size: row.size,
    chainSeq: row.chain_seq,
    generatedAt: row.generated_at,
    generatedBy: {
      type: row.generated_by_type as 'staff' | 'victim',
      displayName: forStaff && row.generated_by_type === 'staff' ? row.generated_by_name : null,
    },
    redactedOf: row.redacted_of,
  };
}

/** Characters the fonts lack, as messages of the preview (the renderers refuse them with 422). */
async function glyphProblems(model: DocumentModel): Promise<DocumentMessage[]> {
  return (await findMissingGlyphs(model)).map((missing) => ({
    code: 'document.character_not_in_font',
    field: missing.where,
    message: {
      ja: `文字「${missing.char}」（${missing.codePoint}、${missing.where}）はフォントにないため出力できません。別の文字に置き換えてください。`,
      en: `The character "${missing.char}" (${missing.codePoint}, ${missing.where}) is not in the font and cannot be output: replace it.`,
    },
  }));
}

/**
 * Documents of a case (#7): filled from the case (document-input.ts), previewed with every missing field listed,
 * rendered to PDF or DOCX, stored as encrypted blobs with a row per file, and recorded in the case's evidence
 * chain (an entry of type `document` with the file's SHA-256). Staff make every kind; the victim the deletion
 * request and the 開示請求書. Rendering happens before the transaction that stores; nothing is stored when any
 * field is missing.
 */
export function createDocumentsService({ db, keyring, blobStore, audit, clock, evidence }: DocumentsServiceDeps) {
  const sealer = createCaseSealer({ db, keyring });

  const recordAudit = (trx: Db, who: Who, caseId: string, action: string, detail: CaseAuditDetail) =>
    recordCaseAudit(audit, trx, who, caseId, action, detail);

  async function prepare(who: Who, caseId: string, request: DocumentRequest, forWrite: boolean): Promise<Prepared> {
    if (who.kind === 'victim') authorizeVictimKind(request.kind);
    const { row, author } = await db.transaction().execute(async (trx) => {
      const found = await openCaseFor(trx, who, caseId, forWrite);
      const name = who.kind === 'staff' ? await documentsRepository.staffName(trx, who.actor.id) : undefined;
      const by: DocumentAuthor = who.kind === 'staff' ? { type: 'staff', displayName: name ?? '' } : { type: 'victim' };
      return { row: found, author: by };
    });
    // After the commit: the locker reads in its own transaction (on SQLite one connection holds a transaction).
    const locker = await evidence.readLocker(caseId);
    const filled = documentInputFromCase(
      request.kind,
      { row, items: locker.items },
      { ...(request.itemIds ? { itemIds: request.itemIds } : {}), ...(request.overrides ? { overrides: request.overrides } : {}) },
      { sealer, author, now: clock() },
    );
    const model = filled.parsed ? buildDocument(request.kind, filled.parsed) : null;
    // Problems of the schema first (part by part), then the builder's, without repeating a left-out option.
    const dropped = new Set(filled.dropped ?? []);
    let errors: readonly DocumentMessage[] = [
      ...filled.problems,
      ...(model?.errors ?? []).filter((e) => !dropped.has(e.field ?? '')),
    ];
    if (model && errors.length === 0) errors = await glyphProblems(model);
    return {
      row,
      filled,
      model,
      errors,
      warnings: model?.warnings ?? [],
      chain: { seq: locker.entries.at(-1)?.entry.seq ?? 0, ok: locker.verification.ok },
    };
  }

  function incomplete(errors: readonly DocumentMessage[]) {
    return createDocumentIncompleteError(
      { count: String(errors.length) },
      { details: { errors: errors.map((e) => ({ code: e.code, field: e.field, message: e.message })) } },
    );
  }

  async function auditAfter(who: Who, caseId: string, action: string, detail: CaseAuditDetail) {
    await db.transaction().execute((trx) => recordAudit(trx, who, caseId, action, detail));
  }

  async function preview(who: Who, caseId: string, request: DocumentRequest): Promise<DocumentPreview> {
    const prepared = await prepare(who, caseId, request, false);
    await auditAfter(who, caseId, 'documents.previewed', {
      kind: request.kind,
      items: prepared.filled.itemIds.length,
      errors: prepared.errors.length,
    });
    return {
      kind: request.kind,
      title: DOCUMENT_TITLES[request.kind],
      input: prepared.filled.input,
      errors: [...prepared.errors],
      warnings: [...prepared.warnings],
      redactable: prepared.model?.redactable ?? request.kind === 'disclosure-request',
    };
  }

  /** The preview PDF (the redacted copy with `redacted`); 422 listing every problem when the document has any. */
  async function previewPdf(who: Who, caseId: string, request: DocumentRequest, redacted: boolean): Promise<Uint8Array> {
    const prepared = await prepare(who, caseId, request, false);
    await auditAfter(who, caseId, 'documents.previewed', {
      kind: request.kind,
      items: prepared.filled.itemIds.length,
      errors: prepared.errors.length,
      pdf: true,
    });
    if (!prepared.model || prepared.errors.length > 0) throw incomplete(prepared.errors);
    const hidden = redacted && prepared.model.redactable ? new Set<HideableField>(HIDEABLE_FIELDS) : new Set<HideableField>();
    return renderDocumentPdf(prepared.model, { hidden });
  }

  async function generate(who: Who, caseId: string, request: DocumentGenerate): Promise<GeneratedDocuments> {
    const prepared = await prepare(who, caseId, request, true);
    const { model } = prepared;
    if (!model || prepared.errors.length > 0) {
      await auditAfter(who, caseId, 'documents.refused', { kind: request.kind, errors: prepared.errors.length });
      throw incomplete(prepared.errors);
    }
    if (!prepared.chain.ok) throw createDocumentChainBrokenError();
    const render = request.format === 'docx' ? renderDocumentDocx : renderDocumentPdf;
    // The 開示請求書 is made in two copies: the full one for the provider, the redacted one for the poster.
    const copies = model.redactable ? [new Set<HideableField>(), new Set<HideableField>(HIDEABLE_FIELDS)] : [new Set<HideableField>()];
    const files: { bytes: Uint8Array; sha256: string; size: number }[] = [];
    for (const hidden of copies) {
      const bytes = await render(model, { hidden });
      files.push({ bytes, ...(await blobStore.put(bytes)) });
    }
    const generatedAt = clock().toISOString();
    const ids = await db.transaction().execute(async (trx) => {
      await openCaseFor(trx, who, caseId, true);
      const stored: string[] = [];
      for (const [index, file] of files.entries()) {
        const id = randomUUID();
        const redactedOf = index > 0 ? stored[0] : undefined;
        const { entry } = await evidence.appendEntry(trx, {
          caseId,
          type: 'document',
          itemId: id,
          actor: chainActorOf(who),
          document: {
            id,
            kind: request.kind,
            format: request.format,
            sha256: file.sha256,
            size: file.size,
            itemIds: [...prepared.filled.itemIds],
            ...(redactedOf ? { redactedOf } : {}),
          },
        });
        // The document reflects the locker as read: an entry appended since means the items may have changed.
        if (entry.seq !== prepared.chain.seq + index + 1) throw createDocumentEvidenceChangedError();
        await documentsRepository.insert(trx, {
          id,
          case_id: caseId,
          kind: request.kind,
          format: request.format,
          sha256: file.sha256,
          size: file.size,
          generated_by_type: who.kind,
          generated_by: who.kind === 'staff' ? who.actor.id : null,
          generated_at: generatedAt,
          redacted_of: redactedOf ?? null,
          chain_seq: entry.seq,
        });
        stored.push(id);
      }
      await recordAudit(trx, who, caseId, 'documents.generated', {
        kind: request.kind,
        format: request.format,
        copies: stored.length,
        items: prepared.filled.itemIds.length,
        firstSeq: prepared.chain.seq + 1,
      });
      return stored;
    });
    // After commit: a concurrent erasure of another case holding the same bytes may have released them.
    for (const file of files) if (!(await blobStore.has(file.sha256))) await blobStore.put(file.bytes);
    const rows = await documentsRepository.listByCase(db, caseId);
    return {
      documents: rows.filter((row) => ids.includes(row.id)).map((row) => present(row, who.kind === 'staff')),
      warnings: [...prepared.warnings],
    };
  }

  async function list(who: Who, caseId: string): Promise<CaseDocument[]> {
    return db.transaction().execute(async (trx) => {
      await openCaseFor(trx, who, caseId, false);
      // The victim sees the documents they made; staff drafts (告訴状, lawyer's summary …) stay with staff.
      const rows = await documentsRepository.listByCase(trx, caseId, who.kind === 'victim' ? { generatedByType: 'victim' } : undefined);
      await recordAudit(trx, who, caseId, 'documents.listed', { documents: rows.length });
      return rows.map((row) => present(row, who.kind === 'staff'));
    });
  }

  async function file(who: Who, caseId: string, documentId: string) {
    const row = await db.transaction().execute(async (trx) => {
      const found = await openCaseFor(trx, who, caseId, false);
      const doc = await documentsRepository.find(trx, caseId, documentId);
      if (!doc || (who.kind === 'victim' && doc.generated_by_type !== 'victim')) throw createDocumentNotFoundError();
      await recordAudit(trx, who, caseId, 'documents.downloaded', { documentId: doc.id, kind: doc.kind, format: doc.format });
      return { ...doc, caseNumber: found.case_number };
    });
    const format = row.format as DocumentFormat;
    return {
      bytes: await blobStore.get(row.sha256),
      contentType: CONTENT_TYPES[format],
      filename: `${row.caseNumber}_${titleOf(row).replace(/\s+/g, '')}.${format}`,
    };
  }

  const staff = (actor: DocumentsStaffActor): Who => ({ kind: 'staff', actor });
  const victim: Who = { kind: 'victim' };

  return {
    staffPreview: (i: { caseId: string; actor: DocumentsStaffActor; request: DocumentRequest }) => preview(staff(i.actor), i.caseId, i.request),
    staffPreviewPdf: (i: { caseId: string; actor: DocumentsStaffActor; request: DocumentRequest; redacted: boolean }) =>
      previewPdf(staff(i.actor), i.caseId, i.request, i.redacted),
    staffGenerate: (i: { caseId: string; actor: DocumentsStaffActor; request: DocumentGenerate }) => generate(staff(i.actor), i.caseId, i.request),
    staffList: (i: { caseId: string; actor: DocumentsStaffActor }) => list(staff(i.actor), i.caseId),
    staffFile: (i: { caseId: string; actor: DocumentsStaffActor; documentId: string }) => file(staff(i.actor), i.caseId, i.documentId),

    victimPreview: (i: { caseId: string; request: DocumentRequest }) => preview(victim, i.caseId, i.request),
    victimPreviewPdf: (i: { caseId: string; request: DocumentRequest; redacted: boolean }) => previewPdf(victim, i.caseId, i.request, i.redacted),
    victimGenerate: (i: { caseId: string; request: DocumentGenerate }) => generate(victim, i.caseId, i.request),
    victimList: (i: { caseId: string }) => list(victim, i.caseId),
    victimFile: (i: { caseId: string; documentId: string }) => file(victim, i.caseId, i.documentId),
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
