import {
  CONTACT_CHANNELS,
  GOALS,
  PLATFORMS,
  type ContactChannel,
  type Goal,
  type Platform,
  type TriageAnswers,
} from '@mimamoru/core';

/** The consultation form as typed (files are never kept: they stay in memory only). */
export interface ConsultDraft {
  readonly narrative: string;
  readonly platforms: readonly Platform[];
  /** One entry per row on the form, empty rows included. */
  readonly postUrls: readonly string[];
  readonly happenedAt: string;
  readonly goals: readonly Goal[];
  readonly name: string;
  readonly channel: ContactChannel;
  readonly email: string;
  readonly phone: string;
  readonly notes: string;
  readonly emailAccessKey: boolean;
  readonly consent: boolean;
  /** The Guide's answers, when the person came from its result. */
  readonly triage?: TriageAnswers;
}

export const EMPTY_CONSULT: ConsultDraft = {
  narrative: '',
  platforms: [],
  postUrls: [''],
  happenedAt: '',
  goals: [],
  name: '',
  channel: 'in-app',
  email: '',
  phone: '',
  notes: '',
  emailAccessKey: false,
  consent: false,
};

const STORAGE_KEY = 'mimamoru.consult';

const only = <T extends string>(allowed: readonly T[], values: unknown): T[] =>
  Array.isArray(values) ? values.filter((v): v is T => (allowed as readonly unknown[]).includes(v)) : [];
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The draft kept in sessionStorage (survives a reload; gone when the tab closes or on quick exit). */
export function loadConsultDraft(): ConsultDraft {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return EMPTY_CONSULT;
    const d = JSON.parse(raw) as Record<string, unknown>;
    const urls = Array.isArray(d.postUrls) ? d.postUrls.map(text).slice(0, 100) : [];
    const triage =
      typeof d.triage === 'object' && d.triage !== null ? (d.triage as TriageAnswers) : undefined;
    return {
      narrative: text(d.narrative),
      platforms: only(PLATFORMS, d.platforms),
      postUrls: urls.length > 0 ? urls : [''],
      happenedAt: /^\d{4}-\d{2}-\d{2}$/.test(text(d.happenedAt)) ? text(d.happenedAt) : '',
      goals: only(GOALS, d.goals),
      name: text(d.name),
      channel: (CONTACT_CHANNELS as readonly unknown[]).includes(d.channel)
        ? (d.channel as ContactChannel)
        : 'in-app',
      email: text(d.email),
      phone: text(d.phone),
      notes: text(d.notes),
      emailAccessKey: d.emailAccessKey === true,
      consent: d.consent === true,
      ...(triage ? { triage } : {}),
    };
  } catch {
    return EMPTY_CONSULT;
  }
}

export function saveConsultDraft(draft: ConsultDraft): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Kept in memory only.
  }
}

export function clearConsultDraft(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

/**
 * Carries the Guide's answers into the consultation draft: platforms, goals, the date of the first post
 * and the full answers (as `triage`). What the person already typed on the form is kept.
 */
export function startConsultFromGuide(answers: TriageAnswers): void {
  const current = loadConsultDraft();
  saveConsultDraft({
    ...current,
    platforms: only(PLATFORMS, answers.platforms),
    goals: only(GOALS, answers.goals),
    happenedAt: answers.postedAt ?? current.happenedAt,
    triage: answers,
  });
}
