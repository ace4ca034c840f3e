import { SavedViewListSchema, SavedViewSchema, type SavedView } from '@mimamoru/contracts';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAVED_VIEWS_MAX } from '../src/modules/saved-views/saved-views.service.js';
import { databases, useTestApp } from './harness.js';
import { json } from './intake-fixtures.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

function write(app: FastifyInstance, url: string, who: SignedIn, payload: object, headers = {}) {
  return app.inject({ method: 'POST', url, payload, headers: { ...who.headers, ...json, ...headers } });
}

describe.each(databases)('saved queue views on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let admin: SignedIn;
  let alice: SignedIn;
  let bob: SignedIn;

  beforeAll(async () => {
    admin = await signIn(ctx(), clock, 'admin');
    alice = await signIn(ctx(), clock, 'consultant');
    bob = await signIn(ctx(), clock, 'consultant');
  });

  const save = async (who: SignedIn, name: string, query: object, shared: boolean): Promise<SavedView> => {
    const res = await write(ctx().app, '/api/staff/views', who, { name, query, shared });
    expect(res.statusCode, res.body).toBe(201);
    return SavedViewSchema.parse(res.json());
  };

  const views = async (who: SignedIn) => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/staff/views', headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return SavedViewListSchema.parse(res.json()).views;
  };

  const remove = (who: SignedIn, id: string) => write(ctx().app, `/api/staff/views/${id}/delete`, who, {});

  it('shows each person their own views and the shared ones, never another person’s private ones', async () => {
    const mine = await save(
      alice,
      '自分の緊急',
      { stage: 'open', priority: 'urgent', assignee: 'me' },
      false,
    );
    const team = await save(alice, 'Xの未割り当て', { platform: 'x', assignee: 'none' }, true);
    const bobs = await save(bob, 'Bob private', { stage: 'all' }, false);

    expect(mine.query).toEqual({ stage: 'open', priority: 'urgent', assignee: 'me' });
    // Defaults are stored, so a view applies the same filters even if a default changes later.
    expect(team.query).toEqual({ stage: 'open', platform: 'x', assignee: 'none' });

    const forAlice = await views(alice);
    expect(forAlice.map((v) => v.id)).toEqual(expect.arrayContaining([mine.id, team.id]));
    expect(forAlice.map((v) => v.id)).not.toContain(bobs.id);
    expect(forAlice.every((v) => v.deletable)).toBe(true);

    const forBob = await views(bob);
    expect(forBob.map((v) => v.id)).toEqual([bobs.id, team.id]);
    expect(forBob.find((v) => v.id === team.id)).toMatchObject({
      shared: true,
      owner: { id: alice.id },
      deletable: false,
    });
  });

  it('lets only the owner or an admin delete a view; another person’s private view is not found', async () => {
    const shared = await save(alice, 'shared', { priority: 'high' }, true);
    const priv = await save(alice, 'private', { priority: 'normal' }, false);

    const bobShared = await remove(bob, shared.id);
    expect(bobShared.statusCode).toBe(403);
    expect(bobShared.json<{ error: { code: string } }>().error.code).toBe('views.not_owner');
    const bobPrivate = await remove(bob, priv.id);
    expect(bobPrivate.statusCode).toBe(404);
    expect(bobPrivate.json<{ error: { code: string } }>().error.code).toBe('views.not_found');
    expect((await views(alice)).map((v) => v.id)).toEqual(expect.arrayContaining([shared.id, priv.id]));

    expect((await remove(admin, shared.id)).statusCode).toBe(204);
    expect((await remove(alice, priv.id)).statusCode).toBe(204);
    expect((await remove(alice, priv.id)).statusCode).toBe(404);
    const left = (await views(alice)).map((v) => v.id);
    expect(left).not.toContain(shared.id);
    expect(left).not.toContain(priv.id);

    const audit = await ctx()
      .container.database.db.selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target_id', 'in', [shared.id, priv.id])
      .where('action', '=', 'views.deleted')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'views.deleted', actor_id: admin.id },
      { action: 'views.deleted', actor_id: alice.id },
    ]);
  });

  it('validates the filters against the queue query and refuses paging keys', async () => {
    const bad = await write(ctx().app, '/api/staff/views', alice, {
      name: 'bad',
      query: { stage: 'nowhere', page: 2 },
      shared: false,
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ error: { issues: { path: string }[] } }>().error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['query.stage', 'query.page']));
    const unnamed = await write(ctx().app, '/api/staff/views', alice, { name: ' ', query: {} });
    expect(unnamed.statusCode).toBe(400);
  });

  it('keeps a stored view readable when one of its filters no longer validates', async () => {
    const view = await save(bob, 'old', { platform: 'x', priority: 'high' }, false);
    await ctx()
      .container.database.db.updateTable('saved_views')
      .set({ query: JSON.stringify({ platform: 'retired-platform', priority: 'high' }) })
      .where('id', '=', view.id)
      .execute();
    const read = (await views(bob)).find((v) => v.id === view.id);
    expect(read?.query).toEqual({ stage: 'open', priority: 'high' });
  });

  it(`caps each person at ${SAVED_VIEWS_MAX} views`, async () => {
    const carol = await signIn(ctx(), clock, 'consultant');
    for (let i = 0; i < SAVED_VIEWS_MAX; i++) await save(carol, `v${i}`, {}, false);
    const over = await write(ctx().app, '/api/staff/views', carol, { name: 'one more', query: {} });
    expect(over.statusCode).toBe(409);
    expect(over.json<{ error: { code: string; message: string } }>().error.message).toContain(
      String(SAVED_VIEWS_MAX),
    );
  });
});
