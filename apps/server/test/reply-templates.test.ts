import {
  ConsultationCreatedSchema,
  ReplyTemplateListSchema,
  ReplyTemplateSchema,
  StaffCaseSchema,
  VictimCaseSchema,
  type ReplyTemplate,
} from '@mimamoru/contracts';
import {
  fillTemplate,
  REPLY_TEMPLATE_PLACEHOLDERS,
  templateDate,
  todayInTokyo,
  unknownPlaceholders,
} from '@mimamoru/core';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases, useTestApp } from './harness.js';
import { consultation, json, login, submit } from './intake-fixtures.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

function get(app: FastifyInstance, url: string, who: SignedIn, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers: { ...who.headers, ...headers } });
}

function write(app: FastifyInstance, url: string, who: SignedIn, payload: object, headers = {}) {
  return app.inject({ method: 'POST', url, payload, headers: { ...who.headers, ...json, ...headers } });
}

describe.each(databases)('reply templates on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let admin: SignedIn;
  let consultant: SignedIn;

  beforeAll(async () => {
    admin = await signIn(ctx(), clock, 'admin');
    consultant = await signIn(ctx(), clock, 'consultant');
  });

  const list = async (query: string, who: SignedIn = consultant) => {
    const res = await get(ctx().app, `/api/staff/templates${query}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return ReplyTemplateListSchema.parse(res.json()).templates;
  };

  it('ships the four standard replies in Japanese and English, using only known placeholders', async () => {
    const ja = await list('?locale=ja');
    const en = await list('?locale=en');
    expect(ja.map((t) => t.title).sort()).toEqual(
      [
        '受付のご連絡（初回）',
        '書き込みの保存（スクリーンショット）のお願い',
        '削除の依頼について',
        '弁護士へのご紹介について',
      ].sort(),
    );
    expect(en).toHaveLength(4);
    for (const template of [...ja, ...en]) {
      expect(unknownPlaceholders(template.body), template.title).toEqual([]);
      expect(template.body).toContain('{{caseNumber}}');
      expect(template.createdBy).toBeNull();
      expect(template.archivedAt).toBeNull();
    }
    // Legal statements name their source.
    const deletion = ja.find((t) => t.title === '削除の依頼について');
    expect(deletion?.body).toContain('https://laws.e-gov.go.jp/law/413AC0000000137');
    const referral = en.find((t) => t.title === 'About being referred to a lawyer');
    expect(referral?.body).toContain('https://www.houterasu.or.jp/');
  });

  it('lets admins create, edit and archive templates, detects stale edits, and audits each change', async () => {
    const created = await write(ctx().app, '/api/staff/templates', admin, {
      title: '  返事のお願い ',
      locale: 'ja',
      body: '{{ consultantName }}です。相談番号 {{caseNumber}} について、お返事をお待ちしています。',
    });
    expect(created.statusCode, created.body).toBe(201);
    const template = ReplyTemplateSchema.parse(created.json());
    expect(template.title).toBe('返事のお願い');
    expect(template.version).toBe(1);
    expect(template.createdBy?.id).toBe(admin.id);

    const updated = await write(ctx().app, `/api/staff/templates/${template.id}`, admin, {
      title: '返事のお願い（再送）',
      locale: 'ja',
      body: '相談番号 {{caseNumber}} について、{{today}}時点でお返事をお待ちしています。',
      version: 1,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(ReplyTemplateSchema.parse(updated.json()).version).toBe(2);

    const stale = await write(ctx().app, `/api/staff/templates/${template.id}`, admin, {
      title: '古い版から',
      locale: 'ja',
      body: '上書きしないでください',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('templates.stale');

    expect((await list('?locale=ja')).map((t) => t.id)).toContain(template.id);
    const archived = await write(ctx().app, `/api/staff/templates/${template.id}/archive`, admin, {
      version: 2,
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(ReplyTemplateSchema.parse(archived.json()).archivedAt).not.toBeNull();
    expect((await list('?locale=ja')).map((t) => t.id)).not.toContain(template.id);
    const all = await list('?archived=include', admin);
    expect(all.find((t) => t.id === template.id)?.archivedAt).not.toBeNull();
    // Archived templates come after every active one.
    expect(all.at(-1)?.id).toBe(template.id);

    const editArchived = await write(ctx().app, `/api/staff/templates/${template.id}`, admin, {
      title: 'x',
      locale: 'ja',
      body: 'x',
      version: 3,
    });
    expect(editArchived.statusCode).toBe(409);
    expect(editArchived.json<{ error: { code: string } }>().error.code).toBe('templates.archived');

    const actions = await ctx()
      .container.database.db.selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target_id', '=', template.id)
      .orderBy('id')
      .execute();
    expect(actions).toEqual([
      { action: 'templates.created', actor_id: admin.id },
      { action: 'templates.updated', actor_id: admin.id },
      { action: 'templates.archived', actor_id: admin.id },
    ]);
  });

  it('lets consultants list templates but not write them', async () => {
    const [any] = await list('');
    expect(any).toBeDefined();
    const create = await write(ctx().app, '/api/staff/templates', consultant, {
      title: 'x',
      locale: 'ja',
      body: 'x',
    });
    expect(create.statusCode).toBe(403);
    const edit = await write(ctx().app, `/api/staff/templates/${any?.id}`, consultant, {
      title: 'x',
      locale: 'ja',
      body: 'x',
      version: any?.version,
    });
    expect(edit.statusCode).toBe(403);
    const archive = await write(ctx().app, `/api/staff/templates/${any?.id}/archive`, consultant, {
      version: any?.version,
    });
    expect(archive.statusCode).toBe(403);
    // Nothing changed.
    expect((await list('')).find((t) => t.id === any?.id)).toEqual(any);
  });

  it('refuses an unknown placeholder, naming it in the caller’s language', async () => {
    const body = { title: 'typo', locale: 'ja', body: '相談番号 {{caseNo}} と {{victimName}} さん' };
    const ja = await write(ctx().app, '/api/staff/templates', admin, body, { 'accept-language': 'ja' });
    expect(ja.statusCode).toBe(400);
    const error = ja.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe('templates.placeholder_unknown');
    expect(error.message).toContain('{{caseNo}}, {{victimName}}');
    expect(error.message).toContain('使えません');
    const en = await write(ctx().app, '/api/staff/templates', admin, body, { 'accept-language': 'en' });
    expect(en.json<{ error: { message: string } }>().error.message).toContain(
      REPLY_TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', '),
    );
    const invalid = await write(ctx().app, '/api/staff/templates', admin, {
      title: '',
      locale: 'fr',
      body: 'x',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  });

  it('fills a template for the case and sends it as a reply the victim reads; the first response is recorded', async () => {
    const created = ConsultationCreatedSchema.parse(
      (await submit(ctx().app, consultation('TPL', { locale: 'en' }))).json(),
    );
    const { id } = await ctx()
      .container.database.db.selectFrom('cases')
      .select('id')
      .where('case_number', '=', created.caseNumber)
      .executeTakeFirstOrThrow();
    const before = StaffCaseSchema.parse((await get(ctx().app, `/api/staff/cases/${id}`, consultant)).json());
    expect(before.firstResponseAt).toBeNull();

    // The picker offers templates in the victim's language.
    const offered = await list(`?locale=${before.locale}`);
    const acknowledgement = offered.find((t) => t.title === 'Acknowledgement (first reply)') as ReplyTemplate;
    const me = (await get(ctx().app, '/api/staff/me', consultant)).json<{
      account: { displayName: string };
    }>().account;
    const today = templateDate(todayInTokyo(clock.now()), 'en');
    const body = fillTemplate(acknowledgement.body, {
      caseNumber: before.caseNumber,
      consultantName: me.displayName,
      today,
    });
    expect(body).not.toContain('{{');
    expect(body).toContain(`My name is ${me.displayName}`);

    const sent = await write(ctx().app, `/api/staff/cases/${id}/replies`, consultant, {
      body,
      awaitingVictim: true,
      version: before.version,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const after = StaffCaseSchema.parse(sent.json());
    expect(after.firstResponseAt).toBe(clock.now().toISOString());

    const { cookie } = await login(ctx().app, created.caseNumber, created.accessKey);
    const victim = VictimCaseSchema.parse(
      (await ctx().app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie } })).json(),
    );
    const reply = victim.messages.find((m) => m.author === 'consultant');
    expect(reply?.body).toBe(body);
    expect(reply?.body).toContain(created.caseNumber);
  });
});
