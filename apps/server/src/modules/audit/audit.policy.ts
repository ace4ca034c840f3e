import type { RoutePolicy } from '../staff/staff.policy.js';

/**
 * The audit API: admins only. Served under /api/staff/ so the staff session cookie (Path=/api/staff)
 * reaches it.
 */
export const AUDIT_POLICY = {
  'GET /api/staff/audit': ['admin'],
  'GET /api/staff/audit.csv': ['admin'],
} as const satisfies RoutePolicy;
