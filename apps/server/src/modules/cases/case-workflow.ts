import {
  casePriority,
  civilLimitationDate,
  criminalComplaintDeadline,
  daysBetween,
  nextStage,
  tasksForStage,
  todayInTokyo,
  triage,
  victimStatusOf,
  type Deadline,
  type Platform,
  type PriorityDeadline,
  type TriageAnswers,
  type WorkflowStage,
} from '@mimamoru/core';
import type { CASE_EVENT_TYPES } from '@mimamoru/contracts';
import type { CaseSealer } from '../intake/case-sealing.js';
import type { CaseRow, Db } from '../intake/intake.repository.js';
import { newSortableId } from '../intake/sortable-id.js';
import { createStaleError, createTransitionForbiddenError } from './cases.errors.js';
import { workflowRepository } from './cases.repository.js';

/** What the workflow needs from the sealed intake. */
export interface CaseFacts {
  readonly answers?: TriageAnswers;
  readonly platforms: readonly Platform[];
  /** Day of the first post: the Guide's postedAt, else the intake's happenedAt. */
  readonly postedAt?: string;
  readonly offenderKnownSince?: string;
}

/** The Guide's answers with what staff recorded since (the poster became known), as of `asOf`. */
export function answersAsOf(facts: CaseFacts, asOf: string): TriageAnswers | undefined {
  if (!facts.answers) return undefined;
  return {
    ...facts.answers,
    asOf,
    ...(facts.offenderKnownSince ? { offender: { known: true, knownSince: facts.offenderKnownSince } } : {}),
  };
}

/** Deadlines without Guide answers: those that follow from the day the poster became known. */
function recordedDeadlines(knownSince: string | undefined): PriorityDeadline[] {
  if (!knownSince) return [];
  return [
    { id: 'criminal-complaint', date: criminalComplaintDeadline(knownSince) },
    { id: 'civil-limitation', date: civilLimitationDate(knownSince) },
  ];
}

/** The legal deadlines of a case as of `asOf`: the Guide's (recomputed), or those the recorded facts give. */
export function caseDeadlines(facts: CaseFacts, asOf: string): readonly (PriorityDeadline | Deadline)[] {
  const answers = answersAsOf(facts, asOf);
  if (answers) return triage(answers).deadlines;
  return recordedDeadlines(facts.offenderKnownSince);
}

/** Priority and next deadline columns, computed with core casePriority from the intake and recorded facts. */
export function priorityColumns(facts: CaseFacts, now: Date) {
  const asOf = todayInTokyo(now);
  const deadlines = caseDeadlines(facts, asOf);
  const answers = answersAsOf(facts, asOf);
  const priority = casePriority({
    asOf,
    ...(answers ? { triage: answers } : {}),
    triageResult: { deadlines },
  });
  const next = deadlines
    .filter((d) => daysBetween(asOf, d.date) >= 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))[0];
  return {
    priority_score: priority.score,
    priority_level: priority.level,
    next_deadline_id: next?.id ?? null,
    next_deadline_on: next?.date ?? null,
  };
}

/** Opens the sealed intake fields the workflow needs. */
export function caseFactsOf(sealer: CaseSealer, row: CaseRow): CaseFacts {
  const answersJson = sealer.openOptional('cases', 'triage_sealed', row.id, row.triage_sealed);
  const answers = answersJson ? (JSON.parse(answersJson) as TriageAnswers) : undefined;
  const happenedAt = sealer.openOptional('cases', 'happened_at_sealed', row.id, row.happened_at_sealed);
  const postedAt = answers?.postedAt ?? happenedAt;
  return {
    ...(answers ? { answers } : {}),
    platforms: row.platforms ? (JSON.parse(row.platforms) as Platform[]) : [],
    ...(postedAt ? { postedAt } : {}),
    ...(row.offender_known_since ? { offenderKnownSince: row.offender_known_since } : {}),
  };
}

export interface CaseChange {
  readonly stage?: WorkflowStage;
  readonly awaitingVictim?: boolean;
  readonly assigneeId?: string | null;
  readonly offenderKnownSince?: string;
  readonly teamId?: string;
}

export interface WriteContext {
  readonly trx: Db;
  readonly sealer: CaseSealer;
  readonly now: Date;
  readonly actorId: string | null;
}

/**
 * Writes a change to a case: the victim-facing status follows the stage (victimStatusOf), the priority
 * is recomputed, and the version moves on. `expectedVersion` (what the caller saw) must still be the
 * stored one, else 409 `cases.stale`. Returns the new version.
 */
export async function writeCaseChange(
  { trx, sealer, now }: WriteContext,
  row: CaseRow,
  change: CaseChange,
  expectedVersion: number = row.version,
): Promise<number> {
  if (expectedVersion !== row.version) throw createStaleError();
  const stage = change.stage ?? (row.stage as WorkflowStage);
  const awaitingVictim = change.awaitingVictim ?? row.awaiting_victim === 1;
  const offenderKnownSince = change.offenderKnownSince ?? row.offender_known_since ?? undefined;
  const facts = caseFactsOf(sealer, { ...row, offender_known_since: offenderKnownSince ?? null });
  const version = row.version + 1;
  const updated = await workflowRepository.updateIfVersion(trx, row.id, row.version, {
    stage,
    awaiting_victim: awaitingVictim ? 1 : 0,
    status: victimStatusOf(stage, { awaitingVictim }),
    ...(change.assigneeId !== undefined ? { assignee_id: change.assigneeId } : {}),
    ...(change.teamId !== undefined ? { team_id: change.teamId } : {}),
    offender_known_since: offenderKnownSince ?? null,
    ...priorityColumns(facts, now),
    // The retention period (modules/retention) runs from the last move into resolved or closed.
    ...(stage !== row.stage
      ? { closed_at: stage === 'resolved' || stage === 'closed' ? now.toISOString() : null }
      : {}),
    updated_at: now.toISOString(),
    version,
  });
  if (!updated) throw createStaleError();
  return version;
}

/** Timeline event types: the contract's list, so the timeline and its schema never disagree. */
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** Appends to the case timeline; `detail` holds ids, codes and dates only. */
export async function recordEvent(
  { trx, now, actorId }: WriteContext,
  caseId: string,
  type: CaseEventType,
  detail: Readonly<Record<string, string | number | boolean | null>>,
): Promise<void> {
  await workflowRepository.insertEvent(trx, {
    id: newSortableId(now.getTime()),
    case_id: caseId,
    actor_id: actorId,
    type,
    detail: JSON.stringify(detail),
    created_at: now.toISOString(),
  });
}

/** Creates the standard tasks of `stage` (core tasksForStage) the case does not have yet. */
export async function createStageTasks(
  ctx: WriteContext,
  caseId: string,
  stage: WorkflowStage,
  facts: CaseFacts,
): Promise<void> {
  const existing = await workflowRepository.taskIds(ctx.trx, caseId);
  const tasks = tasksForStage(stage, {
    enteredOn: todayInTokyo(ctx.now),
    platforms: facts.platforms,
    ...(facts.postedAt ? { postedAt: facts.postedAt } : {}),
    ...(facts.offenderKnownSince ? { offenderKnownSince: facts.offenderKnownSince } : {}),
  }).filter((task) => !existing.has(task.id));
  await workflowRepository.insertTasks(
    ctx.trx,
    tasks.map((task) => ({
      id: newSortableId(ctx.now.getTime()),
      case_id: caseId,
      task_id: task.id,
      title_ja: task.title.ja,
      title_en: task.title.en,
      due_on: task.dueOn,
      done_at: null,
      done_by: null,
      created_at: ctx.now.toISOString(),
    })),
  );
}

/** Checks a move with core nextStage (409 `cases.transition_forbidden`), then records it and its tasks. */
export async function enterStage(ctx: WriteContext, row: CaseRow, to: WorkflowStage): Promise<WorkflowStage> {
  const from = row.stage as WorkflowStage;
  const result = nextStage(from, to);
  if (!result.ok) throw createTransitionForbiddenError({ from, to });
  await createStageTasks(ctx, row.id, result.stage, caseFactsOf(ctx.sealer, row));
  await recordEvent(ctx, row.id, 'stage-changed', { from, to: result.stage });
  return result.stage;
}

/** Opens an SLA pause while a consultant waits for the victim; closes it when they stop waiting. */
export async function syncSlaPause(
  ctx: WriteContext,
  caseId: string,
  awaitingVictim: boolean,
): Promise<void> {
  const open = await workflowRepository.openPause(ctx.trx, caseId);
  if (awaitingVictim && !open) {
    await workflowRepository.insertPause(ctx.trx, {
      id: newSortableId(ctx.now.getTime()),
      case_id: caseId,
      from_at: ctx.now.toISOString(),
      to_at: null,
    });
  } else if (!awaitingVictim && open) {
    await workflowRepository.closePauses(ctx.trx, caseId, ctx.now.toISOString());
  }
}

/**
 * The workflow side of a consultant reply, inside its transaction: a reply to a case nobody worked on
 * yet (new, triaged) starts the work (→ triaged → in-progress, with their tasks); the SLA pauses while
 * waiting for the victim; the timeline records it; status and version follow. Returns the new status.
 */
export async function applyReply(
  ctx: WriteContext,
  row: CaseRow,
  {
    messageId,
    awaitingVictim,
    expectedVersion,
  }: { messageId: string; awaitingVictim: boolean; expectedVersion?: number },
) {
  if (expectedVersion !== undefined && expectedVersion !== row.version) throw createStaleError();
  let current = row;
  for (const step of ['triaged', 'in-progress'] as const) {
    if (current.stage === 'new' || (current.stage === 'triaged' && step === 'in-progress')) {
      const stage = await enterStage(ctx, current, step);
      current = { ...current, stage };
    }
  }
  const stage = current.stage as WorkflowStage;
  await syncSlaPause(ctx, row.id, awaitingVictim);
  await recordEvent(ctx, row.id, 'reply-sent', { messageId, awaitingVictim });
  await writeCaseChange(ctx, current, { stage, awaitingVictim });
  return victimStatusOf(stage, { awaitingVictim });
}
