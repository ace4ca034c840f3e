import { ANALYSIS_CATEGORIES, IMPORT_FORMATS, PILE_ON_LABEL, POST_FIELDS } from '@mimamoru/core';
import { z } from 'zod';

const id = z.uuid();

export const ANALYSIS_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type AnalysisRunStatus = (typeof ANALYSIS_RUN_STATUSES)[number];

/** Labels a result row can carry: the scored categories and the pile-on label. */
export const ANALYSIS_LABELS = [...ANALYSIS_CATEGORIES, PILE_ON_LABEL] as const;

export const ANALYSIS_RESULT_SORTS = ['score', 'time', 'author-volume'] as const;

/** Rows per page of GET …/analyses/:runId/results. */
export const ANALYSIS_PAGE_SIZE = 100;
/** Posts one request may add to the evidence locker or put in a report. */
export const ANALYSIS_MAX_SELECTED = 500;
/** Largest pasted text (JSON body) and largest uploaded file. */
export const ANALYSIS_MAX_TEXT_CHARS = 2_000_000;
export const ANALYSIS_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export const AnalysisRunParamsSchema = z.object({ id, runId: id });

/** POST /api/cases/:id/analyses as JSON: pasted text, one post per line. */
export const AnalysisTextInputSchema = z.object({ text: z.string().max(ANALYSIS_MAX_TEXT_CHARS) }).strict();

/** CSV column mapping: field → header as written in the file. */
export const AnalysisColumnsSchema = z
  .object(Object.fromEntries(POST_FIELDS.map((f) => [f, z.string().trim().min(1).max(200).optional()])) as Record<
    (typeof POST_FIELDS)[number],
    z.ZodOptional<z.ZodString>
  >)
  .strict();

/** The text fields of the multipart form beside the file. */
export const AnalysisUploadFieldsSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS).optional(),
    columns: AnalysisColumnsSchema.optional(),
  })
  .strict();
export type AnalysisUploadFields = z.infer<typeof AnalysisUploadFieldsSchema>;

const localized = z.object({ ja: z.string(), en: z.string() });

/** What the run row says about its results: no post text, no account names. */
export const AnalysisSummarySchema = z.object({
  labels: z.record(z.string(), z.number().int()),
  unlabelled: z.number().int(),
  /** Distinct known accounts, and the most posts any one of them wrote. */
  accounts: z.number().int(),
  topAuthorPosts: z.number().int(),
  /** The first skipped lines (line number and reason) and how many there were. */
  issues: z.array(z.object({ line: z.number().int(), code: z.string(), message: localized })),
  issueCount: z.number().int(),
});
export type AnalysisSummary = z.infer<typeof AnalysisSummarySchema>;

export const AnalysisRunSchema = z.object({
  id: z.string(),
  status: z.enum(ANALYSIS_RUN_STATUSES),
  source: z.enum(['file', 'text']),
  format: z.enum(IMPORT_FORMATS),
  uploadSize: z.number().int(),
  /** 0 to 1 while running (two passes over the upload). */
  progress: z.number(),
  postsRead: z.number().int(),
  posts: z.number().int(),
  flagged: z.number().int(),
  skippedLines: z.number().int(),
  summary: AnalysisSummarySchema.nullable(),
  error: z.object({ code: z.string(), message: localized }).nullable(),
  requestedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type AnalysisRunView = z.infer<typeof AnalysisRunSchema>;

export const AnalysisRunListSchema = z.object({ runs: z.array(AnalysisRunSchema) });

const scoreParam = z.coerce.number().min(0).max(1).optional();
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional();

/** Filters of GET …/results; `label` '*' keeps posts with any label; `q` is a regular expression over the text. */
export const AnalysisResultsQuerySchema = z
  .object({
    label: z.union([z.enum(ANALYSIS_LABELS), z.literal('*')]).optional(),
    minScore: scoreParam,
    maxScore: scoreParam,
    author: z.string().trim().max(200).optional(),
    from: day,
    to: day,
    q: z.string().max(200).optional(),
    sort: z.enum(ANALYSIS_RESULT_SORTS).default('score'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .strict();
export type AnalysisResultsQuery = z.infer<typeof AnalysisResultsQuerySchema>;

export const AnalysisPostSchema = z.object({
  id: z.string(),
  text: z.string(),
  author: z.string().optional(),
  postedAt: z.string().optional(),
  url: z.string().optional(),
  replyTo: z.string().optional(),
});

export const AnalysisResultSchema = z.object({
  score: z.number(),
  labels: z.array(z.string()),
  categories: z.record(z.string(), z.number()),
  spans: z.array(
    z.object({ start: z.number().int(), end: z.number().int(), category: z.enum(ANALYSIS_CATEGORIES), rule: z.string() }),
  ),
  explanation: localized,
});

/** One analysed post, as the results table shows it. */
export const AnalysisResultRowSchema = z.object({
  post: AnalysisPostSchema,
  analysis: AnalysisResultSchema,
  copies: z.number().int(),
  accounts: z.number().int(),
});
export type AnalysisResultRow = z.infer<typeof AnalysisResultRowSchema>;

/** One account of the run (all its posts, not only the filtered ones): to find the few accounts behind a pile-on. */
export const AnalysisAuthorSchema = z.object({
  author: z.string(),
  posts: z.number().int(),
  flagged: z.number().int(),
  worstScore: z.number(),
  worstPostId: z.string(),
  firstAt: z.string().optional(),
  lastAt: z.string().optional(),
  labels: z.record(z.string(), z.number().int()),
});

/** Accounts listed with a results page, worst first. */
export const ANALYSIS_AUTHORS_LISTED = 200;

export const AnalysisResultsPageSchema = z.object({
  rows: z.array(AnalysisResultRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  authors: z.array(AnalysisAuthorSchema),
  /** Posts of the run without an author. */
  unknownAuthors: z.number().int(),
});
export type AnalysisResultsPage = z.infer<typeof AnalysisResultsPageSchema>;

const postIds = z.array(z.string().min(1).max(200)).min(1).max(ANALYSIS_MAX_SELECTED);

export const AnalysisEvidenceAddSchema = z.object({ postIds }).strict();

export const AnalysisEvidenceAddedSchema = z.object({
  added: z.array(z.object({ postId: z.string(), itemId: z.string(), seq: z.number().int() })),
});

/** ?postIds=a&postIds=b (repeated). */
export const AnalysisReportQuerySchema = z
  .object({ postIds: z.preprocess((v) => (typeof v === 'string' ? [v] : v), postIds) })
  .strict();
