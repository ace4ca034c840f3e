import { CaseQueuePageSchema, ConsultationCreatedSchema, StaffCaseSchema } from '@mimamoru/contracts';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { databases, useTestApp, type TestApp } from './harness.js';
import { consultation, submit } from './intake-fixtures.js';
import { manualClock, signIn, type ManualClock } from './staff-fixtures.js';

const HOUR = 3_600_000;

describe('MIMAMORU_SLA_FIRST_RESPONSE_HOURS', () => {
  it('defaults to 24 hours and accepts whole hours from 1 to 720', () => {
    expect(loadConfig({}).slaFirstResponseHours).toBe(24);
    expect(loadConfig({ MIMAMORU_SLA_FIRST_RESPONSE_HOURS: '8' }).slaFirstResponseHours).toBe(8);
    expect(loadConfig({ MIMAMORU_SLA_FIRST_RESPONSE_HOURS: '720' }).slaFirstResponseHours).toBe(720);
  });

  it.each(['0', '721', '1.5', '-4', 'a day'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ MIMAMORU_SLA_FIRST_RESPONSE_HOURS: value })).toThrow(ConfigError);
    try {
      loadConfig({ MIMAMORU_SLA_FIRST_RESPONSE_HOURS: value });
    } catch (error) {
      expect((error as ConfigError).problems[0]).toMatch(/^MIMAMORU_SLA_FIRST_RESPONSE_HOURS: .*1 to 720/);
    }
  });
});

/** TOTP steps signIn moves the clock through (two codes, 30 s each). */
const SIGN_IN_MS = 60_000;

/** Submits a consultation, moves the clock, and returns its SLA in the queue and on the case page. */
async function slaAfter(t: TestApp, clock: ManualClock, elapsedMs: number) {
  const res = await submit(t.app, consultation('SLA'));
  const { caseNumber } = ConsultationCreatedSchema.parse(res.json());
  // Signed in afterwards (sessions end after 30 idle minutes); signing in takes SIGN_IN_MS of the clock.
  clock.advance(elapsedMs - SIGN_IN_MS);
  const consultant = await signIn(t, clock, 'consultant');
  const headers = consultant.headers;
  const queue = CaseQueuePageSchema.parse(
    (await t.app.inject({ method: 'GET', url: `/api/staff/cases?q=${caseNumber}`, headers })).json(),
  );
  const item = queue.cases[0];
  const page = StaffCaseSchema.parse(
    (await t.app.inject({ method: 'GET', url: `/api/staff/cases/${item?.id}`, headers })).json(),
  );
  return { queue: item?.sla, page: page.sla };
}

describe.each(databases)('first-response SLA hours on %s', (kind) => {
  const oneHourClock = manualClock();
  const oneHour = useTestApp(kind, {
    clock: oneHourClock.now,
    env: { MIMAMORU_SLA_FIRST_RESPONSE_HOURS: '1' },
  });
  const defaultClock = manualClock();
  const defaultHours = useTestApp(kind, { clock: defaultClock.now });

  it('with 1 hour, warns after 48 minutes where 24 hours would still be running', async () => {
    const short = await slaAfter(oneHour(), oneHourClock, 50 * 60_000);
    expect(short.queue?.status).toBe('warning');
    expect(short.page.status).toBe('warning');
    expect(short.page.remainingMs).toBe(10 * 60_000);
    const long = await slaAfter(defaultHours(), defaultClock, 50 * 60_000);
    expect(long.queue?.status).toBe('running');
    expect(long.page.remainingMs).toBe(24 * HOUR - 50 * 60_000);
  });

  it('with 1 hour, is overdue after 2 hours where 24 hours would still be running', async () => {
    const short = await slaAfter(oneHour(), oneHourClock, 2 * HOUR);
    expect(short.queue?.status).toBe('breached');
    expect(short.page).toMatchObject({ status: 'breached', remainingMs: -HOUR });
    const long = await slaAfter(defaultHours(), defaultClock, 2 * HOUR);
    expect(long.queue?.status).toBe('running');
  });
});
