import type { StaffRole } from '@mimamoru/contracts';
import type { FastifyRequest } from 'fastify';
import type { StaffService, StaffSession } from './staff.service.js';

/**
 * The signed-in staff member behind a request, as every staff module's service receives it: who,
 * their role and team (what they may see), and the keyed hash of their IP for the audit line
 * (computed before any transaction).
 */
export interface StaffActor {
  readonly id: string;
  readonly role: StaffRole;
  readonly teamId: string | null;
  readonly ipHash: string;
}

export async function staffActorOf(
  staff: Pick<StaffService, 'hashIp'>,
  request: FastifyRequest,
  session: StaffSession,
): Promise<StaffActor> {
  return {
    id: session.account.id,
    role: session.account.role,
    teamId: session.account.teamId,
    ipHash: await staff.hashIp(request.ip),
  };
}
