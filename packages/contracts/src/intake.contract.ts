import {
  ATTACHMENT_LIMITS,
  CASE_STATUSES,
  CONTACT_CHANNELS,
  GOALS,
  LOCALES,
  MESSAGE_AUTHORS,
  PLATFORMS,
  PRIVACY_POLICY_VERSION,
} from '@mimamoru/core';
import { z } from 'zod';
import { isoDate } from './common.contract.js';
import { TriageAnswersSchema } from './triage.contract.js';

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate' });

/** A post's address: http(s) only, bounded. */
const postUrl = z.url({ protocol: /^https?$/, message: 'url-invalid' }).max(2048);
const email = z.email({ message: 'email-invalid' }).max(254);
/** Japanese or international phone numbers as people write them (digits, spaces, dashes, parentheses, +). */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9０-９][0-9０-９\-‐－ ()（）]{8,19}$/, { message: 'phone-invalid' });

export const ContactSchema = z
  .object({
    /** How the person wants to be contacted. */
    channel: z.enum(CONTACT_CHANNELS),
    /** Needed for channel email; optional otherwise (used for notices and resetting a lost key). */
    email: email.optional(),
    phone: phone.optional(),
    /** Safe-contact notes, e.g. "do not call in the evening", "family shares this email". */
    notes: z.string().trim().max(1000).optional(),
  })
  .strict()
  .superRefine((contact, ctx) => {
    if (contact.channel === 'email' && !contact.email) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'email-required' });
    }
    if (contact.channel === 'phone' && !contact.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'phone-required' });
    }
  });

/**
 * The fields of a consultation, shared by the web form (POST /api/consultations) and by staff opening a
 * case for someone who phoned or wrote (POST /api/staff/cases). Refine with {@link refineConsultation}.
 */
export const ConsultationFieldsSchema = z
  .object({
    /** Name or nickname; optional — a consultation can be anonymous. */
    name: z.string().trim().max(100).optional(),
    /** What happened, in the person's words. */
    narrative: z.string().trim().min(1).max(20_000),
    platforms: uniqueList(z.enum(PLATFORMS), PLATFORMS.length),
    postUrls: z.array(postUrl).max(100),
    /** When it happened (first post). */
    happenedAt: isoDate.optional(),
    goals: uniqueList(z.enum(GOALS), GOALS.length),
    /** The Guide's answers, when the person came from the Guide's result. */
    triage: TriageAnswersSchema.optional(),
    contact: ContactSchema,
    consent: z
      .object({
        privacyPolicyVersion: z.literal(PRIVACY_POLICY_VERSION, { message: 'policy-outdated' }),
        accepted: z.literal(true, { message: 'consent-required' }),
      })
      .strict(),
    /** Send the access key to contact.email as well (it is always shown once). */
    emailAccessKey: z.boolean().optional(),
    /** Language for emails and texts. */
    locale: z.enum(LOCALES).optional(),
  })
  .strict();

/** Cross-field rule of a consultation: the key can only be e-mailed to an address. */
export function refineConsultation(
  request: { emailAccessKey?: boolean | undefined; contact: { email?: string | undefined } },
  ctx: z.RefinementCtx,
): void {
  if (request.emailAccessKey && !request.contact.email) {
    ctx.addIssue({ code: 'custom', path: ['contact', 'email'], message: 'email-required' });
  }
}

/** Body of POST /api/consultations (JSON, or the `consultation` field of a multipart body with files). */
export const ConsultationRequestSchema = ConsultationFieldsSchema.superRefine(refineConsultation);
export type ConsultationRequest = z.infer<typeof ConsultationRequestSchema>;

/** Response of POST /api/consultations (201). The access key is shown once and stored only as a hash. */
export const ConsultationCreatedSchema = z.object({
  caseNumber: z.string(),
  accessKey: z.string(),
  createdAt: z.string(),
});

const caseNumber = z.string().trim().min(1).max(32);
const accessKey = z.string().trim().min(1).max(128);

/** Body of POST /api/victim/session: opens the case page (HttpOnly session cookie). */
export const VictimSessionRequestSchema = z.object({ caseNumber, accessKey }).strict();
/** Response of POST /api/victim/session; the CSRF token goes in the X-CSRF-Token header of later writes. */
export const VictimSessionSchema = z.object({
  caseNumber: z.string(),
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export const AttachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.enum(ATTACHMENT_LIMITS.types),
  size: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
});

export const MessageSchema = z.object({
  id: z.string(),
  author: z.enum(MESSAGE_AUTHORS),
  body: z.string(),
  createdAt: z.string(),
});

/** Response of GET /api/victim/case: what the victim sees of their case. */
export const VictimCaseSchema = z.object({
  caseNumber: z.string(),
  status: z.enum(CASE_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  name: z.string().optional(),
  narrative: z.string(),
  platforms: z.array(z.enum(PLATFORMS)),
  postUrls: z.array(z.string()),
  happenedAt: z.string().optional(),
  goals: z.array(z.enum(GOALS)),
  contact: z.object({
    channel: z.enum(CONTACT_CHANNELS),
    email: z.string().optional(),
    phone: z.string().optional(),
    notes: z.string().optional(),
  }),
  privacyPolicyVersion: z.string(),
  messages: z.array(MessageSchema),
  attachments: z.array(AttachmentSchema),
});

/** Body of POST /api/victim/messages (also how the victim adds information). */
export const VictimMessageRequestSchema = z.object({ body: z.string().trim().min(1).max(10_000) }).strict();
export const VictimMessageResponseSchema = z.object({ message: MessageSchema });
export const VictimAttachmentResponseSchema = z.object({ attachments: z.array(AttachmentSchema) });

/** Body of POST /api/victim/withdraw: the case is closed and personal data erased. */
export const VictimWithdrawRequestSchema = z
  .object({ confirm: z.literal(true, { message: 'confirm-required' }) })
  .strict();

/** Response of POST /api/victim/access-key/rotate: the new key, shown once. */
export const AccessKeyRotatedSchema = z.object({ accessKey: z.string() });

/** Body of POST /api/victim/reset/request; the answer is 202 whatever the input (no enumeration). */
export const AccessKeyResetRequestSchema = z
  .object({ caseNumber, email, locale: z.enum(LOCALES).optional() })
  .strict();
/** Body of POST /api/victim/reset/confirm: the one-time token from the emailed link. */
export const AccessKeyResetConfirmSchema = z.object({ token: z.string().trim().min(1).max(128) }).strict();
export const AccessKeyResetDoneSchema = z.object({ caseNumber: z.string(), accessKey: z.string() });

export const CSRF_HEADER = 'x-csrf-token';

/** Response of POST /api/victim/withdraw: the case is closed and its personal data erased. */
export const VictimWithdrawnSchema = z.object({ caseNumber: z.string(), status: z.literal('withdrawn') });

/** Response of POST /api/victim/reset/request (202), identical whatever the input. */
export const AccessKeyResetRequestedSchema = z.object({ accepted: z.literal(true) });

/** Params of GET /api/victim/attachments/:id. */
export const VictimAttachmentParamsSchema = z.object({ id: z.uuid() }).strict();
