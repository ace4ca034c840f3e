import {
  ConsultationCreatedSchema,
  EvidenceCaptureAcceptedSchema,
  EvidenceCaptureListSchema,
  EvidenceLockerSchema,
  type EvidenceCapture,
} from '@mimamoru/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, useTestApp, type TestApp } from './harness.js';
import { FIXTURE_POST, startCaptureFixture, startSecretServer } from './capture-fixtures.js';
import { consultation, json, submit } from './intake-fixtures.js';
import { caseIdOf } from './support/evidence-chain.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

// Started before the apps, so their allow list can name the fixture's port (testing-only setting).
const secret = await startSecretServer();
const fixture = await startCaptureFixture({ privateTarget: secret.origin });
afterAll(async () => {
  await fixture.close();
  await secret.close();
});

async function newCase(t: TestApp, marker: string): Promise<string> {
  const created = ConsultationCreatedSchema.parse((await submit(t.app, consultation(marker))).json());
  return caseIdOf(t.container.database.db, created.caseNumber);
}

describe.each(databases)('server capture jobs on %s', { timeout: 90_000 }, (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now, env: { MIMAMORU_CAPTURE_ALLOW_HOSTS: fixture.hostPort } });
  let consultant: SignedIn;

  beforeAll(async () => {
    consultant = await signIn(ctx(), clock, 'consultant');
  });

  const requestCapture = (caseId: string, url: string, locale = 'ja') =>
    ctx().app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/evidence/capture?locale=${locale}`,
      payload: { url },
      headers: { ...consultant.headers, ...json },
    });

  const captures = async (caseId: string, locale = 'ja'): Promise<EvidenceCapture[]> => {
    const res = await ctx().app.inject({
      method: 'GET',
      url: `/api/staff/cases/${caseId}/evidence/captures?locale=${locale}`,
      headers: consultant.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return EvidenceCaptureListSchema.parse(res.json()).captures;
  };

  const locker = async (caseId: string) => {
    const res = await ctx().app.inject({
      method: 'GET',
      url: `/api/staff/cases/${caseId}/evidence`,
      headers: consultant.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return EvidenceLockerSchema.parse(res.json());
  };

  it('queues a capture (202), and the job adds a server-captured item with every artifact to the chain', async () => {
    const caseId = await newCase(ctx(), 'CAPA');
    const url = `${fixture.origin}/r1`;
    const res = await requestCapture(caseId, url);
    expect(res.statusCode, res.body).toBe(202);
    const { captureId, status } = EvidenceCaptureAcceptedSchema.parse(res.json());
    expect(status).toBe('queued');
    expect((await captures(caseId)).map((c) => [c.id, c.status, c.url])).toEqual([[captureId, 'queued', url]]);
    const row = await ctx()
      .container.database.db.selectFrom('evidence_captures')
      .selectAll()
      .where('id', '=', captureId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('/r1');

    expect(await ctx().container.worker.runOnce()).toMatchObject({ done: 1, failed: 0 });

    const [done] = await captures(caseId);
    expect(done).toMatchObject({ id: captureId, status: 'done', errorCode: null });
    const view = await locker(caseId);
    expect(view.verification.ok).toBe(true);
    expect(view.entries.map((e) => [e.seq, e.type, e.actorType])).toEqual([[1, 'add', 'system']]);
    const [item] = view.items;
    expect(item?.id).toBe(done?.itemId);
    expect(item).toMatchObject({ capturedBy: 'server', postUrl: `${fixture.origin}/status/1`, platform: 'other' });
    expect(item?.files.map((f) => f.role).sort()).toEqual(
      ['html', 'http-headers', 'mhtml', 'provenance', 'screenshot', 'screenshot-annotated'].sort(),
    );

    const file = async (role: string) => {
      const meta = item?.files.find((f) => f.role === role);
      const got = await ctx().app.inject({
        method: 'GET',
        url: `/api/staff/cases/${caseId}/evidence/files/${meta?.sha256 ?? ''}`,
        headers: consultant.headers,
      });
      expect(got.statusCode, got.body).toBe(200);
      return got.rawPayload;
    };
    expect((await file('html')).toString('utf8')).toContain(FIXTURE_POST.text);
    expect((await file('screenshot')).subarray(1, 4).toString('latin1')).toBe('PNG');
    const headers = JSON.parse((await file('http-headers')).toString('utf8')) as {
      finalUrl: string;
      redirects: { status: number }[];
      response: { status: number };
    };
    expect(headers.finalUrl).toBe(`${fixture.origin}/status/1`);
    expect(headers.redirects.map((r) => r.status)).toEqual([301, 302]);
    expect(headers.response.status).toBe(200);
    const provenance = JSON.parse((await file('provenance')).toString('utf8')) as {
      software: string;
      browser: string;
      requestedUrl: string;
    };
    expect(provenance.software).toBe('mimamoru server capture');
    expect(provenance.requestedUrl).toBe(url);

    // Idempotent: running the job again changes nothing.
    expect(await ctx().container.worker.runOnce()).toMatchObject({ done: 0 });
    expect((await locker(caseId)).entries).toHaveLength(1);
  });

  it('records a login wall as a failure with advice, leaving the locker untouched', async () => {
    const caseId = await newCase(ctx(), 'CAPB');
    expect((await requestCapture(caseId, `${fixture.origin}/login-wall`)).statusCode).toBe(202);
    await ctx().container.worker.runOnce();
    const [failed] = await captures(caseId, 'en');
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'login_wall', itemId: null });
    expect(failed?.errorMessage).toContain('victim’s own');
    const [inJapanese] = await captures(caseId, 'ja');
    expect(inJapanese?.errorMessage).toContain('被害者ご本人のブラウザ');
    const view = await locker(caseId);
    expect(view.entries).toEqual([]);
    expect(view.items).toEqual([]);
  });

  it('fails a capture whose page redirects to a private address, without reaching it', async () => {
    const caseId = await newCase(ctx(), 'CAPC');
    expect((await requestCapture(caseId, `${fixture.origin}/redirect-out`)).statusCode).toBe(202);
    await ctx().container.worker.runOnce();
    expect((await captures(caseId))[0]).toMatchObject({ status: 'failed', errorCode: 'blocked_address' });
    expect(secret.hits()).toBe(0);
    expect((await locker(caseId)).entries).toEqual([]);
  });

  it.each([
    ['file:///etc/passwd', 'evidence_capture.blocked_scheme'],
    ['data:text/html,hello', 'evidence_capture.blocked_scheme'],
    ['http://localhost:3000/api/staff/accounts', 'evidence_capture.blocked_address'],
    ['http://169.254.169.254/latest/meta-data/', 'evidence_capture.blocked_address'],
    ['http://10.0.0.8/', 'evidence_capture.blocked_address'],
    ['http://[::1]:8080/', 'evidence_capture.blocked_address'],
    ['not a url', 'evidence_capture.invalid_url'],
  ])('refuses %s when asked (422 %s), queuing nothing', async (url, code) => {
    const caseId = await newCase(ctx(), 'CAPD');
    const res = await requestCapture(caseId, url, 'en');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json<{ error: { code: string; message: string } }>().error.code).toBe(code);
    expect(await captures(caseId)).toEqual([]);
  });
});
