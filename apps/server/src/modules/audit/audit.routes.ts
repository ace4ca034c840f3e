import fastifyCookie from '@fastify/cookie';
import { AuditPageSchema, AuditQuerySchema } from '@mimamoru/contracts';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import type { StaffService } from '../staff/staff.service.js';
import { AUDIT_POLICY } from './audit.policy.js';
import type { AuditService } from './audit.service.js';

export function registerAuditRoutes(
  app: FastifyInstance,
  { audit, staff, cookie }: { audit: AuditService; staff: StaffService; cookie: CookieSettings },
): void {
  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: AUDIT_POLICY, service: staff, cookie };

    policyRoute(scope, deps, 'GET /api/staff/audit', async (request, _reply, session) => {
      const query = parseInput(AuditQuerySchema, request.query);
      const page = await audit.search({ query, actor: session.account.id, ip: request.ip });
      return AuditPageSchema.parse(page);
    });

    policyRoute(scope, deps, 'GET /api/staff/audit.csv', async (request, reply, session) => {
      const { page: _page, ...query } = parseInput(AuditQuerySchema, request.query);
      const { csv } = await audit.exportCsv({ query, actor: session.account.id, ip: request.ip });
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="mimamoru-audit-${date}.csv"`)
        .header('cache-control', 'no-store')
        .send(`\uFEFF${csv}`);
    });
  });
}
