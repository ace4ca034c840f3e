import type { CaseStatus } from './case.js';

/**
 * Staff workflow of a case (#4). The victim never sees these stages: {@link victimStatusOf} maps
 * them to the stable, victim-facing {@link CaseStatus}.
 */
export const WORKFLOW_STAGES = [
  /** Submitted (web form) or opened by staff (phone, email); nobody has looked at it yet. */
  'new',
  /** A consultant checked the intake and the triage result. */
  'triaged',
  /** A consultant works on it (advice, evidence, choosing a strategy). */
  'in-progress',
  /** Deletion requested from the platform(s) (情プラ法 form, テレサ書式 or 仮処分). */
  'deletion-requested',
  /** Identification of the poster: 発信者情報開示命令 / 提供命令 or a voluntary 開示請求. */
  'disclosure-requested',
  /** Out-of-court negotiation with the identified poster (内容証明, settlement). */
  'negotiation',
  /** Civil suit (damages, injunction). */
  'litigation',
  /** Criminal complaint (告訴 / 被害届) with the police or prosecutors. */
  'criminal-complaint',
  /** The goal was reached (removed, identified, settled, judgment); awaiting the closing check. */
  'resolved',
  /** Finished: resolved, referred, out of scope or duplicate. Can be reopened. */
  'closed',
  /** The victim withdrew; personal data is erased, so the case can never be reopened. */
  'withdrawn',
] as const;
export type WorkflowStage = (typeof WORKFLOW_STAGES)[number];

/** Stages in which a concrete legal action runs; a case can switch between them when the strategy changes. */
export const ACTION_STAGES = [
  'deletion-requested',
  'disclosure-requested',
  'negotiation',
  'litigation',
  'criminal-complaint',
] as const satisfies readonly WorkflowStage[];
export type ActionStage = (typeof ACTION_STAGES)[number];

/** Stages from which the victim can still withdraw (everything before resolved/closed). */
export const OPEN_STAGES = [
  'new',
  'triaged',
  'in-progress',
  ...ACTION_STAGES,
] as const satisfies readonly WorkflowStage[];
export type OpenStage = (typeof OPEN_STAGES)[number];

const FROM_ACTION = (self: ActionStage): readonly WorkflowStage[] => [
  // Strategy change, e.g. deletion refused → disclosure; identified → negotiation → litigation.
  ...ACTION_STAGES.filter((stage) => stage !== self),
  // Back to general work when an action ends without deciding the case (e.g. waiting for new posts).
  'in-progress',
  'resolved',
  'closed',
  'withdrawn',
];

/**
 * Allowed transitions. Beyond the main path new → triaged → in-progress → action → resolved → closed:
 * - new/triaged → closed: duplicate, spam or out of scope, closed without work;
 * - in-progress → resolved/closed: advice alone settled it, or the case was referred out;
 * - action ↔ action and action → in-progress: the strategy changed;
 * - action → closed: given up or referred to a lawyer without an outcome;
 * - resolved → in-progress: the post came back or the settlement was breached (before closing);
 * - closed → in-progress: reopened (same poster again); a closed case is never reopened straight into an action;
 * - any open stage → withdrawn: the victim withdrew. withdrawn is final (data erased);
 *   resolved/closed cases are erased through retention, not withdrawal.
 */
export const WORKFLOW_TRANSITIONS = {
  new: ['triaged', 'closed', 'withdrawn'],
  triaged: ['in-progress', 'closed', 'withdrawn'],
  'in-progress': [...ACTION_STAGES, 'resolved', 'closed', 'withdrawn'],
  'deletion-requested': FROM_ACTION('deletion-requested'),
  'disclosure-requested': FROM_ACTION('disclosure-requested'),
  negotiation: FROM_ACTION('negotiation'),
  litigation: FROM_ACTION('litigation'),
  'criminal-complaint': FROM_ACTION('criminal-complaint'),
  resolved: ['closed', 'in-progress'],
  closed: ['in-progress'],
  withdrawn: [],
} as const satisfies Record<WorkflowStage, readonly WorkflowStage[]>;

export interface TransitionForbidden<S extends string> {
  readonly code: 'cases.transition_forbidden';
  readonly from: S;
  readonly to: S;
}

export type TransitionResult<S extends string> =
  { readonly ok: true; readonly stage: S } | { readonly ok: false; readonly error: TransitionForbidden<S> };

/** Whether the workflow allows moving from `from` to `to` (a stage never transitions to itself). */
export function canTransition(from: WorkflowStage, to: WorkflowStage): boolean {
  return (WORKFLOW_TRANSITIONS[from] as readonly WorkflowStage[]).includes(to);
}

/** The stage after moving a case from `current` to `target`, or a typed error if the workflow forbids it. */
export function nextStage(current: WorkflowStage, target: WorkflowStage): TransitionResult<WorkflowStage> {
  if (canTransition(current, target)) return { ok: true, stage: target };
  return { ok: false, error: { code: 'cases.transition_forbidden', from: current, to: target } };
}

/** Whether the victim can still withdraw the case in this stage. */
export function isOpenStage(stage: WorkflowStage): stage is OpenStage {
  return (OPEN_STAGES as readonly WorkflowStage[]).includes(stage);
}

export interface VictimStatusContext {
  /** A consultant asked the victim something and waits for the answer (only shown once a consultant works on the case). */
  readonly awaitingVictim: boolean;
}

/** The status the victim sees for a staff stage (the stable {@link CaseStatus} ids). */
export function victimStatusOf(stage: WorkflowStage, { awaitingVictim }: VictimStatusContext): CaseStatus {
  switch (stage) {
    case 'new':
    case 'triaged':
      return 'received';
    case 'in-progress':
    case 'deletion-requested':
    case 'disclosure-requested':
    case 'negotiation':
    case 'litigation':
    case 'criminal-complaint':
      return awaitingVictim ? 'awaiting-victim' : 'in-progress';
    case 'resolved':
    case 'closed':
      return 'closed';
    case 'withdrawn':
      return 'withdrawn';
  }
}
