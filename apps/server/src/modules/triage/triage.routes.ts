import {
  ACCESS_KEY_HEADER,
  AccessKeyHeaderSchema,
  LocaleQuerySchema,
  SavedTriageParamsSchema,
  SavedTriageResponseSchema,
  SaveTriageRequestSchema,
  SaveTriageResponseSchema,
  TriageAnswersSchema,
  TriageResultSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import { requestLocale } from '../../http/locale.js';
import type { TriageService } from './triage.service.js';

function accessKey(request: FastifyRequest): string {
  return parseInput(AccessKeyHeaderSchema, request.headers)[ACCESS_KEY_HEADER];
}

export function registerTriageRoutes(app: FastifyInstance, { service }: { service: TriageService }): void {
  app.post('/api/triage', async (request) => {
    parseInput(LocaleQuerySchema, request.query);
    const answers = parseInput(TriageAnswersSchema, request.body);
    const { result } = service.assessTriage({ answers, locale: requestLocale(request) });
    return TriageResultSchema.parse(result);
  });

  app.post('/api/triage/saved', async (request, reply) => {
    const { answers } = parseInput(SaveTriageRequestSchema, request.body);
    const saved = await service.saveTriage({ answers });
    return reply.status(201).send(SaveTriageResponseSchema.parse(saved));
  });

  app.get('/api/triage/saved/:id', async (request) => {
    parseInput(LocaleQuerySchema, request.query);
    const { id } = parseInput(SavedTriageParamsSchema, request.params);
    const saved = await service.getSavedTriage({
      id,
      key: accessKey(request),
      locale: requestLocale(request),
    });
    return SavedTriageResponseSchema.parse(saved);
  });

  app.delete('/api/triage/saved/:id', async (request, reply) => {
    const { id } = parseInput(SavedTriageParamsSchema, request.params);
    await service.eraseSavedTriage({ id, key: accessKey(request) });
    return reply.status(204).send();
  });
}
