import { REPLY_TEMPLATE_PLACEHOLDERS, unknownPlaceholders, type Locale } from '@mimamoru/core';
import type { ReplyTemplate, ReplyTemplateInput, ReplyTemplateListQuery } from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { newSortableId } from '../intake/sortable-id.js';
import {
  createTemplateArchivedError,
  createTemplateNotFoundError,
  createTemplateStaleError,
  createUnknownPlaceholderError,
} from './templates.errors.js';
import { templatesRepository, type TemplateRow } from './templates.repository.js';

/** The staff member acting, with the keyed hash of their IP (computed before any transaction). */
export interface TemplateActor {
  readonly id: string;
  readonly ipHash: string | null;
}

export interface TemplatesServiceDeps {
  readonly db: Kysely<Database>;
  readonly audit: Pick<AuditService, 'record'>;
  readonly clock: () => Date;
}

function present(row: TemplateRow): ReplyTemplate {
  return {
    id: row.id,
    title: row.title,
    locale: row.locale as Locale,
    body: row.body,
    createdBy: row.created_by ? { id: row.created_by, displayName: row.created_by_name ?? '' } : null,
    updatedAt: row.updated_at,
    version: row.version,
    archivedAt: row.archived_at,
  };
}

/** 400 naming every placeholder the body uses that core does not know. */
function checkPlaceholders(body: string): void {
  const unknown = unknownPlaceholders(body);
  if (unknown.length > 0)
    throw createUnknownPlaceholderError({
      names: unknown.map((name) => `{{${name}}}`).join(', '),
      known: REPLY_TEMPLATE_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', '),
    });
}

/** Reply templates: case workers list them; admins create, edit and archive them (audited). */
export function createTemplatesService({ db, audit, clock }: TemplatesServiceDeps) {
  async function record(trx: Kysely<Database>, actor: TemplateActor, action: string, id: string) {
    await audit.record(
      {
        actorType: 'staff',
        actorId: actor.id,
        action,
        targetType: 'reply_template',
        targetId: id,
        ipHash: actor.ipHash,
      },
      trx,
    );
  }

  async function found(trx: Kysely<Database>, id: string): Promise<TemplateRow> {
    const row = await templatesRepository.find(trx, id);
    if (!row) throw createTemplateNotFoundError();
    return row;
  }

  /** Updates a template at `version`: 404 unknown, 409 archived or stale. */
  async function update(
    id: string,
    version: number,
    actor: TemplateActor,
    action: string,
    patch: Partial<ReplyTemplateInput> & { archived_at?: string },
  ): Promise<ReplyTemplate> {
    return db.transaction().execute(async (trx) => {
      const row = await found(trx, id);
      if (row.archived_at !== null) throw createTemplateArchivedError();
      if (row.version !== version) throw createTemplateStaleError();
      const now = clock().toISOString();
      const updated = await templatesRepository.updateIfVersion(trx, id, version, {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        ...(patch.body !== undefined ? { body: patch.body } : {}),
        ...(patch.archived_at !== undefined ? { archived_at: patch.archived_at } : {}),
        updated_at: now,
      });
      if (!updated) throw createTemplateStaleError();
      await record(trx, actor, action, id);
      return present(await found(trx, id));
    });
  }

  return {
    /** Templates for the reply form (active, optionally one language) or the admin page (with archived). */
    async listTemplates({
      query,
    }: {
      query: ReplyTemplateListQuery;
    }): Promise<{ templates: ReplyTemplate[] }> {
      const rows = await templatesRepository.list(db, {
        ...(query.locale ? { locale: query.locale } : {}),
        includeArchived: query.archived === 'include',
      });
      return { templates: rows.map(present) };
    },

    /** A new template (admin); placeholders must be known ones. */
    async createTemplate({
      input,
      actor,
    }: {
      input: ReplyTemplateInput;
      actor: TemplateActor;
    }): Promise<ReplyTemplate> {
      checkPlaceholders(input.body);
      return db.transaction().execute(async (trx) => {
        const now = clock().toISOString();
        const id = newSortableId(clock().getTime());
        await templatesRepository.insert(trx, {
          id,
          title: input.title,
          locale: input.locale,
          body: input.body,
          created_by: actor.id,
          created_at: now,
          updated_at: now,
          version: 1,
          archived_at: null,
        });
        await record(trx, actor, 'templates.created', id);
        return present(await found(trx, id));
      });
    },

    /** Rewrites a template (admin) if nobody changed it since `version`. */
    async updateTemplate({
      id,
      input,
      version,
      actor,
    }: {
      id: string;
      input: ReplyTemplateInput;
      version: number;
      actor: TemplateActor;
    }): Promise<ReplyTemplate> {
      checkPlaceholders(input.body);
      return update(id, version, actor, 'templates.updated', input);
    },

    /** Stops offering a template (admin); it is kept, read-only. */
    async archiveTemplate({
      id,
      version,
      actor,
    }: {
      id: string;
      version: number;
      actor: TemplateActor;
    }): Promise<ReplyTemplate> {
      return update(id, version, actor, 'templates.archived', { archived_at: clock().toISOString() });
    },
  };
}

export type TemplatesService = ReturnType<typeof createTemplatesService>;
