import { describe, expect, it } from 'vitest';
import { slaState } from './sla.js';

const H = 3_600_000;
const received = '2026-12-01T00:00:00.000Z';
const at = (hours: number): string => new Date(Date.parse(received) + hours * H).toISOString();

describe('first-response SLA', () => {
  it('runs from receipt with 24 hours by default', () => {
    expect(slaState({ receivedAt: received, pauses: [], now: at(5) })).toEqual({
      status: 'running',
      elapsedMs: 5 * H,
      remainingMs: 19 * H,
      dueAt: at(24),
    });
  });

  it('warns at exactly 80 % of the target, not before', () => {
    expect(slaState({ receivedAt: received, pauses: [], now: at(19.2) }).status).toBe('warning');
    expect(
      slaState({ receivedAt: received, pauses: [], now: new Date(Date.parse(at(19.2)) - 1).toISOString() })
        .status,
    ).toBe('running');
  });

  it('a reply exactly at the target is met; one millisecond later is breached', () => {
    expect(slaState({ receivedAt: received, firstResponseAt: at(24), pauses: [], now: at(30) }).status).toBe(
      'met',
    );
    const late = new Date(Date.parse(at(24)) + 1).toISOString();
    expect(slaState({ receivedAt: received, firstResponseAt: late, pauses: [], now: at(30) })).toMatchObject({
      status: 'breached',
      remainingMs: -1,
    });
  });

  it('is breached without a reply once the target has passed', () => {
    expect(slaState({ receivedAt: received, pauses: [], now: at(25) })).toMatchObject({
      status: 'breached',
      remainingMs: -1 * H,
    });
  });

  it('a reply after a breach does not turn it into met', () => {
    const state = slaState({ receivedAt: received, firstResponseAt: at(30), pauses: [], now: at(31) });
    expect(state).toMatchObject({ status: 'breached', elapsedMs: 30 * H, remainingMs: -6 * H });
  });

  it('time spent waiting for the victim does not count and moves the due time', () => {
    const pauses = [{ from: at(2), to: at(12) }];
    expect(slaState({ receivedAt: received, pauses, now: at(20) })).toEqual({
      status: 'running',
      elapsedMs: 10 * H,
      remainingMs: 14 * H,
      dueAt: at(34),
    });
    expect(slaState({ receivedAt: received, firstResponseAt: at(30), pauses, now: at(40) }).status).toBe(
      'met',
    );
  });

  it('is paused while waiting for the victim, counting up to the start of the pause', () => {
    const state = slaState({ receivedAt: received, pauses: [{ from: at(20) }], now: at(30) });
    expect(state).toEqual({ status: 'paused', elapsedMs: 20 * H, remainingMs: 4 * H, dueAt: at(34) });
  });

  it('a breach is not hidden by a pause that starts after it', () => {
    expect(slaState({ receivedAt: received, pauses: [{ from: at(26) }], now: at(30) }).status).toBe(
      'breached',
    );
  });

  it('overlapping pauses and pauses after the reply are counted once or not at all', () => {
    const pauses = [
      { from: at(1), to: at(5) },
      { from: at(3), to: at(7) },
      { from: at(40), to: at(50) },
    ];
    expect(slaState({ receivedAt: received, firstResponseAt: at(26), pauses, now: at(60) })).toMatchObject({
      status: 'met',
      elapsedMs: 20 * H,
      dueAt: at(30),
    });
  });

  it('uses a configured target', () => {
    expect(slaState({ receivedAt: received, pauses: [], now: at(7), targetHours: 8 })).toMatchObject({
      status: 'warning',
      dueAt: at(8),
    });
  });

  it('refuses timestamps that are not instants', () => {
    expect(() => slaState({ receivedAt: 'yesterday', pauses: [], now: at(1) })).toThrow(RangeError);
  });
});
