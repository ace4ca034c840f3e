import { STAFF_SESSION_COOKIE, type StaffRole } from '@mimamoru/contracts';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import type { TestApp } from './harness.js';

export const PASSWORD = 'correct horse battery staple';

/** A clock the test moves by hand. */
export function manualClock(start = '2026-12-01T09:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export type ManualClock = ReturnType<typeof manualClock>;

export function post(
  app: FastifyInstance,
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, headers });
}

export function tokenOf(setupUrl: string): string {
  return setupUrl.split('#')[1] ?? '';
}

/** The current TOTP code at the test clock, after moving to the next 30-second step (codes work once). */
export async function totp(clock: ManualClock, secret: string): Promise<string> {
  clock.advance(30_000);
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
}

export function cookieOf(res: { headers: Record<string, unknown> }): string {
  const header = String(res.headers['set-cookie'] ?? '');
  const match = new RegExp(`${STAFF_SESSION_COOKIE}=([^;]*)`).exec(header);
  return match?.[1] ?? '';
}

export interface SignedIn {
  readonly id: string;
  readonly email: string;
  readonly secret: string;
  readonly recoveryCodes: string[];
  readonly cookie: string;
  readonly csrfToken: string;
  /** Headers for a cookie-authenticated request (with the CSRF token). */
  readonly headers: Record<string, string>;
}

let counter = 0;

/** Creates an account through the service, runs the setup link (password, TOTP) and logs in. */
export async function signIn(t: TestApp, clock: ManualClock, role: StaffRole): Promise<SignedIn> {
  const email = `${role}-${++counter}-${Date.now()}@example.jp`;
  const created = await t.container.services.staff.createAccount({
    email,
    role,
    displayName: `${role} ${counter}`,
    actor: { type: 'system', id: null },
  });
  const token = tokenOf(created.setupUrl);
  const setup = await post(t.app, '/api/staff/setup', { token, password: PASSWORD });
  if (setup.statusCode !== 200) throw new Error(`setup failed: ${setup.body}`);
  const { secretBase32: secret } = setup.json<{ secretBase32: string }>();
  const confirm = await post(t.app, '/api/staff/setup/totp', { token, code: await totp(clock, secret) });
  if (confirm.statusCode !== 200) throw new Error(`totp failed: ${confirm.body}`);
  const { recoveryCodes } = confirm.json<{ recoveryCodes: string[] }>();
  const login = await post(t.app, '/api/staff/login', {
    email,
    password: PASSWORD,
    code: await totp(clock, secret),
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const cookie = cookieOf(login);
  const { csrfToken } = login.json<{ csrfToken: string }>();
  return {
    id: created.account.id,
    email,
    secret,
    recoveryCodes,
    cookie,
    csrfToken,
    headers: { cookie: `${STAFF_SESSION_COOKIE}=${cookie}`, 'x-csrf-token': csrfToken },
  };
}
