import type { Localized } from '../i18n/locale.js';

/** Stable ids of the consultation windows; other tools and stored results depend on them. */
export const WINDOW_IDS = [
  'mimamoru',
  'jinken-110',
  'jinken-internet',
  'kodomo-jinken-110',
  'gaikokugo-jinken',
  'sia-hotline',
  'ihaho',
  'houterasu',
  'houterasu-multilingual',
  'houterasu-dv',
  'bengoshikai',
  'law-firm-free-consultation',
  'legal-qa-site',
  'police-110',
  'police-9110',
  'police-cyber',
  'kokoro-dial',
  'inochi-denwa',
  'yorisoi',
  'kodomo-sos',
] as const;
export type WindowId = (typeof WINDOW_IDS)[number];

/** What a window actually does for the person. */
export const SERVICES = [
  'information',
  'advice',
  'contacts-provider',
  'legal-representation',
  'police-response',
  'emotional-support',
] as const;
export type Service = (typeof SERVICES)[number];

export const CHANNEL_TYPES = ['phone', 'web-form', 'email', 'line', 'chat', 'in-person'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours in Japan time. `always` = 24h/365d. Times are HH:MM; close may be 24:00. */
export interface OpeningHours {
  readonly always?: boolean;
  readonly periods?: readonly {
    readonly days: readonly Weekday[];
    readonly open: string;
    readonly close: string;
  }[];
  /** Closed on national holidays (国民の祝日). */
  readonly closedOnHolidays?: boolean;
  /** Closed 12/29–1/3 (年末年始). */
  readonly closedYearEnd?: boolean;
  /** Hours vary by area or are otherwise not fully known: "open now" is then only indicative. */
  readonly varies?: boolean;
  readonly note: Localized;
}

export interface Channel {
  readonly type: ChannelType;
  /** Phone number, URL, e-mail address or LINE id. */
  readonly value: string;
  readonly label: Localized;
  readonly hours: OpeningHours;
  /** Free of call charges (フリーダイヤル). */
  readonly tollFree?: boolean;
  readonly note?: Localized;
}

export interface WindowSource {
  readonly url: string;
  /** Date the page was checked, YYYY-MM-DD (from DOMAIN.md's source dates or the check date). */
  readonly checked: string;
}

export interface ConsultationWindow {
  readonly id: WindowId;
  readonly name: Localized;
  readonly operator: Localized;
  readonly services: readonly Service[];
  readonly channels: readonly Channel[];
  /** Free of charge (call charges aside). */
  readonly free: boolean;
  readonly cost: Localized;
  /** BCP 47 primary tags of the languages served. */
  readonly languages: readonly string[];
  /** What it actually does, plainly. */
  readonly does: Localized;
  readonly registrationRequired: boolean;
  readonly registration: Localized;
  readonly eligibility: Localized;
  readonly sources: readonly WindowSource[];
  /** false where DOMAIN.md marks a fact of this entry UNVERIFIED. */
  readonly verified: boolean;
  /** What is unverified, shown with care. */
  readonly caveat?: Localized;
}

/** A window with its texts in one locale: what the API and the web app show. */
export interface WindowView {
  readonly id: WindowId;
  readonly name: string;
  readonly operator: string;
  readonly services: readonly Service[];
  readonly channels: readonly {
    readonly type: ChannelType;
    readonly value: string;
    readonly label: string;
    readonly hours: string;
    readonly tollFree: boolean;
    readonly note?: string;
    /** Whether the channel is open at the time the view was made; null when hours vary too much to say. */
    readonly openNow: boolean | null;
  }[];
  readonly free: boolean;
  readonly cost: string;
  readonly languages: readonly string[];
  readonly does: string;
  readonly registrationRequired: boolean;
  readonly registration: string;
  readonly eligibility: string;
  readonly sources: readonly WindowSource[];
  readonly verified: boolean;
  readonly caveat?: string;
  /** Any channel open now (true), none (false), or unknown (null). */
  readonly openNow: boolean | null;
}
