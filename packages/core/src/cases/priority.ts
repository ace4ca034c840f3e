import type { Localized } from '../i18n/locale.js';
import { daysBetween } from '../law/dates.js';
import type { TriageAnswers } from '../triage/answers.js';
import type { Deadline } from '../triage/result.js';
import { triage } from '../triage/triage.js';

/**
 * Queue priority weights. Safety factors are powers apart so they order cases lexicographically
 * (any threat to life outranks self-harm plus everything else, and so on down); the deadline
 * score (at most {@link DEADLINE_MAX_SCORE}) only orders cases with the same safety factors.
 */
export const PRIORITY_WEIGHTS = {
  'threat-life': 10_000,
  'self-harm': 5_000,
  minor: 2_000,
  'personal-info': 1_000,
  /** Sexual images spread fast (2-day deletion 特例); below the four factors #4 names. */
  'sexual-images': 500,
} as const;
export type PriorityFactor = keyof typeof PRIORITY_WEIGHTS;

/** Deadline score: DEADLINE_MAX_SCORE − 2 × days left, floored at 0 (due today → 180, 90+ days → 0). */
export const DEADLINE_MAX_SCORE = 180;
export const DEADLINE_POINTS_PER_DAY = 2;
/** Level thresholds on the nearest deadline, in days left. */
export const URGENT_DEADLINE_DAYS = 7;
export const HIGH_DEADLINE_DAYS = 30;

export const PRIORITY_LEVELS = ['urgent', 'high', 'normal'] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];

/** Factors that make a case urgent whatever its deadlines. */
const URGENT_FACTORS: ReadonlySet<PriorityFactor> = new Set(['threat-life', 'self-harm']);

/** A deadline as the priority needs it (a triage Deadline fits). */
export type PriorityDeadline = Pick<Deadline, 'id' | 'date'>;

export interface CasePriorityInput {
  /** Day the priority is computed for (YYYY-MM-DD, Japan). */
  readonly asOf: string;
  /** The victim's intake answers. */
  readonly triage?: TriageAnswers;
  /** Stored triage result; when absent, deadlines are recomputed from `triage` as of `asOf`. */
  readonly triageResult?: { readonly deadlines: readonly PriorityDeadline[] };
  /** Facts staff recorded after intake (true adds the factor; they never remove an intake answer). */
  readonly threatToLife?: boolean;
  readonly selfHarmThoughts?: boolean;
  readonly minor?: boolean;
  readonly exposedPersonalInfo?: boolean;
  /** Further deadlines (e.g. a recorded 告訴期間 once the poster became known). */
  readonly deadlines?: readonly PriorityDeadline[];
}

export interface PriorityReason {
  readonly id: PriorityFactor | 'deadline';
  readonly text: Localized;
}

export interface CasePriority {
  readonly score: number;
  readonly level: PriorityLevel;
  /** Most important first. */
  readonly reasons: readonly PriorityReason[];
}

const FACTOR_TEXT: Readonly<Record<PriorityFactor, Localized>> = {
  'threat-life': { ja: '生命・身体への脅迫', en: 'Threat to life or safety' },
  'self-harm': { ja: '自傷・自殺の考えがある', en: 'Thoughts of self-harm' },
  minor: { ja: '相談者が未成年', en: 'The victim is a minor' },
  'personal-info': { ja: '住所などの個人情報がさらされている', en: 'Address or personal details exposed' },
  'sexual-images': { ja: '性的な画像の拡散', en: 'Sexual images being spread' },
};

const DEADLINE_TEXT: Readonly<Record<string, Localized>> = {
  'log-retention-mobile': { ja: '通信記録（携帯回線）の保存期間', en: 'mobile access-log retention' },
  'log-retention-fixed': { ja: '通信記録（固定回線）の保存期間', en: 'fixed-line access-log retention' },
  'criminal-complaint': { ja: '告訴期間', en: 'criminal complaint period' },
  'platform-response': { ja: 'プラットフォームの回答期限', en: 'platform answer' },
  'civil-limitation': { ja: '損害賠償請求の時効', en: 'limitation for damages' },
  'civil-limitation-absolute': { ja: '損害賠償請求の期限', en: 'absolute limit for damages' },
  'prosecution-limitation': { ja: '公訴時効', en: 'prosecution limitation' },
};

function factorsOf(input: CasePriorityInput): PriorityFactor[] {
  const facts = input.triage?.facts ?? [];
  const present: Readonly<Record<PriorityFactor, boolean>> = {
    'threat-life': input.threatToLife === true || facts.includes('threat-life'),
    'self-harm': input.selfHarmThoughts === true || input.triage?.wellbeing?.selfHarmThoughts === true,
    minor: input.minor === true || input.triage?.victim?.minor === true,
    'personal-info': input.exposedPersonalInfo === true || facts.includes('personal-info'),
    'sexual-images': facts.includes('sexual-images'),
  };
  return (Object.keys(PRIORITY_WEIGHTS) as PriorityFactor[]).filter((factor) => present[factor]);
}

/** The nearest deadline not yet passed (a passed log-retention date can no longer be met, so it adds nothing). */
function nearestDeadline(input: CasePriorityInput): { id: string; daysLeft: number } | undefined {
  const fromTriage =
    input.triageResult?.deadlines ??
    (input.triage ? triage({ ...input.triage, asOf: input.asOf }).deadlines : []);
  return [...fromTriage, ...(input.deadlines ?? [])]
    .map((d) => ({ id: d.id, daysLeft: daysBetween(input.asOf, d.date) }))
    .filter((d) => d.daysLeft >= 0)
    .sort((a, b) => a.daysLeft - b.daysLeft || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}

/**
 * Queue priority of a case: safety first (threat to life, self-harm, minors, exposed personal info,
 * sexual images), then the nearest deadline. Deterministic; sort by score descending.
 * Levels: urgent = threat to life, self-harm or a deadline within 7 days; high = any other safety
 * factor or a deadline within 30 days; otherwise normal.
 */
export function casePriority(input: CasePriorityInput): CasePriority {
  const factors = factorsOf(input);
  const deadline = nearestDeadline(input);
  const deadlineScore = deadline
    ? Math.max(0, DEADLINE_MAX_SCORE - DEADLINE_POINTS_PER_DAY * deadline.daysLeft)
    : 0;
  const score = factors.reduce((sum, factor) => sum + PRIORITY_WEIGHTS[factor], deadlineScore);

  const reasons: PriorityReason[] = factors.map((id) => ({ id, text: FACTOR_TEXT[id] }));
  if (deadline && deadlineScore > 0) {
    const label = DEADLINE_TEXT[deadline.id] ?? { ja: deadline.id, en: deadline.id };
    reasons.push({
      id: 'deadline',
      text: {
        ja: `${label.ja}まであと${deadline.daysLeft}日`,
        en: `${deadline.daysLeft} day${deadline.daysLeft === 1 ? '' : 's'} left: ${label.en}`,
      },
    });
  }

  const daysLeft = deadline?.daysLeft ?? Number.POSITIVE_INFINITY;
  const level: PriorityLevel =
    factors.some((f) => URGENT_FACTORS.has(f)) || daysLeft <= URGENT_DEADLINE_DAYS
      ? 'urgent'
      : factors.length > 0 || daysLeft <= HIGH_DEADLINE_DAYS
        ? 'high'
        : 'normal';
  return { score, level, reasons };
}
