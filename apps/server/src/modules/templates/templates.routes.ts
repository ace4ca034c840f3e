import fastifyCookie from '@fastify/cookie';
import {
  ReplyTemplateArchiveSchema,
  ReplyTemplateInputSchema,
  ReplyTemplateListQuerySchema,
  ReplyTemplateListSchema,
  ReplyTemplateParamsSchema,
  ReplyTemplateSchema,
  ReplyTemplateUpdateSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService, StaffSession } from '../staff/staff.service.js';
import { TEMPLATES_POLICY } from './templates.policy.js';
import type { TemplatesService } from './templates.service.js';

export function registerTemplatesRoutes(
  app: FastifyInstance,
  { templates, staff, cookie }: { templates: TemplatesService; staff: StaffService; cookie: CookieSettings },
): void {
  const actorOf = (request: FastifyRequest, session: StaffSession) => staffActorOf(staff, request, session);

  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: TEMPLATES_POLICY, service: staff, cookie };

    policyRoute(scope, deps, 'GET /api/staff/templates', async (request) => {
      const query = parseInput(ReplyTemplateListQuerySchema, request.query);
      return ReplyTemplateListSchema.parse(await templates.listTemplates({ query }));
    });

    policyRoute(scope, deps, 'POST /api/staff/templates', async (request, reply, session) => {
      const input = parseInput(ReplyTemplateInputSchema, request.body);
      const created = await templates.createTemplate({ input, actor: await actorOf(request, session) });
      return reply.status(201).send(ReplyTemplateSchema.parse(created));
    });

    policyRoute(scope, deps, 'POST /api/staff/templates/:id', async (request, _reply, session) => {
      const { id } = parseInput(ReplyTemplateParamsSchema, request.params);
      const { version, ...input } = parseInput(ReplyTemplateUpdateSchema, request.body);
      const updated = await templates.updateTemplate({
        id,
        input,
        version,
        actor: await actorOf(request, session),
      });
      return ReplyTemplateSchema.parse(updated);
    });

    policyRoute(scope, deps, 'POST /api/staff/templates/:id/archive', async (request, _reply, session) => {
      const { id } = parseInput(ReplyTemplateParamsSchema, request.params);
      const { version } = parseInput(ReplyTemplateArchiveSchema, request.body);
      const archived = await templates.archiveTemplate({
        id,
        version,
        actor: await actorOf(request, session),
      });
      return ReplyTemplateSchema.parse(archived);
    });
  });
}
