import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from './config/config.js';
import type { Services } from './container.js';
import { registerErrorHandling } from './http/errors.plugin.js';
import { createLogger, registerRequestLogging } from './http/logging.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerWebApp } from './http/static.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { registerTriageRoutes } from './modules/triage/triage.routes.js';
import { registerWindowsRoutes } from './modules/windows/windows.routes.js';
import { registerIntakeRoutes } from './modules/intake/intake.routes.js';
import { registerVictimRoutes } from './modules/victim/victim.routes.js';
import { registerStaffRoutes } from './modules/staff/staff.routes.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerCasesRoutes } from './modules/cases/cases.routes.js';
import { registerReferralsRoutes } from './modules/referrals/referrals.routes.js';
import { registerPostTargetsRoutes } from './modules/cases/post-targets.routes.js';
import { registerTemplatesRoutes } from './modules/templates/templates.routes.js';
import { registerSavedViewsRoutes } from './modules/saved-views/saved-views.routes.js';
import { registerTeamsRoutes } from './modules/teams/teams.routes.js';
import { registerStatsRoutes } from './modules/stats/stats.routes.js';
import { registerEvidenceRoutes } from './modules/evidence/evidence.routes.js';
import { registerEvidenceCaptureRoutes } from './modules/evidence-capture/evidence-capture.routes.js';
import { registerEvidenceBundleRoutes } from './modules/evidence-bundle/evidence-bundle.routes.js';
import { registerDocumentsRoutes } from './modules/documents/documents.routes.js';
import { registerAnalysisRoutes } from './modules/analysis/analysis.routes.js';

/** Request bodies are small JSON answers; anything bigger is refused. */
export const BODY_LIMIT = 64 * 1024;

export interface AppDeps {
  readonly config: Config;
  readonly services: Services;
  /** Where log lines go (stdout by default); tests pass a stream to inspect them. */
  readonly logStream?: DestinationStream;
}

/** Builds the HTTP application without listening, so tests can call `app.inject()`. */
export async function buildApp({ config, services, logStream }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: createLogger(config, logStream) as FastifyBaseLogger,
    // Fastify's own request lines carry the full URL; ours (http/logging.ts) log the route only.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app);
  registerRequestLogging(app);

  const pageFallback = await registerWebApp(app, config.webDist);
  registerErrorHandling(app, { bodyLimit: BODY_LIMIT, pageFallback });

  registerHealthRoutes(app, { service: services.health });
  registerTriageRoutes(app, { service: services.triage });
  registerWindowsRoutes(app, { service: services.windows });
  registerIntakeRoutes(app, { service: services.intake });
  const cookie = { secure: config.env === 'production' };
  registerVictimRoutes(app, { service: services.victim, cookie });
  registerStaffRoutes(app, { service: services.staff, cookie });
  registerAuditRoutes(app, { audit: services.audit, staff: services.staff, cookie });
  registerCasesRoutes(app, { cases: services.cases, staff: services.staff, cookie });
  registerReferralsRoutes(app, {
    lawyers: services.lawyers,
    caseParties: services.caseParties,
    referrals: services.referrals,
    staff: services.staff,
    cookie,
  });
  registerPostTargetsRoutes(app, { postTargets: services.postTargets, staff: services.staff, cookie });
  registerTemplatesRoutes(app, { templates: services.templates, staff: services.staff, cookie });
  registerSavedViewsRoutes(app, { savedViews: services.savedViews, staff: services.staff, cookie });
  registerTeamsRoutes(app, { teams: services.teams, staff: services.staff, cookie });
  registerStatsRoutes(app, { stats: services.stats, staff: services.staff, cookie });
  registerEvidenceRoutes(app, { evidence: services.evidence, victim: services.victim, staff: services.staff, cookie });
  registerEvidenceCaptureRoutes(app, { evidenceCapture: services.evidenceCapture, staff: services.staff, cookie });
  registerEvidenceBundleRoutes(app, { evidenceBundle: services.evidenceBundle, staff: services.staff, cookie });
  registerDocumentsRoutes(app, { documents: services.documents, victim: services.victim, staff: services.staff, cookie });
  registerAnalysisRoutes(app, { analysis: services.analysis, staff: services.staff, cookie });

  await app.ready();
  return app;
}
