import {
  AREAS,
  CATEGORIES,
  DEADLINE_IDS,
  DEADLINE_STATUSES,
  FACTS,
  GOALS,
  IDENTIFIABILITY,
  LIKELIHOODS,
  LOCALES,
  PLATFORMS,
  WINDOW_IDS,
} from '@mimamoru/core';
import { z } from 'zod';
import { isoDate } from './common.contract.js';

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate' });

/** Body of POST /api/triage and input of `mimamoru triage`. */
export const TriageAnswersSchema = z
  .object({
    asOf: isoDate.optional(),
    facts: uniqueList(z.enum(FACTS), FACTS.length).min(1),
    identifiable: z.enum(IDENTIFIABILITY),
    platforms: uniqueList(z.enum(PLATFORMS), PLATFORMS.length),
    postedAt: isoDate.optional(),
    ongoing: z.boolean().optional(),
    offender: z.object({ known: z.boolean(), knownSince: isoDate.optional() }).strict().optional(),
    goals: uniqueList(z.enum(GOALS), GOALS.length),
    wellbeing: z.object({ selfHarmThoughts: z.boolean().optional() }).strict().optional(),
    victim: z
      .object({
        minor: z.boolean().optional(),
        language: z
          .string()
          .trim()
          .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
          .max(35)
          .optional(),
        prefecture: z.string().trim().max(10).optional(),
        business: z.boolean().optional(),
      })
      .strict()
      .optional(),
    means: z
      .object({
        householdSize: z.number().int().min(1).max(20),
        monthlyIncomeJpy: z.number().int().min(0).max(100_000_000),
        housingCostJpy: z.number().int().min(0).max(10_000_000).optional(),
        assetsJpy: z.number().int().min(0).max(100_000_000_000),
        area: z.enum(AREAS).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((answers, ctx) => {
    if (answers.offender?.knownSince && !answers.offender.known) {
      ctx.addIssue({ code: 'custom', path: ['offender', 'knownSince'], message: 'knownSince-without-known' });
    }
    if (answers.asOf) {
      for (const key of ['postedAt'] as const) {
        const value = answers[key];
        if (value && value > answers.asOf)
          ctx.addIssue({ code: 'custom', path: [key], message: 'after-asOf' });
      }
      const knownSince = answers.offender?.knownSince;
      if (knownSince && knownSince > answers.asOf) {
        ctx.addIssue({ code: 'custom', path: ['offender', 'knownSince'], message: 'after-asOf' });
      }
    }
  });
export type TriageAnswersInput = z.input<typeof TriageAnswersSchema>;

const LegalBasisSchema = z.object({ law: z.string(), article: z.string(), source: z.url() });

/** Response of POST /api/triage. */
export const TriageResultSchema = z.object({
  asOf: isoDate,
  locale: z.enum(LOCALES),
  assessment: z.array(
    z.object({
      category: z.enum(CATEGORIES),
      label: z.string(),
      civil: z.boolean(),
      criminal: z.boolean(),
      likelihood: z.enum(LIKELIHOODS),
      basis: z.array(LegalBasisSchema).min(1),
      explanation: z.string(),
      complaintRequired: z.boolean().optional(),
      penalty: z.string().optional(),
    }),
  ),
  lawyerRecommended: z.boolean(),
  lawyerReasons: z.array(z.object({ id: z.string(), text: z.string() })),
  emergency: z.array(z.enum(WINDOW_IDS)),
  emergencyReasons: z.array(z.object({ windowId: z.enum(WINDOW_IDS), reason: z.string() })),
  windows: z.array(z.object({ id: z.enum(WINDOW_IDS), reasons: z.array(z.string()) })),
  deadlines: z.array(
    z.object({
      id: z.enum(DEADLINE_IDS),
      date: isoDate,
      status: z.enum(DEADLINE_STATUSES),
      daysLeft: z.number().int(),
      label: z.string(),
      explanation: z.string(),
      basis: z.array(LegalBasisSchema).min(1),
      statutory: z.boolean(),
    }),
  ),
  pendingDeadlines: z.array(z.object({ id: z.enum(DEADLINE_IDS), label: z.string(), needs: z.string() })),
  houterasu: z.object({
    eligible: z.boolean().nullable(),
    incomeLimitJpy: z.number().int().nullable(),
    assetLimitJpy: z.number().int().nullable(),
    reasons: z.array(z.string()),
    basis: z.array(LegalBasisSchema),
  }),
  steps: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      detail: z.string(),
      windowIds: z.array(z.enum(WINDOW_IDS)),
      link: z.string().optional(),
      duration: z.string().optional(),
      cost: z.string().optional(),
      urgent: z.boolean(),
    }),
  ),
  disclaimer: z.string(),
});
