import type { Locale } from '../i18n/locale.js';
import type { LegalBasis } from '../law/source.js';
import type { WindowId } from '../windows/window.js';

export const CATEGORIES = [
  'defamation',
  'insult',
  'privacy',
  'portrait',
  'impersonation',
  'threat',
  'business',
  'stalking',
  'sexual-image',
  'discrimination',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const LIKELIHOODS = ['likely', 'possible'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

/** One legal category that may apply, with its sources. */
export interface Assessment {
  readonly category: Category;
  readonly label: string;
  /** A civil claim (deletion, damages) may be possible. */
  readonly civil: boolean;
  /** A criminal offence may be involved. */
  readonly criminal: boolean;
  readonly likelihood: Likelihood;
  readonly basis: readonly LegalBasis[];
  readonly explanation: string;
  /** 親告罪: prosecution needs the victim's 告訴 (complaint). */
  readonly complaintRequired?: boolean;
  /** Statutory penalty in current (拘禁刑) wording, when criminal. */
  readonly penalty?: string;
}

export interface LawyerReason {
  readonly id: string;
  readonly text: string;
}

export interface EmergencyContact {
  readonly windowId: WindowId;
  readonly reason: string;
}

export interface WindowMatch {
  readonly id: WindowId;
  readonly reasons: readonly string[];
}

export const DEADLINE_IDS = [
  'platform-response',
  'log-retention-mobile',
  'log-retention-fixed',
  'criminal-complaint',
  'civil-limitation',
  'civil-limitation-absolute',
  'prosecution-limitation',
] as const;
export type DeadlineId = (typeof DEADLINE_IDS)[number];

export const DEADLINE_STATUSES = ['ok', 'soon', 'passed'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export interface Deadline {
  readonly id: DeadlineId;
  /** Last day (YYYY-MM-DD, Japan) on which the action is still in time. */
  readonly date: string;
  readonly status: DeadlineStatus;
  /** Days from asOf to date (negative once passed). */
  readonly daysLeft: number;
  readonly label: string;
  readonly explanation: string;
  readonly basis: readonly LegalBasis[];
  /** False where the figure is practice, not law, and may differ for the provider concerned. */
  readonly statutory: boolean;
}

/** A deadline that cannot be computed yet, and what answer it needs. */
export interface PendingDeadline {
  readonly id: DeadlineId;
  readonly label: string;
  readonly needs: string;
}

export interface HouterasuEligibility {
  /** null when no means were given. */
  readonly eligible: boolean | null;
  readonly incomeLimitJpy: number | null;
  readonly assetLimitJpy: number | null;
  readonly reasons: readonly string[];
  readonly basis: readonly LegalBasis[];
}

export interface Step {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  /** Windows this step uses (ids in the directory). */
  readonly windowIds: readonly WindowId[];
  /** In-app guide page or official page the step needs. */
  readonly link?: string;
  readonly duration?: string;
  readonly cost?: string;
  readonly urgent: boolean;
}

/** Output of {@link triage}. Every text is in `locale`. */
export interface TriageResult {
  readonly asOf: string;
  readonly locale: Locale;
  readonly assessment: readonly Assessment[];
  readonly lawyerRecommended: boolean;
  readonly lawyerReasons: readonly LawyerReason[];
  readonly emergency: readonly WindowId[];
  readonly emergencyReasons: readonly EmergencyContact[];
  readonly windows: readonly WindowMatch[];
  readonly deadlines: readonly Deadline[];
  readonly pendingDeadlines: readonly PendingDeadline[];
  readonly houterasu: HouterasuEligibility;
  readonly steps: readonly Step[];
  /** This is information, not legal advice. */
  readonly disclaimer: string;
}
