import { DISCLOSURE_STATES, PLATFORMS, TAKEDOWN_STATES } from '@mimamoru/core';
import { z } from 'zod';

const version = z.coerce.number().int().min(1).max(2_147_483_647);

/** Params of /api/staff/cases/:id/targets/:targetId. */
export const PostTargetParamsSchema = z.object({ id: z.uuid(), targetId: z.uuid() });

/** Body of POST /api/staff/cases/:id/targets: another offending post to track. */
export const PostTargetCreateSchema = z
  .object({
    url: z.url({ protocol: /^https?$/, message: 'url-invalid' }).max(2048),
    platform: z.enum(PLATFORMS),
  })
  .strict();
export type PostTargetCreate = z.infer<typeof PostTargetCreateSchema>;

/** Body of POST /api/staff/cases/:id/targets/:targetId: move one track (core nextTargetState). */
export const PostTargetMoveSchema = z.discriminatedUnion('track', [
  z.object({ track: z.literal('takedown'), to: z.enum(TAKEDOWN_STATES), version }).strict(),
  z.object({ track: z.literal('disclosure'), to: z.enum(DISCLOSURE_STATES), version }).strict(),
]);
export type PostTargetMove = z.infer<typeof PostTargetMoveSchema>;

export const PostTargetSchema = z.object({
  id: z.string(),
  url: z.string(),
  platform: z.enum(PLATFORMS),
  takedown: z.enum(TAKEDOWN_STATES),
  disclosure: z.enum(DISCLOSURE_STATES),
  /** States each track may move to next (core TAKEDOWN_TRANSITIONS / DISCLOSURE_TRANSITIONS). */
  next: z.object({
    takedown: z.array(z.enum(TAKEDOWN_STATES)),
    disclosure: z.array(z.enum(DISCLOSURE_STATES)),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PostTarget = z.infer<typeof PostTargetSchema>;

/** Response of GET and POST /api/staff/cases/:id/targets…: every tracked post of the case, oldest first. */
export const PostTargetListSchema = z.object({ targets: z.array(PostTargetSchema) });
export type PostTargetList = z.infer<typeof PostTargetListSchema>;
