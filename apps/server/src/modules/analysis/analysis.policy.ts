import type { StaffRole } from '@mimamoru/contracts';
import type { RoutePolicy } from '../staff/staff.policy.js';

/** Consultants (their team's cases, see case-scope.ts) and admins analyse a case's posts. */
const CASE_WORKERS: readonly StaffRole[] = ['admin', 'consultant'];

/** Post analysis for staff (#6), at the paths the issue names (under /api/cases). */
export const ANALYSIS_POLICY = {
  'POST /api/cases/:id/analyses': CASE_WORKERS,
  'GET /api/cases/:id/analyses': CASE_WORKERS,
  'GET /api/cases/:id/analyses/:runId': CASE_WORKERS,
  'GET /api/cases/:id/analyses/:runId/results': CASE_WORKERS,
  'POST /api/cases/:id/analyses/:runId/evidence': CASE_WORKERS,
  'GET /api/cases/:id/analyses/:runId/report.pdf': CASE_WORKERS,
  'GET /api/cases/:id/analyses/:runId/report.csv': CASE_WORKERS,
} as const satisfies RoutePolicy;
