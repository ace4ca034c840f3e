import fastifyCookie from '@fastify/cookie';
import {
  CaseParamsSchema,
  PostTargetCreateSchema,
  PostTargetListSchema,
  PostTargetMoveSchema,
  PostTargetParamsSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService, StaffSession } from '../staff/staff.service.js';
import { POST_TARGETS_POLICY } from './post-targets.policy.js';
import type { PostTargetsService } from './post-targets.service.js';

export function registerPostTargetsRoutes(
  app: FastifyInstance,
  {
    postTargets,
    staff,
    cookie,
  }: { postTargets: PostTargetsService; staff: StaffService; cookie: CookieSettings },
): void {
  const actorOf = (request: FastifyRequest, session: StaffSession) => staffActorOf(staff, request, session);

  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: POST_TARGETS_POLICY, service: staff, cookie };

    policyRoute(scope, deps, 'GET /api/staff/cases/:id/targets', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const targets = await postTargets.listTargets({ caseId: id, actor: await actorOf(request, session) });
      return PostTargetListSchema.parse(targets);
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/targets', async (request, reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const input = parseInput(PostTargetCreateSchema, request.body);
      const targets = await postTargets.addTarget({
        caseId: id,
        input,
        actor: await actorOf(request, session),
      });
      return reply.status(201).send(PostTargetListSchema.parse(targets));
    });

    policyRoute(
      scope,
      deps,
      'POST /api/staff/cases/:id/targets/:targetId',
      async (request, _reply, session) => {
        const { id, targetId } = parseInput(PostTargetParamsSchema, request.params);
        const move = parseInput(PostTargetMoveSchema, request.body);
        const targets = await postTargets.moveTarget({
          caseId: id,
          targetId,
          move,
          actor: await actorOf(request, session),
        });
        return PostTargetListSchema.parse(targets);
      },
    );
  });
}
