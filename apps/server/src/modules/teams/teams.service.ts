import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@mimamoru/contracts';
import { OPEN_STAGES } from '@mimamoru/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { AuditService } from '../audit/audit.service.js';
import { createAccountNotFoundError } from '../staff/staff.errors.js';
import { staffRepository } from '../staff/staff.repository.js';
import { presentSummary, type Actor } from '../staff/staff.service.js';
import { createAccountStaleError, createOpenCasesError, createTeamNameTakenError } from './teams.errors.js';
import { teamForAccount } from './team-membership.js';
import { teamsRepository, type TeamRow } from './teams.repository.js';

function presentTeam(row: TeamRow) {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

function auditActor(actor: Actor) {
  return {
    actorType: actor.type,
    actorId: actor.id,
    ...(actor.ipHash !== undefined ? { ipHash: actor.ipHash } : {}),
  };
}

/** Teams (admin settings) and which team each account belongs to. */
export function createTeamsService({
  db,
  audit,
  clock,
}: {
  db: Kysely<Database>;
  audit: Pick<AuditService, 'record'>;
  clock: () => Date;
}) {
  return {
    async listTeams() {
      return { teams: (await teamsRepository.listTeams(db)).map(presentTeam) };
    },

    /** A new team; names are unique. */
    async createTeam({ name, actor }: { name: string; actor: Actor }) {
      const row = { id: randomUUID(), name: name.trim(), created_at: clock().toISOString() };
      try {
        await db.transaction().execute(async (trx) => {
          await teamsRepository.insertTeam(trx, row);
          await audit.record(
            { ...auditActor(actor), action: 'teams.created', targetType: 'team', targetId: row.id },
            trx,
          );
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw createTeamNameTakenError();
        throw error;
      }
      return { team: presentTeam(row) };
    },

    /**
     * Moves an account to a team (or out of teams, for admins). A consultant who still has open cases of
     * their current team assigned is refused: after the move they could no longer see those cases.
     */
    async setAccountTeam({ id, teamId, actor }: { id: string; teamId: string | null; actor: Actor }) {
      const nowIso = clock().toISOString();
      const updated = await db.transaction().execute(async (trx) => {
        const account = await staffRepository.findAccountById(trx, id);
        if (!account) throw createAccountNotFoundError();
        const team = await teamForAccount(trx, account.role as StaffRole, teamId);
        if (team === account.team_id) return account;
        if (account.role === 'consultant' && team !== null) {
          const open = await teamsRepository.countAssignedOutside(trx, account.id, team, OPEN_STAGES);
          if (open > 0) throw createOpenCasesError({ count: String(open) });
        }
        const patch = { team_id: team, updated_at: nowIso };
        if (!(await staffRepository.updateAccount(trx, account.id, account.version, patch)))
          throw createAccountStaleError();
        await audit.record(
          {
            ...auditActor(actor),
            action: 'staff.account_team_changed',
            targetType: 'staff_account',
            targetId: account.id,
            detail: { from: account.team_id, to: team },
          },
          trx,
        );
        return { ...account, ...patch, version: account.version + 1 };
      });
      return { account: presentSummary(updated) };
    },
  };
}

export type TeamsService = ReturnType<typeof createTeamsService>;
