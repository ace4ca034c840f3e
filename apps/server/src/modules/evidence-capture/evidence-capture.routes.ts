import fastifyCookie from '@fastify/cookie';
import {
  CaseParamsSchema,
  EvidenceCaptureAcceptedSchema,
  EvidenceCaptureListSchema,
  EvidenceCaptureRequestSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import { requestLocale } from '../../http/locale.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService } from '../staff/staff.service.js';
import { EVIDENCE_CAPTURE_POLICY } from './evidence-capture.policy.js';
import type { EvidenceCaptureService } from './evidence-capture.service.js';

export function registerEvidenceCaptureRoutes(
  app: FastifyInstance,
  { evidenceCapture, staff, cookie }: { evidenceCapture: EvidenceCaptureService; staff: StaffService; cookie: CookieSettings },
): void {
  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: EVIDENCE_CAPTURE_POLICY, service: staff, cookie };

    // The issue names this path (under /api/cases); it is a staff route all the same.
    policyRoute(scope, deps, 'POST /api/cases/:id/evidence/capture', async (request, reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const { url } = parseInput(EvidenceCaptureRequestSchema, request.body);
      const accepted = await evidenceCapture.requestCapture({
        caseId: id,
        url,
        actor: await staffActorOf(staff, request, session),
      });
      return reply.status(202).send(EvidenceCaptureAcceptedSchema.parse(accepted));
    });

    policyRoute(scope, deps, 'GET /api/staff/cases/:id/evidence/captures', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const list = await evidenceCapture.listCaptures({
        caseId: id,
        actor: await staffActorOf(staff, request, session),
        locale: requestLocale(request),
      });
      return EvidenceCaptureListSchema.parse(list);
    });
  });
}
