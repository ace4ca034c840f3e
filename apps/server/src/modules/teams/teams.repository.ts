import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, TeamsTable } from '../../db/schema.js';

type Db = Kysely<Database>;
export type TeamRow = Selectable<TeamsTable>;

/** Teams, and the team columns of staff accounts. */
export const teamsRepository = {
  async listTeams(trx: Db): Promise<TeamRow[]> {
    return trx.selectFrom('teams').selectAll().orderBy('created_at').orderBy('id').execute();
  },

  async findTeam(trx: Db, id: string): Promise<TeamRow | undefined> {
    return trx.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertTeam(trx: Db, row: Insertable<TeamsTable>): Promise<void> {
    await trx.insertInto('teams').values(row).execute();
  },

  /** Open cases (in `stages`) assigned to the account outside `teamId`. */
  async countAssignedOutside(
    trx: Db,
    accountId: string,
    teamId: string,
    stages: readonly string[],
  ): Promise<number> {
    const row = await trx
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('assignee_id', '=', accountId)
      .where('team_id', '!=', teamId)
      .where('stage', 'in', [...stages])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
