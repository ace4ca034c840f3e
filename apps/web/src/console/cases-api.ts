import type { CaseAssignRequest, CaseQueuePage, StaffCase } from '@mimamoru/contracts';
import type { Locale, Platform, PriorityLevel, WorkflowStage } from '@mimamoru/core';
import { request } from '../lib/api.js';

export type { CaseQueuePage, StaffCase };

export interface QueueFilters {
  readonly stage: WorkflowStage | 'open' | 'all';
  readonly platform?: Platform;
  readonly assignee?: 'me' | 'none';
  readonly priority?: PriorityLevel;
  /** Cases whose next legal deadline is within this many days. */
  readonly deadlineWithinDays?: number;
  /** One team's cases (admins; a consultant's queue is always their team's). */
  readonly team?: string;
  readonly q?: string;
  readonly page: number;
}

export const QUEUE_PAGE_SIZE = 50;

export function fetchQueue(
  filters: QueueFilters,
  locale: Locale,
  signal?: AbortSignal,
): Promise<CaseQueuePage> {
  const params = new URLSearchParams({ pageSize: String(QUEUE_PAGE_SIZE), locale });
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return request(`/api/staff/cases?${params.toString()}`, locale, {}, signal);
}

export function fetchCase(id: string, locale: Locale, signal?: AbortSignal): Promise<StaffCase> {
  return request(`/api/staff/cases/${encodeURIComponent(id)}`, locale, {}, signal);
}

const post = (path: string, body: unknown, csrf: string, locale: Locale): Promise<StaffCase> =>
  request(path, locale, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });

const base = (id: string) => `/api/staff/cases/${encodeURIComponent(id)}`;

export const caseActions = {
  assign: (id: string, body: CaseAssignRequest, csrf: string, locale: Locale) =>
    post(`${base(id)}/assign`, body, csrf, locale),
  stage: (
    id: string,
    body: { to: Exclude<WorkflowStage, 'withdrawn'>; version: number },
    csrf: string,
    locale: Locale,
  ) => post(`${base(id)}/stage`, body, csrf, locale),
  reply: (
    id: string,
    body: { body: string; awaitingVictim: boolean; version: number },
    csrf: string,
    locale: Locale,
  ) => post(`${base(id)}/replies`, body, csrf, locale),
  note: (id: string, body: { body: string }, csrf: string, locale: Locale) =>
    post(`${base(id)}/notes`, body, csrf, locale),
  offender: (id: string, body: { knownSince: string; version: number }, csrf: string, locale: Locale) =>
    post(`${base(id)}/offender`, body, csrf, locale),
  taskDone: (id: string, taskId: string, csrf: string, locale: Locale) =>
    post(`${base(id)}/tasks/${encodeURIComponent(taskId)}/done`, {}, csrf, locale),
};
