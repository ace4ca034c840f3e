import type {
  CaseParties,
  CasePartyRequest,
  CaseReferrals,
  ConflictCheck,
  LawyerDirectory,
  LawyerEntry,
  LawyerProfileRequest,
  LawyerReferral,
  LawyerReferralList,
  ReferralCreateRequest,
  ReferralOutcome,
} from '@mimamoru/contracts';
import type { Locale } from '@mimamoru/core';
import { ApiRequestError, request } from '../lib/api.js';

// Types come from the contracts; the schemas stay out of the bundle (no zod at run time).
export type {
  CaseParties,
  CaseReferrals,
  ConflictCheck,
  LawyerDirectory,
  LawyerEntry,
  LawyerReferral,
  LawyerReferralList,
};

const post = <T>(path: string, body: unknown, csrf: string, locale: Locale): Promise<T> =>
  request(path, locale, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });

export interface DirectoryFilters {
  readonly specialty?: string;
  readonly region?: string;
  readonly language?: string;
  readonly houterasu?: boolean;
  readonly available?: boolean;
}

export function fetchLawyers(
  filters: DirectoryFilters,
  locale: Locale,
  signal?: AbortSignal,
): Promise<LawyerDirectory> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return request(`/api/staff/lawyers${query ? `?${query}` : ''}`, locale, {}, signal);
}

export function saveLawyerProfile(
  id: string,
  body: LawyerProfileRequest,
  csrf: string,
  locale: Locale,
): Promise<LawyerEntry> {
  return post(`/api/staff/lawyers/${encodeURIComponent(id)}/profile`, body, csrf, locale);
}

const caseBase = (id: string) => `/api/staff/cases/${encodeURIComponent(id)}`;

export function fetchParties(caseId: string, locale: Locale, signal?: AbortSignal): Promise<CaseParties> {
  return request(`${caseBase(caseId)}/parties`, locale, {}, signal);
}

export const partyActions = {
  add: (caseId: string, body: CasePartyRequest, csrf: string, locale: Locale) =>
    post<CaseParties>(`${caseBase(caseId)}/parties`, body, csrf, locale),
  remove: (caseId: string, partyId: string, csrf: string, locale: Locale) =>
    post<CaseParties>(`${caseBase(caseId)}/parties/${encodeURIComponent(partyId)}/remove`, {}, csrf, locale),
};

export function fetchCaseReferrals(
  caseId: string,
  locale: Locale,
  signal?: AbortSignal,
): Promise<CaseReferrals> {
  return request(`${caseBase(caseId)}/referrals`, locale, {}, signal);
}

const referralBase = (id: string) => `/api/staff/referrals/${encodeURIComponent(id)}`;

export const referralActions = {
  checkConflicts: (caseId: string, lawyerId: string, csrf: string, locale: Locale) =>
    post<ConflictCheck>(`${caseBase(caseId)}/conflict-check`, { lawyerId }, csrf, locale),
  create: (caseId: string, body: ReferralCreateRequest, csrf: string, locale: Locale) =>
    post<CaseReferrals>(`${caseBase(caseId)}/referrals`, body, csrf, locale),
  withdraw: (id: string, version: number, csrf: string, locale: Locale) =>
    post<CaseReferrals>(`${referralBase(id)}/withdraw`, { version }, csrf, locale),
  accept: (
    id: string,
    body: { version: number; acknowledgeConflicts?: boolean },
    csrf: string,
    locale: Locale,
  ) => post<LawyerReferral>(`${referralBase(id)}/accept`, body, csrf, locale),
  decline: (id: string, body: { version: number; reason?: string }, csrf: string, locale: Locale) =>
    post<LawyerReferral>(`${referralBase(id)}/decline`, body, csrf, locale),
  outcome: (
    id: string,
    body: { version: number; outcome: ReferralOutcome; note?: string },
    csrf: string,
    locale: Locale,
  ) => post<LawyerReferral>(`${referralBase(id)}/outcome`, body, csrf, locale),
};

export function fetchOwnReferrals(locale: Locale, signal?: AbortSignal): Promise<LawyerReferralList> {
  return request('/api/staff/referrals', locale, {}, signal);
}

export function fetchReferral(id: string, locale: Locale, signal?: AbortSignal): Promise<LawyerReferral> {
  return request(referralBase(id), locale, {}, signal);
}

/** Where a shared file downloads from (the session cookie authorizes the GET). */
export function referralAttachmentUrl(id: string, attachmentId: string): string {
  return `${referralBase(id)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** The hits a 409 `referrals.conflicts_unacknowledged` carries, or null for any other error. */
export function conflictsOf(error: unknown): ConflictCheck | null {
  if (!(error instanceof ApiRequestError) || error.body?.code !== 'referrals.conflicts_unacknowledged')
    return null;
  const details = error.body.details as Partial<ConflictCheck> | undefined;
  return details && Array.isArray(details.hits)
    ? { hits: details.hits, compared: details.compared ?? 0, searched: details.searched ?? 0 }
    : null;
}
