import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import { CaseParamsSchema } from '@mimamoru/contracts';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService } from '../staff/staff.service.js';
import { EVIDENCE_BUNDLE_POLICY } from './evidence-bundle.policy.js';
import type { EvidenceBundleService } from './evidence-bundle.service.js';

/**
 * Whether the download stopped because the client disconnected: then the response socket is gone before the whole
 * body was sent (the writer sees ERR_STREAM_PREMATURE_CLOSE or a destroyed stream). A real failure (a blob that
 * cannot be read) leaves the connection open until the body is destroyed, after this check.
 */
function clientWentAway(request: IncomingMessage, response: ServerResponse): boolean {
  return (response.destroyed && !response.writableFinished) || (request.destroyed && !request.complete);
}

export function registerEvidenceBundleRoutes(
  app: FastifyInstance,
  { evidenceBundle, staff, cookie }: { evidenceBundle: EvidenceBundleService; staff: StaffService; cookie: CookieSettings },
): void {
  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    const deps = { policy: EVIDENCE_BUNDLE_POLICY, service: staff, cookie };

    // Checks, the audit line, the report and the ZIP's layout come first, so the headers carry the exact size;
    // then the ZIP streams as it is written (bounded memory: one evidence file at a time).
    policyRoute(scope, deps, 'POST /api/cases/:id/evidence/bundle', async (request, reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const bundle = await evidenceBundle.prepareExport({
        caseId: id,
        exporter: { kind: 'staff', actor: await staffActorOf(staff, request, session) },
      });
      const body = new PassThrough();
      bundle.write(body).catch((error: unknown) => {
        if (clientWentAway(request.raw, reply.raw)) {
          // The browser closed the connection (the user cancelled, or the network dropped): not a server fault.
          request.log.info({ code: 'evidence.bundle_aborted' }, 'evidence bundle download ended by the client');
        } else {
          request.log.error({ err: error, code: 'evidence.bundle_failed' }, 'evidence bundle export failed');
        }
        body.destroy(error instanceof Error ? error : new Error('bundle export failed'));
      });
      return reply
        .header('content-type', 'application/zip')
        .header('content-length', String(bundle.size))
        .header('x-evidence-items', String(bundle.items))
        .header('x-evidence-files', String(bundle.files))
        .header('content-disposition', `attachment; filename="${bundle.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`)
        .header('cache-control', 'no-store')
        .send(body);
    });
  });
}
