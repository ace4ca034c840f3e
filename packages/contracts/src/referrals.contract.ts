import { CONFLICT_ROLES, CONTACT_CHANNELS, PLATFORMS, WORKFLOW_STAGES } from '@mimamoru/core';
import { z } from 'zod';
import { isoDate } from './common.contract.js';
import { CaseAssigneeSchema, CaseDeadlineSchema, CaseEventSchema } from './cases.contract.js';
import { AttachmentSchema, MessageSchema } from './intake.contract.js';
import { TriageResultSchema } from './triage.contract.js';

const id = z.uuid();
const version = z.coerce.number().int().min(1).max(2_147_483_647);
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate' });

/** What a partner lawyer works on (closed list; the directory filters on it). */
export const LAWYER_SPECIALTIES = [
  'defamation',
  'privacy',
  'deletion-requests',
  'disclosure-requests',
  'criminal-complaints',
  'impersonation',
  'stalking-threats',
  'minors',
  'business-reputation',
] as const;
export type LawyerSpecialty = (typeof LAWYER_SPECIALTIES)[number];

/** Prefectures by JIS X 0401 code (01 北海道 … 47 沖縄県). */
export const PREFECTURE_CODES = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));
/** Where a lawyer takes cases: prefecture codes, or the whole country. */
export const LAWYER_REGIONS: readonly [string, ...string[]] = ['nationwide', ...PREFECTURE_CODES];
const region = z.enum(LAWYER_REGIONS);

/**
 * Languages a lawyer consults in: Japanese, and the ten of 法テラス's multilingual information service
 * (https://www.houterasu.or.jp/multilingual/index.html): en zh ko es pt vi tl ne th id.
 */
export const LAWYER_LANGUAGES = ['ja', 'en', 'zh', 'ko', 'es', 'pt', 'vi', 'tl', 'ne', 'th', 'id'] as const;
export type LawyerLanguage = (typeof LAWYER_LANGUAGES)[number];

/** Upper bound of a lawyer's capacity (accepted referrals open at once). */
export const LAWYER_CAPACITY_MAX = 100;

export const LawyerProfileFieldsSchema = z
  .object({
    /** The law office (public information, not sealed). */
    office: z.string().trim().max(200),
    specialties: uniqueList(z.enum(LAWYER_SPECIALTIES), LAWYER_SPECIALTIES.length),
    regions: uniqueList(region, LAWYER_REGIONS.length),
    languages: uniqueList(z.enum(LAWYER_LANGUAGES), LAWYER_LANGUAGES.length),
    /** How many accepted referrals the lawyer takes at once; accepting beyond it is refused. */
    capacity: z.coerce.number().int().min(0).max(LAWYER_CAPACITY_MAX),
    /** Takes cases under 法テラス's civil legal aid (民事法律扶助). */
    acceptsHouterasu: z.boolean(),
    /** Currently taking new referrals. */
    available: z.boolean(),
  })
  .strict();

/** Body of POST /api/staff/lawyers/:id/profile; `version` is the profile's (absent for a first profile). */
export const LawyerProfileRequestSchema = LawyerProfileFieldsSchema.extend({
  version: version.optional(),
}).strict();
export type LawyerProfileRequest = z.infer<typeof LawyerProfileRequestSchema>;

export const LawyerParamsSchema = z.object({ id });

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Query of GET /api/staff/lawyers: every filter narrows; lawyers without a profile match no filter. */
export const LawyerDirectoryQuerySchema = z.object({
  specialty: z.enum(LAWYER_SPECIALTIES).optional(),
  /** A prefecture code: lawyers covering it or the whole country. */
  region: region.optional(),
  language: z.enum(LAWYER_LANGUAGES).optional(),
  houterasu: flag.optional(),
  available: flag.optional(),
});
export type LawyerDirectoryQuery = z.infer<typeof LawyerDirectoryQuerySchema>;

export const LawyerProfileSchema = LawyerProfileFieldsSchema.extend({
  version: z.number().int(),
  updatedAt: z.string(),
});

export const LawyerEntrySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  /** Null until an admin (or the lawyer) fills the profile in. */
  profile: LawyerProfileSchema.nullable(),
  /** Accepted referrals not yet completed or expired (counted against capacity). */
  openReferrals: z.number().int(),
  /** Referrals waiting for the lawyer's answer. */
  pendingReferrals: z.number().int(),
});
export type LawyerEntry = z.infer<typeof LawyerEntrySchema>;

/** Response of GET /api/staff/lawyers (a lawyer sees only their own entry); of a profile update. */
export const LawyerDirectorySchema = z.object({ lawyers: z.array(LawyerEntrySchema) });
export type LawyerDirectory = z.infer<typeof LawyerDirectorySchema>;

/** A party of a case: role adverse (the poster, an opponent) or client (the person helped). */
export const CASE_PARTY_ROLES = CONFLICT_ROLES;
export const CASE_PARTY_KINDS = ['handle', 'name', 'url'] as const;

export const CasePartyRequestSchema = z
  .object({
    role: z.enum(CASE_PARTY_ROLES),
    kind: z.enum(CASE_PARTY_KINDS),
    value: z.string().trim().min(1).max(500),
  })
  .strict();
export type CasePartyRequest = z.infer<typeof CasePartyRequestSchema>;

export const CasePartyParamsSchema = z.object({ id, partyId: id });

export const CasePartySchema = z.object({
  id: z.string(),
  role: z.enum(CASE_PARTY_ROLES),
  kind: z.enum(CASE_PARTY_KINDS),
  value: z.string(),
  /** The form conflict checks compare (core normalizePartyValue). */
  normalized: z.string(),
  createdBy: CaseAssigneeSchema.nullable(),
  createdAt: z.string(),
});
export type CaseParty = z.infer<typeof CasePartySchema>;

/** Response of GET/POST /api/staff/cases/:id/parties (and of a removal): the live parties, oldest first. */
export const CasePartiesSchema = z.object({ parties: z.array(CasePartySchema) });
export type CaseParties = z.infer<typeof CasePartiesSchema>;

/** Parts of a case a referral can share with the lawyer. Internal notes and tasks are never shared. */
export const REFERRAL_SECTIONS = [
  'narrative',
  'posts',
  'guide',
  'attachments',
  'messages',
  'contact',
  'parties',
  'timeline',
] as const;
export type ReferralSection = (typeof REFERRAL_SECTIONS)[number];

/** Stored statuses, plus `expired`: pending or accepted past `expiresOn` (computed, never stored). */
export const REFERRAL_STATUSES = [
  'pending',
  'accepted',
  'declined',
  'withdrawn',
  'completed',
  'expired',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_OUTCOMES = [
  'removed',
  'identified',
  'settled',
  'suit-filed',
  'complaint-filed',
  'advice-only',
  'not-pursued',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** Longest a referral may run before it expires (days from today). */
export const REFERRAL_MAX_DAYS = 365;

/** Body of POST /api/staff/cases/:id/conflict-check. */
export const ConflictCheckRequestSchema = z.object({ lawyerId: id }).strict();

/**
 * A match between this case's parties and those of another referral of the same lawyer. `ourRole`:
 * the value's role here (the victim's name counts as client); `theirRole`: its role in the other case.
 * Opposite roles are a conflict of interest; the same role means the same person appears twice.
 */
export const ConflictHitSchema = z.object({
  normalized: z.string(),
  ourRole: z.enum(CONFLICT_ROLES),
  theirRole: z.enum(CONFLICT_ROLES),
  otherReferralId: z.string(),
  otherCaseNumber: z.string(),
});
export type ConflictHit = z.infer<typeof ConflictHitSchema>;

/** Response of POST /api/staff/cases/:id/conflict-check (also `details` of a 409 `referrals.conflicts_unacknowledged`). */
export const ConflictCheckSchema = z.object({
  hits: z.array(ConflictHitSchema),
  /** How many values of this case (parties and the victim's name) were compared. */
  compared: z.number().int(),
  /** How many other referrals of the lawyer were searched. */
  searched: z.number().int(),
});
export type ConflictCheck = z.infer<typeof ConflictCheckSchema>;

/** Body of POST /api/staff/cases/:id/referrals. Hits must be acknowledged, else 409 with them in `details`. */
export const ReferralCreateRequestSchema = z
  .object({
    lawyerId: id,
    shares: z
      .array(z.enum(REFERRAL_SECTIONS))
      .min(1)
      .max(REFERRAL_SECTIONS.length)
      .refine((list) => new Set(list).size === list.length, { message: 'duplicate' }),
    expiresOn: isoDate,
    /** To the lawyer: why this referral, what is asked. Sealed. */
    note: z.string().trim().max(4000).optional(),
    acknowledgeConflicts: z.boolean().optional(),
  })
  .strict();
export type ReferralCreateRequest = z.infer<typeof ReferralCreateRequestSchema>;

export const ReferralParamsSchema = z.object({ id });
export const ReferralAttachmentParamsSchema = z.object({ id, attachmentId: id });

/** Body of POST /api/staff/referrals/:id/withdraw (case workers). */
export const ReferralWithdrawRequestSchema = z.object({ version }).strict();

/** Body of POST /api/staff/referrals/:id/accept (the lawyer). */
export const ReferralAcceptRequestSchema = z
  .object({ version, acknowledgeConflicts: z.boolean().optional() })
  .strict();

/** Body of POST /api/staff/referrals/:id/decline (the lawyer); the reason is sealed. */
export const ReferralDeclineRequestSchema = z
  .object({ version, reason: z.string().trim().max(2000).optional() })
  .strict();

/** Body of POST /api/staff/referrals/:id/outcome (the lawyer, on an accepted referral); completes it. */
export const ReferralOutcomeRequestSchema = z
  .object({ version, outcome: z.enum(REFERRAL_OUTCOMES), note: z.string().trim().max(4000).optional() })
  .strict();

const referralCore = {
  id: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  shares: z.array(z.enum(REFERRAL_SECTIONS)),
  expiresOn: z.string(),
  createdAt: z.string(),
  respondedAt: z.string().nullable(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  outcomeAt: z.string().nullable(),
  version: z.number().int(),
};

/** A referral as case workers see it on the case page. */
export const StaffReferralSchema = z.object({
  ...referralCore,
  lawyer: CaseAssigneeSchema,
  createdBy: CaseAssigneeSchema.nullable(),
  note: z.string().optional(),
  /** The lawyer's reason for declining. */
  declineReason: z.string().optional(),
  outcomeNote: z.string().optional(),
  /** Conflict hits when it was sent (how many; the consultant acknowledged them). */
  conflictHits: z.number().int(),
  acknowledgedBy: CaseAssigneeSchema.nullable(),
  acknowledgedAt: z.string().nullable(),
  lawyerAcknowledgedAt: z.string().nullable(),
});
export type StaffReferral = z.infer<typeof StaffReferralSchema>;

/** Response of GET /api/staff/cases/:id/referrals, of a new referral and of a withdrawal: the case's referrals, newest first. */
export const CaseReferralsSchema = z.object({ referrals: z.array(StaffReferralSchema) });
export type CaseReferrals = z.infer<typeof CaseReferralsSchema>;

/** One line of the lawyer's list (GET /api/staff/referrals). */
export const LawyerReferralSummarySchema = z.object({
  ...referralCore,
  caseNumber: z.string(),
});
export type LawyerReferralSummary = z.infer<typeof LawyerReferralSummarySchema>;
export const LawyerReferralListSchema = z.object({ referrals: z.array(LawyerReferralSummarySchema) });
export type LawyerReferralList = z.infer<typeof LawyerReferralListSchema>;

/**
 * The shared part of the case. Only the sections the referral shares are present (absent keys, not
 * nulls); case number and stage always, deadlines with `guide`. Nothing while the share is not live
 * (declined, withdrawn, completed, expired).
 */
export const ReferredCaseSchema = z
  .object({
    caseNumber: z.string(),
    stage: z.enum(WORKFLOW_STAGES),
    narrative: z.object({ text: z.string(), happenedAt: z.string().optional() }).optional(),
    posts: z.object({ platforms: z.array(z.enum(PLATFORMS)), postUrls: z.array(z.string()) }).optional(),
    guide: z
      .object({
        result: TriageResultSchema.nullable(),
        deadlines: z.array(CaseDeadlineSchema),
        offenderKnownSince: z.string().nullable(),
      })
      .optional(),
    attachments: z.array(AttachmentSchema).optional(),
    messages: z.array(MessageSchema).optional(),
    contact: z
      .object({
        name: z.string().optional(),
        channel: z.enum(CONTACT_CHANNELS),
        email: z.string().optional(),
        phone: z.string().optional(),
        notes: z.string().optional(),
      })
      .optional(),
    parties: z
      .array(CasePartySchema.pick({ id: true, role: true, kind: true, value: true, normalized: true }))
      .optional(),
    timeline: z.array(CaseEventSchema.omit({ actor: true })).optional(),
  })
  .strict();
export type ReferredCase = z.infer<typeof ReferredCaseSchema>;

/** Response of GET /api/staff/referrals/:id and of the lawyer's writes: their referral and the shared case. */
export const LawyerReferralSchema = z.object({
  ...referralCore,
  caseNumber: z.string(),
  referredBy: CaseAssigneeSchema.nullable(),
  note: z.string().optional(),
  declineReason: z.string().optional(),
  outcomeNote: z.string().optional(),
  lawyerAcknowledgedAt: z.string().nullable(),
  /** Recomputed at every read: this case's parties against the lawyer's other referrals. */
  conflicts: ConflictCheckSchema,
  /** Present while the share is live (pending or accepted, not expired). */
  case: ReferredCaseSchema.optional(),
});
export type LawyerReferral = z.infer<typeof LawyerReferralSchema>;
