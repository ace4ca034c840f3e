import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { createTemplatesService } from './templates.service.js';

/** Wires reply templates over the database and the audit log. */
export function createTemplatesModule(deps: {
  db: Kysely<Database>;
  clock: () => Date;
  audit: Pick<AuditService, 'record'>;
}) {
  return { templates: createTemplatesService(deps) };
}
