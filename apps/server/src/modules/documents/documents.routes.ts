import fastifyCookie from '@fastify/cookie';
import {
  CaseDocumentListSchema,
  CaseDocumentParamsSchema,
  CaseParamsSchema,
  DocumentGenerateSchema,
  DocumentPreviewQuerySchema,
  DocumentPreviewSchema,
  DocumentRequestSchema,
  GeneratedDocumentsSchema,
  PlatformRoutesQuerySchema,
  PlatformRoutesSchema,
  VictimDocumentParamsSchema,
} from '@mimamoru/contracts';
import { platformRoutes } from '@mimamoru/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService } from '../staff/staff.service.js';
import { authorizeVictim } from '../victim/victim.policy.js';
import type { VictimService } from '../victim/victim.service.js';
import { DOCUMENTS_POLICY } from './documents.policy.js';
import type { DocumentsService } from './documents.service.js';

/** `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function sendFile(reply: FastifyReply, file: { bytes: Uint8Array; contentType: string; filename?: string }) {
  if (file.filename) reply.header('content-disposition', contentDisposition(file.filename));
  return reply
    .header('content-type', file.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(Buffer.from(file.bytes));
}

const PDF = 'application/pdf';

export function registerDocumentsRoutes(
  app: FastifyInstance,
  {
    documents,
    victim,
    staff,
    cookie,
  }: { documents: DocumentsService; victim: VictimService; staff: StaffService; cookie: CookieSettings },
): void {
  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: DOCUMENTS_POLICY, service: staff, cookie };

    policyRoute(scope, deps, 'POST /api/cases/:id/documents/preview', async (request, reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const query = parseInput(DocumentPreviewQuerySchema, request.query);
      const body = parseInput(DocumentRequestSchema, request.body);
      const actor = await staffActorOf(staff, request, session);
      if (query.format === 'pdf') {
        const bytes = await documents.staffPreviewPdf({ caseId: id, actor, request: body, redacted: query.copy === 'redacted' });
        return sendFile(reply, { bytes, contentType: PDF });
      }
      return DocumentPreviewSchema.parse(await documents.staffPreview({ caseId: id, actor, request: body }));
    });

    policyRoute(scope, deps, 'POST /api/cases/:id/documents', async (request, reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const body = parseInput(DocumentGenerateSchema, request.body);
      const generated = await documents.staffGenerate({ caseId: id, actor: await staffActorOf(staff, request, session), request: body });
      return reply.status(201).send(GeneratedDocumentsSchema.parse(generated));
    });

    policyRoute(scope, deps, 'GET /api/cases/:id/documents', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const list = await documents.staffList({ caseId: id, actor: await staffActorOf(staff, request, session) });
      return CaseDocumentListSchema.parse({ documents: list });
    });

    policyRoute(scope, deps, 'GET /api/cases/:id/documents/:docId/file', async (request, reply, session) => {
      const { id, docId } = parseInput(CaseDocumentParamsSchema, request.params);
      const file = await documents.staffFile({ caseId: id, documentId: docId, actor: await staffActorOf(staff, request, session) });
      return sendFile(reply, file);
    });

    const read = { service: victim, cookie, write: false };
    const write = { service: victim, cookie, write: true };

    // Public facts about platforms (DOMAIN.md §8): no session needed, nothing about the case.
    scope.get('/api/victim/documents/routes', async (request) => {
      const { platform } = parseInput(PlatformRoutesQuerySchema, request.query);
      return PlatformRoutesSchema.parse(platformRoutes(platform));
    });

    // A preview writes nothing but reads the case: a write for CSRF purposes, as it is a POST with a body.
    scope.post('/api/victim/documents/preview', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, write);
      const query = parseInput(DocumentPreviewQuerySchema, request.query);
      const body = parseInput(DocumentRequestSchema, request.body);
      if (query.format === 'pdf') {
        const bytes = await documents.victimPreviewPdf({ caseId, request: body, redacted: query.copy === 'redacted' });
        return sendFile(reply, { bytes, contentType: PDF });
      }
      return DocumentPreviewSchema.parse(await documents.victimPreview({ caseId, request: body }));
    });

    scope.post('/api/victim/documents', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, write);
      const body = parseInput(DocumentGenerateSchema, request.body);
      return reply.status(201).send(GeneratedDocumentsSchema.parse(await documents.victimGenerate({ caseId, request: body })));
    });

    scope.get('/api/victim/documents', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, read);
      return CaseDocumentListSchema.parse({ documents: await documents.victimList({ caseId }) });
    });

    scope.get('/api/victim/documents/:docId/file', async (request, reply) => {
      const { caseId } = await authorizeVictim(request, reply, read);
      const { docId } = parseInput(VictimDocumentParamsSchema, request.params);
      return sendFile(reply, await documents.victimFile({ caseId, documentId: docId }));
    });
  });
}
