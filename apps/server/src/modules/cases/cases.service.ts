import {
  addDays,
  casePriority,
  daysBetween,
  normalizeCaseNumber,
  OPEN_STAGES,
  slaState,
  todayInTokyo,
  triage,
  WORKFLOW_TRANSITIONS,
  type CaseStatus,
  type Locale,
  type WorkflowStage,
} from '@mimamoru/core';
import type {
  CaseAssignRequest,
  CaseQueueItem,
  CaseQueuePage,
  CaseQueueQuery,
  StaffCase,
} from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CaseSealer } from '../intake/case-sealing.js';
import type { ConsultantReplyService } from '../intake/consultant-reply.service.js';
import { casesRepository, type CaseRow, type Db } from '../intake/intake.repository.js';
import { newSortableId } from '../intake/sortable-id.js';
import {
  answersAsOf,
  caseDeadlines,
  caseFactsOf,
  createStageTasks,
  enterStage,
  recordEvent,
  syncSlaPause,
  writeCaseChange,
  type WriteContext,
} from './case-workflow.js';
import {
  createAssigneeInvalidError,
  createCaseNotFoundError,
  createNoConsultantError,
  createStaleError,
  createTaskNotFoundError,
  createWithdrawnError,
} from './cases.errors.js';
import { workflowRepository, type PauseRow, type QueueFilter } from './cases.repository.js';

/** The staff member acting, with the keyed hash of their IP (computed before any transaction). */
export interface CaseActor {
  readonly id: string;
  readonly ipHash: string | null;
}

export interface CasesServiceDeps {
  readonly db: Kysely<Database>;
  readonly sealer: CaseSealer;
  readonly audit: Pick<AuditService, 'record'>;
  readonly replies: Pick<ConsultantReplyService, 'postConsultantReply'>;
  readonly clock: () => Date;
}

const STAFF_ROLES_ASSIGNABLE = new Set(['consultant', 'admin']);

/** `q` → a case-number match: the whole number (exact), or its beginning (prefix). */
function caseNumberMatch(q: string): QueueFilter['caseNumber'] {
  const exact = normalizeCaseNumber(q);
  if (exact) return { value: exact, prefix: false };
  const compact = q
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
  const body = compact.startsWith('MM') ? compact.slice(2) : compact;
  const value = `MM-${body.slice(0, 4)}${body.length > 4 ? `-${body.slice(4, 8)}` : ''}`;
  return { value, prefix: true };
}

function slaOf(
  row: Pick<CaseRow, 'created_at' | 'first_response_at'>,
  pauses: readonly PauseRow[],
  now: Date,
) {
  return slaState({
    receivedAt: row.created_at,
    ...(row.first_response_at ? { firstResponseAt: row.first_response_at } : {}),
    pauses: pauses.map((p) => ({ from: p.from_at, ...(p.to_at ? { to: p.to_at } : {}) })),
    now: now.toISOString(),
  });
}

function staffRef(id: string | null, name: string | null) {
  return id === null ? null : { id, displayName: name ?? '' };
}

/** Staff use cases on cases: the queue, the case page, and every change to a case. */
export function createCasesService({ db, sealer, audit, replies, clock }: CasesServiceDeps) {
  /** The case for a change: 404 when unknown, 409 when withdrawn or when `version` is stale. */
  async function lockCase(trx: Db, id: string, version?: number): Promise<CaseRow> {
    const row = await casesRepository.findById(trx, id);
    if (!row) throw createCaseNotFoundError();
    if (row.stage === 'withdrawn' || row.status === 'withdrawn') throw createWithdrawnError();
    if (version !== undefined && version !== row.version) throw createStaleError();
    return row;
  }

  function auditLine(
    trx: Db,
    actor: CaseActor,
    action: string,
    caseId: string,
    detail?: Record<string, string | number | boolean | null>,
  ) {
    return audit.record(
      {
        actorType: 'staff',
        actorId: actor.id,
        action,
        targetType: 'case',
        targetId: caseId,
        ipHash: actor.ipHash,
        ...(detail ? { detail } : {}),
      },
      trx,
    );
  }

  /** Runs a change in one transaction with its audit line; answers the case as it is afterwards. */
  async function change(
    id: string,
    actor: CaseActor,
    locale: Locale,
    action: string,
    run: (
      ctx: WriteContext,
      row: CaseRow,
    ) => Promise<Record<string, string | number | boolean | null> | void>,
    version?: number,
  ): Promise<StaffCase> {
    await db.transaction().execute(async (trx) => {
      const row = await lockCase(trx, id, version);
      const ctx: WriteContext = { trx, sealer, now: clock(), actorId: actor.id };
      const detail = await run(ctx, row);
      await auditLine(trx, actor, action, id, detail ?? undefined);
    });
    return present(id, locale);
  }

  /** The whole case as staff see it: intake decrypted, Guide recomputed, timeline, tasks, SLA. */
  async function present(id: string, locale: Locale): Promise<StaffCase> {
    const now = clock();
    const today = todayInTokyo(now);
    const row = await casesRepository.findById(db, id);
    if (!row || row.stage === 'withdrawn' || row.status === 'withdrawn') throw createCaseNotFoundError();
    const [assignee, messages, notes, tasks, events, attachments, pauses] = await Promise.all([
      row.assignee_id ? workflowRepository.findStaff(db, row.assignee_id) : undefined,
      casesRepository.listMessages(db, id),
      workflowRepository.listNotes(db, id),
      workflowRepository.listTasks(db, id),
      workflowRepository.listEvents(db, id),
      casesRepository.listAttachments(db, id),
      workflowRepository.pausesOf(db, [id]),
    ]);
    const open = (column: string, sealed: string | null) => sealer.openOptional('cases', column, id, sealed);
    const facts = caseFactsOf(sealer, row);
    const answers = answersAsOf(facts, today);
    const deadlines = [...caseDeadlines(facts, today)]
      .map((d) => ({ id: d.id, date: d.date, daysLeft: daysBetween(today, d.date) }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const priority = casePriority({
      asOf: today,
      ...(answers ? { triage: answers } : {}),
      triageResult: { deadlines },
    });
    const name = open('name_sealed', row.name_sealed);
    const happenedAt = open('happened_at_sealed', row.happened_at_sealed);
    const email = open('email_sealed', row.email_sealed);
    const phone = open('phone_sealed', row.phone_sealed);
    const notesText = open('contact_notes_sealed', row.contact_notes_sealed);
    const stage = row.stage as WorkflowStage;
    return {
      id,
      caseNumber: row.case_number,
      stage,
      nextStages: WORKFLOW_TRANSITIONS[stage].filter((s) => s !== 'withdrawn'),
      status: row.status as CaseStatus,
      awaitingVictim: row.awaiting_victim === 1,
      version: row.version,
      locale: row.locale,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      firstResponseAt: row.first_response_at,
      assignee: assignee ? { id: assignee.id, displayName: assignee.display_name } : null,
      priority: {
        level: row.priority_level as StaffCase['priority']['level'],
        score: row.priority_score,
        reasons: priority.reasons.map((r) => ({ id: r.id, text: r.text })),
      },
      offenderKnownSince: row.offender_known_since,
      intake: {
        ...(name ? { name } : {}),
        narrative: open('narrative_sealed', row.narrative_sealed) ?? '',
        platforms: facts.platforms as StaffCase['intake']['platforms'],
        postUrls: JSON.parse(open('post_urls_sealed', row.post_urls_sealed) ?? '[]') as string[],
        ...(happenedAt ? { happenedAt } : {}),
        goals: JSON.parse(row.goals ?? '[]') as StaffCase['intake']['goals'],
        contact: {
          channel: (row.channel ?? 'in-app') as StaffCase['intake']['contact']['channel'],
          ...(email ? { email } : {}),
          ...(phone ? { phone } : {}),
          ...(notesText ? { notes: notesText } : {}),
        },
      },
      triageAnswers: (facts.answers ?? null) as StaffCase['triageAnswers'],
      guide: answers ? (triage(answers, { locale }) as StaffCase['guide']) : null,
      deadlines,
      ...(row.next_deadline_id && row.next_deadline_on
        ? { nextDeadline: { id: row.next_deadline_id, date: row.next_deadline_on } }
        : {}),
      messages: messages.map((m) => ({
        id: m.id,
        author: m.author as 'victim' | 'consultant',
        body: sealer.open('case_messages', 'body_sealed', m.id, m.body_sealed),
        createdAt: m.created_at,
      })),
      notes: notes.map((n) => ({
        id: n.id,
        author: staffRef(n.author_id, n.author_name),
        body: sealer.open('case_notes', 'body_sealed', n.id, n.body_sealed),
        createdAt: n.created_at,
      })),
      tasks: tasks.map((t) => ({
        id: t.id,
        taskId: t.task_id,
        title: { ja: t.title_ja, en: t.title_en },
        dueOn: t.due_on,
        doneAt: t.done_at,
        createdAt: t.created_at,
      })),
      events: events.map((e) => ({
        id: e.id,
        type: e.type as StaffCase['events'][number]['type'],
        actor: staffRef(e.actor_id, e.actor_name),
        detail: e.detail ? (JSON.parse(e.detail) as StaffCase['events'][number]['detail']) : {},
        createdAt: e.created_at,
      })),
      attachments: attachments.map((a) => ({
        id: a.id,
        filename: sealer.open('case_attachments', 'filename_sealed', a.id, a.filename_sealed),
        contentType: a.content_type as StaffCase['attachments'][number]['contentType'],
        size: a.size,
        sha256: a.sha256,
        createdAt: a.created_at,
      })),
      sla: slaOf(row, pauses, now),
    };
  }

  async function pickConsultant(trx: Db, strategy: 'round-robin' | 'least-open'): Promise<string> {
    const candidates = await workflowRepository.activeConsultants(trx);
    if (candidates.length === 0) throw createNoConsultantError();
    if (strategy === 'round-robin') {
      const last = await workflowRepository.lastAssignee(trx);
      const index = candidates.findIndex((c) => c.id === last);
      return (candidates[(index + 1) % candidates.length] ?? candidates[0])!.id;
    }
    const counts = await workflowRepository.openCounts(trx, OPEN_STAGES);
    let best = candidates[0]!;
    for (const candidate of candidates) {
      if ((counts.get(candidate.id) ?? 0) < (counts.get(best.id) ?? 0)) best = candidate;
    }
    return best.id;
  }

  return {
    /** One page of the queue, sorted in SQL by priority then age; listing is audited. */
    async listQueue({ query, actor }: { query: CaseQueueQuery; actor: CaseActor }): Promise<CaseQueuePage> {
      const now = clock();
      const filter: QueueFilter = {
        stages: query.stage === 'open' ? OPEN_STAGES : query.stage === 'all' ? [] : [query.stage],
        ...(query.platform ? { platform: query.platform } : {}),
        ...(query.assignee
          ? {
              assigneeId:
                query.assignee === 'me' ? actor.id : query.assignee === 'none' ? null : query.assignee,
            }
          : {}),
        ...(query.priority ? { priorityLevel: query.priority } : {}),
        ...(query.deadlineWithinDays !== undefined
          ? { deadlineOnOrBefore: addDays(todayInTokyo(now), query.deadlineWithinDays) }
          : {}),
        ...(query.q ? { caseNumber: caseNumberMatch(query.q) } : {}),
      };
      const [rows, total] = await Promise.all([
        workflowRepository.queuePage(db, filter, {
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        }),
        workflowRepository.queueCount(db, filter),
      ]);
      const pauses = await workflowRepository.pausesOf(
        db,
        rows.map((r) => r.id),
      );
      await audit.record({
        actorType: 'staff',
        actorId: actor.id,
        action: 'cases.queue_viewed',
        ipHash: actor.ipHash,
        detail: { page: query.page, results: rows.length, filtered: Object.keys(filter).length > 1 },
      });
      const cases = rows.map((row): CaseQueueItem => ({
        id: row.id,
        caseNumber: row.case_number,
        stage: row.stage as WorkflowStage,
        status: row.status as CaseStatus,
        priorityLevel: row.priority_level as CaseQueueItem['priorityLevel'],
        priorityScore: Number(row.priority_score),
        platforms: JSON.parse(row.platforms ?? '[]') as CaseQueueItem['platforms'],
        assignee: staffRef(row.assignee_id, row.assignee_name),
        createdAt: row.created_at,
        firstResponseAt: row.first_response_at,
        sla: slaOf(
          row,
          pauses.filter((p) => p.case_id === row.id),
          now,
        ),
        ...(row.next_deadline_id && row.next_deadline_on
          ? { nextDeadline: { id: row.next_deadline_id, date: row.next_deadline_on } }
          : {}),
      }));
      return { cases, page: query.page, pageSize: query.pageSize, total };
    },

    /** The case page; every view is audited. */
    async viewCase({
      id,
      actor,
      locale,
    }: {
      id: string;
      actor: CaseActor;
      locale: Locale;
    }): Promise<StaffCase> {
      const view = await present(id, locale);
      await db.transaction().execute((trx) => auditLine(trx, actor, 'cases.viewed', id));
      return view;
    },

    /** Assigns by hand (an active consultant or admin; null unassigns) or by strategy among active consultants. */
    async assignCase({
      id,
      input,
      actor,
      locale,
    }: {
      id: string;
      input: CaseAssignRequest;
      actor: CaseActor;
      locale: Locale;
    }): Promise<StaffCase> {
      return change(
        id,
        actor,
        locale,
        'cases.assigned',
        async (ctx, row) => {
          let assigneeId: string | null;
          let strategy: string;
          if ('strategy' in input) {
            assigneeId = await pickConsultant(ctx.trx, input.strategy);
            strategy = input.strategy;
          } else {
            assigneeId = input.assigneeId;
            strategy = 'manual';
            if (assigneeId !== null) {
              const account = await workflowRepository.findStaff(ctx.trx, assigneeId);
              if (!account || account.disabled_at !== null || !STAFF_ROLES_ASSIGNABLE.has(account.role))
                throw createAssigneeInvalidError();
            }
          }
          await writeCaseChange(ctx, row, { assigneeId });
          await recordEvent(ctx, id, 'assigned', { assigneeId, strategy });
          return { assigneeId, strategy };
        },
        input.version,
      );
    },

    /** Moves the case along the workflow (core nextStage) and creates the new stage's tasks. */
    async moveStage({
      id,
      to,
      version,
      actor,
      locale,
    }: {
      id: string;
      to: WorkflowStage;
      version: number;
      actor: CaseActor;
      locale: Locale;
    }): Promise<StaffCase> {
      return change(
        id,
        actor,
        locale,
        'cases.stage_changed',
        async (ctx, row) => {
          const stage = await enterStage(ctx, row, to);
          const finished = stage === 'resolved' || stage === 'closed';
          if (finished) await syncSlaPause(ctx, id, false);
          await writeCaseChange(ctx, row, { stage, ...(finished ? { awaitingVictim: false } : {}) });
          return { from: row.stage, to: stage };
        },
        version,
      );
    },

    /** A reply the victim sees (postConsultantReply: first response, notice mail); audited in its transaction. */
    async replyToVictim({
      id,
      body,
      awaitingVictim,
      version,
      actor,
      locale,
    }: {
      id: string;
      body: string;
      awaitingVictim?: boolean;
      version?: number;
      actor: CaseActor;
      locale: Locale;
    }): Promise<StaffCase> {
      const found = await casesRepository.findById(db, id);
      if (!found || found.stage === 'withdrawn' || found.status === 'withdrawn')
        throw createCaseNotFoundError();
      await replies.postConsultantReply({
        caseId: id,
        body,
        actorId: actor.id,
        ...(awaitingVictim !== undefined ? { awaitingVictim } : {}),
        ...(version !== undefined ? { expectedVersion: version } : {}),
        within: (trx, messageId) => auditLine(trx, actor, 'cases.replied', id, { messageId }),
      });
      return present(id, locale);
    },

    /** An internal note (sealed), never shown to the victim. Does not change the case's version. */
    async addNote({
      id,
      body,
      actor,
      locale,
    }: {
      id: string;
      body: string;
      actor: CaseActor;
      locale: Locale;
    }) {
      return change(id, actor, locale, 'cases.note_added', async (ctx) => {
        const noteId = newSortableId(ctx.now.getTime());
        await workflowRepository.insertNote(ctx.trx, {
          id: noteId,
          case_id: id,
          author_id: actor.id,
          body_sealed: sealer.seal('case_notes', 'body_sealed', noteId, body),
          created_at: ctx.now.toISOString(),
        });
        return { noteId };
      });
    },

    /** Records the day the poster became known: deadlines and priority recompute; missing stage tasks appear. */
    async recordOffender({
      id,
      knownSince,
      version,
      actor,
      locale,
    }: {
      id: string;
      knownSince: string;
      version: number;
      actor: CaseActor;
      locale: Locale;
    }): Promise<StaffCase> {
      return change(
        id,
        actor,
        locale,
        'cases.offender_recorded',
        async (ctx, row) => {
          await writeCaseChange(ctx, row, { offenderKnownSince: knownSince });
          const facts = caseFactsOf(sealer, { ...row, offender_known_since: knownSince });
          await createStageTasks(ctx, id, row.stage as WorkflowStage, facts);
          await recordEvent(ctx, id, 'offender-recorded', { knownSince });
          return { knownSince };
        },
        version,
      );
    },

    /** Marks a task done (idempotent). */
    async completeTask({
      id,
      taskId,
      actor,
      locale,
    }: {
      id: string;
      taskId: string;
      actor: CaseActor;
      locale: Locale;
    }): Promise<StaffCase> {
      return change(id, actor, locale, 'cases.task_done', async (ctx) => {
        const task = await workflowRepository.findTask(ctx.trx, id, taskId);
        if (!task) throw createTaskNotFoundError();
        if (task.done_at === null) {
          await workflowRepository.markTaskDone(ctx.trx, task.id, ctx.now.toISOString(), actor.id);
          await recordEvent(ctx, id, 'task-done', { taskId: task.task_id });
        }
        return { taskId: task.task_id };
      });
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
