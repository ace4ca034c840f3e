import type { StaffRole } from '@mimamoru/contracts';

/** Who is looking at cases: their role and team, from the live session. */
export interface CaseViewer {
  readonly role: StaffRole;
  readonly teamId: string | null;
}

/** Which cases a staff member may see through the case routes. */
export type CaseScope =
  { readonly kind: 'all' } | { readonly kind: 'team'; readonly teamId: string } | { readonly kind: 'none' };

/**
 * The one rule of case visibility (#4): admins see every case, a consultant the cases of their team,
 * lawyers none through these routes (they see referred parts of cases elsewhere). A case outside the
 * scope answers 404, as an unknown one does, so its existence does not leak.
 */
export function caseScope(viewer: CaseViewer): CaseScope {
  if (viewer.role === 'admin') return { kind: 'all' };
  if (viewer.role === 'consultant' && viewer.teamId !== null) return { kind: 'team', teamId: viewer.teamId };
  return { kind: 'none' };
}

/** Whether a case (its team) is inside the scope. */
export function inScope(scope: CaseScope, row: { readonly team_id: string }): boolean {
  return scope.kind === 'all' || (scope.kind === 'team' && scope.teamId === row.team_id);
}
