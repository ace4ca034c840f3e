import fastifyCookie from '@fastify/cookie';
import {
  AccountTeamRequestSchema,
  AccountTeamResponseSchema,
  StaffAccountParamsSchema,
  TeamCreatedSchema,
  TeamCreateRequestSchema,
  TeamListSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService, StaffSession } from '../staff/staff.service.js';
import { TEAMS_POLICY } from './teams.policy.js';
import type { TeamsService } from './teams.service.js';

export function registerTeamsRoutes(
  app: FastifyInstance,
  { teams, staff, cookie }: { teams: TeamsService; staff: StaffService; cookie: CookieSettings },
): void {
  const actorOf = async (request: FastifyRequest, session: StaffSession) => ({
    type: 'staff' as const,
    ...(await staffActorOf(staff, request, session)),
  });

  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: TEAMS_POLICY, service: staff, cookie };

    policyRoute(scope, deps, 'GET /api/staff/teams', async () =>
      TeamListSchema.parse(await teams.listTeams()),
    );

    policyRoute(scope, deps, 'POST /api/staff/teams', async (request, reply, session) => {
      const { name } = parseInput(TeamCreateRequestSchema, request.body);
      const created = await teams.createTeam({ name, actor: await actorOf(request, session) });
      return reply.status(201).send(TeamCreatedSchema.parse(created));
    });

    policyRoute(scope, deps, 'POST /api/staff/accounts/:id/team', async (request, _reply, session) => {
      const { id } = parseInput(StaffAccountParamsSchema, request.params);
      const { teamId } = parseInput(AccountTeamRequestSchema, request.body);
      return AccountTeamResponseSchema.parse(
        await teams.setAccountTeam({ id, teamId, actor: await actorOf(request, session) }),
      );
    });
  });
}
