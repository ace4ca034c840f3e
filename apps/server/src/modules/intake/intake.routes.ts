import fastifyMultipart from '@fastify/multipart';
import { ConsultationCreatedSchema, ConsultationRequestSchema } from '@mimamoru/contracts';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import { createMalformedJsonError } from '../../http/http.errors.js';
import { requestLocale } from '../../http/locale.js';
import type { UploadedFile } from './attachments.service.js';
import { createConsultationMissingError } from './intake.errors.js';
import type { IntakeService } from './intake.service.js';
import { MAX_JSON_FIELD_BYTES, MULTIPART_OPTIONS, readUpload } from './intake.uploads.js';

/** Parses the JSON of a multipart text field. */
export function parseJsonField(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw createMalformedJsonError();
  }
}

export function registerIntakeRoutes(app: FastifyInstance, { service }: { service: IntakeService }): void {
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, MULTIPART_OPTIONS);

    scope.post('/api/consultations', { bodyLimit: MAX_JSON_FIELD_BYTES }, async (request, reply) => {
      let body: unknown = request.body;
      let files: UploadedFile[] = [];
      if (request.isMultipart()) {
        const upload = await readUpload(request, ['consultation']);
        const raw = upload.fields.get('consultation');
        if (raw === undefined) throw createConsultationMissingError();
        body = parseJsonField(raw);
        files = [...upload.files];
      }
      const consultation = parseInput(ConsultationRequestSchema, body);
      const created = await service.submitConsultation({
        request: consultation,
        files,
        locale: requestLocale(request),
      });
      return reply.status(201).send(ConsultationCreatedSchema.parse(created));
    });
  });
}
