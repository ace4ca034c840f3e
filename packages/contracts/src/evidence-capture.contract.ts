import { z } from 'zod';

/**
 * Body of POST /api/cases/:id/evidence/capture. The URL is checked by the server (http/https only,
 * no private or local addresses) so each refusal gets its own message.
 */
export const EvidenceCaptureRequestSchema = z.object({ url: z.string().trim().min(1).max(2048) }).strict();
export type EvidenceCaptureRequest = z.infer<typeof EvidenceCaptureRequestSchema>;

export const EVIDENCE_CAPTURE_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type EvidenceCaptureStatus = (typeof EVIDENCE_CAPTURE_STATUSES)[number];

/** 202 answer: the capture is queued. */
export const EvidenceCaptureAcceptedSchema = z.object({
  captureId: z.uuid(),
  status: z.enum(EVIDENCE_CAPTURE_STATUSES),
});
export type EvidenceCaptureAccepted = z.infer<typeof EvidenceCaptureAcceptedSchema>;

/** One server capture of a case, as the console lists it. */
export const EvidenceCaptureSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  status: z.enum(EVIDENCE_CAPTURE_STATUSES),
  /** e.g. `login_wall`, `blocked_address`, `timeout`, `too_large` (see errorMessage). */
  errorCode: z.string().nullable(),
  /** The failure explained in the request's language, with what to do instead. */
  errorMessage: z.string().nullable(),
  /** The evidence item the capture added to the locker. */
  itemId: z.string().nullable(),
  requestedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type EvidenceCapture = z.infer<typeof EvidenceCaptureSchema>;

/** GET /api/staff/cases/:id/evidence/captures: newest first. */
export const EvidenceCaptureListSchema = z.object({ captures: z.array(EvidenceCaptureSchema) });
export type EvidenceCaptureList = z.infer<typeof EvidenceCaptureListSchema>;
