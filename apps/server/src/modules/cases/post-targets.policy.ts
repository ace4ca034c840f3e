import type { StaffRole } from '@mimamoru/contracts';
import type { RoutePolicy } from '../staff/staff.policy.js';

/** The people who work cases (within their case scope, see case-scope.ts) track each offending post. */
const CASE_WORKERS: readonly StaffRole[] = ['admin', 'consultant'];

/** The per-post targets API of a case, route by route. */
export const POST_TARGETS_POLICY = {
  'GET /api/staff/cases/:id/targets': CASE_WORKERS,
  'POST /api/staff/cases/:id/targets': CASE_WORKERS,
  'POST /api/staff/cases/:id/targets/:targetId': CASE_WORKERS,
} as const satisfies RoutePolicy;
