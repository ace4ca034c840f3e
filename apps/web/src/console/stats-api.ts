import type { StatsSchema } from '@mimamoru/contracts';
import type { Locale } from '@mimamoru/core';
import type { z } from 'zod';
import { request } from '../lib/api.js';

// The type comes from the contracts; the schema stays out of the bundle (no zod at run time).
export type Stats = z.infer<typeof StatsSchema>;

export interface StatsPeriod {
  readonly from?: string;
  readonly to?: string;
}

function query(period: StatsPeriod, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (period.from) params.set('from', period.from);
  if (period.to) params.set('to', period.to);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function fetchStats(period: StatsPeriod, locale: Locale, signal?: AbortSignal): Promise<Stats> {
  return request(`/api/staff/stats${query(period)}`, locale, {}, signal);
}

/** The CSV download link: same period, headers in the console's language. */
export function statsCsvUrl(period: StatsPeriod, locale: Locale): string {
  return `/api/staff/stats.csv${query(period, { locale })}`;
}
