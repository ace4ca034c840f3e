import type { StaffRole } from '@mimamoru/contracts';
import type { RoutePolicy } from '../staff/staff.policy.js';

/** The people who work cases (within their case scope, see cases/case-scope.ts) ask for server captures. */
const CASE_WORKERS: readonly StaffRole[] = ['admin', 'consultant'];

/** Server capture of post URLs into a case's evidence locker (#5), route by route. */
export const EVIDENCE_CAPTURE_POLICY = {
  'POST /api/cases/:id/evidence/capture': CASE_WORKERS,
  'GET /api/staff/cases/:id/evidence/captures': CASE_WORKERS,
} as const satisfies RoutePolicy;
