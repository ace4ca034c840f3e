import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import {
  CaseParamsSchema,
  EvidenceAddSchema,
  EvidenceCorrectSchema,
  EvidenceItemParamsSchema,
  EvidenceKeySchema,
  EvidenceLockerSchema,
  EvidenceRemoveSchema,
  EvidenceTimestampListSchema,
  StaffEvidenceFileParamsSchema,
  StaffEvidenceItemParamsSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import type { UploadedFile } from '../intake/attachments.service.js';
import { MULTIPART_OPTIONS, readUpload } from '../intake/intake.uploads.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService } from '../staff/staff.service.js';
import { authorizeVictim } from '../victim/victim.policy.js';
import type { VictimService } from '../victim/victim.service.js';
import { createEvidenceMalformedError } from './evidence.errors.js';
import { EVIDENCE_POLICY } from './evidence.policy.js';
import type { EvidenceService } from './evidence.service.js';

/**
 * An add or correct request: multipart with a JSON `data` field and the files, or plain JSON (no files).
 */
async function readEvidenceBody(request: FastifyRequest): Promise<{ data: unknown; files: readonly UploadedFile[] }> {
  if (!request.isMultipart()) return { data: request.body, files: [] };
  const { fields, files } = await readUpload(request, ['data']);
  try {
    return { data: JSON.parse(fields.get('data') ?? 'null'), files };
  } catch {
    throw createEvidenceMalformedError();
  }
}

/** `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerEvidenceRoutes(
  app: FastifyInstance,
  {
    evidence,
    victim,
    staff,
    cookie,
  }: { evidence: EvidenceService; victim: VictimService; staff: StaffService; cookie: CookieSettings },
): void {
  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    await scope.register(fastifyMultipart, MULTIPART_OPTIONS);
    const read = { service: victim, cookie, write: false };
    const write = { service: victim, cookie, write: true };

    scope.get('/api/victim/evidence', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, read);
      return EvidenceLockerSchema.parse(await evidence.victimLocker({ caseId }));
    });

    scope.post('/api/victim/evidence', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, write);
      const body = await readEvidenceBody(request);
      const data = parseInput(EvidenceAddSchema, body.data);
      const locker = await evidence.victimAdd({ caseId, data, files: body.files });
      return reply.status(201).send(EvidenceLockerSchema.parse(locker));
    });

    scope.post('/api/victim/evidence/:itemId/correct', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, write);
      const { itemId } = parseInput(EvidenceItemParamsSchema, request.params);
      const body = await readEvidenceBody(request);
      const data = parseInput(EvidenceCorrectSchema, body.data);
      return EvidenceLockerSchema.parse(await evidence.victimCorrect({ caseId, itemId, data, files: body.files }));
    });

    scope.post('/api/victim/evidence/:itemId/remove', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, write);
      const { itemId } = parseInput(EvidenceItemParamsSchema, request.params);
      const data = parseInput(EvidenceRemoveSchema, request.body);
      return EvidenceLockerSchema.parse(await evidence.victimRemove({ caseId, itemId, data }));
    });

    const deps = { policy: EVIDENCE_POLICY, service: staff, cookie };
    const actorOf = (request: FastifyRequest, session: Parameters<typeof staffActorOf>[2]) =>
      staffActorOf(staff, request, session);

    policyRoute(scope, deps, 'GET /api/staff/evidence/key', async () => EvidenceKeySchema.parse(await evidence.publicKey()));

    policyRoute(scope, deps, 'GET /api/staff/cases/:id/evidence', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      return EvidenceLockerSchema.parse(await evidence.staffLocker({ caseId: id, actor: await actorOf(request, session) }));
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/evidence', async (request, reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const actor = await actorOf(request, session);
      const body = await readEvidenceBody(request);
      const data = parseInput(EvidenceAddSchema, body.data);
      const locker = await evidence.staffAdd({ caseId: id, actor, data, files: body.files });
      return reply.status(201).send(EvidenceLockerSchema.parse(locker));
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/evidence/:itemId/correct', async (request, _reply, session) => {
      const { id, itemId } = parseInput(StaffEvidenceItemParamsSchema, request.params);
      const actor = await actorOf(request, session);
      const body = await readEvidenceBody(request);
      const data = parseInput(EvidenceCorrectSchema, body.data);
      return EvidenceLockerSchema.parse(await evidence.staffCorrect({ caseId: id, itemId, actor, data, files: body.files }));
    });

    policyRoute(scope, deps, 'POST /api/staff/cases/:id/evidence/:itemId/remove', async (request, _reply, session) => {
      const { id, itemId } = parseInput(StaffEvidenceItemParamsSchema, request.params);
      const data = parseInput(EvidenceRemoveSchema, request.body);
      const actor = await actorOf(request, session);
      return EvidenceLockerSchema.parse(await evidence.staffRemove({ caseId: id, itemId, actor, data }));
    });

    policyRoute(scope, deps, 'GET /api/staff/cases/:id/evidence/timestamps', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const timestamps = await evidence.staffTimestamps({ caseId: id, actor: await actorOf(request, session) });
      return EvidenceTimestampListSchema.parse({ timestamps });
    });

    policyRoute(scope, deps, 'GET /api/staff/cases/:id/evidence/files/:sha256', async (request, reply, session) => {
      const { id, sha256 } = parseInput(StaffEvidenceFileParamsSchema, request.params);
      const file = await evidence.staffFile({ caseId: id, sha256, actor: await actorOf(request, session) });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.bytes);
    });
  });
}
