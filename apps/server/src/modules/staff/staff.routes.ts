import fastifyCookie from '@fastify/cookie';
import {
  StaffAccountCreatedSchema,
  StaffAccountCreateRequestSchema,
  StaffAccountDisabledSchema,
  StaffAccountListSchema,
  StaffAccountParamsSchema,
  StaffLoginRequestSchema,
  StaffLoginResponseSchema,
  StaffMeSchema,
  StaffRecoveryCodesSchema,
  StaffSessionParamsSchema,
  StaffSessionsSchema,
  StaffSetupRequestSchema,
  StaffSetupResponseSchema,
  StaffTotpConfirmRequestSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { clearStaffCookie, policyRoute, setStaffCookie, STAFF_POLICY } from './staff.policy.js';
import type { StaffService } from './staff.service.js';

export function registerStaffRoutes(
  app: FastifyInstance,
  { service, cookie }: { service: StaffService; cookie: CookieSettings },
): void {
  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: STAFF_POLICY, service, cookie };

    policyRoute(scope, deps, 'POST /api/staff/setup', async (request) => {
      const { token, password, displayName } = parseInput(StaffSetupRequestSchema, request.body);
      const enrolment = await service.beginSetup({ token, password, displayName, ip: request.ip });
      return StaffSetupResponseSchema.parse(enrolment);
    });

    policyRoute(scope, deps, 'POST /api/staff/setup/totp', async (request) => {
      const { token, code } = parseInput(StaffTotpConfirmRequestSchema, request.body);
      return StaffRecoveryCodesSchema.parse(await service.confirmTotp({ token, code, ip: request.ip }));
    });

    policyRoute(scope, deps, 'POST /api/staff/login', async (request, reply) => {
      const credentials = parseInput(StaffLoginRequestSchema, request.body);
      const session = await service.login({ ...credentials, ip: request.ip });
      setStaffCookie(reply, session.token, session.expiresAt, cookie);
      return StaffLoginResponseSchema.parse(session);
    });

    policyRoute(scope, deps, 'POST /api/staff/logout', async (request, reply, session) => {
      await service.logout({ session, ip: request.ip });
      clearStaffCookie(reply, cookie);
      return reply.status(204).send();
    });

    policyRoute(scope, deps, 'GET /api/staff/me', async (_request, _reply, session) =>
      StaffMeSchema.parse(session),
    );

    policyRoute(scope, deps, 'GET /api/staff/sessions', async (_request, _reply, session) =>
      StaffSessionsSchema.parse(await service.listSessions({ session })),
    );

    policyRoute(scope, deps, 'POST /api/staff/sessions/:id/revoke', async (request, reply, session) => {
      const { id } = parseInput(StaffSessionParamsSchema, request.params);
      await service.revokeSession({ session, id, ip: request.ip });
      if (id === session.sessionId) clearStaffCookie(reply, cookie);
      return reply.status(204).send();
    });

    policyRoute(scope, deps, 'GET /api/staff/accounts', async (request, _reply, session) => {
      const actor = {
        type: 'staff' as const,
        id: session.account.id,
        ipHash: await service.hashIp(request.ip),
      };
      return StaffAccountListSchema.parse(await service.listAccounts({ actor }));
    });

    policyRoute(scope, deps, 'POST /api/staff/accounts', async (request, reply, session) => {
      const input = parseInput(StaffAccountCreateRequestSchema, request.body);
      const actor = {
        type: 'staff' as const,
        id: session.account.id,
        ipHash: await service.hashIp(request.ip),
      };
      const created = await service.createAccount({ ...input, actor });
      return reply.status(201).send(StaffAccountCreatedSchema.parse(created));
    });

    policyRoute(scope, deps, 'POST /api/staff/accounts/:id/disable', async (request, _reply, session) => {
      const { id } = parseInput(StaffAccountParamsSchema, request.params);
      const actor = {
        type: 'staff' as const,
        id: session.account.id,
        ipHash: await service.hashIp(request.ip),
      };
      return StaffAccountDisabledSchema.parse(await service.disableAccount({ id, actor }));
    });
  });
}
