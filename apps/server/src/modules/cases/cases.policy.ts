import type { StaffRole } from '@mimamoru/contracts';
import type { RoutePolicy } from '../staff/staff.policy.js';

/** Consultants work cases; admins too. Lawyers get referred parts of cases later (referrals), not these routes. */
const CASE_WORKERS: readonly StaffRole[] = ['admin', 'consultant'];

/** The case queue and case page API, route by route. */
export const CASES_POLICY = {
  'GET /api/staff/cases': CASE_WORKERS,
  'POST /api/staff/cases': CASE_WORKERS,
  'GET /api/staff/cases/:id': CASE_WORKERS,
  'POST /api/staff/cases/:id/assign': CASE_WORKERS,
  'POST /api/staff/cases/:id/stage': CASE_WORKERS,
  'POST /api/staff/cases/:id/replies': CASE_WORKERS,
  'POST /api/staff/cases/:id/notes': CASE_WORKERS,
  'POST /api/staff/cases/:id/offender': CASE_WORKERS,
  'POST /api/staff/cases/:id/tasks/:taskId/done': CASE_WORKERS,
  'POST /api/staff/cases/:id/team': ['admin'],
} as const satisfies RoutePolicy;
