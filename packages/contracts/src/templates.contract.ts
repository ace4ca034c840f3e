import { LOCALES } from '@mimamoru/core';
import { z } from 'zod';
import { CaseAssigneeSchema } from './cases.contract.js';

const version = z.coerce.number().int().min(1).max(2_147_483_647);

/** Params of /api/staff/templates/:id… */
export const ReplyTemplateParamsSchema = z.object({ id: z.uuid() });

/**
 * Query of GET /api/staff/templates: `locale` narrows to one language; `archived=include` lists
 * archived templates too (the admin page), newest first after the active ones.
 */
export const ReplyTemplateListQuerySchema = z.object({
  locale: z.enum(LOCALES).optional(),
  archived: z.enum(['exclude', 'include']).default('exclude'),
});
export type ReplyTemplateListQuery = z.infer<typeof ReplyTemplateListQuerySchema>;

/**
 * Body of POST /api/staff/templates and POST /api/staff/templates/:id (admin). `body` may use the
 * placeholders of core REPLY_TEMPLATE_PLACEHOLDERS as `{{name}}`; unknown ones are refused.
 */
export const ReplyTemplateInputSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    locale: z.enum(LOCALES),
    body: z.string().trim().min(1).max(10_000),
  })
  .strict();
export type ReplyTemplateInput = z.infer<typeof ReplyTemplateInputSchema>;

export const ReplyTemplateUpdateSchema = ReplyTemplateInputSchema.extend({ version }).strict();

/** Body of POST /api/staff/templates/:id/archive. */
export const ReplyTemplateArchiveSchema = z.object({ version }).strict();

export const ReplyTemplateSchema = z.object({
  id: z.string(),
  title: z.string(),
  locale: z.enum(LOCALES),
  body: z.string(),
  /** Null for the templates shipped with mimamoru. */
  createdBy: CaseAssigneeSchema.nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  archivedAt: z.string().nullable(),
});
export type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;

/** Response of GET /api/staff/templates: by language, then title. */
export const ReplyTemplateListSchema = z.object({ templates: z.array(ReplyTemplateSchema) });
