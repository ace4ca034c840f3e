import { z } from 'zod';
import { TriageAnswersSchema, TriageResultSchema } from './triage.contract.js';

/**
 * Body of POST /api/triage/saved: the person chose to keep their result.
 * Only the answers are stored; the result is recomputed on read so it follows the law as it is then.
 */
export const SaveTriageRequestSchema = z.object({ answers: TriageAnswersSchema }).strict();

/** A saved result is fetched back with its id plus a secret key returned once (no account). */
export const SaveTriageResponseSchema = z.object({
  id: z.string(),
  key: z.string(),
  createdAt: z.string(),
});

export const SavedTriageParamsSchema = z.object({ id: z.string().trim().min(1).max(64) });

export const SavedTriageResponseSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  answers: TriageAnswersSchema,
  result: TriageResultSchema,
});

/** Header carrying the access key returned once by POST /api/triage/saved. */
export const ACCESS_KEY_HEADER = 'x-access-key';

export const AccessKeyHeaderSchema = z.object({
  [ACCESS_KEY_HEADER]: z.string().trim().min(1).max(128),
});
