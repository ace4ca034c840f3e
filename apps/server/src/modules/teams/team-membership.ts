import { DEFAULT_TEAM_ID, type StaffRole } from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { createConsultantTeamError, createLawyerTeamError, createTeamUnknownError } from './teams.errors.js';
import { teamsRepository } from './teams.repository.js';

/**
 * The team an account of `role` gets for a requested team: consultants always have one (the default
 * team when none is asked for), lawyers never, admins when asked. `undefined` means "not given".
 */
export async function teamForAccount(
  trx: Kysely<Database>,
  role: StaffRole,
  requested: string | null | undefined,
): Promise<string | null> {
  if (role === 'lawyer') {
    if (requested) throw createLawyerTeamError();
    return null;
  }
  if (requested === null && role === 'consultant') throw createConsultantTeamError();
  const teamId = requested ?? (role === 'consultant' ? DEFAULT_TEAM_ID : null);
  if (teamId !== null && !(await teamsRepository.findTeam(trx, teamId))) throw createTeamUnknownError();
  return teamId;
}
