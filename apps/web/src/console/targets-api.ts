import type { PostTargetCreate, PostTargetList, PostTargetMove } from '@mimamoru/contracts';
import type { Locale } from '@mimamoru/core';
import { request } from '../lib/api.js';

export type { PostTargetList };
export type PostTarget = PostTargetList['targets'][number];

const base = (caseId: string) => `/api/staff/cases/${encodeURIComponent(caseId)}/targets`;

const json = (body: unknown, csrf: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrf },
  body: JSON.stringify(body),
});

/** GET …/targets: the case's offending posts (the intake's are tracked on first listing). */
export function fetchTargets(caseId: string, locale: Locale, signal?: AbortSignal): Promise<PostTargetList> {
  return request(base(caseId), locale, {}, signal);
}

export function addTarget(
  caseId: string,
  body: PostTargetCreate,
  csrf: string,
  locale: Locale,
): Promise<PostTargetList> {
  return request(base(caseId), locale, json(body, csrf));
}

export function moveTarget(
  caseId: string,
  targetId: string,
  body: PostTargetMove,
  csrf: string,
  locale: Locale,
): Promise<PostTargetList> {
  return request(`${base(caseId)}/${encodeURIComponent(targetId)}`, locale, json(body, csrf));
}
