import type { RoutePolicy } from '../staff/staff.policy.js';

/** Teams are settings: admins manage them and who belongs where. */
export const TEAMS_POLICY = {
  'GET /api/staff/teams': ['admin'],
  'POST /api/staff/teams': ['admin'],
  'POST /api/staff/accounts/:id/team': ['admin'],
} as const satisfies RoutePolicy;
