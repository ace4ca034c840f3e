import {
  AREAS,
  FACTS,
  GOALS,
  IDENTIFIABILITY,
  PLATFORMS,
  type Area,
  type Fact,
  type Goal,
  type Identifiability,
  type Platform,
  type TriageAnswers,
} from '@mimamoru/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type YesNoUnknown = 'yes' | 'no' | 'unknown';
export type SelfHarmAnswer = 'yes' | 'no' | 'skip';

/** The wizard's form state, as typed: converted to TriageAnswers only when the result is shown. */
export interface GuideDraft {
  readonly facts: readonly Fact[];
  readonly identifiable: Identifiability | '';
  readonly platforms: readonly Platform[];
  readonly postedAt: string;
  readonly postedAtUnknown: boolean;
  readonly ongoing: YesNoUnknown | '';
  readonly offenderKnown: 'yes' | 'no' | '';
  readonly knownSince: string;
  readonly goals: readonly Goal[];
  readonly selfHarm: SelfHarmAnswer | '';
  readonly minor: YesNoUnknown | '';
  readonly business: YesNoUnknown | '';
  readonly language: string;
  readonly householdSize: string;
  readonly monthlyIncome: string;
  readonly housingCost: string;
  readonly assets: string;
  readonly area: Area | 'unknown' | '';
}

export const EMPTY_DRAFT: GuideDraft = {
  facts: [],
  identifiable: '',
  platforms: [],
  postedAt: '',
  postedAtUnknown: false,
  ongoing: '',
  offenderKnown: '',
  knownSince: '',
  goals: [],
  selfHarm: '',
  minor: '',
  business: '',
  language: '',
  householdSize: '',
  monthlyIncome: '',
  housingCost: '',
  assets: '',
  area: '',
};

interface StoredGuide {
  readonly draft: GuideDraft;
  readonly step: number;
  readonly finished: boolean;
}

const STORAGE_KEY = 'mimamoru.guide';
const EMPTY: StoredGuide = { draft: EMPTY_DRAFT, step: 0, finished: false };

const only = <T extends string>(allowed: readonly T[], values: unknown): T[] =>
  Array.isArray(values) ? values.filter((v): v is T => (allowed as readonly unknown[]).includes(v)) : [];

/** Reads the draft kept in sessionStorage, dropping anything that is not a known answer. */
function load(): StoredGuide {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return EMPTY;
    const parsed = JSON.parse(raw) as Partial<StoredGuide> & { draft?: Partial<GuideDraft> };
    const d = { ...EMPTY_DRAFT, ...(parsed.draft ?? {}) };
    const draft: GuideDraft = {
      ...d,
      facts: only(FACTS, d.facts),
      platforms: only(PLATFORMS, d.platforms),
      goals: only(GOALS, d.goals),
      identifiable: (IDENTIFIABILITY as readonly string[]).includes(d.identifiable) ? d.identifiable : '',
      area: ([...AREAS, 'unknown'] as readonly string[]).includes(d.area) ? d.area : '',
    };
    const step =
      typeof parsed.step === 'number' && Number.isInteger(parsed.step) && parsed.step >= 0 ? parsed.step : 0;
    return { draft, step, finished: parsed.finished === true };
  } catch {
    return EMPTY;
  }
}

function save(state: StoredGuide): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Kept in memory only.
  }
}

/** Parses an amount typed with optional commas, full-width digits or 円; undefined when empty or not a whole number. */
export function parseAmount(text: string): number | undefined {
  const normalized = text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s円¥]/g, '');
  if (normalized === '' || !/^\d{1,12}$/.test(normalized)) return undefined;
  return Number(normalized);
}

export type MeansStatus = 'empty' | 'complete' | 'partial' | 'invalid';

/** Whether the optional means answers can be used: all three required amounts, or none at all. */
export function meansStatus(draft: GuideDraft): MeansStatus {
  const fields = [draft.householdSize, draft.monthlyIncome, draft.assets, draft.housingCost];
  if (fields.every((f) => f.trim() === '')) return 'empty';
  const filled = fields.filter((f) => f.trim() !== '');
  if (filled.some((f) => parseAmount(f) === undefined)) return 'invalid';
  const household = parseAmount(draft.householdSize);
  if (household !== undefined && (household < 1 || household > 20)) return 'invalid';
  if (
    parseAmount(draft.householdSize) === undefined ||
    parseAmount(draft.monthlyIncome) === undefined ||
    parseAmount(draft.assets) === undefined
  ) {
    return 'partial';
  }
  return 'complete';
}

const yesNo = (value: YesNoUnknown | ''): boolean | undefined =>
  value === 'yes' ? true : value === 'no' ? false : undefined;

/** Converts the wizard draft to the core input. Unknown answers become absent fields. */
export function toAnswers(draft: GuideDraft): TriageAnswers {
  const victim = {
    ...(yesNo(draft.minor) !== undefined ? { minor: yesNo(draft.minor) } : {}),
    ...(yesNo(draft.business) !== undefined ? { business: yesNo(draft.business) } : {}),
    ...(draft.language ? { language: draft.language } : {}),
  };
  const means =
    meansStatus(draft) === 'complete'
      ? {
          householdSize: parseAmount(draft.householdSize) ?? 1,
          monthlyIncomeJpy: parseAmount(draft.monthlyIncome) ?? 0,
          assetsJpy: parseAmount(draft.assets) ?? 0,
          ...(parseAmount(draft.housingCost) !== undefined
            ? { housingCostJpy: parseAmount(draft.housingCost) }
            : {}),
          ...(draft.area && draft.area !== 'unknown' ? { area: draft.area } : {}),
        }
      : undefined;
  return {
    facts: [...draft.facts],
    identifiable: draft.identifiable || 'unsure',
    platforms: [...draft.platforms],
    ...(draft.postedAt && !draft.postedAtUnknown ? { postedAt: draft.postedAt } : {}),
    ...(yesNo(draft.ongoing) !== undefined ? { ongoing: yesNo(draft.ongoing) } : {}),
    ...(draft.offenderKnown
      ? {
          offender: {
            known: draft.offenderKnown === 'yes',
            ...(draft.offenderKnown === 'yes' && draft.knownSince ? { knownSince: draft.knownSince } : {}),
          },
        }
      : {}),
    goals: [...draft.goals],
    ...(draft.selfHarm === 'yes' || draft.selfHarm === 'no'
      ? { wellbeing: { selfHarmThoughts: draft.selfHarm === 'yes' } }
      : {}),
    ...(Object.keys(victim).length > 0 ? { victim } : {}),
    ...(means ? { means } : {}),
  };
}

const yesNoOf = (value: boolean | undefined, absent: YesNoUnknown | ''): YesNoUnknown | '' =>
  value === true ? 'yes' : value === false ? 'no' : absent;

/**
 * The wizard draft for saved answers (the inverse of {@link toAnswers}), so the person can adjust them.
 * Absent answers become the wizard's "unknown" where that question needs an answer to go on, else empty.
 */
export function fromAnswers(answers: TriageAnswers): GuideDraft {
  const means = answers.means;
  return {
    ...EMPTY_DRAFT,
    facts: only(FACTS, answers.facts),
    identifiable: answers.identifiable,
    platforms: only(PLATFORMS, answers.platforms),
    postedAt: answers.postedAt ?? '',
    postedAtUnknown: answers.postedAt === undefined,
    ongoing: yesNoOf(answers.ongoing, 'unknown'),
    offenderKnown: answers.offender ? (answers.offender.known ? 'yes' : 'no') : '',
    knownSince: answers.offender?.known ? (answers.offender.knownSince ?? '') : '',
    goals: only(GOALS, answers.goals),
    selfHarm:
      answers.wellbeing?.selfHarmThoughts === true
        ? 'yes'
        : answers.wellbeing?.selfHarmThoughts === false
          ? 'no'
          : '',
    minor: yesNoOf(answers.victim?.minor, ''),
    business: yesNoOf(answers.victim?.business, ''),
    language: answers.victim?.language ?? '',
    householdSize: means ? String(means.householdSize) : '',
    monthlyIncome: means ? String(means.monthlyIncomeJpy) : '',
    housingCost: means?.housingCostJpy !== undefined ? String(means.housingCostJpy) : '',
    assets: means ? String(means.assetsJpy) : '',
    area: means?.area ?? '',
  };
}

interface GuideState extends StoredGuide {
  readonly update: (patch: Partial<GuideDraft>) => void;
  readonly setStep: (step: number) => void;
  readonly finish: () => void;
  readonly reset: () => void;
  /** Replaces the draft with saved answers and opens the wizard at its first question. */
  readonly loadAnswers: (answers: TriageAnswers) => void;
}

const GuideContext = createContext<GuideState | null>(null);

/** Keeps the wizard answers in memory and in sessionStorage (survives a reload, gone when the tab closes or on quick exit). */
export function GuideProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<StoredGuide>(load);

  useEffect(() => save(state), [state]);

  const update = useCallback(
    (patch: Partial<GuideDraft>) => setState((s) => ({ ...s, draft: { ...s.draft, ...patch } })),
    [],
  );
  const setStep = useCallback((step: number) => setState((s) => ({ ...s, step })), []);
  const finish = useCallback(() => setState((s) => ({ ...s, finished: true })), []);
  const reset = useCallback(() => setState(EMPTY), []);
  const loadAnswers = useCallback(
    (answers: TriageAnswers) => setState({ draft: fromAnswers(answers), step: 0, finished: true }),
    [],
  );

  const value = useMemo(
    () => ({ ...state, update, setStep, finish, reset, loadAnswers }),
    [state, update, setStep, finish, reset, loadAnswers],
  );
  return <GuideContext.Provider value={value}>{children}</GuideContext.Provider>;
}

export function useGuide(): GuideState {
  const state = useContext(GuideContext);
  if (!state) throw new Error('useGuide must be used inside <GuideProvider>');
  return state;
}
