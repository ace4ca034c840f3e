/** What happened, as the person answers it in plain words (multiple choice). */
export const FACTS = [
  'reputation-facts',
  'name-calling',
  'personal-info',
  'face-photo',
  'impersonation',
  'threat-life',
  'threat-other',
  'sexual-images',
  'repeated-contact',
  'business-attack',
  'identity-attack',
] as const;
export type Fact = (typeof FACTS)[number];

/** Whether readers can tell the post is about the person (同定可能性). */
export const IDENTIFIABILITY = ['real-name', 'linked-handle', 'handle-only', 'unsure'] as const;
export type Identifiability = (typeof IDENTIFIABILITY)[number];

export const PLATFORMS = [
  'x',
  'instagram',
  'facebook',
  'threads',
  'youtube',
  'tiktok',
  'line',
  '5ch',
  'google-maps',
  'note',
  'yahoo-chiebukuro',
  'ameba',
  'blog',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const GOALS = ['delete', 'identify', 'compensation', 'punish', 'stop', 'advice', 'support'] as const;
export type Goal = (typeof GOALS)[number];

/** 生活保護 級地 used by 法テラス: 東京23区 gets the higher housing cap; 一級地 the higher income limit. */
export const AREAS = ['tokyo-23', 'grade1', 'other'] as const;
export type Area = (typeof AREAS)[number];

/** Input of {@link triage}. Dates are calendar dates in Japan (YYYY-MM-DD). */
export interface TriageAnswers {
  /** The day the result is computed for; default: today in Asia/Tokyo. */
  readonly asOf?: string;
  readonly facts: readonly Fact[];
  readonly identifiable: Identifiability;
  readonly platforms: readonly Platform[];
  /** When the (first) post was made. */
  readonly postedAt?: string;
  /** Whether the posts continue or remain visible. */
  readonly ongoing?: boolean;
  readonly offender?: { readonly known: boolean; readonly knownSince?: string };
  readonly goals: readonly Goal[];
  readonly wellbeing?: { readonly selfHarmThoughts?: boolean };
  readonly victim?: {
    readonly minor?: boolean;
    /** BCP 47 primary language tag of the language the person is most at ease in (ja, en, zh, ko, pt, vi …). */
    readonly language?: string;
    readonly prefecture?: string;
    readonly business?: boolean;
  };
  /** Household means, for the 法テラス 資力基準. */
  readonly means?: {
    readonly householdSize: number;
    readonly monthlyIncomeJpy: number;
    readonly housingCostJpy?: number;
    readonly assetsJpy: number;
    readonly area?: Area;
  };
}
