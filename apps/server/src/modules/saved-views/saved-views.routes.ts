import fastifyCookie from '@fastify/cookie';
import {
  SavedViewCreateSchema,
  SavedViewListSchema,
  SavedViewParamsSchema,
  SavedViewSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService, StaffSession } from '../staff/staff.service.js';
import { SAVED_VIEWS_POLICY } from './saved-views.policy.js';
import type { SavedViewsService } from './saved-views.service.js';

export function registerSavedViewsRoutes(
  app: FastifyInstance,
  {
    savedViews,
    staff,
    cookie,
  }: { savedViews: SavedViewsService; staff: StaffService; cookie: CookieSettings },
): void {
  const actorOf = (request: FastifyRequest, session: StaffSession) => staffActorOf(staff, request, session);

  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: SAVED_VIEWS_POLICY, service: staff, cookie };

    policyRoute(scope, deps, 'GET /api/staff/views', async (request, _reply, session) => {
      return SavedViewListSchema.parse(
        await savedViews.listViews({ actor: await actorOf(request, session) }),
      );
    });

    policyRoute(scope, deps, 'POST /api/staff/views', async (request, reply, session) => {
      const input = parseInput(SavedViewCreateSchema, request.body);
      const view = await savedViews.createView({ input, actor: await actorOf(request, session) });
      return reply.status(201).send(SavedViewSchema.parse(view));
    });

    policyRoute(scope, deps, 'POST /api/staff/views/:id/delete', async (request, reply, session) => {
      const { id } = parseInput(SavedViewParamsSchema, request.params);
      await savedViews.deleteView({ id, actor: await actorOf(request, session) });
      return reply.status(204).send();
    });
  });
}
