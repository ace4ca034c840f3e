import { z } from 'zod';
import { CaseAssigneeSchema, CaseQueueQuerySchema } from './cases.contract.js';

/** The filters a saved view keeps: the queue's query without paging or display language. */
export const SavedViewQuerySchema = CaseQueueQuerySchema.omit({
  page: true,
  pageSize: true,
  locale: true,
}).strict();
export type SavedViewQuery = z.infer<typeof SavedViewQuerySchema>;

/** Params of POST /api/staff/views/:id/delete. */
export const SavedViewParamsSchema = z.object({ id: z.uuid() });

/** Body of POST /api/staff/views: `shared` shows the view to every case worker. */
export const SavedViewCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    query: SavedViewQuerySchema,
    shared: z.boolean().default(false),
  })
  .strict();
export type SavedViewCreate = z.infer<typeof SavedViewCreateSchema>;

export const SavedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: SavedViewQuerySchema,
  shared: z.boolean(),
  owner: CaseAssigneeSchema,
  /** The caller may delete it (their own view, or any view for an admin). */
  deletable: z.boolean(),
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

/** Response of GET /api/staff/views: the caller's own views, then views others shared; by name. */
export const SavedViewListSchema = z.object({ views: z.array(SavedViewSchema) });
