import {
  CASE_STATUSES,
  CONTACT_CHANNELS,
  GOALS,
  INTAKE_CHANNELS,
  isSearchableQuery,
  LOCALES,
  PLATFORMS,
  PRIORITY_LEVELS,
  SEARCH_QUERY_MAX,
  SLA_STATUSES,
  WORKFLOW_STAGES,
} from '@mimamoru/core';
import { z } from 'zod';
import { isoDate } from './common.contract.js';
import { AttachmentSchema, MessageSchema } from './intake.contract.js';
import { CaseErasureSchema } from './retention.contract.js';
import { TeamIdSchema } from './staff.contract.js';
import { TeamRefSchema } from './teams.contract.js';
import { TriageAnswersSchema, TriageResultSchema } from './triage.contract.js';

const id = z.uuid();
const version = z.coerce.number().int().min(1).max(2_147_483_647);

/** Stages staff can move a case to; withdrawal is the victim's (it erases the data). */
export const StaffTargetStageSchema = z.enum(WORKFLOW_STAGES).exclude(['withdrawn']);

export const CASE_QUEUE_PAGE_SIZE_MAX = 100;

/**
 * Query of GET /api/staff/cases. `stage`: one stage, `open` (default: every stage before resolved)
 * or `all`. `assignee`: `me`, `none` or an account id. `q`: a case number, whole or its beginning
 * (MM-7K3Q), or text found in the victim's name or narrative: every 2-character piece of each word
 * (full/half width, katakana/hiragana and case do not matter; punctuation is ignored). At least 2
 * characters in a row; a blind index of keyed hashes, as names and narratives are sealed.
 */
export const CaseQueueQuerySchema = z.object({
  stage: z.enum([...WORKFLOW_STAGES, 'open', 'all']).default('open'),
  platform: z.enum(PLATFORMS).optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), id]).optional(),
  priority: z.enum(PRIORITY_LEVELS).optional(),
  deadlineWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  q: z
    .string()
    .trim()
    .max(SEARCH_QUERY_MAX)
    .refine(isSearchableQuery, { message: 'search-too-short' })
    .optional(),
  /** One team's cases (admins; a consultant only ever sees their own team). */
  team: TeamIdSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(CASE_QUEUE_PAGE_SIZE_MAX).default(50),
  locale: z.enum(LOCALES).optional(),
});
export type CaseQueueQuery = z.infer<typeof CaseQueueQuerySchema>;

export const CaseAssigneeSchema = z.object({ id: z.string(), displayName: z.string() });

export const SlaStateSchema = z.object({
  status: z.enum(SLA_STATUSES),
  elapsedMs: z.number(),
  remainingMs: z.number(),
  dueAt: z.string(),
});

export const NextDeadlineSchema = z.object({ id: z.string(), date: z.string() });

export const CaseQueueItemSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  stage: z.enum(WORKFLOW_STAGES),
  status: z.enum(CASE_STATUSES),
  priorityLevel: z.enum(PRIORITY_LEVELS),
  priorityScore: z.number().int(),
  platforms: z.array(z.enum(PLATFORMS)),
  assignee: CaseAssigneeSchema.nullable(),
  createdAt: z.string(),
  firstResponseAt: z.string().nullable(),
  sla: SlaStateSchema,
  nextDeadline: NextDeadlineSchema.optional(),
  /** How the consultation came in: the web form, or staff opening it (phone, e-mail, letter, in person). */
  channel: z.enum(INTAKE_CHANNELS),
  team: TeamRefSchema,
});
export type CaseQueueItem = z.infer<typeof CaseQueueItemSchema>;

/** Response of GET /api/staff/cases. */
export const CaseQueuePageSchema = z.object({
  cases: z.array(CaseQueueItemSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type CaseQueuePage = z.infer<typeof CaseQueuePageSchema>;

/** Path parameters of /api/staff/cases/:id/… */
export const CaseParamsSchema = z.object({ id });
export const CaseTaskParamsSchema = z.object({ id, taskId: id });

export const CaseNoteSchema = z.object({
  id: z.string(),
  author: CaseAssigneeSchema.nullable(),
  body: z.string(),
  createdAt: z.string(),
});

export const CaseTaskSchema = z.object({
  id: z.string(),
  /** Core StageTask id, e.g. `deletion-requested.check-platform-answer.x`. */
  taskId: z.string(),
  title: z.object({ ja: z.string(), en: z.string() }),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});

export const CASE_EVENT_TYPES = [
  'stage-changed',
  'assigned',
  'reply-sent',
  'offender-recorded',
  'task-done',
  'target-added',
  'target-changed',
  'team-changed',
] as const;

export const CaseEventSchema = z.object({
  id: z.string(),
  type: z.enum(CASE_EVENT_TYPES),
  actor: CaseAssigneeSchema.nullable(),
  /** Ids, codes and dates, e.g. `{ from, to }` for a stage change. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: z.string(),
});

export const CaseDeadlineSchema = z.object({
  id: z.string(),
  date: z.string(),
  daysLeft: z.number().int(),
});

/** Response of GET /api/staff/cases/:id and of every write on a case: the whole case as staff see it. */
export const StaffCaseSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  stage: z.enum(WORKFLOW_STAGES),
  /** Stages the workflow allows next (core WORKFLOW_TRANSITIONS, without withdrawn). */
  nextStages: z.array(z.enum(WORKFLOW_STAGES)),
  status: z.enum(CASE_STATUSES),
  awaitingVictim: z.boolean(),
  version: z.number().int(),
  locale: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  firstResponseAt: z.string().nullable(),
  assignee: CaseAssigneeSchema.nullable(),
  /** How the consultation came in, and who opened it when staff did. */
  channel: z.enum(INTAKE_CHANNELS),
  openedBy: CaseAssigneeSchema.nullable(),
  team: TeamRefSchema,
  priority: z.object({
    level: z.enum(PRIORITY_LEVELS),
    score: z.number().int(),
    reasons: z.array(z.object({ id: z.string(), text: z.object({ ja: z.string(), en: z.string() }) })),
  }),
  offenderKnownSince: z.string().nullable(),
  intake: z.object({
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
      /** Safe-contact notes ("do not call in the evening" …). */
      notes: z.string().optional(),
    }),
  }),
  /** The Guide's answers as the victim gave them, and the result recomputed today with the recorded facts. */
  triageAnswers: TriageAnswersSchema.nullable(),
  guide: TriageResultSchema.nullable(),
  /** Legal deadlines (the Guide's, or from the day the poster became known), nearest first. */
  deadlines: z.array(CaseDeadlineSchema),
  nextDeadline: NextDeadlineSchema.optional(),
  messages: z.array(MessageSchema),
  notes: z.array(CaseNoteSchema),
  tasks: z.array(CaseTaskSchema),
  events: z.array(CaseEventSchema),
  attachments: z.array(AttachmentSchema),
  sla: SlaStateSchema,
  /** Set once the personal data was erased (retention or the victim's request): the case is read-only. */
  erasure: CaseErasureSchema.optional(),
});
export type StaffCase = z.infer<typeof StaffCaseSchema>;

/** Body of POST /api/staff/cases/:id/assign: an account (null unassigns), or a strategy among active consultants. */
export const CaseAssignRequestSchema = z.union([
  z.object({ assigneeId: id.nullable(), version }).strict(),
  z.object({ strategy: z.enum(['round-robin', 'least-open']), version }).strict(),
]);
export type CaseAssignRequest = z.infer<typeof CaseAssignRequestSchema>;

/** Body of POST /api/staff/cases/:id/stage. */
export const CaseStageRequestSchema = z.object({ to: StaffTargetStageSchema, version }).strict();

/** Body of POST /api/staff/cases/:id/replies: shown to the victim; `awaitingVictim` (default true) pauses the SLA. */
export const CaseReplyRequestSchema = z
  .object({
    body: z.string().trim().min(1).max(10_000),
    awaitingVictim: z.boolean().optional(),
    version: version.optional(),
  })
  .strict();

/** Body of POST /api/staff/cases/:id/notes: internal, never shown to the victim. */
export const CaseNoteRequestSchema = z.object({ body: z.string().trim().min(1).max(10_000) }).strict();

/** Body of POST /api/staff/cases/:id/offender: the day the victim learned who the poster is. */
export const CaseOffenderRequestSchema = z.object({ knownSince: isoDate, version }).strict();
