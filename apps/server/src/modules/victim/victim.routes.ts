import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import {
  AccessKeyResetConfirmSchema,
  AccessKeyResetDoneSchema,
  AccessKeyResetRequestedSchema,
  AccessKeyResetRequestSchema,
  AccessKeyRotatedSchema,
  VictimAttachmentParamsSchema,
  VictimAttachmentResponseSchema,
  VictimCaseSchema,
  VictimErasedSchema,
  VictimErasureRequestSchema,
  VictimMessageRequestSchema,
  VictimMessageResponseSchema,
  VictimSessionRequestSchema,
  VictimSessionSchema,
  VictimWithdrawnSchema,
  VictimWithdrawRequestSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import { createUnsupportedMediaTypeError } from '../../http/http.errors.js';
import { MULTIPART_OPTIONS, readUpload } from '../intake/intake.uploads.js';
import {
  authorizeVictim,
  clearSessionCookie,
  setSessionCookie,
  type CookieSettings,
} from './victim.policy.js';
import type { VictimService } from './victim.service.js';

/** `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerVictimRoutes(
  app: FastifyInstance,
  { service, cookie }: { service: VictimService; cookie: CookieSettings },
): void {
  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    await scope.register(fastifyMultipart, MULTIPART_OPTIONS);
    const read = { service, cookie, write: false };
    const write = { service, cookie, write: true };

    scope.post('/api/victim/session', async (request, reply) => {
      const { caseNumber, accessKey } = parseInput(VictimSessionRequestSchema, request.body);
      const session = await service.openSession({ caseNumber, accessKey, ip: request.ip });
      setSessionCookie(reply, session.token, session.expiresAt, cookie);
      return VictimSessionSchema.parse(session);
    });

    scope.get('/api/victim/case', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, read);
      return VictimCaseSchema.parse(await service.getCase({ caseId }));
    });

    scope.post('/api/victim/messages', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, write);
      const { body } = parseInput(VictimMessageRequestSchema, request.body);
      const created = await service.postMessage({ caseId, body });
      return reply.status(201).send(VictimMessageResponseSchema.parse(created));
    });

    scope.post('/api/victim/attachments', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, write);
      if (!request.isMultipart()) throw createUnsupportedMediaTypeError();
      const { files } = await readUpload(request, []);
      const added = await service.addAttachments({ caseId, files });
      return reply.status(201).send(VictimAttachmentResponseSchema.parse(added));
    });

    scope.get('/api/victim/attachments/:id', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, read);
      const { id } = parseInput(VictimAttachmentParamsSchema, request.params);
      const file = await service.getAttachment({ caseId, attachmentId: id });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    });

    scope.post('/api/victim/withdraw', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, write);
      parseInput(VictimWithdrawRequestSchema, request.body);
      const withdrawn = await service.withdraw({ caseId });
      clearSessionCookie(reply, cookie);
      return VictimWithdrawnSchema.parse(withdrawn);
    });

    scope.post('/api/victim/erasure', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, write);
      parseInput(VictimErasureRequestSchema, request.body);
      const erased = await service.requestErasure({ caseId });
      clearSessionCookie(reply, cookie);
      return VictimErasedSchema.parse(erased);
    });

    scope.post('/api/victim/access-key/rotate', async (request, reply) => {
      const { caseId, sessionId } = await authorizeVictim(request, reply, write);
      return AccessKeyRotatedSchema.parse(await service.rotateAccessKey({ caseId, sessionId }));
    });

    scope.post('/api/victim/logout', async (request, reply) => {
      const { sessionId, caseId } = await authorizeVictim(request, reply, write);
      await service.logout({ sessionId, caseId });
      clearSessionCookie(reply, cookie);
      return reply.status(204).send();
    });

    scope.post('/api/victim/reset/request', async (request, reply) => {
      const { caseNumber, email, locale } = parseInput(AccessKeyResetRequestSchema, request.body);
      await service.requestReset({ caseNumber, email, locale, ip: request.ip });
      return reply.status(202).send(AccessKeyResetRequestedSchema.parse({ accepted: true }));
    });

    scope.post('/api/victim/reset/confirm', async (request) => {
      const { token } = parseInput(AccessKeyResetConfirmSchema, request.body);
      return AccessKeyResetDoneSchema.parse(await service.confirmReset({ token }));
    });
  });
}
