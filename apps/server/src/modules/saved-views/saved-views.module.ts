import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { createSavedViewsService } from './saved-views.service.js';

/** Wires saved queue views over the database and the audit log. */
export function createSavedViewsModule(deps: {
  db: Kysely<Database>;
  clock: () => Date;
  audit: Pick<AuditService, 'record'>;
}) {
  return { savedViews: createSavedViewsService(deps) };
}
