import type { StaffRole } from '@mimamoru/contracts';
import type { RoutePolicy } from '../staff/staff.policy.js';

/** Admins see every team's numbers; a consultant their own team's (stats.service.ts). Lawyers none. */
const CASE_WORKERS: readonly StaffRole[] = ['admin', 'consultant'];

/** The statistics page API: SQL aggregates of the cases, as JSON or as CSV. */
export const STATS_POLICY = {
  'GET /api/staff/stats': CASE_WORKERS,
  'GET /api/staff/stats.csv': CASE_WORKERS,
} as const satisfies RoutePolicy;
