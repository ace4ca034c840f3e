import { CAPTURED_BY, DOCUMENT_FORMATS, DOCUMENT_KINDS, EVIDENCE_ENTRY_TYPES, EVIDENCE_FILE_ROLES, EVIDENCE_RIGHTS, PLATFORMS } from '@mimamoru/core';
import { z } from 'zod';

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

/** What a victim or consultant says about a post (the files come as multipart parts beside it). */
export const EvidenceItemInputSchema = z
  .object({
    platform: z.enum(PLATFORMS),
    postUrl: z.url({ protocol: /^https?$/, message: 'url-invalid' }).max(2048),
    accountId: optionalText(200),
    displayName: optionalText(200),
    postedAt: z
      .object({
        asShown: z.string().trim().min(1).max(100),
        iso: z.iso.datetime({ offset: true }).optional(),
        timeZone: z.string().trim().max(64).optional(),
      })
      .strict()
      .optional(),
    /** When the screenshot was taken; defaults to the time of upload. */
    capturedAt: z.iso.datetime({ offset: true }).optional(),
    text: optionalText(20_000),
    legal: z
      .object({
        rights: z.array(z.enum(EVIDENCE_RIGHTS)).max(EVIDENCE_RIGHTS.length),
        identifiability: optionalText(2000),
        context: optionalText(4000),
      })
      .strict()
      .optional(),
  })
  .strict();
export type EvidenceItemInput = z.infer<typeof EvidenceItemInputSchema>;

/** The `data` field of POST …/evidence (JSON). */
export const EvidenceAddSchema = z.object({ item: EvidenceItemInputSchema }).strict();
export type EvidenceAdd = z.infer<typeof EvidenceAddSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The `data` field of POST …/evidence/:itemId/correct: the item as it should read now, and why. */
export const EvidenceCorrectSchema = z
  .object({
    item: EvidenceItemInputSchema,
    reason: z.string().trim().min(1).max(1000),
    /** Files of the item to keep (default: all); new files come as multipart parts. */
    keepFiles: z.array(sha256).max(100).optional(),
    /** The seq of the item's latest entry as the form saw it: a later entry answers 409 `evidence.item_changed`. */
    expectedSeq: z.number().int().positive().optional(),
  })
  .strict();
export type EvidenceCorrect = z.infer<typeof EvidenceCorrectSchema>;

/** Body of POST …/evidence/:itemId/remove (`expectedSeq` as for a correction). */
export const EvidenceRemoveSchema = z
  .object({ reason: z.string().trim().min(1).max(1000), expectedSeq: z.number().int().positive().optional() })
  .strict();
export type EvidenceRemove = z.infer<typeof EvidenceRemoveSchema>;

export const EvidenceItemParamsSchema = z.object({ itemId: z.uuid() });
export const StaffEvidenceItemParamsSchema = z.object({ id: z.uuid(), itemId: z.uuid() });
export const StaffEvidenceFileParamsSchema = z.object({ id: z.uuid(), sha256 });

export const EvidenceFileViewSchema = z.object({
  sha256: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  name: z.string(),
  role: z.enum(EVIDENCE_FILE_ROLES),
});

export const EvidenceItemViewSchema = z.object({
  id: z.string(),
  platform: z.enum(PLATFORMS),
  postUrl: z.string(),
  accountId: z.string().optional(),
  displayName: z.string().optional(),
  postedAt: z.object({ asShown: z.string(), iso: z.string().optional(), timeZone: z.string().optional() }).optional(),
  capturedAt: z.string(),
  capturedBy: z.enum(CAPTURED_BY),
  text: z.string().optional(),
  legal: z
    .object({ rights: z.array(z.string()), identifiability: z.string().optional(), context: z.string().optional() })
    .optional(),
  files: z.array(EvidenceFileViewSchema),
});
export type EvidenceItemView = z.infer<typeof EvidenceItemViewSchema>;

export const EvidenceEntryViewSchema = z.object({
  seq: z.number().int(),
  type: z.enum(EVIDENCE_ENTRY_TYPES),
  itemId: z.string(),
  at: z.string(),
  actorType: z.enum(['victim', 'staff', 'system']),
  reason: z.string().optional(),
  /** For a `document` entry: the generated document it records (#7). */
  document: z
    .object({ kind: z.enum(DOCUMENT_KINDS), format: z.enum(DOCUMENT_FORMATS), sha256: z.string(), size: z.number().int() })
    .optional(),
  hash: z.string(),
});

export const EvidenceKeySchema = z.object({
  publicKey: z.string(),
  fingerprint: z.string(),
  /** The fingerprint in 16 groups of 4 hex digits, as shown in the console and the README. */
  fingerprintDisplay: z.string(),
});
export type EvidenceKey = z.infer<typeof EvidenceKeySchema>;

/** The chain check done on every read. `ok: false` names the first broken entry (seq) or a bad head signature. */
export const EvidenceVerificationSchema = z.object({
  ok: z.boolean(),
  problem: z
    .enum([
      'hash-mismatch',
      'broken-link',
      'seq-gap',
      'wrong-case',
      'bad-entry',
      'unknown-item',
      'duplicate-item',
      'removed-item',
      'file-hashes-mismatch',
      'unreadable-entry',
      'head-mismatch',
      'bad-signature',
    ])
    .optional(),
  seq: z.number().int().optional(),
});
export type EvidenceVerification = z.infer<typeof EvidenceVerificationSchema>;

export const EvidenceLockerSchema = z.object({
  items: z.array(EvidenceItemViewSchema),
  entries: z.array(EvidenceEntryViewSchema),
  verification: EvidenceVerificationSchema,
  head: z.object({ seq: z.number().int(), hash: z.string(), signature: z.string(), signedAt: z.string() }).nullable(),
  key: EvidenceKeySchema,
});
export type EvidenceLocker = z.infer<typeof EvidenceLockerSchema>;

/** One RFC 3161 token over a chain entry, read from the token itself (GET /api/staff/cases/:id/evidence/timestamps). */
export const EvidenceTimestampViewSchema = z.object({
  /** The chain entry (head at the time) the token timestamps. */
  seq: z.number().int(),
  hash: z.string(),
  /** The TSA's time from the token (genTime). */
  genTime: z.string(),
  /** The TSA's name from the token, else its signing certificate's subject. */
  tsaName: z.string(),
  tsaUrl: z.string(),
  serialHex: z.string(),
  /** Whether the token's imprint is the entry's hash and its signature verifies with the certificate it carries. */
  ok: z.boolean(),
  /** Whether the TSA certificate was also checked against MIMAMORU_TSA_CA_FILE's trust anchors. */
  chainChecked: z.boolean(),
  /** When not ok: what failed (core TimestampProblemKind). */
  problem: z.string().optional(),
});
export type EvidenceTimestampView = z.infer<typeof EvidenceTimestampViewSchema>;

export const EvidenceTimestampListSchema = z.object({ timestamps: z.array(EvidenceTimestampViewSchema) });
export type EvidenceTimestampList = z.infer<typeof EvidenceTimestampListSchema>;
