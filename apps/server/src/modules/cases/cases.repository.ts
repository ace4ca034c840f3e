import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  CaseEventsTable,
  CaseNotesTable,
  CaseTasksTable,
  CasesTable,
  SlaPausesTable,
} from '../../db/schema.js';
import { caseHasAllSearchTokens } from '../../db/case-search-index.js';
import type { Db } from '../intake/intake.repository.js';

export type NoteRow = Selectable<CaseNotesTable>;
export type TaskRow = Selectable<CaseTasksTable>;
export type EventRow = Selectable<CaseEventsTable>;
export type PauseRow = Selectable<SlaPausesTable>;

export interface QueueFilter {
  /** Stages to include (empty: all). */
  readonly stages: readonly string[];
  readonly platform?: string;
  /** An account id, or null for unassigned cases. */
  readonly assigneeId?: string | null;
  readonly priorityLevel?: string;
  /** Cases whose next deadline is on or before this day (YYYY-MM-DD). */
  readonly deadlineOnOrBefore?: string;
  /** Exact case number, or a prefix of one (upper case, only [0-9A-Z-]). */
  readonly caseNumber?: { readonly value: string; readonly prefix: boolean };
  /** Blind-index tokens the case's name or narrative must all hold (case-search; empty: no case). */
  readonly searchTokens?: readonly string[];
  /** One team's cases: a consultant's scope, or an admin's filter (cases/case-scope.ts). */
  readonly teamId?: string;
}

function filtered(trx: Db, filter: QueueFilter) {
  let query = trx.selectFrom('cases');
  if (filter.teamId !== undefined) query = query.where('cases.team_id', '=', filter.teamId);
  if (filter.stages.length > 0) query = query.where('cases.stage', 'in', [...filter.stages]);
  // platforms is a JSON array of ids from a closed list, so the quoted id matches exactly one element.
  if (filter.platform !== undefined) query = query.where('cases.platforms', 'like', `%"${filter.platform}"%`);
  if (filter.assigneeId === null) query = query.where('cases.assignee_id', 'is', null);
  else if (filter.assigneeId !== undefined) query = query.where('cases.assignee_id', '=', filter.assigneeId);
  if (filter.priorityLevel !== undefined)
    query = query.where('cases.priority_level', '=', filter.priorityLevel);
  if (filter.deadlineOnOrBefore !== undefined)
    query = query.where('cases.next_deadline_on', '<=', filter.deadlineOnOrBefore);
  if (filter.caseNumber !== undefined) {
    const { value, prefix } = filter.caseNumber;
    query = prefix
      ? query.where('cases.case_number', 'like', `${value}%`)
      : query.where('cases.case_number', '=', value);
  }
  if (filter.searchTokens !== undefined)
    query = query.where(caseHasAllSearchTokens(trx, filter.searchTokens));
  return query;
}

/** Data access of the staff workflow: queue, notes, tasks, timeline and SLA pauses. */
export const workflowRepository = {
  /**
   * One queue page: priority first, then oldest first (id breaks ties, so pages never overlap).
   * The page's ids are chosen from the filter and order columns alone (covering indexes, migration
   * 0009), so rows skipped or filtered out are never read; only the page's rows are (see `npm run bench`).
   */
  async queuePage(trx: Db, filter: QueueFilter, { limit, offset }: { limit: number; offset: number }) {
    const pageIds = filtered(trx, filter)
      .select('cases.id')
      .orderBy('cases.priority_score', 'desc')
      .orderBy('cases.created_at', 'asc')
      .orderBy('cases.id', 'asc')
      .limit(limit)
      .offset(offset);
    return trx
      .selectFrom('cases')
      .where('cases.id', 'in', pageIds)
      .leftJoin('staff_accounts', 'staff_accounts.id', 'cases.assignee_id')
      .leftJoin('teams', 'teams.id', 'cases.team_id')
      .select([
        'cases.id',
        'cases.case_number',
        'cases.stage',
        'cases.status',
        'cases.priority_level',
        'cases.priority_score',
        'cases.platforms',
        'cases.assignee_id',
        'staff_accounts.display_name as assignee_name',
        'cases.created_at',
        'cases.first_response_at',
        'cases.next_deadline_id',
        'cases.next_deadline_on',
        'cases.intake_channel',
        'cases.team_id',
        'teams.name as team_name',
      ])
      .orderBy('cases.priority_score', 'desc')
      .orderBy('cases.created_at', 'asc')
      .orderBy('cases.id', 'asc')
      .execute();
  },

  async queueCount(trx: Db, filter: QueueFilter): Promise<number> {
    const row = await filtered(trx, filter)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  async pausesOf(trx: Db, caseIds: readonly string[]): Promise<PauseRow[]> {
    if (caseIds.length === 0) return [];
    return trx
      .selectFrom('sla_pauses')
      .selectAll()
      .where('case_id', 'in', [...caseIds])
      .orderBy('from_at')
      .execute();
  },

  async openPause(trx: Db, caseId: string): Promise<PauseRow | undefined> {
    return trx
      .selectFrom('sla_pauses')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('to_at', 'is', null)
      .executeTakeFirst();
  },

  async insertPause(trx: Db, row: Insertable<SlaPausesTable>): Promise<void> {
    await trx.insertInto('sla_pauses').values(row).execute();
  },

  async closePauses(trx: Db, caseId: string, toAt: string): Promise<void> {
    await trx
      .updateTable('sla_pauses')
      .set({ to_at: toAt })
      .where('case_id', '=', caseId)
      .where('to_at', 'is', null)
      .execute();
  },

  /** Updates the case if its version is still `version`; false when someone else changed it first. */
  async updateIfVersion(
    trx: Db,
    id: string,
    version: number,
    patch: Updateable<CasesTable>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('cases')
      .set(patch)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async insertNote(trx: Db, row: Insertable<CaseNotesTable>): Promise<void> {
    await trx.insertInto('case_notes').values(row).execute();
  },

  async listNotes(trx: Db, caseId: string) {
    return trx
      .selectFrom('case_notes')
      .leftJoin('staff_accounts', 'staff_accounts.id', 'case_notes.author_id')
      .select([
        'case_notes.id',
        'case_notes.author_id',
        'staff_accounts.display_name as author_name',
        'case_notes.body_sealed',
        'case_notes.created_at',
      ])
      .where('case_notes.case_id', '=', caseId)
      .orderBy('case_notes.created_at')
      .orderBy('case_notes.id')
      .execute();
  },

  async taskIds(trx: Db, caseId: string): Promise<Set<string>> {
    const rows = await trx.selectFrom('case_tasks').select('task_id').where('case_id', '=', caseId).execute();
    return new Set(rows.map((row) => row.task_id));
  },

  async insertTasks(trx: Db, rows: readonly Insertable<CaseTasksTable>[]): Promise<void> {
    if (rows.length > 0)
      await trx
        .insertInto('case_tasks')
        .values([...rows])
        .execute();
  },

  async listTasks(trx: Db, caseId: string): Promise<TaskRow[]> {
    return trx
      .selectFrom('case_tasks')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('due_on')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async findTask(trx: Db, caseId: string, id: string): Promise<TaskRow | undefined> {
    return trx
      .selectFrom('case_tasks')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async markTaskDone(trx: Db, id: string, doneAt: string, doneBy: string): Promise<void> {
    await trx
      .updateTable('case_tasks')
      .set({ done_at: doneAt, done_by: doneBy })
      .where('id', '=', id)
      .where('done_at', 'is', null)
      .execute();
  },

  async insertEvent(trx: Db, row: Insertable<CaseEventsTable>): Promise<void> {
    await trx.insertInto('case_events').values(row).execute();
  },

  async listEvents(trx: Db, caseId: string) {
    return trx
      .selectFrom('case_events')
      .leftJoin('staff_accounts', 'staff_accounts.id', 'case_events.actor_id')
      .select([
        'case_events.id',
        'case_events.type',
        'case_events.actor_id',
        'staff_accounts.display_name as actor_name',
        'case_events.detail',
        'case_events.created_at',
      ])
      .where('case_events.case_id', '=', caseId)
      .orderBy('case_events.created_at')
      .orderBy('case_events.id')
      .execute();
  },

  async teamName(trx: Db, id: string): Promise<string | undefined> {
    const row = await trx.selectFrom('teams').select('name').where('id', '=', id).executeTakeFirst();
    return row?.name;
  },

  async findStaff(trx: Db, id: string) {
    return trx
      .selectFrom('staff_accounts')
      .select(['id', 'display_name', 'role', 'disabled_at', 'team_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Active consultants of a team, oldest account first (the round-robin order). */
  async activeConsultants(trx: Db, teamId: string) {
    return trx
      .selectFrom('staff_accounts')
      .select(['id', 'display_name'])
      .where('team_id', '=', teamId)
      .where('role', '=', 'consultant')
      .where('disabled_at', 'is', null)
      .where('totp_enrolled_at', 'is not', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  /** Who got the latest assignment of a case of the team (for round-robin within the team). */
  async lastAssignee(trx: Db, teamId: string): Promise<string | undefined> {
    const row = await trx
      .selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .select('case_events.detail')
      .where('case_events.type', '=', 'assigned')
      .where('cases.team_id', '=', teamId)
      .orderBy('case_events.created_at', 'desc')
      .orderBy('case_events.id', 'desc')
      .executeTakeFirst();
    if (!row?.detail) return undefined;
    const detail = JSON.parse(row.detail) as { assigneeId?: unknown };
    return typeof detail.assigneeId === 'string' ? detail.assigneeId : undefined;
  },

  /** Open cases per assignee, among the given stages. */
  async openCounts(trx: Db, stages: readonly string[]): Promise<Map<string, number>> {
    const rows = await trx
      .selectFrom('cases')
      .select(['assignee_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('assignee_id', 'is not', null)
      .where('stage', 'in', [...stages])
      .groupBy('assignee_id')
      .execute();
    return new Map(rows.map((row) => [String(row.assignee_id), Number(row.n)]));
  },
};
