import type { StaffRole } from '@mimamoru/contracts';
import type { RoutePolicy } from '../staff/staff.policy.js';

/** Saved queue views belong to the people who work the queue. Who may delete one is decided per view. */
const CASE_WORKERS: readonly StaffRole[] = ['admin', 'consultant'];

/** The saved views API, route by route. */
export const SAVED_VIEWS_POLICY = {
  'GET /api/staff/views': CASE_WORKERS,
  'POST /api/staff/views': CASE_WORKERS,
  'POST /api/staff/views/:id/delete': CASE_WORKERS,
} as const satisfies RoutePolicy;
