import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@mimamoru/contracts';
import { describe, expect, it } from 'vitest';
import { AUDIT_POLICY } from '../src/modules/audit/audit.policy.js';
import { CASES_POLICY } from '../src/modules/cases/cases.policy.js';
import { STAFF_POLICY } from '../src/modules/staff/staff.policy.js';
import { databases, useTestApp } from './harness.js';
import { consultation, submit } from './intake-fixtures.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

type Caller = StaffRole | 'anonymous';
const CALLERS: readonly Caller[] = ['admin', 'consultant', 'lawyer', 'anonymous'];

interface Case {
  /** Builds the request for a caller (fresh targets, so each call is independent). */
  request: (
    caller: SignedIn | null,
    ids: {
      account: () => Promise<string>;
      /** A fresh case: its id, current version and (for task routes) the id of one of its tasks. */
      case: () => Promise<{ id: string; version: number; taskId: string }>;
    },
  ) => Promise<{ url: string; payload?: object }>;
  expected: Record<Caller, number>;
}

const everyone = (status: number, anonymous = 401) => ({
  admin: status,
  consultant: status,
  lawyer: status,
  anonymous,
});
const adminOnly = (status: number) => ({ admin: status, consultant: 403, lawyer: 403, anonymous: 401 });
/** Case workers: admins and consultants; lawyers see referred cases only (later). */
const caseWorkers = (status: number) => ({ admin: status, consultant: status, lawyer: 403, anonymous: 401 });

/** Every route of every staff policy table, with what each caller gets. */
const ROUTES: Record<
  keyof typeof STAFF_POLICY | keyof typeof AUDIT_POLICY | keyof typeof CASES_POLICY,
  Case
> = {
  'POST /api/staff/setup': {
    request: async () => ({
      url: '/api/staff/setup',
      payload: { token: 'x'.repeat(43), password: 'a long password 1' },
    }),
    expected: everyone(400, 400),
  },
  'POST /api/staff/setup/totp': {
    request: async () => ({
      url: '/api/staff/setup/totp',
      payload: { token: 'x'.repeat(43), code: '123456' },
    }),
    expected: everyone(400, 400),
  },
  'POST /api/staff/login': {
    request: async () => ({
      url: '/api/staff/login',
      payload: { email: `n-${randomBytes(4).toString('hex')}@example.jp`, password: 'p' },
    }),
    expected: everyone(401, 401),
  },
  'POST /api/staff/logout': {
    request: async () => ({ url: '/api/staff/logout', payload: {} }),
    expected: everyone(204),
  },
  'GET /api/staff/me': { request: async () => ({ url: '/api/staff/me' }), expected: everyone(200) },
  'GET /api/staff/sessions': {
    request: async () => ({ url: '/api/staff/sessions' }),
    expected: everyone(200),
  },
  'POST /api/staff/sessions/:id/revoke': {
    request: async () => ({ url: `/api/staff/sessions/${'0'.repeat(64)}/revoke`, payload: {} }),
    expected: everyone(404),
  },
  'GET /api/staff/accounts': {
    request: async () => ({ url: '/api/staff/accounts' }),
    expected: adminOnly(200),
  },
  'POST /api/staff/accounts': {
    request: async () => ({
      url: '/api/staff/accounts',
      payload: {
        email: `c-${randomBytes(4).toString('hex')}@example.jp`,
        role: 'consultant',
        displayName: 'C',
      },
    }),
    expected: adminOnly(201),
  },
  'POST /api/staff/accounts/:id/disable': {
    request: async (_caller, ids) => ({
      url: `/api/staff/accounts/${await ids.account()}/disable`,
      payload: {},
    }),
    expected: adminOnly(200),
  },
  'GET /api/staff/audit': {
    request: async () => ({ url: '/api/staff/audit?page=1' }),
    expected: adminOnly(200),
  },
  'GET /api/staff/audit.csv': {
    request: async () => ({ url: '/api/staff/audit.csv' }),
    expected: adminOnly(200),
  },
  'GET /api/staff/cases': {
    request: async () => ({ url: '/api/staff/cases?stage=all&page=1' }),
    expected: caseWorkers(200),
  },
  'GET /api/staff/cases/:id': {
    request: async (_caller, ids) => ({ url: `/api/staff/cases/${(await ids.case()).id}` }),
    expected: caseWorkers(200),
  },
  'POST /api/staff/cases/:id/assign': {
    request: async (_caller, ids) => {
      const { id, version } = await ids.case();
      return { url: `/api/staff/cases/${id}/assign`, payload: { assigneeId: null, version } };
    },
    expected: caseWorkers(200),
  },
  'POST /api/staff/cases/:id/stage': {
    request: async (_caller, ids) => {
      const { id, version } = await ids.case();
      return { url: `/api/staff/cases/${id}/stage`, payload: { to: 'in-progress', version } };
    },
    expected: caseWorkers(200),
  },
  'POST /api/staff/cases/:id/replies': {
    request: async (_caller, ids) => ({
      url: `/api/staff/cases/${(await ids.case()).id}/replies`,
      payload: { body: 'ご相談ありがとうございます。' },
    }),
    expected: caseWorkers(201),
  },
  'POST /api/staff/cases/:id/notes': {
    request: async (_caller, ids) => ({
      url: `/api/staff/cases/${(await ids.case()).id}/notes`,
      payload: { body: 'メモ' },
    }),
    expected: caseWorkers(201),
  },
  'POST /api/staff/cases/:id/offender': {
    request: async (_caller, ids) => {
      const { id, version } = await ids.case();
      return { url: `/api/staff/cases/${id}/offender`, payload: { knownSince: '2026-11-01', version } };
    },
    expected: caseWorkers(200),
  },
  'POST /api/staff/cases/:id/tasks/:taskId/done': {
    request: async (_caller, ids) => {
      const { id, taskId } = await ids.case();
      return { url: `/api/staff/cases/${id}/tasks/${taskId}/done`, payload: {} };
    },
    expected: caseWorkers(200),
  },
};

describe('staff route table', () => {
  it('covers exactly the routes of the policy modules, with roles matching the expectations', () => {
    const policies: Record<string, unknown> = { ...STAFF_POLICY, ...AUDIT_POLICY, ...CASES_POLICY };
    expect(Object.keys(ROUTES).sort()).toEqual(Object.keys(policies).sort());
    for (const [route, access] of Object.entries(policies)) {
      const expected = ROUTES[route as keyof typeof ROUTES].expected;
      if (access === 'public') continue;
      for (const role of ['admin', 'consultant', 'lawyer'] as const) {
        expect((access as readonly string[]).includes(role), `${route} × ${role}`).toBe(
          expected[role] !== 403,
        );
      }
    }
  });
});

describe.each(databases)('staff authorization on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });

  const account = async () =>
    (
      await ctx().container.services.staff.createAccount({
        email: `t-${randomBytes(4).toString('hex')}@example.jp`,
        role: 'consultant',
        displayName: 'T',
        actor: { type: 'system', id: null },
      })
    ).account.id;

  /** A fresh consultation moved to `triaged` through the service, so it has a task. */
  const newCase = async () => {
    const t = ctx();
    const res = await submit(t.app, consultation('AUTHZ'));
    const { caseNumber } = res.json<{ caseNumber: string }>();
    const db = t.container.database.db;
    const { id } = await db
      .selectFrom('cases')
      .select('id')
      .where('case_number', '=', caseNumber)
      .executeTakeFirstOrThrow();
    const actor = { id: await account(), ipHash: null };
    const moved = await t.container.services.cases.moveStage({
      id,
      to: 'triaged',
      version: 1,
      actor,
      locale: 'ja',
    });
    return { id, version: moved.version, taskId: moved.tasks[0]?.id ?? '' };
  };

  const cases = Object.entries(ROUTES).flatMap(([route, c]) =>
    CALLERS.map((caller) => [route, caller, c] as const),
  );

  it.each(cases)('%s as %s', async (route, caller, c) => {
    // A fresh session per call, so logout and revocation never affect the next row.
    const who = caller === 'anonymous' ? null : await signIn(ctx(), clock, caller);
    const { url, payload } = await c.request(who, { account, case: newCase });
    const method = route.split(' ')[0] as 'GET' | 'POST';
    const res = await ctx().app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: who?.headers ?? {},
    });
    expect(res.statusCode, res.body).toBe(c.expected[caller]);
  });

  it('refuses every cookie-authenticated write without the CSRF token', async () => {
    // Fresh: the table above moves the clock past the idle timeout of earlier sessions.
    const admin = await signIn(ctx(), clock, 'admin');
    for (const [route, c] of Object.entries(ROUTES)) {
      const [method] = route.split(' ');
      const access = { ...STAFF_POLICY, ...AUDIT_POLICY, ...CASES_POLICY }[route as keyof typeof ROUTES];
      if (method !== 'POST' || access === 'public') continue;
      const { url, payload } = await c.request(admin, { account, case: newCase });
      const res = await ctx().app.inject({
        method: 'POST',
        url,
        payload: payload ?? {},
        headers: { cookie: admin.headers.cookie ?? '' },
      });
      expect(res.statusCode, route).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('staff.csrf');
    }
  });
});
