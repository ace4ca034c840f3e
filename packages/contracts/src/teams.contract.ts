import { z } from 'zod';
import { StaffAccountSummarySchema, TeamIdSchema } from './staff.contract.js';

/**
 * The team every installation starts with (created by migration 0007-add-teams-and-channels): web
 * consultations land in it, and consultants created without a team join it.
 */
export const DEFAULT_TEAM_ID = 'default';

export const TeamSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
export type Team = z.infer<typeof TeamSchema>;

/** A case's team as the queue and the case page show it. */
export const TeamRefSchema = z.object({ id: z.string(), name: z.string() });

/** Response of GET /api/staff/teams (admin), oldest first. */
export const TeamListSchema = z.object({ teams: z.array(TeamSchema) });

/** Body of POST /api/staff/teams (admin). */
export const TeamCreateRequestSchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();
/** Response of POST /api/staff/teams (201). */
export const TeamCreatedSchema = z.object({ team: TeamSchema });

/** Body of POST /api/staff/accounts/:id/team (admin): consultants need a team, lawyers have none. */
export const AccountTeamRequestSchema = z.object({ teamId: TeamIdSchema.nullable() }).strict();

/** Body of POST /api/staff/cases/:id/team (admin): moves a case to another team. */
export const CaseTeamRequestSchema = z
  .object({
    teamId: TeamIdSchema,
    version: z.coerce.number().int().min(1).max(2_147_483_647),
  })
  .strict();

/** Response of POST /api/staff/accounts/:id/team. */
export const AccountTeamResponseSchema = z.object({ account: StaffAccountSummarySchema });
