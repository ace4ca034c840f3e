import {
  CAPTURED_BY,
  CATEGORIES,
  COMPLAINT_OFFENCES,
  DATE_STYLES,
  DEMAND_LETTER_LAYOUTS,
  DISCLOSURE_BASES,
  DOCUMENT_KINDS,
  EVIDENCE_FILE_ROLES,
  EVIDENCE_PARTIES,
  HIDEABLE_FIELDS,
  LEGITIMATE_REASONS,
  PLATFORMS,
  SENDER_INFO_ITEMS,
} from '@mimamoru/core';
import { z } from 'zod';
import { isoDate } from './common.contract.js';
import { TriageAnswersSchema } from './triage.contract.js';

/**
 * Input of `mimamoru document <kind> --input data.json` and of the document routes: core DocumentInput.
 * Shape and bounds only. Text the person fills in may be empty here: the document's builder lists every missing
 * field of the kind being built, in ja and en, rather than the schema refusing the first one.
 */
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).optional();
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate' });
const instant = z.iso.datetime({ offset: true });
const itemId = z.string().trim().min(1).max(100);

export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);

/** One selected evidence item as the locker holds it (core EvidenceItem), with its files' SHA-256. */
export const DocumentEvidenceItemSchema = z
  .object({
    id: itemId,
    platform: z.enum(PLATFORMS),
    postUrl: z.url({ protocol: /^https?$/, message: 'url-invalid' }).max(2048),
    accountId: optionalText(200),
    displayName: optionalText(200),
    postedAt: z
      .object({ asShown: text(100).min(1), iso: instant.optional(), timeZone: optionalText(64) })
      .strict()
      .optional(),
    capturedAt: instant,
    capturedBy: z.enum(CAPTURED_BY),
    text: optionalText(20_000),
    legal: z
      .object({
        rights: z.array(text(100)).max(20),
        identifiability: optionalText(2000),
        context: optionalText(4000),
      })
      .strict()
      .optional(),
    files: z
      .array(
        z
          .object({
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
            size: z.number().int().min(0),
            contentType: text(200),
            name: text(255),
            role: z.enum(EVIDENCE_FILE_ROLES),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();

const ItemClaimSchema = z
  .object({
    itemId,
    rights: z.array(text(100)).max(20).optional(),
    reason: optionalText(4000),
    content: optionalText(20_000),
    locationDetail: optionalText(1000),
  })
  .strict();

export const DocumentInputSchema = z
  .object({
    date: isoDate,
    dateStyle: z.enum(DATE_STYLES).optional(),
    requester: z
      .object({
        name: text(200),
        address: text(500),
        phone: optionalText(50),
        email: z.email().max(254).optional(),
        corporation: z.object({ name: text(200), title: optionalText(100) }).strict().optional(),
      })
      .strict(),
    addressee: z.object({ name: text(200), address: optionalText(500) }).strict().optional(),
    caseNumber: optionalText(50),
    facts: optionalText(20_000),
    wishes: optionalText(4000),
    categories: uniqueList(z.enum(CATEGORIES), CATEGORIES.length).optional(),
    triage: TriageAnswersSchema.optional(),
    evidence: z.array(DocumentEvidenceItemSchema).max(200),
    takedown: z
      .object({ items: z.array(ItemClaimSchema).max(200).optional(), consentToShowName: z.boolean() })
      .strict()
      .optional(),
    disclosure: z
      .object({
        basis: z.enum(DISCLOSURE_BASES),
        items: z.array(ItemClaimSchema).max(200).optional(),
        facilities: optionalText(4000),
        reasons: uniqueList(z.enum(LEGITIMATE_REASONS), LEGITIMATE_REASONS.length),
        otherReason: optionalText(1000),
        senderInfo: uniqueList(z.enum(SENDER_INFO_ITEMS), SENDER_INFO_ITEMS.length),
        hide: uniqueList(z.enum(HIDEABLE_FIELDS), HIDEABLE_FIELDS.length),
      })
      .strict()
      .optional(),
    demandLetter: z
      .object({
        recipient: z.object({ name: text(200), address: text(500) }).strict(),
        demands: z
          .object({
            deletion: z.boolean(),
            apology: z.boolean(),
            damagesJpy: z.number().int().min(1).max(100_000_000_000).optional(),
          })
          .strict(),
        deadlineDays: z.number().int().min(1).max(365),
        layout: z.enum(DEMAND_LETTER_LAYOUTS),
        paymentAccount: optionalText(300),
        items: z.array(ItemClaimSchema).max(200).optional(),
        // Not trimmed: the letter's leading 全角 spaces and line breaks are its layout.
        text: z.string().max(20_000).optional(),
      })
      .strict()
      .optional(),
    evidenceList: z
      .object({
        party: z.enum(EVIDENCE_PARTIES),
        firstNumber: z.number().int().min(1).max(9999).optional(),
        court: optionalText(200),
        caseTitle: optionalText(300),
        items: z
          .array(z.object({ itemId, purpose: optionalText(4000), original: z.boolean().optional() }).strict())
          .max(200)
          .optional(),
      })
      .strict()
      .optional(),
    criminalComplaint: z
      .object({
        addressee: text(200),
        offences: uniqueList(z.enum(COMPLAINT_OFFENCES), COMPLAINT_OFFENCES.length),
        accused: z.object({ name: text(200), address: optionalText(500) }).strict().optional(),
        knownSince: isoDate.optional(),
        items: z
          .array(
            z
              .object({ itemId, offences: uniqueList(z.enum(COMPLAINT_OFFENCES), COMPLAINT_OFFENCES.length).optional() })
              .strict(),
          )
          .max(200)
          .optional(),
      })
      .strict()
      .optional(),
    postList: z.object({ items: z.array(ItemClaimSchema).max(200).optional() }).strict().optional(),
    caseSummary: z
      .object({
        timeline: z.array(z.object({ date: isoDate, text: text(1000).min(1) }).strict()).max(500).optional(),
        preparedBy: optionalText(200),
      })
      .strict()
      .optional(),
  })
  .strict();
export type DocumentInputJson = z.input<typeof DocumentInputSchema>;
