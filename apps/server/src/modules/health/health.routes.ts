import type { FastifyInstance } from 'fastify';
import type { HealthService } from './health.service.js';

/** Liveness (process answers) and readiness (database reachable, schema migrated). */
export function registerHealthRoutes(app: FastifyInstance, { service }: { service: HealthService }): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const readiness = await service.checkReadiness();
    if (readiness.ready) return { status: 'ready' };
    request.log.warn({ reason: readiness.reason }, 'not ready');
    return reply.status(503).send({ status: 'unavailable', reason: readiness.reason });
  });
}
