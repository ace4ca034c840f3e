import type {
  AccountTeamResponseSchema,
  StaffCase,
  StaffCaseOpened,
  StaffCaseOpenRequest,
  TeamCreatedSchema,
  TeamListSchema,
} from '@mimamoru/contracts';
import type { Locale } from '@mimamoru/core';
import type { z } from 'zod';
import { request } from '../lib/api.js';

// Types come from the contracts; the schemas stay out of the bundle (no zod at run time).
export type TeamList = z.infer<typeof TeamListSchema>;
export type Team = TeamList['teams'][number];
export type TeamCreated = z.infer<typeof TeamCreatedSchema>;
export type AccountTeamResponse = z.infer<typeof AccountTeamResponseSchema>;
export type { StaffCaseOpened, StaffCaseOpenRequest };

const json = (body: unknown, csrf: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'x-csrf-token': csrf },
  body: JSON.stringify(body),
});

/** GET /api/staff/teams (admin). */
export function fetchTeams(locale: Locale, signal?: AbortSignal): Promise<TeamList> {
  return request('/api/staff/teams', locale, {}, signal);
}

/** POST /api/staff/teams (admin). */
export function createTeam(name: string, csrf: string, locale: Locale): Promise<TeamCreated> {
  return request('/api/staff/teams', locale, json({ name }, csrf));
}

/** POST /api/staff/accounts/:id/team (admin). */
export function setAccountTeam(
  id: string,
  teamId: string | null,
  csrf: string,
  locale: Locale,
): Promise<AccountTeamResponse> {
  return request(`/api/staff/accounts/${encodeURIComponent(id)}/team`, locale, json({ teamId }, csrf));
}

/** POST /api/staff/cases/:id/team (admin): the case as it is afterwards. */
export function moveCaseTeam(
  id: string,
  body: { teamId: string; version: number },
  csrf: string,
  locale: Locale,
): Promise<StaffCase> {
  return request(`/api/staff/cases/${encodeURIComponent(id)}/team`, locale, json(body, csrf));
}

/** POST /api/staff/cases: a case for someone who phoned or wrote; the key is in the answer, once. */
export function openStaffCase(
  body: StaffCaseOpenRequest,
  csrf: string,
  locale: Locale,
): Promise<StaffCaseOpened> {
  return request('/api/staff/cases', locale, json(body, csrf));
}
