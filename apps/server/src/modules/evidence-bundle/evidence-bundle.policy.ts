import type { StaffRole } from '@mimamoru/contracts';
import type { RoutePolicy } from '../staff/staff.policy.js';

/** Consultants (their team's cases, see case-scope.ts) and admins export a case's evidence. */
const CASE_WORKERS: readonly StaffRole[] = ['admin', 'consultant'];

export const EVIDENCE_BUNDLE_POLICY = {
  // The issue names this path (under /api/cases); it is a staff route all the same.
  'POST /api/cases/:id/evidence/bundle': CASE_WORKERS,
} as const satisfies RoutePolicy;
