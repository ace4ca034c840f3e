import type { CaseParties, CaseParty, CasePartyRequest } from '@mimamoru/contracts';
import { normalizePartyValue } from '@mimamoru/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CaseSealer } from '../intake/case-sealing.js';
import type { Db } from '../intake/intake.repository.js';
import { newSortableId } from '../intake/sortable-id.js';
import { auditCase, workableCase, type ReferralActor } from './referral-access.js';
import { createPartyNotFoundError } from './referrals.errors.js';
import { partiesRepository } from './referrals.repository.js';

/** A case's live parties, decrypted, with the normalised form conflict checks compare. */
export async function listCaseParties(trx: Db, sealer: CaseSealer, caseId: string): Promise<CaseParty[]> {
  const rows = await partiesRepository.listLive(trx, [caseId]);
  return rows.map((row) => {
    const value = sealer.open('case_parties', 'value_sealed', row.id, row.value_sealed);
    return {
      id: row.id,
      role: row.role as CaseParty['role'],
      kind: row.kind as CaseParty['kind'],
      value,
      normalized: normalizePartyValue(value),
      createdBy: row.created_by ? { id: row.created_by, displayName: row.created_by_name ?? '' } : null,
      createdAt: row.created_at,
    };
  });
}

/** The parties of a case (the poster's handles, names and URLs; clients), recorded by case workers. */
export function createCasePartiesService({
  db,
  sealer,
  audit,
  clock,
}: {
  db: Kysely<Database>;
  sealer: CaseSealer;
  audit: Pick<AuditService, 'record'>;
  clock: () => Date;
}) {
  return {
    /** The live parties; reading them is audited (they are personal data). */
    async listParties({ caseId, actor }: { caseId: string; actor: ReferralActor }): Promise<CaseParties> {
      return db.transaction().execute(async (trx) => {
        await workableCase(trx, caseId, actor);
        const parties = await listCaseParties(trx, sealer, caseId);
        await auditCase(audit, trx, actor, 'parties.viewed', caseId, { count: parties.length });
        return { parties };
      });
    },

    /** Records a party (value sealed); answers the live parties. */
    async addParty({
      caseId,
      input,
      actor,
    }: {
      caseId: string;
      input: CasePartyRequest;
      actor: ReferralActor;
    }): Promise<CaseParties> {
      return db.transaction().execute(async (trx) => {
        await workableCase(trx, caseId, actor, { write: true });
        const now = clock();
        const id = newSortableId(now.getTime());
        await partiesRepository.insert(trx, {
          id,
          case_id: caseId,
          role: input.role,
          kind: input.kind,
          value_sealed: sealer.seal('case_parties', 'value_sealed', id, input.value),
          created_by: actor.id,
          created_at: now.toISOString(),
          deleted_by: null,
          deleted_at: null,
        });
        await auditCase(audit, trx, actor, 'parties.added', caseId, {
          partyId: id,
          role: input.role,
          kind: input.kind,
        });
        return { parties: await listCaseParties(trx, sealer, caseId) };
      });
    },

    /** Removes a party (kept with `deleted_at` for the record; no longer checked or shared). */
    async removeParty({
      caseId,
      partyId,
      actor,
    }: {
      caseId: string;
      partyId: string;
      actor: ReferralActor;
    }): Promise<CaseParties> {
      return db.transaction().execute(async (trx) => {
        await workableCase(trx, caseId, actor, { write: true });
        const party = await partiesRepository.findLive(trx, caseId, partyId);
        if (!party) throw createPartyNotFoundError();
        await partiesRepository.markDeleted(trx, partyId, actor.id, clock().toISOString());
        await auditCase(audit, trx, actor, 'parties.removed', caseId, { partyId });
        return { parties: await listCaseParties(trx, sealer, caseId) };
      });
    },
  };
}

export type CasePartiesService = ReturnType<typeof createCasePartiesService>;
