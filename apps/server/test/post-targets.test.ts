import {
  ConsultationCreatedSchema,
  PostTargetListSchema,
  StaffCaseSchema,
  type PostTarget,
} from '@mimamoru/contracts';
import { DISCLOSURE_TRANSITIONS, TAKEDOWN_TRANSITIONS } from '@mimamoru/core';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { listEncryptedColumns } from '../src/security/encrypted-columns.js';
import { databases, useTestApp, type TestApp } from './harness.js';
import { consultation, json, login, submit } from './intake-fixtures.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

type ErrorBody = { error: { code: string; message: string; issues?: { path: string }[] } };

function get(app: FastifyInstance, url: string, who: SignedIn, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers: { ...who.headers, ...headers } });
}

function write(app: FastifyInstance, url: string, who: SignedIn, payload: object, headers = {}) {
  return app.inject({ method: 'POST', url, payload, headers: { ...who.headers, ...json, ...headers } });
}

/** A case whose intake lists an X post twice (once spelled differently), a 5ch thread and a blog. */
async function newCase(t: TestApp, marker: string) {
  const created = ConsultationCreatedSchema.parse(
    (
      await submit(
        t.app,
        consultation(marker, {
          platforms: ['x', '5ch'],
          postUrls: [
            `https://x.com/someone/status/${marker}1`,
            `https://egg.5ch.net/test/read.cgi/${marker}/1/`,
            `HTTPS://X.COM:443/someone/status/${marker}1`,
            `https://someone.example/${marker}/blog`,
          ],
        }),
      )
    ).json(),
  );
  const { id } = await t.container.database.db
    .selectFrom('cases')
    .select('id')
    .where('case_number', '=', created.caseNumber)
    .executeTakeFirstOrThrow();
  return { id, ...created };
}

describe.each(databases)('per-post targets on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let consultant: SignedIn;

  beforeAll(async () => {
    consultant = await signIn(ctx(), clock, 'consultant');
  });

  const targets = async (caseId: string, who: SignedIn = consultant) => {
    const res = await get(ctx().app, `/api/staff/cases/${caseId}/targets`, who);
    expect(res.statusCode, res.body).toBe(200);
    return PostTargetListSchema.parse(res.json()).targets;
  };

  const move = (caseId: string, target: PostTarget, body: object, headers = {}) =>
    write(ctx().app, `/api/staff/cases/${caseId}/targets/${target.id}`, consultant, body, headers);

  it('tracks each intake post once, lazily on first listing, with its platform and both tracks pending', async () => {
    const c = await newCase(ctx(), 'TGTA');
    const db = ctx().container.database.db;
    expect(
      await db.selectFrom('case_post_targets').selectAll().where('case_id', '=', c.id).execute(),
    ).toEqual([]);
    const first = await targets(c.id);
    expect(first.map((t) => [t.url, t.platform, t.takedown, t.disclosure])).toEqual([
      ['https://x.com/someone/status/TGTA1', 'x', 'pending', 'pending'],
      ['https://egg.5ch.net/test/read.cgi/TGTA/1/', '5ch', 'pending', 'pending'],
      // Not recognisable and the victim named two platforms: other.
      ['https://someone.example/TGTA/blog', 'other', 'pending', 'pending'],
    ]);
    expect(first[0]?.next).toEqual({
      takedown: [...TAKEDOWN_TRANSITIONS.pending],
      disclosure: [...DISCLOSURE_TRANSITIONS.pending],
    });
    // Idempotent: listing again (or concurrently) adds nothing.
    const again = await Promise.all([targets(c.id), targets(c.id)]);
    expect(again[0].map((t) => t.id)).toEqual(first.map((t) => t.id));
    expect(again[1].map((t) => t.id)).toEqual(first.map((t) => t.id));
    const audit = await db
      .selectFrom('audit_log')
      .select('detail')
      .where('target_id', '=', c.id)
      .where('action', '=', 'cases.targets_viewed')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail ?? '{}') as unknown)).toEqual([
      { created: 3 },
      { created: 0 },
      { created: 0 },
    ]);
  });

  it('keeps the URL sealed at rest and re-encryptable by key rotation', async () => {
    const c = await newCase(ctx(), 'TGTSEAL');
    await targets(c.id);
    const rows = await ctx()
      .container.database.db.selectFrom('case_post_targets')
      .selectAll()
      .where('case_id', '=', c.id)
      .execute();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toContain('TGTSEAL');
      expect(row.url_sealed).toBeTruthy();
      expect(row.url_hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(
      listEncryptedColumns()
        .find((r) => r.table === 'case_post_targets')
        ?.columns.map((col) => col.column),
    ).toEqual(['url_sealed']);
  });

  it('adds a post staff found, refuses one already tracked, and records both on the timeline', async () => {
    const c = await newCase(ctx(), 'TGTADD');
    const added = await write(ctx().app, `/api/staff/cases/${c.id}/targets`, consultant, {
      url: 'https://www.instagram.com/p/TGTADD/',
      platform: 'instagram',
    });
    expect(added.statusCode, added.body).toBe(201);
    const list = PostTargetListSchema.parse(added.json()).targets;
    // The intake's posts were tracked first, then the new one.
    expect(list.map((t) => t.platform)).toEqual(['x', '5ch', 'other', 'instagram']);
    const instagram = list[3];

    const duplicate = await write(ctx().app, `/api/staff/cases/${c.id}/targets`, consultant, {
      url: 'https://X.com/someone/status/TGTADD1',
      platform: 'x',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<ErrorBody>().error.code).toBe('cases.target_duplicate');

    const notUrl = await write(ctx().app, `/api/staff/cases/${c.id}/targets`, consultant, {
      url: 'javascript:alert(1)',
      platform: 'x',
    });
    expect(notUrl.statusCode).toBe(400);
    expect(notUrl.json<ErrorBody>().error.issues?.map((i) => i.path)).toEqual(['url']);

    const page = StaffCaseSchema.parse((await get(ctx().app, `/api/staff/cases/${c.id}`, consultant)).json());
    expect(page.events.filter((e) => e.type === 'target-added').map((e) => e.detail)).toEqual([
      { targetId: instagram?.id, platform: 'instagram' },
    ]);
  });

  it('moves each track along the core machine, refuses forbidden moves naming from → to, and detects stale versions', async () => {
    const c = await newCase(ctx(), 'TGTMOVE');
    const [post] = await targets(c.id);
    if (!post) throw new Error('no target');

    const requested = await move(c.id, post, { track: 'takedown', to: 'takedown-requested', version: 1 });
    expect(requested.statusCode, requested.body).toBe(200);
    const afterRequest = PostTargetListSchema.parse(requested.json()).targets[0];
    expect(afterRequest).toMatchObject({ takedown: 'takedown-requested', disclosure: 'pending', version: 2 });
    expect(afterRequest?.next.takedown).toEqual(['removed', 'refused']);

    // Someone else's view of version 1 is stale now.
    const stale = await move(c.id, post, { track: 'takedown', to: 'refused', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe('cases.target_stale');

    const removed = await move(c.id, post, { track: 'takedown', to: 'removed', version: 2 });
    expect(removed.statusCode, removed.body).toBe(200);

    const forbiddenJa = await move(
      c.id,
      post,
      { track: 'takedown', to: 'refused', version: 3 },
      { 'accept-language': 'ja' },
    );
    expect(forbiddenJa.statusCode).toBe(409);
    const errorJa = forbiddenJa.json<ErrorBody>().error;
    expect(errorJa.code).toBe('cases.target_transition_forbidden');
    expect(errorJa.message).toContain('「削除済み」から「削除されず」');
    const forbiddenEn = await move(
      c.id,
      post,
      { track: 'takedown', to: 'pending', version: 3 },
      { 'accept-language': 'en' },
    );
    expect(forbiddenEn.json<ErrorBody>().error.message).toContain('from "removed" to "not requested"');

    // The disclosure track is independent: a removed post can still lead to the poster.
    const skip = await move(
      c.id,
      post,
      { track: 'disclosure', to: 'ip-disclosed', version: 3 },
      { 'accept-language': 'en' },
    );
    expect(skip.statusCode).toBe(409);
    expect(skip.json<ErrorBody>().error.message).toContain('"not started" to "IP address disclosed"');
    const disclosure = await move(c.id, post, {
      track: 'disclosure',
      to: 'disclosure-requested',
      version: 3,
    });
    expect(disclosure.statusCode, disclosure.body).toBe(200);
    const identified = await move(c.id, post, { track: 'disclosure', to: 'identified', version: 4 });
    expect(identified.statusCode, identified.body).toBe(200);

    // A state of the other track is a validation error, not a transition.
    const wrongTrack = await move(c.id, post, { track: 'takedown', to: 'identified', version: 5 });
    expect(wrongTrack.statusCode).toBe(400);
    expect(wrongTrack.json<ErrorBody>().error.code).toBe('validation_failed');

    const unknown = await write(
      ctx().app,
      `/api/staff/cases/${c.id}/targets/00000000-0000-4000-8000-000000000000`,
      consultant,
      { track: 'takedown', to: 'removed', version: 1 },
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorBody>().error.code).toBe('cases.target_not_found');

    // Statistics read these columns with the core state ids.
    const row = await ctx()
      .container.database.db.selectFrom('case_post_targets')
      .select(['takedown_state', 'disclosure_state', 'version'])
      .where('id', '=', post.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ takedown_state: 'removed', disclosure_state: 'identified', version: 5 });

    const page = StaffCaseSchema.parse((await get(ctx().app, `/api/staff/cases/${c.id}`, consultant)).json());
    expect(page.events.filter((e) => e.type === 'target-changed').map((e) => e.detail)).toEqual([
      { targetId: post.id, track: 'takedown', from: 'pending', to: 'takedown-requested' },
      { targetId: post.id, track: 'takedown', from: 'takedown-requested', to: 'removed' },
      { targetId: post.id, track: 'disclosure', from: 'pending', to: 'disclosure-requested' },
      { targetId: post.id, track: 'disclosure', from: 'disclosure-requested', to: 'identified' },
    ]);
    const changes = await ctx()
      .container.database.db.selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('target_id', '=', c.id)
      .where('action', '=', 'cases.target_changed')
      .execute();
    expect(changes).toHaveLength(4);
    expect(changes.every((a) => a.actor_id === consultant.id)).toBe(true);
    expect(changes.map((a) => a.detail).join()).not.toContain('TGTMOVE');
  });

  it('answers 404 to a consultant of another team, as for an unknown case', async () => {
    const c = await newCase(ctx(), 'TGTTEAM');
    const other = await signIn(ctx(), clock, 'consultant');
    const team = await ctx().container.services.teams.createTeam({
      name: 'TGT other team',
      actor: { type: 'system', id: null },
    });
    await ctx().container.services.teams.setAccountTeam({
      id: other.id,
      teamId: team.team.id,
      actor: { type: 'system', id: null },
    });
    const res = await get(ctx().app, `/api/staff/cases/${c.id}/targets`, other);
    expect(res.statusCode).toBe(404);
    const add = await write(ctx().app, `/api/staff/cases/${c.id}/targets`, other, {
      url: 'https://x.com/a/status/1',
      platform: 'x',
    });
    expect(add.statusCode).toBe(404);
  });

  it('erases the URLs when the victim withdraws, keeping the outcomes for statistics', async () => {
    const c = await newCase(ctx(), 'TGTWD');
    const [post] = await targets(c.id);
    if (!post) throw new Error('no target');
    expect((await move(c.id, post, { track: 'takedown', to: 'removed', version: 1 })).statusCode).toBe(200);

    const { cookie, csrf } = await login(ctx().app, c.caseNumber, c.accessKey);
    const withdrawn = await ctx().app.inject({
      method: 'POST',
      url: '/api/victim/withdraw',
      headers: { ...json, cookie, 'x-csrf-token': csrf },
      payload: { confirm: true },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    const rows = await ctx()
      .container.database.db.selectFrom('case_post_targets')
      .select(['url_sealed', 'url_hash', 'takedown_state'])
      .where('case_id', '=', c.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.url_sealed, r.url_hash])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(rows[0]?.takedown_state).toBe('removed');
    expect((await get(ctx().app, `/api/staff/cases/${c.id}/targets`, consultant)).statusCode).toBe(404);
    const change = await move(c.id, post, { track: 'disclosure', to: 'disclosure-requested', version: 2 });
    expect(change.statusCode).toBe(409);
    expect(change.json<ErrorBody>().error.code).toBe('cases.withdrawn');
  });
});
