import {
  WindowIdParamsSchema,
  WindowListQuerySchema,
  WindowListSchema,
  WindowResponseSchema,
} from '@mimamoru/contracts';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../errors/app-error.js';
import { requestLocale } from '../../http/locale.js';
import type { WindowsService } from './windows.service.js';

export function registerWindowsRoutes(app: FastifyInstance, { service }: { service: WindowsService }): void {
  app.get('/api/windows', async (request) => {
    const { locale: _locale, lang: _lang, ...filters } = parseInput(WindowListQuerySchema, request.query);
    const { windows } = service.listWindows({ filters, locale: requestLocale(request) });
    return WindowListSchema.parse({ windows });
  });

  app.get('/api/windows/:id', async (request) => {
    const { id } = parseInput(WindowIdParamsSchema, request.params);
    const { window } = service.getWindowById({ id, locale: requestLocale(request) });
    return WindowResponseSchema.parse({ window });
  });
}
