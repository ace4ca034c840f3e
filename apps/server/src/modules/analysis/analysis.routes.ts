import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import {
  ANALYSIS_MAX_TEXT_CHARS,
  ANALYSIS_MAX_UPLOAD_BYTES,
  AnalysisEvidenceAddedSchema,
  AnalysisEvidenceAddSchema,
  AnalysisReportQuerySchema,
  AnalysisResultsPageSchema,
  AnalysisResultsQuerySchema,
  AnalysisRunListSchema,
  AnalysisRunParamsSchema,
  AnalysisRunSchema,
  AnalysisTextInputSchema,
  AnalysisUploadFieldsSchema,
  CaseParamsSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, parseInput } from '../../errors/app-error.js';
import type { CookieSettings } from '../../http/session-cookie.js';
import { policyRoute } from '../staff/staff.policy.js';
import { staffActorOf } from '../staff/staff-actor.js';
import type { StaffService } from '../staff/staff.service.js';
import {
  createAnalysisFileTooLargeError,
  createAnalysisMalformedUploadError,
  createAnalysisNoInputError,
} from './analysis.errors.js';
import { ANALYSIS_POLICY } from './analysis.policy.js';
import type { AnalysisService, AnalysisUpload } from './analysis.service.js';

/** Pasted text as JSON: up to 2 million characters of Japanese (3 bytes each) plus JSON escaping. */
const TEXT_BODY_LIMIT = ANALYSIS_MAX_TEXT_CHARS * 4;

/** Reads the upload: multipart (one `file`, optional `format` and `columns` JSON) or JSON `{ text }`. */
async function readAnalysisUpload(request: FastifyRequest): Promise<AnalysisUpload> {
  if (!request.isMultipart()) {
    const { text } = parseInput(AnalysisTextInputSchema, request.body);
    if (text.trim() === '') throw createAnalysisNoInputError();
    return { source: 'text', bytes: Buffer.from(text, 'utf8'), fields: {} };
  }
  const fields: Record<string, unknown> = {};
  let bytes: Buffer | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (bytes !== null || part.fieldname !== 'file') throw createAnalysisMalformedUploadError();
        bytes = await part.toBuffer();
        continue;
      }
      if (!['format', 'columns'].includes(part.fieldname) || part.fieldname in fields) throw createAnalysisMalformedUploadError();
      const value = String(part.value);
      if (part.fieldname === 'columns') {
        try {
          fields.columns = value.trim() === '' ? undefined : JSON.parse(value);
        } catch {
          throw createAnalysisMalformedUploadError();
        }
      } else fields.format = value === '' ? undefined : value;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') throw createAnalysisFileTooLargeError({ limit: '64 MB' });
    throw createAnalysisMalformedUploadError({}, { cause: error });
  }
  if (bytes === null) throw createAnalysisNoInputError();
  return { source: 'file', bytes, fields: parseInput(AnalysisUploadFieldsSchema, fields) };
}

/** `attachment; filename="…"` (ASCII names only here). */
const attachment = (name: string) => `attachment; filename="${name}"`;

export function registerAnalysisRoutes(
  app: FastifyInstance,
  { analysis, staff, cookie }: { analysis: AnalysisService; staff: StaffService; cookie: CookieSettings },
): void {
  void app.register(async (scope) => {
    await scope.register(fastifyCookie);
    await scope.register(fastifyMultipart, {
      limits: { fileSize: ANALYSIS_MAX_UPLOAD_BYTES, files: 1, fields: 2, fieldSize: 16 * 1024, parts: 3, headerPairs: 50 },
      throwFileSizeLimit: true,
    });
    const deps = { policy: ANALYSIS_POLICY, service: staff, cookie };

    policyRoute(
      scope,
      deps,
      'POST /api/cases/:id/analyses',
      async (request, reply, session) => {
        const { id } = parseInput(CaseParamsSchema, request.params);
        const actor = await staffActorOf(staff, request, session);
        const upload = await readAnalysisUpload(request);
        const run = await analysis.staffCreateRun({ caseId: id, actor, upload });
        return reply.status(202).send(AnalysisRunSchema.parse(run));
      },
      { bodyLimit: TEXT_BODY_LIMIT },
    );

    policyRoute(scope, deps, 'GET /api/cases/:id/analyses', async (request, _reply, session) => {
      const { id } = parseInput(CaseParamsSchema, request.params);
      const runs = await analysis.staffListRuns({ caseId: id, actor: await staffActorOf(staff, request, session) });
      return AnalysisRunListSchema.parse({ runs });
    });

    policyRoute(scope, deps, 'GET /api/cases/:id/analyses/:runId', async (request, _reply, session) => {
      const { id, runId } = parseInput(AnalysisRunParamsSchema, request.params);
      const run = await analysis.staffRun({ caseId: id, runId, actor: await staffActorOf(staff, request, session) });
      return AnalysisRunSchema.parse(run);
    });

    policyRoute(scope, deps, 'GET /api/cases/:id/analyses/:runId/results', async (request, reply, session) => {
      const { id, runId } = parseInput(AnalysisRunParamsSchema, request.params);
      const query = parseInput(AnalysisResultsQuerySchema, request.query);
      const page = await analysis.staffResults({ caseId: id, runId, query, actor: await staffActorOf(staff, request, session) });
      return reply.header('cache-control', 'no-store').send(AnalysisResultsPageSchema.parse(page));
    });

    policyRoute(scope, deps, 'POST /api/cases/:id/analyses/:runId/evidence', async (request, reply, session) => {
      const { id, runId } = parseInput(AnalysisRunParamsSchema, request.params);
      const { postIds } = parseInput(AnalysisEvidenceAddSchema, request.body);
      const actor = await staffActorOf(staff, request, session);
      const result = await analysis.staffAddEvidence({ caseId: id, runId, actor, postIds });
      return reply.status(201).send(AnalysisEvidenceAddedSchema.parse(result));
    });

    policyRoute(scope, deps, 'GET /api/cases/:id/analyses/:runId/report.pdf', async (request, reply, session) => {
      const { id, runId } = parseInput(AnalysisRunParamsSchema, request.params);
      const { postIds } = parseInput(AnalysisReportQuerySchema, request.query);
      const bytes = await analysis.staffReportPdf({ caseId: id, runId, postIds, actor: await staffActorOf(staff, request, session) });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachment(`analysis-${runId.slice(0, 8)}.pdf`))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(Buffer.from(bytes));
    });

    policyRoute(scope, deps, 'GET /api/cases/:id/analyses/:runId/report.csv', async (request, reply, session) => {
      const { id, runId } = parseInput(AnalysisRunParamsSchema, request.params);
      const { postIds } = parseInput(AnalysisReportQuerySchema, request.query);
      const csv = await analysis.staffReportCsv({ caseId: id, runId, postIds, actor: await staffActorOf(staff, request, session) });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(`analysis-${runId.slice(0, 8)}.csv`))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(csv);
    });
  });
}
