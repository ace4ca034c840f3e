import type { StaffRole } from '@mimamoru/contracts';
import { ANY_STAFF, type RoutePolicy } from '../staff/staff.policy.js';

/** Case workers record parties and refer; they never act for the lawyer. */
const CASE_WORKERS: readonly StaffRole[] = ['admin', 'consultant'];
/** Lawyers see their own referrals only (the service answers 404 for another lawyer's). */
const LAWYER: readonly StaffRole[] = ['lawyer'];

/**
 * The lawyers' directory, case parties and referrals, route by route. Two rules live in the service
 * because they depend on the row: a lawyer reads and edits only their own directory entry, and a
 * lawyer reaches only referrals made to them.
 */
export const REFERRALS_POLICY = {
  'GET /api/staff/lawyers': ANY_STAFF,
  'POST /api/staff/lawyers/:id/profile': ['admin', 'lawyer'],
  'GET /api/staff/cases/:id/parties': CASE_WORKERS,
  'POST /api/staff/cases/:id/parties': CASE_WORKERS,
  'POST /api/staff/cases/:id/parties/:partyId/remove': CASE_WORKERS,
  'POST /api/staff/cases/:id/conflict-check': CASE_WORKERS,
  'GET /api/staff/cases/:id/referrals': CASE_WORKERS,
  'POST /api/staff/cases/:id/referrals': CASE_WORKERS,
  'POST /api/staff/referrals/:id/withdraw': CASE_WORKERS,
  'GET /api/staff/referrals': LAWYER,
  'GET /api/staff/referrals/:id': LAWYER,
  'GET /api/staff/referrals/:id/attachments/:attachmentId': LAWYER,
  'POST /api/staff/referrals/:id/accept': LAWYER,
  'POST /api/staff/referrals/:id/decline': LAWYER,
  'POST /api/staff/referrals/:id/outcome': LAWYER,
} as const satisfies RoutePolicy;
