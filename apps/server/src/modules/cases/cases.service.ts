import {
  addDays,
  casePriority,
  daysBetween,
  isCaseNumberQuery,
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
import {
  DEFAULT_TEAM_ID,
  type CaseAssignRequest,
  type CaseQueueItem,
  type CaseQueuePage,
  type CaseQueueQuery,
  type StaffCase,
  type StaffCaseOpened,
  type StaffCaseOpenRequest,
  type StaffRole,
} from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CaseSearch } from '../case-search/case-search.service.js';
import type { CaseSealer } from '../intake/case-sealing.js';
import type { ConsultantReplyService } from '../intake/consultant-reply.service.js';
import { casesRepository, type CaseRow, type Db } from '../intake/intake.repository.js';
import type { IntakeService } from '../intake/intake.service.js';
import { createTeamUnknownError } from '../teams/teams.errors.js';
import { teamsRepository } from '../teams/teams.repository.js';
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
import { caseScope, inScope, type CaseViewer } from './case-scope.js';
import {
  createAssigneeInvalidError,
  createCaseNotFoundError,
  createNoConsultantError,
  createStaleError,
  createTaskNotFoundError,
  createWithdrawnError,
} from './cases.errors.js';
import { workflowRepository, type PauseRow, type QueueFilter } from './cases.repository.js';
import { createCaseErasedError } from '../retention/retention.errors.js';
import type { ErasureReason } from '../retention/case-erasure.js';

/**
 * The staff member acting: role and team (from the live session) decide which cases they see
 * (case-scope.ts); the keyed hash of their IP is computed before any transaction.
 */
export interface CaseActor extends CaseViewer {
  readonly id: string;
  readonly ipHash: string | null;
}

export interface CasesServiceDeps {
  readonly db: Kysely<Database>;
  readonly sealer: CaseSealer;
  readonly audit: Pick<AuditService, 'record'>;
  readonly replies: Pick<ConsultantReplyService, 'postConsultantReply'>;
  /** Creates cases (shared with the web form: numbering, key, sealing); staff open cases through it. */
  readonly intake: Pick<IntakeService, 'openCase'>;
  readonly clock: () => Date;
  /** First-response target in hours (config MIMAMORU_SLA_FIRST_RESPONSE_HOURS). */
  readonly slaHours: number;
  /** The blind index of names and narratives, for the queue's text search. */
  readonly search: Pick<CaseSearch, 'queryTokens'>;
}

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
  targetHours: number,
) {
  return slaState({
    receivedAt: row.created_at,
    ...(row.first_response_at ? { firstResponseAt: row.first_response_at } : {}),
    pauses: pauses.map((p) => ({ from: p.from_at, ...(p.to_at ? { to: p.to_at } : {}) })),
    now: now.toISOString(),
    targetHours,
  });
}

function staffRef(id: string | null, name: string | null) {
  return id === null ? null : { id, displayName: name ?? '' };
}

/** Staff use cases on cases: the queue, the case page, and every change to a case. */
export function createCasesService({
  db,
  sealer,
  audit,
  replies,
  intake,
  clock,
  slaHours,
  search,
}: CasesServiceDeps) {
  /**
   * `q` → a case-number match (a whole number, or a beginning like MM-7K3Q), else the blind tokens of
   * the text: cases whose name or narrative hold every 2-character piece of it.
   */
  async function queryMatch(q: string): Promise<Pick<QueueFilter, 'caseNumber' | 'searchTokens'>> {
    if (normalizeCaseNumber(q) || isCaseNumberQuery(q)) return { caseNumber: caseNumberMatch(q) };
    return { searchTokens: await search.queryTokens(q) };
  }

  /** The case if the actor may see it (case-scope.ts); 404 when unknown or outside their scope. */
  async function visibleCase(trx: Db, id: string, actor: CaseViewer): Promise<CaseRow> {
    const row = await casesRepository.findById(trx, id);
    if (!row || !inScope(caseScope(actor), row)) throw createCaseNotFoundError();
    return row;
  }

  /** The case for a change: 404 when unknown or not visible, 409 when withdrawn or when `version` is stale. */
  async function lockCase(trx: Db, id: string, actor: CaseViewer, version?: number): Promise<CaseRow> {
    const row = await visibleCase(trx, id, actor);
    if (row.stage === 'withdrawn' || row.status === 'withdrawn') throw createWithdrawnError();
    if (row.erased_at !== null) throw createCaseErasedError();
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
      const row = await lockCase(trx, id, actor, version);
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
    const [assignee, openedBy, teamName, messages, notes, tasks, events, attachments, pauses] =
      await Promise.all([
        row.assignee_id ? workflowRepository.findStaff(db, row.assignee_id) : undefined,
        row.opened_by ? workflowRepository.findStaff(db, row.opened_by) : undefined,
        workflowRepository.teamName(db, row.team_id),
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
      nextStages: row.erased_at !== null ? [] : WORKFLOW_TRANSITIONS[stage].filter((s) => s !== 'withdrawn'),
      status: row.status as CaseStatus,
      awaitingVictim: row.awaiting_victim === 1,
      version: row.version,
      locale: row.locale,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      firstResponseAt: row.first_response_at,
      assignee: assignee ? { id: assignee.id, displayName: assignee.display_name } : null,
      channel: row.intake_channel as StaffCase['channel'],
      openedBy: openedBy ? { id: openedBy.id, displayName: openedBy.display_name } : null,
      team: { id: row.team_id, name: teamName ?? row.team_id },
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
      sla: slaOf(row, pauses, now, slaHours),
      ...(row.erased_at !== null
        ? { erasure: { erasedAt: row.erased_at, reason: row.erasure_reason as ErasureReason } }
        : {}),
    };
  }

  /** An active consultant of the team, in turn or the one with the fewest open cases. */
  async function pickConsultant(
    trx: Db,
    teamId: string,
    strategy: 'round-robin' | 'least-open',
  ): Promise<string> {
    const candidates = await workflowRepository.activeConsultants(trx, teamId);
    if (candidates.length === 0) throw createNoConsultantError();
    if (strategy === 'round-robin') {
      const last = await workflowRepository.lastAssignee(trx, teamId);
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
    /** The whole case as staff see it, unaudited: for other modules that project it (referrals). */
    presentCase: present,

    /** One page of the queue, sorted in SQL by priority then age; listing is audited. */
    async listQueue({ query, actor }: { query: CaseQueueQuery; actor: CaseActor }): Promise<CaseQueuePage> {
      const now = clock();
      const match = query.q ? await queryMatch(query.q) : {};
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
        ...match,
      };
      // A consultant's queue is their team's; an admin sees every team's, or the one asked for.
      const scope = caseScope(actor);
      const teamId = scope.kind === 'team' ? scope.teamId : query.team;
      const empty =
        scope.kind === 'none' || (scope.kind === 'team' && query.team !== undefined && query.team !== teamId);
      const scoped: QueueFilter = { ...filter, ...(teamId !== undefined ? { teamId } : {}) };
      const [rows, total] = empty
        ? ([[], 0] as const)
        : await Promise.all([
            workflowRepository.queuePage(db, scoped, {
              limit: query.pageSize,
              offset: (query.page - 1) * query.pageSize,
            }),
            workflowRepository.queueCount(db, scoped),
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
        detail: {
          page: query.page,
          results: rows.length,
          filtered: Object.keys(filter).length > 1 || query.team !== undefined,
        },
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
          slaHours,
        ),
        ...(row.next_deadline_id && row.next_deadline_on
          ? { nextDeadline: { id: row.next_deadline_id, date: row.next_deadline_on } }
          : {}),
        channel: row.intake_channel as CaseQueueItem['channel'],
        team: { id: row.team_id, name: row.team_name ?? row.team_id },
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
      await visibleCase(db, id, actor);
      const view = await present(id, locale);
      await db.transaction().execute((trx) => auditLine(trx, actor, 'cases.viewed', id));
      return view;
    },

    /**
     * Assigns by hand (an active account that can see the case: a consultant of its team or an admin;
     * null unassigns) or by strategy among the active consultants of the case's team.
     */
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
            assigneeId = await pickConsultant(ctx.trx, row.team_id, input.strategy);
            strategy = input.strategy;
          } else {
            assigneeId = input.assigneeId;
            strategy = 'manual';
            if (assigneeId !== null) {
              const account = await workflowRepository.findStaff(ctx.trx, assigneeId);
              // The assignee must be able to see the case: an admin, or a consultant of its team.
              const canSee =
                account !== undefined &&
                account.disabled_at === null &&
                inScope(caseScope({ role: account.role as StaffRole, teamId: account.team_id }), row);
              if (!canSee) throw createAssigneeInvalidError();
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
      const found = await visibleCase(db, id, actor);
      if (found.stage === 'withdrawn' || found.status === 'withdrawn') throw createCaseNotFoundError();
      if (found.erased_at !== null) throw createCaseErasedError();
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

    /**
     * Moves a case to another team (admins). The first-response timer runs on unchanged; an assignee who
     * could no longer see the case (a consultant of another team) is unassigned.
     */
    async moveTeam({
      id,
      teamId,
      version,
      actor,
      locale,
    }: {
      id: string;
      teamId: string;
      version: number;
      actor: CaseActor;
      locale: Locale;
    }): Promise<StaffCase> {
      return change(
        id,
        actor,
        locale,
        'cases.team_changed',
        async (ctx, row) => {
          if (!(await teamsRepository.findTeam(ctx.trx, teamId))) throw createTeamUnknownError();
          if (teamId === row.team_id) return { from: row.team_id, to: teamId, unassigned: false };
          const assignee = row.assignee_id
            ? await workflowRepository.findStaff(ctx.trx, row.assignee_id)
            : undefined;
          const keeps =
            assignee !== undefined &&
            inScope(caseScope({ role: assignee.role as StaffRole, teamId: assignee.team_id }), {
              team_id: teamId,
            });
          const unassigned = row.assignee_id !== null && !keeps;
          await writeCaseChange(ctx, row, { teamId, ...(unassigned ? { assigneeId: null } : {}) });
          await recordEvent(ctx, id, 'team-changed', { from: row.team_id, to: teamId, unassigned });
          return { from: row.team_id, to: teamId, unassigned };
        },
        version,
      );
    },

    /**
     * Opens a case for someone who phoned, e-mailed, wrote or came in: the web form's fields and its
     * creation path (intake openCase: number, key, sealing), in the opener's team (an admin without a
     * team opens into the default team). The access key is returned this once, for the staff member to
     * pass on; the audit line is written in the case's transaction.
     */
    async openCase({
      request,
      actor,
      locale,
    }: {
      request: StaffCaseOpenRequest;
      actor: CaseActor;
      locale: Locale;
    }): Promise<StaffCaseOpened> {
      const { channel, ...fields } = request;
      const teamId = actor.teamId ?? DEFAULT_TEAM_ID;
      const opened = await intake.openCase({
        request: fields,
        files: [],
        locale,
        intakeChannel: channel,
        teamId,
        openedBy: actor.id,
        within: (trx, created) =>
          auditLine(trx, actor, 'cases.opened_by_staff', created.id, { channel, teamId }),
      });
      return {
        id: opened.id,
        caseNumber: opened.caseNumber,
        accessKey: opened.accessKey,
        createdAt: opened.createdAt,
      };
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
