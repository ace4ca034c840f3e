import type { StaffRole } from '@mimamoru/contracts';
import { ANY_STAFF, type RoutePolicy } from '../staff/staff.policy.js';

/** Consultants (their team's cases, see case-scope.ts) and admins work a case's evidence. */
const CASE_WORKERS: readonly StaffRole[] = ['admin', 'consultant'];

/** The staff side of the evidence locker, route by route. The public key is no secret: any staff. */
export const EVIDENCE_POLICY = {
  'GET /api/staff/evidence/key': ANY_STAFF,
  'GET /api/staff/cases/:id/evidence': CASE_WORKERS,
  'POST /api/staff/cases/:id/evidence': CASE_WORKERS,
  'POST /api/staff/cases/:id/evidence/:itemId/correct': CASE_WORKERS,
  'POST /api/staff/cases/:id/evidence/:itemId/remove': CASE_WORKERS,
  'GET /api/staff/cases/:id/evidence/files/:sha256': CASE_WORKERS,
  'GET /api/staff/cases/:id/evidence/timestamps': CASE_WORKERS,
} as const satisfies RoutePolicy;
