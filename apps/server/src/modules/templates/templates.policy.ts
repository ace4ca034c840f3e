import type { StaffRole } from '@mimamoru/contracts';
import type { RoutePolicy } from '../staff/staff.policy.js';

/** Case workers insert templates into replies; admins write them. */
const CASE_WORKERS: readonly StaffRole[] = ['admin', 'consultant'];
const ADMIN: readonly StaffRole[] = ['admin'];

/** The reply templates API, route by route. */
export const TEMPLATES_POLICY = {
  'GET /api/staff/templates': CASE_WORKERS,
  'POST /api/staff/templates': ADMIN,
  'POST /api/staff/templates/:id': ADMIN,
  'POST /api/staff/templates/:id/archive': ADMIN,
} as const satisfies RoutePolicy;
