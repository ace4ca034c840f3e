/** Default first-response target: consultations are answered within 24 hours (#4). */
export const DEFAULT_FIRST_RESPONSE_HOURS = 24;
/** Share of the target after which the timer warns. */
export const SLA_WARNING_RATIO = 0.8;

const MS_PER_HOUR = 3_600_000;

export const SLA_STATUSES = ['running', 'warning', 'paused', 'met', 'breached'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

/** A period while the case waits for the victim; `to` is absent while still waiting. ISO-8601 instants. */
export interface SlaPause {
  readonly from: string;
  readonly to?: string;
}

export interface SlaInput {
  /** When the consultation arrived (ISO-8601 instant). */
  readonly receivedAt: string;
  /** When the first reply was sent, if it was. */
  readonly firstResponseAt?: string;
  readonly pauses: readonly SlaPause[];
  readonly now: string;
  /** Default {@link DEFAULT_FIRST_RESPONSE_HOURS}. */
  readonly targetHours?: number;
}

export interface SlaState {
  readonly status: SlaStatus;
  /** Counted time from receipt to the first reply (or now), paused time excluded. */
  readonly elapsedMs: number;
  /** Target minus elapsed; negative once breached. */
  readonly remainingMs: number;
  /** Instant (ISO-8601) the target is reached, given the pauses known so far (an open pause is taken to end now). */
  readonly dueAt: string;
}

function instant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant in ${field}: ${value}`);
  return ms;
}

interface Interval {
  readonly from: number;
  readonly to: number;
}

/** Pauses clipped to [start, end], sorted and merged, so overlapping pauses are not subtracted twice. */
function normalisePauses(pauses: readonly SlaPause[], start: number, end: number): Interval[] {
  const clipped = pauses
    .map((p) => ({
      from: Math.max(start, instant(p.from, 'pauses.from')),
      to: Math.min(end, p.to === undefined ? end : instant(p.to, 'pauses.to')),
    }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const pause of clipped) {
    const last = merged[merged.length - 1];
    if (last && pause.from <= last.to)
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, pause.to) };
    else merged.push(pause);
  }
  return merged;
}

/**
 * First-response SLA: time counts from receipt until the first reply, except while waiting for the
 * victim. Status: met/breached once replied (a reply exactly at the target is met); otherwise breached
 * past the target, paused while waiting, warning from 80 % of the target, else running.
 */
export function slaState(input: SlaInput): SlaState {
  const targetMs = (input.targetHours ?? DEFAULT_FIRST_RESPONSE_HOURS) * MS_PER_HOUR;
  if (!(targetMs > 0)) throw new RangeError(`targetHours must be positive: ${String(input.targetHours)}`);
  const received = instant(input.receivedAt, 'receivedAt');
  const now = instant(input.now, 'now');
  const responded =
    input.firstResponseAt === undefined ? undefined : instant(input.firstResponseAt, 'firstResponseAt');
  const end = Math.max(received, responded ?? now);

  const pauses = normalisePauses(input.pauses, received, end);
  const pausedMs = pauses.reduce((sum, p) => sum + (p.to - p.from), 0);
  const elapsedMs = end - received - pausedMs;
  const remainingMs = targetMs - elapsedMs;

  // Walk the counted stretches between pauses until the target is used up.
  let cursor = received;
  let budget = targetMs;
  for (const pause of pauses) {
    if (pause.from - cursor >= budget) break;
    budget -= pause.from - cursor;
    cursor = pause.to;
  }
  const dueAt = new Date(cursor + budget).toISOString();

  let status: SlaStatus;
  if (responded !== undefined) status = elapsedMs <= targetMs ? 'met' : 'breached';
  else if (elapsedMs > targetMs) status = 'breached';
  else if (
    input.pauses.some(
      (p) =>
        instant(p.from, 'pauses.from') <= now && (p.to === undefined || instant(p.to, 'pauses.to') > now),
    )
  )
    status = 'paused';
  else if (elapsedMs >= SLA_WARNING_RATIO * targetMs) status = 'warning';
  else status = 'running';

  return { status, elapsedMs, remainingMs, dueAt };
}
