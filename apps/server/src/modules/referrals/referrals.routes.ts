import fastifyCookie from '@fastify/cookie';
import {
  CaseParamsSchema,
  CasePartiesSchema,
  CasePartyParamsSchema,
  CasePartyRequestSchema,
  CaseReferralsSchema,
  ConflictCheckRequestSchema,
  ConflictCheckSchema,
  LawyerDirectoryQuerySchema,
  LawyerDirectorySchema,
  LawyerEntrySchema,
  LawyerParamsSchema,
  LawyerProfileRequestSchema,
  LawyerReferralListSchema,
  LawyerReferralSchema,
  ReferralAcceptRequestSchema,
  ReferralAttachmentParamsSchema,
  ReferralCreateRequestSchema,
  ReferralDeclineRequestSchema,
  ReferralOutcomeRequestSchema,
  ReferralParamsSchema,
  ReferralWithdrawRequestSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import { requestLocale } from '../../http/locale.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService, StaffSession } from '../staff/staff.service.js';
import type { LawyersService } from './lawyers.service.js';
import type { CasePartiesService } from './parties.service.js';
import { REFERRALS_POLICY } from './referrals.policy.js';
import type { ReferralsService } from './referrals.service.js';

/** `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerReferralsRoutes(
  app: FastifyInstance,
  {
    lawyers,
    caseParties,
    referrals,
    staff,
    cookie,
  }: {
    lawyers: LawyersService;
    caseParties: CasePartiesService;
    referrals: ReferralsService;
    staff: StaffService;
    cookie: CookieSettings;
  },
): void {
  const who = async (request: FastifyRequest, session: StaffSession) => ({
    actor: await staffActorOf(staff, request, session),
    locale: requestLocale(request),
  });

  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: REFERRALS_POLICY, service: staff, cookie };

    policyRoute(scope, deps, 'GET /api/staff/lawyers', async (request, _reply, session) => {
      const query = parseInput(LawyerDirectoryQuerySchema, request.query);
      const { actor } = await who(request, session);
      return LawyerDirectorySchema.parse(await lawyers.listLawyers({ query, actor }));
    });

    policyRoute(scope, deps, 'POST /api/staff/lawyers/:id/profile', async (request, _reply, session) => {
      const { id } = parseInput(LawyerParamsSchema, request.params);
      const input = parseInput(LawyerProfileRequestSchema, request.body);
      const { actor } = await who(request, session);
      return LawyerEntrySchema.parse(await lawyers.saveProfile({ lawyerId: id, input, actor }));
    });

    policyRoute(scope, deps, 'GET /api/staff/cases/:id/parties', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const { actor } = await who(request, session);
      return CasePartiesSchema.parse(await caseParties.listParties({ caseId: id, actor }));
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/parties', async (request, reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const input = parseInput(CasePartyRequestSchema, request.body);
      const { actor } = await who(request, session);
      const parties = await caseParties.addParty({ caseId: id, input, actor });
      return reply.status(201).send(CasePartiesSchema.parse(parties));
    });

    policyRoute(
      scope,
      deps,
      'POST /api/staff/cases/:id/parties/:partyId/remove',
      async (request, _reply, session) => {
        const { id, partyId } = parseInput(CasePartyParamsSchema, request.params);
        const { actor } = await who(request, session);
        return CasePartiesSchema.parse(await caseParties.removeParty({ caseId: id, partyId, actor }));
      },
    );

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/conflict-check', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const { lawyerId } = parseInput(ConflictCheckRequestSchema, request.body);
      const { actor } = await who(request, session);
      return ConflictCheckSchema.parse(await referrals.checkConflicts({ caseId: id, lawyerId, actor }));
    });

    policyRoute(scope, deps, 'GET /api/staff/cases/:id/referrals', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const { actor } = await who(request, session);
      return CaseReferralsSchema.parse(await referrals.listCaseReferrals({ caseId: id, actor }));
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/referrals', async (request, reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const input = parseInput(ReferralCreateRequestSchema, request.body);
      const { actor } = await who(request, session);
      const list = await referrals.createReferral({ caseId: id, input, actor });
      return reply.status(201).send(CaseReferralsSchema.parse(list));
    });

    policyRoute(scope, deps, 'POST /api/staff/referrals/:id/withdraw', async (request, _reply, session) => {
      const { id } = parseInput(ReferralParamsSchema, request.params);
      const { version } = parseInput(ReferralWithdrawRequestSchema, request.body);
      const { actor } = await who(request, session);
      return CaseReferralsSchema.parse(await referrals.withdrawReferral({ id, version, actor }));
    });

    policyRoute(scope, deps, 'GET /api/staff/referrals', async (request, _reply, session) => {
      const { actor } = await who(request, session);
      return LawyerReferralListSchema.parse(await referrals.listOwnReferrals({ actor }));
    });

    policyRoute(scope, deps, 'GET /api/staff/referrals/:id', async (request, _reply, session) => {
      const { id } = parseInput(ReferralParamsSchema, request.params);
      return LawyerReferralSchema.parse(
        await referrals.viewReferral({ id, ...(await who(request, session)) }),
      );
    });

    policyRoute(
      scope,
      deps,
      'GET /api/staff/referrals/:id/attachments/:attachmentId',
      async (request, reply, session) => {
        const { id, attachmentId } = parseInput(ReferralAttachmentParamsSchema, request.params);
        const { actor } = await who(request, session);
        const file = await referrals.getAttachment({ id, attachmentId, actor });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );

    policyRoute(scope, deps, 'POST /api/staff/referrals/:id/accept', async (request, _reply, session) => {
      const { id } = parseInput(ReferralParamsSchema, request.params);
      const { version, acknowledgeConflicts } = parseInput(ReferralAcceptRequestSchema, request.body);
      return LawyerReferralSchema.parse(
        await referrals.acceptReferral({
          id,
          version,
          acknowledgeConflicts,
          ...(await who(request, session)),
        }),
      );
    });

    policyRoute(scope, deps, 'POST /api/staff/referrals/:id/decline', async (request, _reply, session) => {
      const { id } = parseInput(ReferralParamsSchema, request.params);
      const { version, reason } = parseInput(ReferralDeclineRequestSchema, request.body);
      return LawyerReferralSchema.parse(
        await referrals.declineReferral({ id, version, reason, ...(await who(request, session)) }),
      );
    });

    policyRoute(scope, deps, 'POST /api/staff/referrals/:id/outcome', async (request, _reply, session) => {
      const { id } = parseInput(ReferralParamsSchema, request.params);
      const { version, outcome, note } = parseInput(ReferralOutcomeRequestSchema, request.body);
      return LawyerReferralSchema.parse(
        await referrals.recordOutcome({ id, version, outcome, note, ...(await who(request, session)) }),
      );
    });
  });
}
