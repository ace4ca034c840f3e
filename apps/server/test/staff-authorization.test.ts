import { randomBytes, randomUUID } from 'node:crypto';
import type { StaffRole } from '@mimamoru/contracts';
import { describe, expect, it } from 'vitest';
import { AUDIT_POLICY } from '../src/modules/audit/audit.policy.js';
import { CASES_POLICY } from '../src/modules/cases/cases.policy.js';
import { STAFF_POLICY } from '../src/modules/staff/staff.policy.js';
import { TEAMS_POLICY } from '../src/modules/teams/teams.policy.js';
import { REFERRALS_POLICY } from '../src/modules/referrals/referrals.policy.js';
import { POST_TARGETS_POLICY } from '../src/modules/cases/post-targets.policy.js';
import { SAVED_VIEWS_POLICY } from '../src/modules/saved-views/saved-views.policy.js';
import { TEMPLATES_POLICY } from '../src/modules/templates/templates.policy.js';
import { STATS_POLICY } from '../src/modules/stats/stats.policy.js';
import { EVIDENCE_POLICY } from '../src/modules/evidence/evidence.policy.js';
import { EVIDENCE_CAPTURE_POLICY } from '../src/modules/evidence-capture/evidence-capture.policy.js';
import { EVIDENCE_BUNDLE_POLICY } from '../src/modules/evidence-bundle/evidence-bundle.policy.js';
import { DOCUMENTS_POLICY } from '../src/modules/documents/documents.policy.js';
import { ANALYSIS_POLICY } from '../src/modules/analysis/analysis.policy.js';
import { databases, useTestApp } from './harness.js';
import { consultation, pngWithText, submit } from './intake-fixtures.js';
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
      /** A fresh team's id. */
      team: () => Promise<string>;
      /** A fresh reply template's id (version 1). */
      template: () => Promise<string>;
      /** A fresh saved view owned by `owner` (by a fresh account when null). */
      view: (owner: SignedIn | null) => Promise<string>;
      /** A fresh case with one tracked post (its intake URL): the ids and the post's version. */
      target: () => Promise<{ caseId: string; targetId: string; version: number }>;
      /** A lawyer with a profile: the caller when they are one, else a fresh lawyer account. */
      lawyer: (caller: SignedIn | null) => Promise<{ id: string; version: number }>;
      /** A fresh case with one recorded party. */
      party: () => Promise<{ caseId: string; partyId: string }>;
      /** A fresh case with one evidence item (one PNG). */
      evidence: () => Promise<{ caseId: string; itemId: string; sha256: string }>;
      /** A fresh case with one evidence item and one generated document (a case summary). */
      document: () => Promise<{ caseId: string; documentId: string }>;
      /** A fresh case with one finished post analysis run (2 posts): the ids and one post's id. */
      analysis: () => Promise<{ caseId: string; runId: string; postId: string }>;
      /** A fresh case referred to `lawyer(caller)`, pending or already accepted. */
      referral: (
        caller: SignedIn | null,
        state?: 'pending' | 'accepted',
      ) => Promise<{ id: string; caseId: string; version: number }>;
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
/** A lawyer's own referrals: nobody else's routes. */
const lawyerOnly = (status: number) => ({ admin: 403, consultant: 403, lawyer: status, anonymous: 401 });
/** Within a year of the test clock's start (2026-12-01). */
const REFERRAL_EXPIRY = '2027-06-30';

/** Every route of every staff policy table, with what each caller gets. */
const ROUTES: Record<
  | keyof typeof STAFF_POLICY
  | keyof typeof AUDIT_POLICY
  | keyof typeof CASES_POLICY
  | keyof typeof TEAMS_POLICY
  | keyof typeof TEMPLATES_POLICY
  | keyof typeof SAVED_VIEWS_POLICY
  | keyof typeof POST_TARGETS_POLICY
  | keyof typeof REFERRALS_POLICY
  | keyof typeof STATS_POLICY
  | keyof typeof EVIDENCE_POLICY
  | keyof typeof EVIDENCE_CAPTURE_POLICY
  | keyof typeof EVIDENCE_BUNDLE_POLICY
  | keyof typeof DOCUMENTS_POLICY
  | keyof typeof ANALYSIS_POLICY,
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
  'POST /api/staff/cases': {
    request: async () => ({
      url: '/api/staff/cases',
      payload: { ...consultation('OPENED'), channel: 'phone' },
    }),
    expected: caseWorkers(201),
  },
  'POST /api/staff/cases/:id/team': {
    request: async (_caller, ids) => {
      const { id, version } = await ids.case();
      return { url: `/api/staff/cases/${id}/team`, payload: { teamId: await ids.team(), version } };
    },
    expected: adminOnly(200),
  },
  'GET /api/staff/teams': { request: async () => ({ url: '/api/staff/teams' }), expected: adminOnly(200) },
  'POST /api/staff/teams': {
    request: async () => ({
      url: '/api/staff/teams',
      payload: { name: `チーム ${randomBytes(4).toString('hex')}` },
    }),
    expected: adminOnly(201),
  },
  'POST /api/staff/accounts/:id/team': {
    request: async (_caller, ids) => ({
      url: `/api/staff/accounts/${await ids.account()}/team`,
      payload: { teamId: await ids.team() },
    }),
    expected: adminOnly(200),
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
  'GET /api/staff/templates': {
    request: async () => ({ url: '/api/staff/templates?locale=ja' }),
    expected: caseWorkers(200),
  },
  'POST /api/staff/templates': {
    request: async () => ({
      url: '/api/staff/templates',
      payload: { title: '確認', locale: 'ja', body: '相談番号 {{caseNumber}} について確認します。' },
    }),
    expected: adminOnly(201),
  },
  'POST /api/staff/templates/:id': {
    request: async (_caller, ids) => ({
      url: `/api/staff/templates/${await ids.template()}`,
      payload: { title: 'Check', locale: 'en', body: 'About {{caseNumber}}.', version: 1 },
    }),
    expected: adminOnly(200),
  },
  'POST /api/staff/templates/:id/archive': {
    request: async (_caller, ids) => ({
      url: `/api/staff/templates/${await ids.template()}/archive`,
      payload: { version: 1 },
    }),
    expected: adminOnly(200),
  },
  'GET /api/staff/views': { request: async () => ({ url: '/api/staff/views' }), expected: caseWorkers(200) },
  'POST /api/staff/views': {
    request: async () => ({
      url: '/api/staff/views',
      payload: { name: '緊急のみ', query: { stage: 'open', priority: 'urgent' }, shared: false },
    }),
    expected: caseWorkers(201),
  },
  'POST /api/staff/views/:id/delete': {
    request: async (caller, ids) => ({
      url: `/api/staff/views/${await ids.view(caller)}/delete`,
      payload: {},
    }),
    expected: caseWorkers(204),
  },
  'GET /api/staff/cases/:id/targets': {
    request: async (_caller, ids) => ({ url: `/api/staff/cases/${(await ids.case()).id}/targets` }),
    expected: caseWorkers(200),
  },
  'POST /api/staff/cases/:id/targets': {
    request: async (_caller, ids) => ({
      url: `/api/staff/cases/${(await ids.case()).id}/targets`,
      payload: { url: 'https://x.com/someone/status/2', platform: 'x' },
    }),
    expected: caseWorkers(201),
  },
  'POST /api/staff/cases/:id/targets/:targetId': {
    request: async (_caller, ids) => {
      const { caseId, targetId, version } = await ids.target();
      return {
        url: `/api/staff/cases/${caseId}/targets/${targetId}`,
        payload: { track: 'takedown', to: 'takedown-requested', version },
      };
    },
    expected: caseWorkers(200),
  },
  'GET /api/staff/lawyers': { request: async () => ({ url: '/api/staff/lawyers' }), expected: everyone(200) },
  'POST /api/staff/lawyers/:id/profile': {
    request: async (caller, ids) => {
      const { id, version } = await ids.lawyer(caller);
      return {
        url: `/api/staff/lawyers/${id}/profile`,
        payload: {
          office: '',
          specialties: ['defamation'],
          regions: ['nationwide'],
          languages: ['ja'],
          capacity: 100,
          acceptsHouterasu: true,
          available: true,
          version,
        },
      };
    },
    expected: { admin: 200, consultant: 403, lawyer: 200, anonymous: 401 },
  },
  'GET /api/staff/cases/:id/parties': {
    request: async (_caller, ids) => ({ url: `/api/staff/cases/${(await ids.case()).id}/parties` }),
    expected: caseWorkers(200),
  },
  'POST /api/staff/cases/:id/parties': {
    request: async (_caller, ids) => ({
      url: `/api/staff/cases/${(await ids.case()).id}/parties`,
      payload: { role: 'adverse', kind: 'handle', value: '@someone' },
    }),
    expected: caseWorkers(201),
  },
  'POST /api/staff/cases/:id/parties/:partyId/remove': {
    request: async (_caller, ids) => {
      const { caseId, partyId } = await ids.party();
      return { url: `/api/staff/cases/${caseId}/parties/${partyId}/remove`, payload: {} };
    },
    expected: caseWorkers(200),
  },
  'POST /api/staff/cases/:id/conflict-check': {
    request: async (_caller, ids) => ({
      url: `/api/staff/cases/${(await ids.case()).id}/conflict-check`,
      payload: { lawyerId: (await ids.lawyer(null)).id },
    }),
    expected: caseWorkers(200),
  },
  'GET /api/staff/cases/:id/referrals': {
    request: async (_caller, ids) => ({ url: `/api/staff/cases/${(await ids.case()).id}/referrals` }),
    expected: caseWorkers(200),
  },
  'POST /api/staff/cases/:id/referrals': {
    request: async (_caller, ids) => ({
      url: `/api/staff/cases/${(await ids.case()).id}/referrals`,
      payload: {
        lawyerId: (await ids.lawyer(null)).id,
        shares: ['narrative'],
        expiresOn: REFERRAL_EXPIRY,
        acknowledgeConflicts: true,
      },
    }),
    expected: caseWorkers(201),
  },
  'POST /api/staff/referrals/:id/withdraw': {
    request: async (caller, ids) => {
      const { id, version } = await ids.referral(caller);
      return { url: `/api/staff/referrals/${id}/withdraw`, payload: { version } };
    },
    expected: caseWorkers(200),
  },
  'GET /api/staff/referrals': {
    request: async () => ({ url: '/api/staff/referrals' }),
    expected: lawyerOnly(200),
  },
  'GET /api/staff/referrals/:id': {
    request: async (caller, ids) => ({ url: `/api/staff/referrals/${(await ids.referral(caller)).id}` }),
    expected: lawyerOnly(200),
  },
  'GET /api/staff/referrals/:id/attachments/:attachmentId': {
    // The referral shares no files: past the policy, the lawyer gets the service's 404.
    request: async (caller, ids) => ({
      url: `/api/staff/referrals/${(await ids.referral(caller)).id}/attachments/${randomUUID()}`,
    }),
    expected: lawyerOnly(404),
  },
  'GET /api/staff/evidence/key': {
    request: async () => ({ url: '/api/staff/evidence/key' }),
    expected: everyone(200),
  },
  'GET /api/staff/cases/:id/evidence': {
    request: async (_caller, ids) => ({ url: `/api/staff/cases/${(await ids.case()).id}/evidence` }),
    expected: caseWorkers(200),
  },
  'POST /api/staff/cases/:id/evidence': {
    // JSON carries no files: past the policy and the case scope, the service answers 400.
    request: async (_caller, ids) => ({
      url: `/api/staff/cases/${(await ids.case()).id}/evidence`,
      payload: { item: { platform: 'x', postUrl: 'https://x.com/a/status/2' } },
    }),
    expected: caseWorkers(400),
  },
  'POST /api/staff/cases/:id/evidence/:itemId/correct': {
    request: async (_caller, ids) => {
      const { caseId, itemId } = await ids.evidence();
      return {
        url: `/api/staff/cases/${caseId}/evidence/${itemId}/correct`,
        payload: { item: { platform: 'x', postUrl: 'https://x.com/a/status/1', text: 'T' }, reason: 'R' },
      };
    },
    expected: caseWorkers(200),
  },
  'POST /api/staff/cases/:id/evidence/:itemId/remove': {
    request: async (_caller, ids) => {
      const { caseId, itemId } = await ids.evidence();
      return { url: `/api/staff/cases/${caseId}/evidence/${itemId}/remove`, payload: { reason: 'R' } };
    },
    expected: caseWorkers(200),
  },
  'GET /api/staff/cases/:id/evidence/files/:sha256': {
    request: async (_caller, ids) => {
      const { caseId, sha256 } = await ids.evidence();
      return { url: `/api/staff/cases/${caseId}/evidence/files/${sha256}` };
    },
    expected: caseWorkers(200),
  },
  'GET /api/staff/cases/:id/evidence/timestamps': {
    request: async (_caller, ids) => ({ url: `/api/staff/cases/${(await ids.case()).id}/evidence/timestamps` }),
    expected: caseWorkers(200),
  },
  'POST /api/cases/:id/evidence/capture': {
    // A public address literal: no DNS needed; the job is queued, not run.
    request: async (_caller, ids) => ({
      url: `/api/cases/${(await ids.case()).id}/evidence/capture`,
      payload: { url: 'https://93.184.215.14/someone/status/1' },
    }),
    expected: caseWorkers(202),
  },
  'POST /api/cases/:id/evidence/bundle': {
    // A case with one item: past the policy and the case scope, the ZIP streams.
    request: async (_caller, ids) => ({ url: `/api/cases/${(await ids.evidence()).caseId}/evidence/bundle` }),
    expected: caseWorkers(200),
  },
  'GET /api/staff/cases/:id/evidence/captures': {
    request: async (_caller, ids) => ({ url: `/api/staff/cases/${(await ids.case()).id}/evidence/captures` }),
    expected: caseWorkers(200),
  },
  'POST /api/cases/:id/documents/preview': {
    request: async (_caller, ids) => ({
      url: `/api/cases/${(await ids.evidence()).caseId}/documents/preview`,
      payload: { kind: 'takedown-request' },
    }),
    expected: caseWorkers(200),
  },
  'POST /api/cases/:id/documents': {
    request: async (_caller, ids) => ({
      url: `/api/cases/${(await ids.evidence()).caseId}/documents`,
      payload: { kind: 'case-summary', format: 'pdf' },
    }),
    expected: caseWorkers(201),
  },
  'GET /api/cases/:id/documents': {
    request: async (_caller, ids) => ({ url: `/api/cases/${(await ids.case()).id}/documents` }),
    expected: caseWorkers(200),
  },
  'GET /api/cases/:id/documents/:docId/file': {
    request: async (_caller, ids) => {
      const { caseId, documentId } = await ids.document();
      return { url: `/api/cases/${caseId}/documents/${documentId}/file` };
    },
    expected: caseWorkers(200),
  },
  'POST /api/cases/:id/analyses': {
    request: async (_caller, ids) => ({
      url: `/api/cases/${(await ids.case()).id}/analyses`,
      payload: { text: 'こんにちは\nばか' },
    }),
    expected: caseWorkers(202),
  },
  'GET /api/cases/:id/analyses': {
    request: async (_caller, ids) => ({ url: `/api/cases/${(await ids.analysis()).caseId}/analyses` }),
    expected: caseWorkers(200),
  },
  'GET /api/cases/:id/analyses/:runId': {
    request: async (_caller, ids) => {
      const { caseId, runId } = await ids.analysis();
      return { url: `/api/cases/${caseId}/analyses/${runId}` };
    },
    expected: caseWorkers(200),
  },
  'GET /api/cases/:id/analyses/:runId/results': {
    request: async (_caller, ids) => {
      const { caseId, runId } = await ids.analysis();
      return { url: `/api/cases/${caseId}/analyses/${runId}/results?label=*` };
    },
    expected: caseWorkers(200),
  },
  'POST /api/cases/:id/analyses/:runId/evidence': {
    request: async (_caller, ids) => {
      const { caseId, runId, postId } = await ids.analysis();
      return { url: `/api/cases/${caseId}/analyses/${runId}/evidence`, payload: { postIds: [postId] } };
    },
    expected: caseWorkers(201),
  },
  'GET /api/cases/:id/analyses/:runId/report.pdf': {
    request: async (_caller, ids) => {
      const { caseId, runId, postId } = await ids.analysis();
      return { url: `/api/cases/${caseId}/analyses/${runId}/report.pdf?postIds=${encodeURIComponent(postId)}` };
    },
    expected: caseWorkers(200),
  },
  'GET /api/cases/:id/analyses/:runId/report.csv': {
    request: async (_caller, ids) => {
      const { caseId, runId, postId } = await ids.analysis();
      return { url: `/api/cases/${caseId}/analyses/${runId}/report.csv?postIds=${encodeURIComponent(postId)}` };
    },
    expected: caseWorkers(200),
  },
  'POST /api/staff/referrals/:id/accept': {
    request: async (caller, ids) => {
      const { id, version } = await ids.referral(caller);
      return { url: `/api/staff/referrals/${id}/accept`, payload: { version, acknowledgeConflicts: true } };
    },
    expected: lawyerOnly(200),
  },
  'POST /api/staff/referrals/:id/decline': {
    request: async (caller, ids) => {
      const { id, version } = await ids.referral(caller);
      return { url: `/api/staff/referrals/${id}/decline`, payload: { version } };
    },
    expected: lawyerOnly(200),
  },
  'POST /api/staff/referrals/:id/outcome': {
    request: async (caller, ids) => {
      const { id, version } = await ids.referral(caller, 'accepted');
      return { url: `/api/staff/referrals/${id}/outcome`, payload: { version, outcome: 'advice-only' } };
    },
    expected: lawyerOnly(200),
  },
  'GET /api/staff/stats': {
    request: async () => ({ url: '/api/staff/stats?from=2026-11-01&to=2026-12-01' }),
    expected: caseWorkers(200),
  },
  'GET /api/staff/stats.csv': {
    request: async () => ({ url: '/api/staff/stats.csv?locale=ja' }),
    expected: caseWorkers(200),
  },
};

describe('staff route table', () => {
  it('covers exactly the routes of the policy modules, with roles matching the expectations', () => {
    const policies: Record<string, unknown> = {
      ...STAFF_POLICY,
      ...AUDIT_POLICY,
      ...CASES_POLICY,
      ...TEAMS_POLICY,
      ...TEMPLATES_POLICY,
      ...SAVED_VIEWS_POLICY,
      ...POST_TARGETS_POLICY,
      ...REFERRALS_POLICY,
      ...STATS_POLICY,
      ...EVIDENCE_POLICY,
      ...EVIDENCE_CAPTURE_POLICY,
      ...EVIDENCE_BUNDLE_POLICY,
      ...DOCUMENTS_POLICY,
      ...ANALYSIS_POLICY,
    };
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
    const actor = { id: await account(), role: 'consultant' as const, teamId: 'default', ipHash: null };
    const moved = await t.container.services.cases.moveStage({
      id,
      to: 'triaged',
      version: 1,
      actor,
      locale: 'ja',
    });
    return { id, version: moved.version, taskId: moved.tasks[0]?.id ?? '' };
  };

  const team = async () =>
    (
      await ctx().container.services.teams.createTeam({
        name: `T ${randomBytes(4).toString('hex')}`,
        actor: { type: 'system', id: null },
      })
    ).team.id;
  const template = async () =>
    (
      await ctx().container.services.templates.createTemplate({
        input: { title: 'T', locale: 'ja', body: '{{caseNumber}}' },
        actor: { id: await account(), ipHash: null },
      })
    ).id;
  const view = async (owner: SignedIn | null) =>
    (
      await ctx().container.services.savedViews.createView({
        input: { name: 'V', query: { stage: 'open' }, shared: false },
        actor: { id: owner?.id ?? (await account()), role: 'consultant', ipHash: null },
      })
    ).id;
  const target = async () => {
    const { id } = await newCase();
    const { targets } = await ctx().container.services.postTargets.listTargets({
      caseId: id,
      actor: { id: await account(), role: 'admin', teamId: null, ipHash: null },
    });
    const first = targets[0];
    if (!first) throw new Error('the intake URL was not tracked');
    return { caseId: id, targetId: first.id, version: first.version };
  };
  /** A system-like case worker for fixtures made through the services. */
  const worker = async () => ({ id: await account(), role: 'admin' as const, teamId: null, ipHash: null });
  const lawyer = async (caller: SignedIn | null) => {
    const t = ctx();
    const own = caller
      ? await t.container.database.db
          .selectFrom('staff_accounts')
          .select('role')
          .where('id', '=', caller.id)
          .executeTakeFirst()
      : undefined;
    const id =
      own?.role === 'lawyer' && caller
        ? caller.id
        : (
            await t.container.services.staff.createAccount({
              email: `l-${randomBytes(4).toString('hex')}@example.jp`,
              role: 'lawyer',
              displayName: 'L',
              actor: { type: 'system', id: null },
            })
          ).account.id;
    const [entry] = (
      await t.container.services.lawyers.listLawyers({
        query: {},
        actor: { id, role: 'lawyer', teamId: null, ipHash: null },
      })
    ).lawyers;
    if (entry?.profile) return { id, version: entry.profile.version };
    const saved = await t.container.services.lawyers.saveProfile({
      lawyerId: id,
      input: {
        office: '',
        specialties: ['defamation'],
        regions: ['nationwide'],
        languages: ['ja'],
        capacity: 100,
        acceptsHouterasu: false,
        available: true,
      },
      actor: await worker(),
    });
    return { id, version: saved.profile?.version ?? 1 };
  };
  const party = async () => {
    const { id } = await newCase();
    const { parties } = await ctx().container.services.caseParties.addParty({
      caseId: id,
      input: { role: 'adverse', kind: 'handle', value: '@poster' },
      actor: await worker(),
    });
    return { caseId: id, partyId: parties[0]?.id ?? '' };
  };
  const referral = async (caller: SignedIn | null, state: 'pending' | 'accepted' = 'pending') => {
    const t = ctx();
    const { id: caseId } = await newCase();
    const lawyerId = (await lawyer(caller)).id;
    const { referrals } = await t.container.services.referrals.createReferral({
      caseId,
      input: { lawyerId, shares: ['narrative'], expiresOn: REFERRAL_EXPIRY, acknowledgeConflicts: true },
      actor: await worker(),
    });
    const created = referrals[0];
    if (!created) throw new Error('no referral');
    if (state === 'pending') return { id: created.id, caseId, version: created.version };
    const accepted = await t.container.services.referrals.acceptReferral({
      id: created.id,
      version: created.version,
      acknowledgeConflicts: true,
      actor: { id: lawyerId, role: 'lawyer', teamId: null, ipHash: null },
      locale: 'ja',
    });
    return { id: created.id, caseId, version: accepted.version };
  };
  const evidence = async () => {
    const { id: caseId } = await newCase();
    const png = pngWithText('AUTHZ');
    const locker = await ctx().container.services.evidence.staffAdd({
      caseId,
      actor: await worker(),
      data: { item: { platform: 'x', postUrl: 'https://x.com/a/status/1' } } as never,
      files: [{ filename: 'a.png', declaredType: 'image/png', bytes: png }],
    });
    const item = locker.items[0];
    if (!item?.files[0]) throw new Error('no evidence item');
    return { caseId, itemId: item.id, sha256: item.files[0].sha256 };
  };
  const document = async () => {
    const { caseId } = await evidence();
    const generated = await ctx().container.services.documents.staffGenerate({
      caseId,
      actor: await worker(),
      request: { kind: 'case-summary', format: 'pdf' },
    });
    return { caseId, documentId: generated.documents[0]?.id ?? '' };
  };
  const analysis = async () => {
    const { id: caseId } = await newCase();
    const t = ctx();
    const run = await t.container.services.analysis.staffCreateRun({
      caseId,
      actor: await worker(),
      upload: { source: 'text', bytes: Buffer.from('こんにちは\nお前はバカだ\n', 'utf8'), fields: {} },
    });
    await t.container.worker.runOnce();
    const chunk = await t.container.database.db
      .selectFrom('analysis_result_chunks')
      .select('sha256')
      .where('run_id', '=', run.id)
      .executeTakeFirstOrThrow();
    const first = (await t.container.blobStore.get(chunk.sha256)).toString('utf8').split('\n')[0] ?? '{}';
    return { caseId, runId: run.id, postId: (JSON.parse(first) as { post: { id: string } }).post.id };
  };
  const ids = { account, case: newCase, team, template, view, target, lawyer, party, referral, evidence, document, analysis };

  const cases = Object.entries(ROUTES).flatMap(([route, c]) =>
    CALLERS.map((caller) => [route, caller, c] as const),
  );

  it.each(cases)('%s as %s', async (route, caller, c) => {
    // A fresh session per call, so logout and revocation never affect the next row.
    const who = caller === 'anonymous' ? null : await signIn(ctx(), clock, caller);
    const { url, payload } = await c.request(who, ids);
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
      const access = {
        ...STAFF_POLICY,
        ...AUDIT_POLICY,
        ...CASES_POLICY,
        ...TEAMS_POLICY,
        ...TEMPLATES_POLICY,
        ...SAVED_VIEWS_POLICY,
        ...POST_TARGETS_POLICY,
        ...REFERRALS_POLICY,
        ...STATS_POLICY,
        ...EVIDENCE_POLICY,
        ...EVIDENCE_CAPTURE_POLICY,
        ...EVIDENCE_BUNDLE_POLICY,
      ...DOCUMENTS_POLICY,
      ...ANALYSIS_POLICY,
      }[route as keyof typeof ROUTES];
      if (method !== 'POST' || access === 'public') continue;
      const { url, payload } = await c.request(admin, ids);
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

  it('answers 404 to a consultant of another team on every route of a case, as for an unknown case', async () => {
    const t = ctx();
    const other = await signIn(t, clock, 'consultant');
    await t.container.services.teams.setAccountTeam({
      id: other.id,
      teamId: await team(),
      actor: { type: 'system', id: null },
    });
    const caseRoutes = [
      ...Object.keys(CASES_POLICY).filter((route) => route.includes(':id')),
      ...Object.keys(REFERRALS_POLICY).filter((route) => route.includes('/api/staff/cases/:id')),
      ...Object.keys(EVIDENCE_POLICY).filter((route) => route.includes('/api/staff/cases/:id')),
      ...Object.keys(EVIDENCE_CAPTURE_POLICY),
      ...Object.keys(DOCUMENTS_POLICY),
    ];
    expect(caseRoutes.length).toBeGreaterThan(5);
    for (const route of caseRoutes) {
      const { url, payload } = await ROUTES[route as keyof typeof ROUTES].request(other, ids);
      const method = route.split(' ')[0] as 'GET' | 'POST';
      const res = await t.app.inject({
        method,
        url,
        ...(payload ? { payload } : {}),
        headers: other.headers,
      });
      // Moving a case between teams is for admins: refused before the case is looked up.
      const expected = route === 'POST /api/staff/cases/:id/team' ? 403 : 404;
      expect(res.statusCode, `${route}: ${res.body}`).toBe(expected);
      if (expected === 404)
        expect(res.json<{ error: { code: string } }>().error.code).toBe('cases.not_found');
    }
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/staff/cases?stage=all',
      headers: other.headers,
    });
    expect(queue.json<{ total: number }>().total).toBe(0);
  });
});
