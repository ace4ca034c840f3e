import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  ApiErrorSchema,
  AuditPageSchema,
  DEFAULT_TEAM_ID,
  StaffLoginResponseSchema,
  StaffMeSchema,
  StaffSessionsSchema,
  StaffSetupResponseSchema,
} from '@mimamoru/contracts';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { run, type CliIo } from '../src/cli/main.js';
import { databases, useTestApp } from './harness.js';
import { cookieOf, manualClock, PASSWORD, post, signIn, tokenOf, totp } from './staff-fixtures.js';

const code = (body: string) => ApiErrorSchema.parse(JSON.parse(body)).error.code;
const strip = (body: string) => ({ ...ApiErrorSchema.parse(JSON.parse(body)).error, requestId: '' });

describe.each(databases)('staff accounts on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });

  async function newAccount(role: 'admin' | 'consultant' | 'lawyer' = 'consultant') {
    const email = `p-${randomBytes(4).toString('hex')}@example.jp`;
    const created = await ctx().container.services.staff.createAccount({
      email,
      role,
      displayName: 'Person',
      actor: { type: 'system', id: null },
    });
    return { email, token: tokenOf(created.setupUrl), id: created.account.id };
  }

  it('sets up password and TOTP from the link, logs in, reads /me and logs out', async () => {
    const { app } = ctx();
    const { email, token, id } = await newAccount();
    const setup = await post(app, '/api/staff/setup', { token, password: PASSWORD, displayName: '相談員 A' });
    expect(setup.statusCode).toBe(200);
    const enrolment = StaffSetupResponseSchema.parse(setup.json());
    expect(enrolment.totpUri).toMatch(/^otpauth:\/\/totp\/mimamoru:/);
    expect(enrolment.qrSvg).toContain('<svg');
    // Login is refused until TOTP is confirmed.
    const early = await post(app, '/api/staff/login', {
      email,
      password: PASSWORD,
      code: await totp(clock, enrolment.secretBase32),
    });
    expect(early.statusCode).toBe(401);
    const wrongCode = await post(app, '/api/staff/setup/totp', { token, code: '000000' });
    expect(code(wrongCode.body)).toBe('staff.totp_invalid');
    const confirm = await post(app, '/api/staff/setup/totp', {
      token,
      code: await totp(clock, enrolment.secretBase32),
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json<{ recoveryCodes: string[] }>().recoveryCodes).toHaveLength(10);

    const login = await post(app, '/api/staff/login', {
      email: email.toUpperCase(),
      password: PASSWORD,
      code: await totp(clock, enrolment.secretBase32),
    });
    expect(login.statusCode).toBe(200);
    const session = StaffLoginResponseSchema.parse(login.json());
    expect(session.account).toEqual({
      id,
      email,
      displayName: '相談員 A',
      role: 'consultant',
      teamId: DEFAULT_TEAM_ID,
    });
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^mm_staff=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toMatch(/Path=\/api(;|$)/);
    expect(cookie).not.toContain('Secure');

    const headers = { cookie: `mm_staff=${cookieOf(login)}`, 'x-csrf-token': session.csrfToken };
    const me = await app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: headers.cookie } });
    expect(StaffMeSchema.parse(me.json()).account.id).toBe(id);

    const noCsrf = await post(app, '/api/staff/logout', {}, { cookie: headers.cookie });
    expect(code(noCsrf.body)).toBe('staff.csrf');
    const logout = await post(app, '/api/staff/logout', {}, headers);
    expect(logout.statusCode).toBe(204);
    const after = await app.inject({
      method: 'GET',
      url: '/api/staff/me',
      headers: { cookie: headers.cookie },
    });
    expect(code(after.body)).toBe('staff.not_signed_in');
  });

  it('refuses weak passwords with a localized reason', async () => {
    const { email, token } = await newAccount();
    for (const [password, expected] of [
      ['short', 'staff.password_too_short'],
      [email, 'staff.password_is_email'],
      ['Password1234', 'staff.password_common'],
    ] as const) {
      const res = await ctx().app.inject({
        method: 'POST',
        url: '/api/staff/setup',
        payload: { token, password },
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(400);
      expect(code(res.body)).toBe(expected);
    }
  });

  it('gives the same 401 for an unknown email, a wrong password and a wrong code', async () => {
    const me = await signIn(ctx(), clock, 'consultant');
    const attempts = [
      { email: 'nobody@example.jp', password: PASSWORD, code: await totp(clock, me.secret) },
      { email: me.email, password: 'wrong password here', code: await totp(clock, me.secret) },
      { email: me.email, password: PASSWORD, code: '123456' },
      { email: me.email, password: PASSWORD },
    ];
    const answers = [];
    for (const attempt of attempts) {
      const res = await post(ctx().app, '/api/staff/login', attempt);
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
      answers.push(strip(res.body));
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]?.code).toBe('staff.invalid_credentials');
    expect(ctx().logs.join('\n')).not.toContain(me.email);
  });

  it('locks an account for 15 minutes after 5 failures, with a clear message', async () => {
    const me = await signIn(ctx(), clock, 'lawyer');
    for (let i = 0; i < 5; i++) {
      const res = await post(ctx().app, '/api/staff/login', {
        email: me.email,
        password: 'not the password',
      });
      expect(res.statusCode).toBe(401);
    }
    const locked = await ctx().app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { email: me.email, password: PASSWORD, code: await totp(clock, me.secret) },
      headers: { 'accept-language': 'en' },
    });
    expect(locked.statusCode).toBe(423);
    expect(code(locked.body)).toBe('staff.locked');
    expect(strip(locked.body).message).toMatch(/locked.*15 minute/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    clock.advance(15 * 60_000);
    const ok = await post(ctx().app, '/api/staff/login', {
      email: me.email,
      password: PASSWORD,
      code: await totp(clock, me.secret),
    });
    expect(ok.statusCode).toBe(200);
  });

  it('locks unknown emails the same way, so a lock says nothing about who has an account', async () => {
    for (let i = 0; i < 5; i++)
      await post(ctx().app, '/api/staff/login', { email: 'ghost@example.jp', password: 'x' });
    const res = await post(ctx().app, '/api/staff/login', { email: 'ghost@example.jp', password: 'x' });
    expect(code(res.body)).toBe('staff.locked');
  });

  it('accepts a TOTP code once, and each recovery code once', async () => {
    const me = await signIn(ctx(), clock, 'consultant');
    const current = await totp(clock, me.secret);
    const first = await post(ctx().app, '/api/staff/login', {
      email: me.email,
      password: PASSWORD,
      code: current,
    });
    expect(first.statusCode).toBe(200);
    const replay = await post(ctx().app, '/api/staff/login', {
      email: me.email,
      password: PASSWORD,
      code: current,
    });
    expect(replay.statusCode).toBe(401);
    const recoveryCode = me.recoveryCodes[0]?.toLowerCase() ?? '';
    const withCode = await post(ctx().app, '/api/staff/login', {
      email: me.email,
      password: PASSWORD,
      recoveryCode,
    });
    expect(withCode.statusCode).toBe(200);
    const again = await post(ctx().app, '/api/staff/login', {
      email: me.email,
      password: PASSWORD,
      recoveryCode,
    });
    expect(again.statusCode).toBe(401);
  });

  it('uses a setup link once, and not after 72 hours', async () => {
    const used = await signIn(ctx(), clock, 'consultant');
    const { token } = await newAccount();
    clock.advance(71 * 3600_000);
    expect((await post(ctx().app, '/api/staff/setup', { token, password: PASSWORD })).statusCode).toBe(200);
    clock.advance(2 * 3600_000);
    const expired = await post(ctx().app, '/api/staff/setup', { token, password: PASSWORD });
    expect(code(expired.body)).toBe('staff.setup_invalid');
    expect(used.id).toBeTruthy();
    // A completed link cannot reset the password.
    const second = await newAccount();
    const setup = StaffSetupResponseSchema.parse(
      (await post(ctx().app, '/api/staff/setup', { token: second.token, password: PASSWORD })).json(),
    );
    await post(ctx().app, '/api/staff/setup/totp', {
      token: second.token,
      code: await totp(clock, setup.secretBase32),
    });
    const reuse = await post(ctx().app, '/api/staff/setup', {
      token: second.token,
      password: 'another long password',
    });
    expect(code(reuse.body)).toBe('staff.setup_invalid');
  });

  it('lists own sessions and revokes one; sessions end after 30 idle minutes and after 12 hours', async () => {
    const me = await signIn(ctx(), clock, 'consultant');
    const other = await post(ctx().app, '/api/staff/login', {
      email: me.email,
      password: PASSWORD,
      code: await totp(clock, me.secret),
    });
    const list = StaffSessionsSchema.parse(
      (await ctx().app.inject({ method: 'GET', url: '/api/staff/sessions', headers: me.headers })).json(),
    );
    expect(list.sessions).toHaveLength(2);
    const otherSession = list.sessions.find((s) => !s.current);
    const revoke = await post(ctx().app, `/api/staff/sessions/${otherSession?.id}/revoke`, {}, me.headers);
    expect(revoke.statusCode).toBe(204);
    const revoked = await ctx().app.inject({
      method: 'GET',
      url: '/api/staff/me',
      headers: { cookie: `mm_staff=${cookieOf(other)}` },
    });
    expect(revoked.statusCode).toBe(401);

    for (let i = 0; i < 30; i++) {
      clock.advance(25 * 60_000);
      const res = await ctx().app.inject({ method: 'GET', url: '/api/staff/me', headers: me.headers });
      if (res.statusCode !== 200) {
        expect(i * 25).toBeGreaterThanOrEqual(11 * 60);
        break;
      }
    }
    const fresh = await post(ctx().app, '/api/staff/login', {
      email: me.email,
      password: PASSWORD,
      code: await totp(clock, me.secret),
    });
    clock.advance(31 * 60_000);
    const idle = await ctx().app.inject({
      method: 'GET',
      url: '/api/staff/me',
      headers: { cookie: `mm_staff=${cookieOf(fresh)}` },
    });
    expect(code(idle.body)).toBe('staff.not_signed_in');
  });

  it('writes audit lines without emails or IPs, and the database refuses to change them', async () => {
    const admin = await signIn(ctx(), clock, 'admin');
    await post(ctx().app, '/api/staff/login', { email: admin.email, password: 'wrong wrong wrong' });
    const res = await ctx().app.inject({
      method: 'GET',
      url: `/api/staff/audit?actor=${admin.id}`,
      headers: admin.headers,
    });
    const page = AuditPageSchema.parse(res.json());
    const actions = page.entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['staff.login', 'staff.login_failed', 'staff.totp_enrolled']),
    );
    const raw = JSON.stringify(page);
    expect(raw).not.toContain(admin.email);
    expect(raw).not.toContain('127.0.0.1');
    expect(page.entries.every((e) => e.ipHash === null || /^[0-9a-f]{64}$/.test(e.ipHash))).toBe(true);

    const csv = await ctx().app.inject({
      method: 'GET',
      url: '/api/staff/audit.csv',
      headers: admin.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('staff.login');
    const exported = AuditPageSchema.parse(
      (
        await ctx().app.inject({
          method: 'GET',
          url: '/api/staff/audit?action=audit.exported',
          headers: admin.headers,
        })
      ).json(),
    );
    expect(exported.entries[0]?.actorId).toBe(admin.id);

    const { db } = ctx().container.database;
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const count = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(5);
  });

  it('lets an admin create and disable accounts; the new link works and disabling ends sessions', async () => {
    const admin = await signIn(ctx(), clock, 'admin');
    const target = await signIn(ctx(), clock, 'consultant');
    const created = await post(
      ctx().app,
      '/api/staff/accounts',
      { email: `New-${randomBytes(3).toString('hex')}@Example.jp`, role: 'lawyer', displayName: '弁護士 B' },
      admin.headers,
    );
    expect(created.statusCode).toBe(201);
    const { setupUrl, account } = created.json<{ setupUrl: string; account: { email: string } }>();
    expect(account.email).toBe(account.email.toLowerCase());
    expect(setupUrl).toMatch(/\/console\/setup#[A-Za-z0-9_-]{43}$/);
    expect(
      (await post(ctx().app, '/api/staff/setup', { token: tokenOf(setupUrl), password: PASSWORD }))
        .statusCode,
    ).toBe(200);
    const dup = await post(
      ctx().app,
      '/api/staff/accounts',
      { email: account.email, role: 'lawyer', displayName: 'x' },
      admin.headers,
    );
    expect(code(dup.body)).toBe('staff.email_taken');

    const disabled = await post(ctx().app, `/api/staff/accounts/${target.id}/disable`, {}, admin.headers);
    expect(disabled.statusCode).toBe(200);
    const gone = await ctx().app.inject({ method: 'GET', url: '/api/staff/me', headers: target.headers });
    expect(gone.statusCode).toBe(401);
    const relogin = await post(ctx().app, '/api/staff/login', {
      email: target.email,
      password: PASSWORD,
      code: await totp(clock, target.secret),
    });
    expect(code(relogin.body)).toBe('staff.invalid_credentials');
  });
});

describe.each(databases)('staff CLI on %s', (kind) => {
  const ctx = useTestApp(kind);

  function io(env: Record<string, string>) {
    const out = { stdout: '', stderr: '' };
    const cliIo: CliIo = {
      stdin: Readable.from(['']),
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
      env,
    };
    return { out, cliIo };
  }

  it('staff create prints a setup link that works; list and disable follow', async () => {
    const { config } = ctx();
    const env = {
      DATABASE_URL: config.database.url,
      MIMAMORU_MASTER_KEY: config.masterKey ?? '',
      MIMAMORU_DATA_DIR: config.dataDir,
      PUBLIC_URL: 'https://mimamoru.example.jp',
    };
    const create = io(env);
    const exit = await run(
      ['staff', 'create', '--email', 'First.Admin@example.jp', '--role', 'admin'],
      create.cliIo,
    );
    expect(exit).toBe(0);
    const link = /https:\/\/mimamoru\.example\.jp\/console\/setup#([A-Za-z0-9_-]{43})/.exec(
      create.out.stdout,
    );
    expect(link).not.toBeNull();
    const setup = await post(ctx().app, '/api/staff/setup', { token: link?.[1], password: PASSWORD });
    expect(setup.statusCode).toBe(200);

    const list = io(env);
    expect(await run(['staff', 'list'], list.cliIo)).toBe(0);
    expect(list.out.stdout).toContain('first.admin@example.jp');
    expect(list.out.stdout).toContain('setup-pending');

    const last = io(env);
    expect(await run(['staff', 'disable', '--email', 'first.admin@example.jp'], last.cliIo)).toBe(2);
    expect(last.out.stderr).toContain('last active administrator');
    const bad = io(env);
    expect(await run(['staff', 'create', '--email', 'x@example.jp', '--role', 'owner'], bad.cliIo)).toBe(2);
  });
});

describe('production mode', () => {
  it('refuses to serve without an admin account and says how to create one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-prod-'));
    try {
      let stderr = '';
      const exit = await run(['serve', '--port', '0'], {
        stdin: Readable.from(['']),
        stdout: { write: () => true },
        stderr: { write: (text: string) => (stderr += text) },
        env: {
          MIMAMORU_ENV: 'production',
          MIMAMORU_DATA_DIR: dir,
          MIMAMORU_MASTER_KEY: randomBytes(32).toString('base64'),
          LOG_LEVEL: 'silent',
        },
      });
      expect(exit).toBe(1);
      expect(stderr).toContain('mimamoru staff create --email <address> --role admin');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
