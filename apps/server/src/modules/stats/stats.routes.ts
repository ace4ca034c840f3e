import fastifyCookie from '@fastify/cookie';
import { StatsQuerySchema, StatsSchema } from '@mimamoru/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import { requestLocale } from '../../http/locale.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService, StaffSession } from '../staff/staff.service.js';
import { STATS_POLICY } from './stats.policy.js';
import type { StatsService } from './stats.service.js';

export function registerStatsRoutes(
  app: FastifyInstance,
  { stats, staff, cookie }: { stats: StatsService; staff: StaffService; cookie: CookieSettings },
): void {
  const viewerOf = (request: FastifyRequest, session: StaffSession) => staffActorOf(staff, request, session);

  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: STATS_POLICY, service: staff, cookie };

    policyRoute(scope, deps, 'GET /api/staff/stats', async (request, _reply, session) => {
      const { from, to } = parseInput(StatsQuerySchema, request.query);
      const viewer = await viewerOf(request, session);
      return StatsSchema.parse(await stats.viewStats({ query: { from, to }, viewer }));
    });

    policyRoute(scope, deps, 'GET /api/staff/stats.csv', async (request, reply, session) => {
      const { from, to } = parseInput(StatsQuerySchema, request.query);
      const { csv, stats: numbers } = await stats.exportStatsCsv({
        query: { from, to },
        viewer: await viewerOf(request, session),
        locale: requestLocale(request),
      });
      const name = `mimamoru-stats-${numbers.period.from}-${numbers.period.to}.csv`;
      return (
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('cache-control', 'no-store')
          // A byte order mark, so Excel opens the Japanese labels as UTF-8.
          .send(`\uFEFF${csv}`)
      );
    });
  });
}
