import { DOCUMENT_FORMATS, DOCUMENT_KINDS, PLATFORMS, type DocumentKind } from '@mimamoru/core';
import { z } from 'zod';
import { DocumentInputSchema, DocumentKindSchema, type DocumentInputJson } from './documents.contract.js';

/**
 * The document routes (#7): staff `POST /api/cases/:id/documents[/preview]`, `GET /api/cases/:id/documents[/:docId/file]`,
 * and the victim's `/api/victim/documents…`. The server fills a DocumentInput from the case (requester, selected
 * evidence items, Guide categories, 告訴期間 start) and merges the person's `overrides` into it.
 */

/** Every field optional at every depth; a text field sent as '' removes the value the case filled in. */
type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends string
    ? T | ''
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/** What the person fixed in the review form, merged over the fields filled from the case. */
export type DocumentOverrides = DeepPartial<Omit<DocumentInputJson, 'evidence'>>;

/** Objects become partial at every depth (still strict); text leaves also accept '' (= remove); arrays are whole. */
function overridable(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional) return overridable(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, value]) => [key, overridable(value).optional()]),
    );
    return z.object(shape).strict();
  }
  if (schema instanceof z.ZodString || schema instanceof z.ZodStringFormat) return z.union([z.literal(''), schema]);
  return schema;
}

/**
 * Overrides: the DocumentInput's fields (not `evidence`: items are chosen by `itemIds` and come from the locker),
 * each optional at every depth, with the same bounds as DocumentInputSchema. Objects merge field by field; arrays
 * and values replace; '' removes a filled text.
 */
export const DocumentOverridesSchema = overridable(DocumentInputSchema.omit({ evidence: true })) as z.ZodType<DocumentOverrides>;

const itemIds = z
  .array(z.uuid())
  .max(200)
  .refine((list) => new Set(list).size === list.length, { message: 'duplicate' });

/** Preview: which document, which evidence items (default: every current item, in locker order), the fixes. */
export const DocumentRequestSchema = z
  .object({
    kind: DocumentKindSchema,
    itemIds: itemIds.optional(),
    overrides: DocumentOverridesSchema.optional(),
  })
  .strict();
export type DocumentRequest = z.infer<typeof DocumentRequestSchema>;

export const DocumentFormatSchema = z.enum(DOCUMENT_FORMATS);

/** Generate and store: the same, plus the file format. */
export const DocumentGenerateSchema = z
  .object({
    kind: DocumentKindSchema,
    itemIds: itemIds.optional(),
    overrides: DocumentOverridesSchema.optional(),
    format: DocumentFormatSchema,
  })
  .strict();
export type DocumentGenerate = z.infer<typeof DocumentGenerateSchema>;

/**
 * `?format=pdf` answers the preview PDF (application/pdf) instead of JSON; `&copy=redacted` the poster's
 * (redacted) copy of a 開示請求書.
 */
export const DocumentPreviewQuerySchema = z
  .object({ format: z.enum(['json', 'pdf']).default('json'), copy: z.enum(['full', 'redacted']).default('full') })
  .strict();

export const CaseDocumentParamsSchema = z.object({ id: z.uuid(), docId: z.uuid() });
export const VictimDocumentParamsSchema = z.object({ docId: z.uuid() });

/** A missing or invalid field, or a warning (内容証明 rules …), with the input field it concerns. */
export const DocumentMessageSchema = z.object({
  code: z.string(),
  field: z.string().optional(),
  message: z.object({ ja: z.string(), en: z.string() }),
});
export type DocumentMessageView = z.infer<typeof DocumentMessageSchema>;

/**
 * The preview: the DocumentInput as filled (case + overrides; the review form shows and edits it), every
 * missing or invalid field (the document cannot be produced while any remain) and the warnings.
 */
export const DocumentPreviewSchema = z.object({
  kind: DocumentKindSchema,
  /** e.g. 発信者情報開示請求書 */
  title: z.string(),
  input: z.custom<DocumentInputJson>((value) => typeof value === 'object' && value !== null),
  errors: z.array(DocumentMessageSchema),
  warnings: z.array(DocumentMessageSchema),
  /** True for the 発信者情報開示請求書: generating it stores a second, redacted copy. */
  redactable: z.boolean(),
});
export type DocumentPreview = z.infer<typeof DocumentPreviewSchema>;

/** A generated document stored in the case (its SHA-256 is recorded in the evidence chain). */
export const CaseDocumentSchema = z.object({
  id: z.string(),
  kind: DocumentKindSchema,
  format: DocumentFormatSchema,
  /** The document's title, plus （黒塗り版） for a redacted copy. */
  title: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  /** The evidence chain entry that records it. */
  chainSeq: z.number().int(),
  generatedAt: z.string(),
  generatedBy: z.object({
    type: z.enum(['staff', 'victim']),
    /** Staff only: who (null for the victim). */
    displayName: z.string().nullable(),
  }),
  /** For the redacted copy of a 発信者情報開示請求書: the id of the full copy. */
  redactedOf: z.string().nullable(),
});
export type CaseDocument = z.infer<typeof CaseDocumentSchema>;

export const CaseDocumentListSchema = z.object({ documents: z.array(CaseDocumentSchema) });
export type CaseDocumentList = z.infer<typeof CaseDocumentListSchema>;

/** What generating stored: one document, or the full and the redacted copy; and the warnings. */
export const GeneratedDocumentsSchema = z.object({
  documents: z.array(CaseDocumentSchema),
  warnings: z.array(DocumentMessageSchema),
});
export type GeneratedDocuments = z.infer<typeof GeneratedDocumentsSchema>;

/** The kinds a victim may prepare for themselves (the rest are for consultants and lawyers). */
export const VICTIM_DOCUMENT_KINDS = ['takedown-request', 'disclosure-request'] as const satisfies readonly DocumentKind[];

export const PlatformRoutesQuerySchema = z.object({ platform: z.enum(PLATFORMS) }).strict();

const LocalizedSchema = z.object({ ja: z.string(), en: z.string() });

/** One way to ask a platform to remove a post (core platformRoutes; DOMAIN.md §8), with its sources. */
export const PlatformRouteSchema = z.object({
  id: z.string(),
  kind: z.enum(['jpa-form', 'in-app', 'legal-form', 'email', 'letter', 'public-body']),
  title: LocalizedSchema,
  detail: LocalizedSchema,
  url: z.string().optional(),
  email: z.string().optional(),
  /** The document mimamoru fills for this route, when there is one. */
  document: z.enum(DOCUMENT_KINDS).optional(),
  /** false: the fact (form name, address) is not confirmed at a primary source yet. */
  verified: z.boolean(),
  sources: z.array(z.string()),
});

export const PlatformRoutesSchema = z.object({
  platform: z.enum(PLATFORMS),
  /** Designated under 情プラ法20条1項 (must answer a deletion request within the 総務省令 period). */
  designated: z.boolean(),
  provider: z.object({ name: z.string(), designatedOn: z.string().optional() }).nullable(),
  /** The platform's own 情プラ法 route first when it has one, then the other routes, then the general ones. */
  routes: z.array(PlatformRouteSchema),
  /** When the data was last checked against its sources. */
  checkedOn: z.string(),
});
export type PlatformRoutes = z.infer<typeof PlatformRoutesSchema>;
