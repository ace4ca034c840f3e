import {
  ApiErrorSchema,
  CaseQueuePageSchema,
  DEFAULT_TEAM_ID,
  StaffCaseOpenedSchema,
  StaffCaseSchema,
  TeamCreatedSchema,
  VictimCaseSchema,
} from '@mimamoru/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases, useTestApp } from './harness.js';
import { consultation, json, login } from './intake-fixtures.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

/** What a consultant types while the person is on the phone: the web form's fields and the channel. */
function phoneCase(marker: string, overrides: Record<string, unknown> = {}) {
  return {
    ...consultation(marker),
    contact: { channel: 'phone', phone: '090-1234-5678', notes: `${marker}NOTES 夜は不可` },
    channel: 'phone',
    ...overrides,
  };
}

describe.each(databases)('cases opened by staff on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let consultant: SignedIn;
  let nightShift: SignedIn;
  let admin: SignedIn;
  let nightTeam: string;

  const open = (who: SignedIn, payload: object, headers: Record<string, string> = {}) =>
    ctx().app.inject({
      method: 'POST',
      url: '/api/staff/cases',
      payload,
      headers: { ...who.headers, ...json, ...headers },
    });
  const get = (url: string, who: SignedIn) => ctx().app.inject({ method: 'GET', url, headers: who.headers });

  beforeAll(async () => {
    admin = await signIn(ctx(), clock, 'admin');
    consultant = await signIn(ctx(), clock, 'consultant');
    nightShift = await signIn(ctx(), clock, 'consultant');
    nightTeam = TeamCreatedSchema.parse(
      (
        await ctx().app.inject({
          method: 'POST',
          url: '/api/staff/teams',
          payload: { name: '夜間' },
          headers: { ...admin.headers, ...json },
        })
      ).json(),
    ).team.id;
    await ctx().container.services.teams.setAccountTeam({
      id: nightShift.id,
      teamId: nightTeam,
      actor: { type: 'system', id: null },
    });
  });

  it('gives a case number and a one-time key the caller can open the victim page with', async () => {
    const res = await open(consultant, phoneCase('PHONE1'));
    expect(res.statusCode, res.body).toBe(201);
    const opened = StaffCaseOpenedSchema.parse(res.json());
    expect(opened.caseNumber).toMatch(/^MM-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const { cookie, res: session } = await login(ctx().app, opened.caseNumber, opened.accessKey);
    expect(session.statusCode, session.body).toBe(200);
    const victim = VictimCaseSchema.parse(
      (await ctx().app.inject({ method: 'GET', url: '/api/victim/case', headers: { cookie } })).json(),
    );
    expect(victim.narrative).toContain('PHONE1NARRATIVE');
    expect(victim.contact).toMatchObject({ channel: 'phone', phone: '090-1234-5678' });
    expect(victim.status).toBe('received');

    const row = await ctx()
      .container.database.db.selectFrom('cases')
      .selectAll()
      .where('case_number', '=', opened.caseNumber)
      .executeTakeFirstOrThrow();
    expect(row.id).toBe(opened.id);
    // The key is stored only as an argon2id hash; personal fields are sealed.
    expect(row.access_key_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(opened.accessKey);
    expect(JSON.stringify(row)).not.toContain('PHONE1');
    expect(row).toMatchObject({
      intake_channel: 'phone',
      team_id: DEFAULT_TEAM_ID,
      opened_by: consultant.id,
    });
  });

  it('joins the same queue as web consultations, showing the channel, and its page says who opened it', async () => {
    const res = await open(consultant, phoneCase('PHONE2', { channel: 'letter' }));
    const { id } = StaffCaseOpenedSchema.parse(res.json());
    const queue = CaseQueuePageSchema.parse(
      (await get('/api/staff/cases?stage=open&pageSize=100', consultant)).json(),
    );
    const item = queue.cases.find((c) => c.id === id);
    expect(item).toMatchObject({ channel: 'letter', stage: 'new', team: { id: DEFAULT_TEAM_ID } });
    expect(item?.sla.status).toBe('running');

    const page = StaffCaseSchema.parse((await get(`/api/staff/cases/${id}`, consultant)).json());
    expect(page.channel).toBe('letter');
    expect(page.openedBy?.id).toBe(consultant.id);
    expect(page.intake.narrative).toContain('PHONE2NARRATIVE');

    const line = await ctx()
      .container.database.db.selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'cases.opened_by_staff')
      .where('target_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(line.actor_id).toBe(consultant.id);
    expect(JSON.parse(line.detail ?? '{}')).toEqual({ channel: 'letter', teamId: DEFAULT_TEAM_ID });
  });

  it("goes to the opener's team: another team's consultant cannot see it", async () => {
    const res = await open(nightShift, phoneCase('NIGHT', { channel: 'email' }));
    expect(res.statusCode, res.body).toBe(201);
    const { id } = StaffCaseOpenedSchema.parse(res.json());
    const night = CaseQueuePageSchema.parse((await get('/api/staff/cases?stage=all', nightShift)).json());
    expect(night.cases.map((c) => c.id)).toEqual([id]);
    expect(night.cases[0]?.team.name).toBe('夜間');
    expect((await get(`/api/staff/cases/${id}`, consultant)).statusCode).toBe(404);
    // An admin without a team opens into the default team.
    const byAdmin = StaffCaseOpenedSchema.parse(
      (await open(admin, phoneCase('ADMIN', { channel: 'walk-in' }))).json(),
    );
    const adminCase = StaffCaseSchema.parse((await get(`/api/staff/cases/${byAdmin.id}`, consultant)).json());
    expect(adminCase).toMatchObject({ channel: 'walk-in', team: { id: DEFAULT_TEAM_ID } });
  });

  it('validates with the web form contract plus the channel, with localized messages', async () => {
    const missing = await open(consultant, { ...phoneCase('BAD'), channel: undefined });
    expect(missing.statusCode).toBe(400);
    const issues = ApiErrorSchema.parse(missing.json()).error.issues ?? [];
    expect(issues.map((i) => i.path)).toEqual(['channel']);

    const web = await open(consultant, phoneCase('BAD', { channel: 'web' }));
    expect(web.statusCode).toBe(400);

    const noPhone = await open(
      consultant,
      phoneCase('BAD', { contact: { channel: 'phone' }, narrative: '' }),
      { 'accept-language': 'en' },
    );
    const problems = ApiErrorSchema.parse(noPhone.json()).error.issues ?? [];
    expect(problems.map((i) => i.path).sort()).toEqual(['contact.phone', 'narrative']);
    expect(problems.find((i) => i.path === 'contact.phone')?.message).toMatch(/phone number/i);

    const unknownField = await open(consultant, { ...phoneCase('BAD'), teamId: 'default' });
    expect(unknownField.statusCode).toBe(400);
  });

  it('e-mails the key when asked, as the web form does, and never logs personal data', async () => {
    const res = await open(
      consultant,
      phoneCase('MAILED', {
        channel: 'email',
        contact: { channel: 'email', email: 'mailed@example.jp' },
        emailAccessKey: true,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const jobs = await ctx().container.database.db.selectFrom('jobs').select('type').execute();
    expect(jobs.map((j) => j.type)).toContain('mail.send');
    const logs = ctx().logs.join('\n');
    expect(logs).not.toContain('MAILED');
    expect(logs).not.toContain('mailed@example.jp');
    expect(logs).not.toContain(StaffCaseOpenedSchema.parse(res.json()).accessKey);
  });
});
