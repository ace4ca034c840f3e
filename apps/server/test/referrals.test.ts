import {
  CasePartiesSchema,
  CaseReferralsSchema,
  ConflictCheckSchema,
  ConsultationCreatedSchema,
  LawyerDirectorySchema,
  LawyerEntrySchema,
  LawyerReferralListSchema,
  LawyerReferralSchema,
  STAFF_SESSION_COOKIE,
} from '@mimamoru/contracts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases, useTestApp, type TestApp } from './harness.js';
import { consultation, json, login, multipart, pngWithText, submit } from './intake-fixtures.js';
import { cookieOf, manualClock, PASSWORD, post, signIn, totp, type SignedIn } from './staff-fixtures.js';

const DAY = 86_400_000;

function get(app: FastifyInstance, url: string, who: SignedIn, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers: { ...who.headers, ...headers } });
}

function write(app: FastifyInstance, url: string, who: SignedIn, payload: object, headers = {}) {
  return app.inject({ method: 'POST', url, payload, headers: { ...who.headers, ...json, ...headers } });
}

async function caseIdOf(t: TestApp, caseNumber: string): Promise<string> {
  const row = await t.container.database.db
    .selectFrom('cases')
    .select('id')
    .where('case_number', '=', caseNumber)
    .executeTakeFirstOrThrow();
  return row.id;
}

const PROFILE = {
  office: 'みまもる法律事務所',
  specialties: ['defamation', 'disclosure-requests'],
  regions: ['13'],
  languages: ['ja', 'en'],
  capacity: 1,
  acceptsHouterasu: true,
  available: true,
};

describe.each(databases)('referrals to partner lawyers on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let admin: SignedIn;
  let consultant: SignedIn;
  let lawyerA: SignedIn;
  let lawyerB: SignedIn;
  let lawyerC: SignedIn;
  /** The case referred earlier to lawyer A (the planted overlap) and the new one. */
  const earlier = { id: '', caseNumber: '', referralId: '' };
  const current = { id: '', caseNumber: '', referralId: '' };

  const newCase = async (marker: string, overrides: Record<string, unknown> = {}) => {
    const res = await submit(ctx().app, consultation(marker, overrides));
    expect(res.statusCode, res.body).toBe(201);
    const { caseNumber } = ConsultationCreatedSchema.parse(res.json());
    return { caseNumber, id: await caseIdOf(ctx(), caseNumber) };
  };

  const saveProfile = async (who: SignedIn, lawyerId: string, body: object) => {
    const res = await write(ctx().app, `/api/staff/lawyers/${lawyerId}/profile`, who, body);
    expect(res.statusCode, res.body).toBe(200);
    return LawyerEntrySchema.parse(res.json());
  };

  const addParty = async (caseId: string, role: string, kind: string, value: string) => {
    const res = await write(ctx().app, `/api/staff/cases/${caseId}/parties`, consultant, {
      role,
      kind,
      value,
    });
    expect(res.statusCode, res.body).toBe(201);
    return CasePartiesSchema.parse(res.json());
  };

  const view = async (who: SignedIn, id: string, headers: Record<string, string> = {}) => {
    const res = await get(ctx().app, `/api/staff/referrals/${id}`, who, headers);
    expect(res.statusCode, res.body).toBe(200);
    return { parsed: LawyerReferralSchema.parse(res.json()), raw: res.body };
  };

  beforeAll(async () => {
    const t = ctx();
    admin = await signIn(t, clock, 'admin');
    consultant = await signIn(t, clock, 'consultant');
    lawyerA = await signIn(t, clock, 'lawyer');
    lawyerB = await signIn(t, clock, 'lawyer');
    lawyerC = await signIn(t, clock, 'lawyer');
  });

  describe('the directory', () => {
    it('lets an admin set profiles, and filters by specialty, region, language and 法テラス', async () => {
      const a = await saveProfile(admin, lawyerA.id, PROFILE);
      expect(a.profile?.version).toBe(1);
      expect(a.openReferrals).toBe(0);
      await saveProfile(admin, lawyerB.id, {
        ...PROFILE,
        office: '',
        specialties: ['privacy'],
        regions: ['nationwide'],
        languages: ['ja', 'zh'],
        capacity: 2,
        acceptsHouterasu: false,
      });
      const list = async (query = '') => {
        const res = await get(ctx().app, `/api/staff/lawyers${query}`, consultant);
        expect(res.statusCode, res.body).toBe(200);
        return LawyerDirectorySchema.parse(res.json()).lawyers.map((l) => l.id);
      };
      expect((await list()).sort()).toEqual([lawyerA.id, lawyerB.id, lawyerC.id].sort());
      expect(await list('?specialty=defamation')).toEqual([lawyerA.id]);
      expect(await list('?region=27')).toEqual([lawyerB.id]);
      expect((await list('?region=13')).sort()).toEqual([lawyerA.id, lawyerB.id].sort());
      expect(await list('?language=zh')).toEqual([lawyerB.id]);
      expect(await list('?houterasu=true')).toEqual([lawyerA.id]);
      expect((await list('?houterasu=false')).sort()).toEqual([lawyerB.id]);
      const bad = await get(ctx().app, '/api/staff/lawyers?region=48', consultant);
      expect(bad.statusCode).toBe(400);
    });

    it('shows a lawyer only their own entry, and lets them edit only their own profile', async () => {
      const own = await get(ctx().app, '/api/staff/lawyers', lawyerA);
      expect(LawyerDirectorySchema.parse(own.json()).lawyers.map((l) => l.id)).toEqual([lawyerA.id]);
      const mine = await saveProfile(lawyerA, lawyerA.id, {
        ...PROFILE,
        languages: ['ja', 'en', 'ko'],
        version: 1,
      });
      expect(mine.profile?.languages).toEqual(['ja', 'en', 'ko']);
      expect(mine.profile?.version).toBe(2);
      const other = await write(ctx().app, `/api/staff/lawyers/${lawyerB.id}/profile`, lawyerA, {
        ...PROFILE,
        version: 1,
      });
      expect(other.statusCode).toBe(403);
      expect(other.json<{ error: { code: string } }>().error.code).toBe('referrals.profile_forbidden');
      const stale = await write(ctx().app, `/api/staff/lawyers/${lawyerA.id}/profile`, admin, {
        ...PROFILE,
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json<{ error: { code: string } }>().error.code).toBe('referrals.profile_stale');
      const notLawyer = await write(ctx().app, `/api/staff/lawyers/${consultant.id}/profile`, admin, PROFILE);
      expect(notLawyer.statusCode).toBe(404);
    });
  });

  describe('parties and the conflict check', () => {
    beforeAll(async () => {
      // Earlier: 山田花子's case, the poster at x.com/Taro_X, referred to lawyer A, who accepted.
      const e = await newCase('QEARLIER', { name: '山田 花子' });
      Object.assign(earlier, e);
      await addParty(e.id, 'adverse', 'url', 'https://x.com/Taro_X/status/1');
      const sent = await write(ctx().app, `/api/staff/cases/${e.id}/referrals`, consultant, {
        lawyerId: lawyerA.id,
        shares: ['narrative'],
        expiresOn: '2026-12-31',
      });
      expect(sent.statusCode, sent.body).toBe(201);
      earlier.referralId = CaseReferralsSchema.parse(sent.json()).referrals[0]!.id;
      const accepted = await write(ctx().app, `/api/staff/referrals/${earlier.referralId}/accept`, lawyerA, {
        version: 1,
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      // Now: a new case whose poster is the same account written differently.
      Object.assign(current, await newCase('QCURRENT', { name: '匿名希望' }));
    });

    it('records the poster (sealed), lists it normalised, and removes it with an audit line each', async () => {
      const added = await addParty(current.id, 'adverse', 'handle', '@Ｔａｒｏ_x');
      expect(added.parties).toHaveLength(1);
      expect(added.parties[0]).toMatchObject({
        role: 'adverse',
        kind: 'handle',
        value: '@Ｔａｒｏ_x',
        normalized: 'taro_x',
      });
      const extra = await addParty(current.id, 'adverse', 'name', 'ついでの人');
      const removed = await write(
        ctx().app,
        `/api/staff/cases/${current.id}/parties/${extra.parties[1]!.id}/remove`,
        consultant,
        {},
      );
      expect(removed.statusCode, removed.body).toBe(200);
      expect(CasePartiesSchema.parse(removed.json()).parties.map((p) => p.value)).toEqual(['@Ｔａｒｏ_x']);
      const again = await write(
        ctx().app,
        `/api/staff/cases/${current.id}/parties/${extra.parties[1]!.id}/remove`,
        consultant,
        {},
      );
      expect(again.statusCode).toBe(404);
      const listed = await get(ctx().app, `/api/staff/cases/${current.id}/parties`, consultant);
      expect(CasePartiesSchema.parse(listed.json()).parties).toHaveLength(1);
      const actions = await auditActions(current.id);
      expect(actions).toEqual(expect.arrayContaining(['parties.added', 'parties.removed', 'parties.viewed']));
    });

    it('flags the earlier case of the same lawyer across width, case, @ and post URL, and the earlier client', async () => {
      // The earlier victim's name, recorded here as an adverse party (full-width space).
      await addParty(current.id, 'adverse', 'name', '山田　花子');
      const res = await write(ctx().app, `/api/staff/cases/${current.id}/conflict-check`, consultant, {
        lawyerId: lawyerA.id,
      });
      expect(res.statusCode, res.body).toBe(200);
      const check = ConflictCheckSchema.parse(res.json());
      expect(check.searched).toBe(1);
      expect(check.hits).toEqual(
        expect.arrayContaining([
          {
            normalized: 'taro_x',
            ourRole: 'adverse',
            theirRole: 'adverse',
            otherReferralId: earlier.referralId,
            otherCaseNumber: earlier.caseNumber,
          },
          {
            normalized: '山田花子',
            ourRole: 'adverse',
            theirRole: 'client',
            otherReferralId: earlier.referralId,
            otherCaseNumber: earlier.caseNumber,
          },
        ]),
      );
      expect(check.hits).toHaveLength(2);
      // Lawyer B has no other referral: nothing to flag.
      const none = await write(ctx().app, `/api/staff/cases/${current.id}/conflict-check`, consultant, {
        lawyerId: lawyerB.id,
      });
      expect(ConflictCheckSchema.parse(none.json()).hits).toEqual([]);
    });

    it('refuses to refer until the consultant acknowledges the hits (409 with them, localized)', async () => {
      const body = {
        lawyerId: lawyerA.id,
        shares: ['narrative', 'parties'],
        expiresOn: '2026-12-15',
        note: 'QREFNOTE 発信者情報開示のご相談です',
      };
      const refused = await write(ctx().app, `/api/staff/cases/${current.id}/referrals`, consultant, body, {
        'accept-language': 'en',
      });
      expect(refused.statusCode).toBe(409);
      const error = refused.json<{
        error: { code: string; message: string; details: { hits: unknown[] } };
      }>().error;
      expect(error.code).toBe('referrals.conflicts_unacknowledged');
      expect(error.message).toMatch(/found 2 match/);
      expect(ConflictCheckSchema.parse(error.details).hits).toHaveLength(2);
      const ja = await write(ctx().app, `/api/staff/cases/${current.id}/referrals`, consultant, body);
      expect(ja.json<{ error: { message: string } }>().error.message).toContain('利益相反');

      const sent = await write(ctx().app, `/api/staff/cases/${current.id}/referrals`, consultant, {
        ...body,
        acknowledgeConflicts: true,
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const [referral] = CaseReferralsSchema.parse(sent.json()).referrals;
      expect(referral).toMatchObject({
        status: 'pending',
        lawyer: { id: lawyerA.id },
        shares: ['narrative', 'parties'],
        conflictHits: 2,
        acknowledgedBy: { id: consultant.id },
        note: 'QREFNOTE 発信者情報開示のご相談です',
      });
      current.referralId = referral!.id;
      const duplicate = await write(ctx().app, `/api/staff/cases/${current.id}/referrals`, consultant, {
        ...body,
        acknowledgeConflicts: true,
      });
      expect(duplicate.json<{ error: { code: string } }>().error.code).toBe('referrals.duplicate');

      // What is stored about the hits names roles and referral ids, never a value.
      const stored = await ctx()
        .container.database.db.selectFrom('referrals')
        .select(['conflict_hits', 'note_sealed'])
        .where('id', '=', current.referralId)
        .executeTakeFirstOrThrow();
      expect(stored.conflict_hits).toContain(earlier.referralId);
      expect(stored.conflict_hits).not.toMatch(/taro|山田|花子/i);
      expect(stored.note_sealed).not.toContain('QREFNOTE');
      const line = await auditLine(current.id, 'referrals.created');
      expect(line).toMatchObject({ conflictHits: 2, conflictsAcknowledged: true, lawyerId: lawyerA.id });
    });

    it('shows the lawyer only the shared sections: the victim’s contact and the Guide are absent', async () => {
      const { parsed, raw } = await view(lawyerA, current.referralId);
      expect(parsed.status).toBe('pending');
      expect(parsed.caseNumber).toBe(current.caseNumber);
      expect(Object.keys(parsed.case ?? {}).sort()).toEqual(['caseNumber', 'narrative', 'parties', 'stage']);
      expect(parsed.case?.narrative?.text).toContain('QCURRENTNARRATIVE');
      expect(parsed.case?.parties?.map((p) => p.normalized)).toEqual(['taro_x', '山田花子']);
      expect(parsed.note).toBe('QREFNOTE 発信者情報開示のご相談です');
      // Not shared: contact (email, name, notes), posts, messages; internal notes never.
      for (const hidden of [
        'qcurrentmail@example.jp',
        '匿名希望',
        'QCURRENTNOTES',
        'QCURRENTPOSTURL',
        'deadlines',
      ])
        expect(raw).not.toContain(hidden);
      expect(raw).not.toContain('"guide"');
      expect(raw).not.toContain('"contact"');
      // The lawyer sees the hits too, with the referral and case number they already have.
      expect(parsed.conflicts.hits.map((h) => [h.normalized, h.otherCaseNumber])).toEqual(
        expect.arrayContaining([
          ['taro_x', earlier.caseNumber],
          ['山田花子', earlier.caseNumber],
        ]),
      );
      expect(await auditLine(current.id, 'referrals.viewed')).toMatchObject({
        referralId: current.referralId,
      });
    });

    it('keeps another lawyer out (404), and lawyers out of the case routes (403)', async () => {
      expect((await get(ctx().app, `/api/staff/referrals/${current.referralId}`, lawyerB)).statusCode).toBe(
        404,
      );
      expect(
        (await write(ctx().app, `/api/staff/referrals/${current.referralId}/accept`, lawyerB, { version: 1 }))
          .statusCode,
      ).toBe(404);
      expect((await get(ctx().app, '/api/staff/cases', lawyerA)).statusCode).toBe(403);
      expect((await get(ctx().app, `/api/staff/cases/${current.id}`, lawyerA)).statusCode).toBe(403);
      expect((await get(ctx().app, `/api/staff/cases/${current.id}/parties`, lawyerA)).statusCode).toBe(403);
      const mine = LawyerReferralListSchema.parse(
        (await get(ctx().app, '/api/staff/referrals', lawyerB)).json(),
      );
      expect(mine.referrals).toEqual([]);
    });

    it('refuses to accept beyond capacity, then asks the lawyer to acknowledge the hits too', async () => {
      const full = await write(ctx().app, `/api/staff/referrals/${current.referralId}/accept`, lawyerA, {
        version: 1,
      });
      expect(full.statusCode).toBe(409);
      expect(full.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: 'referrals.capacity_reached',
        message: expect.stringContaining('上限の1件'),
      });
      const entry = LawyerDirectorySchema.parse((await get(ctx().app, '/api/staff/lawyers', lawyerA)).json())
        .lawyers[0]!;
      expect(entry.openReferrals).toBe(1);
      expect(entry.pendingReferrals).toBe(1);
      await saveProfile(lawyerA, lawyerA.id, { ...PROFILE, capacity: 2, version: entry.profile!.version });

      const unacknowledged = await write(
        ctx().app,
        `/api/staff/referrals/${current.referralId}/accept`,
        lawyerA,
        {
          version: 1,
        },
      );
      expect(unacknowledged.statusCode).toBe(409);
      const error = unacknowledged.json<{ error: { code: string; details: unknown } }>().error;
      expect(error.code).toBe('referrals.conflicts_unacknowledged');
      expect(ConflictCheckSchema.parse(error.details).hits).toHaveLength(2);

      const accepted = await write(ctx().app, `/api/staff/referrals/${current.referralId}/accept`, lawyerA, {
        version: 1,
        acknowledgeConflicts: true,
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const referral = LawyerReferralSchema.parse(accepted.json());
      expect(referral.status).toBe('accepted');
      expect(referral.lawyerAcknowledgedAt).not.toBeNull();
      expect(referral.case?.narrative).toBeDefined();
      expect(await auditLine(current.id, 'referrals.accepted')).toMatchObject({
        conflictHits: 2,
        conflictsAcknowledged: true,
      });
      const stale = await write(ctx().app, `/api/staff/referrals/${current.referralId}/accept`, lawyerA, {
        version: 1,
        acknowledgeConflicts: true,
      });
      expect(stale.json<{ error: { code: string } }>().error.code).toBe('referrals.wrong_status');
    });

    it('records the lawyer’s outcome, which the consultant sees on the case', async () => {
      const before = (await view(lawyerA, current.referralId)).parsed;
      const done = await write(ctx().app, `/api/staff/referrals/${current.referralId}/outcome`, lawyerA, {
        version: before.version,
        outcome: 'identified',
        note: 'QOUTCOME 発信者を特定',
      });
      expect(done.statusCode, done.body).toBe(200);
      const completed = LawyerReferralSchema.parse(done.json());
      expect(completed).toMatchObject({ status: 'completed', outcome: 'identified' });
      expect(completed.case).toBeUndefined();
      const onCase = CaseReferralsSchema.parse(
        (await get(ctx().app, `/api/staff/cases/${current.id}/referrals`, consultant)).json(),
      ).referrals[0];
      expect(onCase).toMatchObject({
        status: 'completed',
        outcome: 'identified',
        outcomeNote: 'QOUTCOME 発信者を特定',
        lawyerAcknowledgedAt: expect.any(String),
      });
    });
  });

  describe('sharing, expiry, decline and withdrawal', () => {
    let withFile: { id: string; caseNumber: string };
    let attachmentId = '';

    beforeAll(async () => {
      const upload = await multipart({ consultation: JSON.stringify(consultation('QFILE')) }, [
        { name: 'QFILENAME.png', type: 'image/png', bytes: pngWithText('QFILEBYTES') },
      ]);
      const res = await ctx().app.inject({ method: 'POST', url: '/api/consultations', ...upload });
      expect(res.statusCode, res.body).toBe(201);
      const { caseNumber } = ConsultationCreatedSchema.parse(res.json());
      withFile = { caseNumber, id: await caseIdOf(ctx(), caseNumber) };
      const row = await ctx()
        .container.database.db.selectFrom('case_attachments')
        .select('id')
        .where('case_id', '=', withFile.id)
        .executeTakeFirstOrThrow();
      attachmentId = row.id;
    });

    const refer = async (lawyer: SignedIn, shares: string[], expiresOn: string) => {
      const res = await write(ctx().app, `/api/staff/cases/${withFile.id}/referrals`, consultant, {
        lawyerId: lawyer.id,
        shares,
        expiresOn,
      });
      expect(res.statusCode, res.body).toBe(201);
      return CaseReferralsSchema.parse(res.json()).referrals[0]!;
    };

    it('shares contact, guide and files only when chosen; files download only through a live share', async () => {
      const referral = await refer(lawyerB, ['contact', 'guide', 'attachments'], '2026-12-10');
      const { parsed } = await view(lawyerB, referral.id);
      expect(Object.keys(parsed.case ?? {}).sort()).toEqual([
        'attachments',
        'caseNumber',
        'contact',
        'guide',
        'stage',
      ]);
      expect(parsed.case?.contact?.email).toBe('qfilemail@example.jp');
      expect(parsed.case?.narrative).toBeUndefined();
      expect(parsed.case?.attachments?.[0]?.filename).toBe('QFILENAME.png');
      const file = await get(
        ctx().app,
        `/api/staff/referrals/${referral.id}/attachments/${attachmentId}`,
        lawyerB,
      );
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(file.rawPayload.includes(Buffer.from('QFILEBYTES'))).toBe(true);
      const otherLawyer = await get(
        ctx().app,
        `/api/staff/referrals/${referral.id}/attachments/${attachmentId}`,
        lawyerA,
      );
      expect(otherLawyer.statusCode).toBe(404);

      // Withdrawn: the share ends at once, the files too.
      const withdrawn = await write(ctx().app, `/api/staff/referrals/${referral.id}/withdraw`, consultant, {
        version: referral.version,
      });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      const after = (await view(lawyerB, referral.id)).parsed;
      expect(after.status).toBe('withdrawn');
      expect(after.case).toBeUndefined();
      const gone = await get(
        ctx().app,
        `/api/staff/referrals/${referral.id}/attachments/${attachmentId}`,
        lawyerB,
      );
      expect(gone.statusCode).toBe(404);
      const accept = await write(ctx().app, `/api/staff/referrals/${referral.id}/accept`, lawyerB, {
        version: after.version,
      });
      expect(accept.json<{ error: { code: string } }>().error.code).toBe('referrals.wrong_status');
    });

    it('files are not served when the referral does not share them', async () => {
      const referral = await refer(lawyerB, ['narrative'], '2026-12-10');
      const res = await get(
        ctx().app,
        `/api/staff/referrals/${referral.id}/attachments/${attachmentId}`,
        lawyerB,
      );
      expect(res.statusCode).toBe(404);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('referrals.attachment_not_shared');
      const declined = await write(ctx().app, `/api/staff/referrals/${referral.id}/decline`, lawyerB, {
        version: referral.version,
        reason: 'QDECLINE 利益相反のため',
      });
      expect(declined.statusCode, declined.body).toBe(200);
      expect(LawyerReferralSchema.parse(declined.json())).toMatchObject({ status: 'declined' });
      const onCase = CaseReferralsSchema.parse(
        (await get(ctx().app, `/api/staff/cases/${withFile.id}/referrals`, consultant)).json(),
      ).referrals.find((r) => r.id === referral.id);
      expect(onCase).toMatchObject({ status: 'declined', declineReason: 'QDECLINE 利益相反のため' });
    });

    it('refuses an expiry in the past or too far ahead, and referrals to unavailable lawyers', async () => {
      const past = await write(ctx().app, `/api/staff/cases/${withFile.id}/referrals`, consultant, {
        lawyerId: lawyerB.id,
        shares: ['narrative'],
        expiresOn: '2026-11-30',
      });
      expect(past.json<{ error: { code: string } }>().error.code).toBe('referrals.expiry_invalid');
      const far = await write(ctx().app, `/api/staff/cases/${withFile.id}/referrals`, consultant, {
        lawyerId: lawyerB.id,
        shares: ['narrative'],
        expiresOn: '2028-01-01',
      });
      expect(far.statusCode).toBe(400);
      const noProfile = await write(ctx().app, `/api/staff/cases/${withFile.id}/referrals`, consultant, {
        lawyerId: lawyerC.id,
        shares: ['narrative'],
        expiresOn: '2026-12-10',
      });
      expect(noProfile.json<{ error: { code: string } }>().error.code).toBe('referrals.lawyer_unavailable');
      const noShares = await write(ctx().app, `/api/staff/cases/${withFile.id}/referrals`, consultant, {
        lawyerId: lawyerB.id,
        shares: [],
        expiresOn: '2026-12-10',
      });
      expect(noShares.statusCode).toBe(400);
    });

    it('ends the share when the victim withdraws: parties erased, notes nulled, nothing shown', async () => {
      const res = await submit(ctx().app, consultation('QWITHDRAW'));
      const created = ConsultationCreatedSchema.parse(res.json());
      const caseId = await caseIdOf(ctx(), created.caseNumber);
      await addParty(caseId, 'adverse', 'handle', '@QWITHDRAWPOSTER');
      const sent = await write(ctx().app, `/api/staff/cases/${caseId}/referrals`, consultant, {
        lawyerId: lawyerB.id,
        shares: ['narrative', 'parties', 'contact'],
        expiresOn: '2026-12-20',
        note: 'QWITHDRAWNOTE',
        acknowledgeConflicts: true,
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const referralId = CaseReferralsSchema.parse(sent.json()).referrals[0]!.id;
      const { cookie, csrf } = await login(ctx().app, created.caseNumber, created.accessKey);
      const withdrawn = await ctx().app.inject({
        method: 'POST',
        url: '/api/victim/withdraw',
        headers: { ...json, cookie, 'x-csrf-token': csrf },
        payload: { confirm: true },
      });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      const { parsed, raw } = await view(lawyerB, referralId);
      expect(parsed.status).toBe('withdrawn');
      expect(parsed.case).toBeUndefined();
      expect(parsed.note).toBeUndefined();
      expect(raw).not.toMatch(/QWITHDRAW/);
      const db = ctx().container.database.db;
      expect(
        await db.selectFrom('case_parties').select('id').where('case_id', '=', caseId).execute(),
      ).toEqual([]);
      const row = await db
        .selectFrom('referrals')
        .select(['note_sealed', 'status'])
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow();
      expect(row.note_sealed).toBeNull();
      const party = await write(ctx().app, `/api/staff/cases/${caseId}/parties`, consultant, {
        role: 'adverse',
        kind: 'handle',
        value: '@again',
      });
      expect(party.statusCode).toBe(404);
    });

    it('expires after its last day: no shared part, no answer, not counted against capacity', async () => {
      const referral = await refer(lawyerB, ['narrative'], '2026-12-02');
      expect((await view(lawyerB, referral.id)).parsed.case?.narrative).toBeDefined();
      clock.advance(2 * DAY);
      // Two days on, the sessions ended (idle timeout): the same accounts sign in again.
      lawyerB = await reSignIn(lawyerB);
      consultant = await reSignIn(consultant);
      const expired = (await view(lawyerB, referral.id)).parsed;
      expect(expired.status).toBe('expired');
      expect(expired.case).toBeUndefined();
      const accept = await write(ctx().app, `/api/staff/referrals/${referral.id}/accept`, lawyerB, {
        version: expired.version,
      });
      expect(accept.json<{ error: { code: string } }>().error.code).toBe('referrals.wrong_status');
      const listed = LawyerReferralListSchema.parse(
        (await get(ctx().app, '/api/staff/referrals', lawyerB)).json(),
      );
      expect(listed.referrals.find((r) => r.id === referral.id)?.status).toBe('expired');
      const entry = LawyerDirectorySchema.parse(
        (await get(ctx().app, '/api/staff/lawyers', consultant)).json(),
      ).lawyers.find((l) => l.id === lawyerB.id);
      expect(entry?.pendingReferrals).toBe(0);
    });
  });

  it('stores party values and referral texts sealed: none appears in the raw tables', async () => {
    const db = ctx().container.database.db;
    const parties = await db.selectFrom('case_parties').selectAll().execute();
    const referrals = await db.selectFrom('referrals').selectAll().execute();
    expect(parties.length).toBeGreaterThan(0);
    const text = JSON.stringify([parties, referrals]);
    for (const value of ['Taro', 'Ｔａｒｏ', 'taro_x', '山田', 'QREFNOTE', 'QOUTCOME', 'QDECLINE'])
      expect(text).not.toContain(value);
    if (kind === 'sqlite') await sql`pragma wal_checkpoint(PASSIVE)`.execute(db);
  });

  it('keeps party values out of the audit log and the logs', async () => {
    const rows = await ctx().container.database.db.selectFrom('audit_log').select('detail').execute();
    const text = JSON.stringify(rows) + ctx().logs.join('\n');
    for (const value of ['Taro', 'Ｔａｒｏ', 'taro_x', '山田', 'QREFNOTE', 'QOUTCOME', 'QDECLINE'])
      expect(text).not.toContain(value);
  });

  async function auditActions(caseId: string): Promise<string[]> {
    const rows = await ctx()
      .container.database.db.selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', caseId)
      .execute();
    return rows.map((r) => r.action);
  }

  async function auditLine(caseId: string, action: string): Promise<Record<string, unknown>> {
    const row = await ctx()
      .container.database.db.selectFrom('audit_log')
      .select(['detail', 'actor_id'])
      .where('target_id', '=', caseId)
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return JSON.parse(row.detail ?? '{}') as Record<string, unknown>;
  }

  /** A new session for the same account (password + TOTP), after the idle timeout ended the old one. */
  async function reSignIn(who: SignedIn): Promise<SignedIn> {
    const res = await post(ctx().app, '/api/staff/login', {
      email: who.email,
      password: PASSWORD,
      code: await totp(clock, who.secret),
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = cookieOf(res);
    const { csrfToken } = res.json<{ csrfToken: string }>();
    return {
      ...who,
      cookie,
      csrfToken,
      headers: { cookie: `${STAFF_SESSION_COOKIE}=${cookie}`, 'x-csrf-token': csrfToken },
    };
  }
});
