import type { SavedViewQuery } from '@mimamoru/contracts';
import { PLATFORMS, PRIORITY_LEVELS, WORKFLOW_STAGES } from '@mimamoru/core';
import type { QueueFilters } from './cases-api.js';

/** Stages the queue filters by: every open one, all, or one stage (withdrawn cases are erased). */
export const STAGE_FILTERS = ['open', 'all', ...WORKFLOW_STAGES.filter((s) => s !== 'withdrawn')] as const;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

const intIn = (value: string | null, min: number, max: number): number | undefined => {
  if (value === null || !/^\d{1,7}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
};

/**
 * The queue filters a URL query string names (`?stage=open&platform=x&page=2`), so a filtered queue
 * is a link (saved views are such links). Unknown keys and values are ignored; null when it names none.
 */
export function filtersFromSearch(search: string): QueueFilters | null {
  const params = new URLSearchParams(search);
  const stage = oneOf(STAGE_FILTERS, params.get('stage'));
  const platform = oneOf(PLATFORMS, params.get('platform'));
  const assignee = oneOf(['me', 'none'] as const, params.get('assignee'));
  const priority = oneOf(PRIORITY_LEVELS, params.get('priority'));
  const deadlineWithinDays = intIn(params.get('deadlineWithinDays'), 0, 3650);
  const q = params.get('q')?.trim() || undefined;
  const teamParam = params.get('team');
  const team = teamParam !== null && /^[0-9a-z-]{1,64}$/.test(teamParam) ? teamParam : undefined;
  const page = intIn(params.get('page'), 1, 100_000);
  if ([stage, platform, assignee, priority, deadlineWithinDays, q, team, page].every((v) => v === undefined))
    return null;
  return {
    stage: stage ?? 'open',
    ...(platform ? { platform } : {}),
    ...(assignee ? { assignee } : {}),
    ...(priority ? { priority } : {}),
    ...(deadlineWithinDays !== undefined ? { deadlineWithinDays } : {}),
    ...(q ? { q } : {}),
    ...(team ? { team } : {}),
    page: page ?? 1,
  };
}

/** The query string of some filters, in a fixed key order (page left out when 1). */
export function searchOf(filters: QueueFilters): string {
  const params = new URLSearchParams({ stage: filters.stage });
  if (filters.platform) params.set('platform', filters.platform);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.priority) params.set('priority', filters.priority);
  if (filters.deadlineWithinDays !== undefined)
    params.set('deadlineWithinDays', String(filters.deadlineWithinDays));
  if (filters.q) params.set('q', filters.q);
  if (filters.team) params.set('team', filters.team);
  if (filters.page > 1) params.set('page', String(filters.page));
  return `?${params.toString()}`;
}

/** The queue link a saved view stands for (first page). */
export function viewLink(query: SavedViewQuery): string {
  const params = new URLSearchParams(toParams(query));
  return `/console${searchOf(filtersFromSearch(params.toString()) ?? { stage: 'open', page: 1 })}`;
}

function toParams(query: SavedViewQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => [key, String(value)]),
  );
}

/** The filters a saved view keeps: everything but the page. */
export function viewQueryOf(filters: QueueFilters): SavedViewQuery {
  const { page: _page, ...rest } = filters;
  return rest;
}
