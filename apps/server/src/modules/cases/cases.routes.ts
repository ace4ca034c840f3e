import fastifyCookie from '@fastify/cookie';
import {
  CaseAssignRequestSchema,
  CaseNoteRequestSchema,
  CaseOffenderRequestSchema,
  CaseParamsSchema,
  CaseQueuePageSchema,
  CaseQueueQuerySchema,
  CaseReplyRequestSchema,
  CaseStageRequestSchema,
  CaseTaskParamsSchema,
  CaseTeamRequestSchema,
  StaffCaseOpenedSchema,
  StaffCaseOpenRequestSchema,
  StaffCaseSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import { requestLocale } from '../../http/locale.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService, StaffSession } from '../staff/staff.service.js';
import { CASES_POLICY } from './cases.policy.js';
import type { CasesService } from './cases.service.js';

export function registerCasesRoutes(
  app: FastifyInstance,
  { cases, staff, cookie }: { cases: CasesService; staff: StaffService; cookie: CookieSettings },
): void {
  const who = async (request: FastifyRequest, session: StaffSession) => ({
    actor: await staffActorOf(staff, request, session),
    locale: requestLocale(request),
  });

  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: CASES_POLICY, service: staff, cookie };

    policyRoute(scope, deps, 'GET /api/staff/cases', async (request, _reply, session) => {
      const query = parseInput(CaseQueueQuerySchema, request.query);
      const { actor } = await who(request, session);
      return CaseQueuePageSchema.parse(await cases.listQueue({ query, actor }));
    });

    policyRoute(scope, deps, 'POST /api/staff/cases', async (request, reply, session) => {
      const input = parseInput(StaffCaseOpenRequestSchema, request.body);
      const opened = await cases.openCase({ request: input, ...(await who(request, session)) });
      return reply.status(201).send(StaffCaseOpenedSchema.parse(opened));
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/team', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const { teamId, version } = parseInput(CaseTeamRequestSchema, request.body);
      return StaffCaseSchema.parse(
        await cases.moveTeam({ id, teamId, version, ...(await who(request, session)) }),
      );
    });

    policyRoute(scope, deps, 'GET /api/staff/cases/:id', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      return StaffCaseSchema.parse(await cases.viewCase({ id, ...(await who(request, session)) }));
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/assign', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const input = parseInput(CaseAssignRequestSchema, request.body);
      return StaffCaseSchema.parse(await cases.assignCase({ id, input, ...(await who(request, session)) }));
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/stage', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const { to, version } = parseInput(CaseStageRequestSchema, request.body);
      return StaffCaseSchema.parse(
        await cases.moveStage({ id, to, version, ...(await who(request, session)) }),
      );
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/replies', async (request, reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const input = parseInput(CaseReplyRequestSchema, request.body);
      const updated = await cases.replyToVictim({ id, ...input, ...(await who(request, session)) });
      return reply.status(201).send(StaffCaseSchema.parse(updated));
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/notes', async (request, reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const { body } = parseInput(CaseNoteRequestSchema, request.body);
      const updated = await cases.addNote({ id, body, ...(await who(request, session)) });
      return reply.status(201).send(StaffCaseSchema.parse(updated));
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/offender', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const { knownSince, version } = parseInput(CaseOffenderRequestSchema, request.body);
      return StaffCaseSchema.parse(
        await cases.recordOffender({ id, knownSince, version, ...(await who(request, session)) }),
      );
    });

    policyRoute(
      scope,
      deps,
      'POST /api/staff/cases/:id/tasks/:taskId/done',
      async (request, _reply, session) => {
        const { id, taskId } = parseInput(CaseTaskParamsSchema, request.params);
        return StaffCaseSchema.parse(
          await cases.completeTask({ id, taskId, ...(await who(request, session)) }),
        );
      },
    );
  });
}
