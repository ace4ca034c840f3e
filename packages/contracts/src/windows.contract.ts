import { CHANNEL_TYPES, LOCALES, SERVICES, WINDOW_IDS } from '@mimamoru/core';
import { z } from 'zod';

export const WindowIdParamsSchema = z.object({ id: z.string().trim().max(64) });

export const WindowViewSchema = z.object({
  id: z.enum(WINDOW_IDS),
  name: z.string(),
  operator: z.string(),
  services: z.array(z.enum(SERVICES)),
  channels: z.array(
    z.object({
      type: z.enum(CHANNEL_TYPES),
      value: z.string(),
      label: z.string(),
      hours: z.string(),
      tollFree: z.boolean(),
      note: z.string().optional(),
      openNow: z.boolean().nullable(),
    }),
  ),
  free: z.boolean(),
  cost: z.string(),
  languages: z.array(z.string()),
  does: z.string(),
  registrationRequired: z.boolean(),
  registration: z.string(),
  eligibility: z.string(),
  sources: z.array(z.object({ url: z.url(), checked: z.string() })).min(1),
  verified: z.boolean(),
  caveat: z.string().optional(),
  openNow: z.boolean().nullable(),
});

/** Response of GET /api/windows. */
export const WindowListSchema = z.object({ windows: z.array(WindowViewSchema) });
/** Response of GET /api/windows/:id. */
export const WindowResponseSchema = z.object({ window: WindowViewSchema });

/** Text locale of any endpoint: `?locale=` or `?lang=` override Accept-Language. */
export const LocaleQuerySchema = z.object({
  lang: z.enum(LOCALES).optional(),
  locale: z.enum(LOCALES).optional(),
});

/** Query of GET /api/windows. Unknown parameters are refused so a typo is not silently ignored. */
export const WindowListQuerySchema = LocaleQuerySchema.extend({
  service: z.enum(SERVICES).optional(),
  channel: z.enum(CHANNEL_TYPES).optional(),
  /** BCP 47 primary tag of a language the window must serve (e.g. vi, pt). */
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  openNow: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
}).strict();
export type WindowListQuery = z.output<typeof WindowListQuerySchema>;
