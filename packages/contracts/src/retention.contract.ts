import { z } from 'zod';

/** Why a case's personal data was erased: its retention period ended, or the victim asked. */
export const ERASURE_REASONS = ['retention', 'victim-request'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** Body of POST /api/victim/erasure: the victim asks that their personal data be erased now. */
export const VictimErasureRequestSchema = z
  .object({ confirm: z.literal(true, { message: 'erasure-confirm-required' }) })
  .strict();

/**
 * Response of POST /api/victim/erasure: erased at once. An open case is withdrawn (`withdrawn`); a
 * finished one keeps its stage (`closed`). The case page can no longer be opened afterwards.
 */
export const VictimErasedSchema = z.object({
  caseNumber: z.string(),
  status: z.enum(['withdrawn', 'closed']),
  erasedAt: z.string(),
});
export type VictimErased = z.infer<typeof VictimErasedSchema>;

/** On the staff case page: the case's personal data was erased (when, why); only non-personal facts remain. */
export const CaseErasureSchema = z.object({
  erasedAt: z.string(),
  reason: z.enum(ERASURE_REASONS),
});
export type CaseErasure = z.infer<typeof CaseErasureSchema>;
