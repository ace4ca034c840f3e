import { VICTIM_DOCUMENT_KINDS } from '@mimamoru/contracts';
import type { DocumentKind } from '@mimamoru/core';
import type { StaffRole } from '@mimamoru/contracts';
import type { RoutePolicy } from '../staff/staff.policy.js';
import { createDocumentKindNotAllowedError } from './documents.errors.js';

/** Consultants (their team's cases, see case-scope.ts) and admins make a case's documents. */
const CASE_WORKERS: readonly StaffRole[] = ['admin', 'consultant'];

/** The staff side of documents (#7), at the paths the issue names (under /api/cases). */
export const DOCUMENTS_POLICY = {
  'POST /api/cases/:id/documents/preview': CASE_WORKERS,
  'POST /api/cases/:id/documents': CASE_WORKERS,
  'GET /api/cases/:id/documents': CASE_WORKERS,
  'GET /api/cases/:id/documents/:docId/file': CASE_WORKERS,
} as const satisfies RoutePolicy;

/**
 * The victim prepares the deletion request and the 開示請求書 for themselves (the victim side); the
 * demand letter, 告訴状, 証拠説明書 and the lawyer's papers are made with staff. Refused with 403.
 */
export function authorizeVictimKind(kind: DocumentKind): void {
  if (!(VICTIM_DOCUMENT_KINDS as readonly DocumentKind[]).includes(kind)) throw createDocumentKindNotAllowedError();
}
