import type {
  LawyerDirectory,
  LawyerDirectoryQuery,
  LawyerEntry,
  LawyerLanguage,
  LawyerProfileRequest,
  LawyerSpecialty,
} from '@mimamoru/contracts';
import { todayInTokyo } from '@mimamoru/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Db } from '../intake/intake.repository.js';
import type { ReferralActor } from './referral-access.js';
import {
  createLawyerNotFoundError,
  createProfileForbiddenError,
  createProfileStaleError,
} from './referrals.errors.js';
import { lawyersRepository, referralsRepository, type LawyerFilter } from './referrals.repository.js';

type LawyerListRow = Awaited<ReturnType<typeof lawyersRepository.list>>[number];

/** Directory entries with their live referral counts as of `today`. */
async function presentLawyers(
  trx: Db,
  rows: readonly LawyerListRow[],
  today: string,
): Promise<LawyerEntry[]> {
  const counts = await referralsRepository.liveCounts(
    trx,
    rows.map((r) => r.id),
    today,
  );
  const count = (id: string, status: string) =>
    counts.find((c) => c.lawyerId === id && c.status === status)?.count ?? 0;
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    profile:
      row.profile_id === null
        ? null
        : {
            office: row.office ?? '',
            specialties: JSON.parse(row.specialties ?? '[]') as LawyerSpecialty[],
            regions: JSON.parse(row.regions ?? '[]') as string[],
            languages: JSON.parse(row.languages ?? '[]') as LawyerLanguage[],
            capacity: Number(row.capacity ?? 0),
            acceptsHouterasu: row.accepts_houterasu === 1,
            available: row.available === 1,
            version: Number(row.version ?? 1),
            updatedAt: row.updated_at ?? '',
          },
    openReferrals: count(row.id, 'accepted'),
    pendingReferrals: count(row.id, 'pending'),
  }));
}

/** The partner lawyers' directory and their profiles. */
export function createLawyersService({
  db,
  audit,
  clock,
}: {
  db: Kysely<Database>;
  audit: Pick<AuditService, 'record'>;
  clock: () => Date;
}) {
  return {
    /** Case workers see every active lawyer (filtered); a lawyer sees only their own entry. */
    async listLawyers({
      query,
      actor,
    }: {
      query: LawyerDirectoryQuery;
      actor: ReferralActor;
    }): Promise<LawyerDirectory> {
      const filter: LawyerFilter = {
        ...(actor.role === 'lawyer' ? { accountId: actor.id } : {}),
        ...(query.specialty ? { specialty: query.specialty } : {}),
        ...(query.region ? { region: query.region } : {}),
        ...(query.language ? { language: query.language } : {}),
        ...(query.houterasu !== undefined ? { houterasu: query.houterasu } : {}),
        ...(query.available !== undefined ? { available: query.available } : {}),
      };
      const rows = await lawyersRepository.list(db, filter);
      return { lawyers: await presentLawyers(db, rows, todayInTokyo(clock())) };
    },

    /**
     * Creates or updates a lawyer's profile: an admin for any lawyer, a lawyer for themselves only.
     * `version` must be the stored one (absent for a first profile), else 409.
     */
    async saveProfile({
      lawyerId,
      input,
      actor,
    }: {
      lawyerId: string;
      input: LawyerProfileRequest;
      actor: ReferralActor;
    }): Promise<LawyerEntry> {
      if (actor.role === 'lawyer' && actor.id !== lawyerId) throw createProfileForbiddenError();
      const now = clock();
      return db.transaction().execute(async (trx) => {
        const account = await lawyersRepository.findAccount(trx, lawyerId);
        if (!account || account.role !== 'lawyer' || account.disabled_at !== null)
          throw createLawyerNotFoundError();
        const fields = {
          office: input.office,
          specialties: JSON.stringify(input.specialties),
          regions: JSON.stringify(input.regions),
          languages: JSON.stringify(input.languages),
          capacity: input.capacity,
          accepts_houterasu: input.acceptsHouterasu ? 1 : 0,
          available: input.available ? 1 : 0,
          updated_at: now.toISOString(),
        };
        const existing = await lawyersRepository.findProfile(trx, lawyerId);
        if (!existing) {
          if (input.version !== undefined) throw createProfileStaleError();
          await lawyersRepository.insertProfile(trx, { account_id: lawyerId, ...fields, version: 1 });
        } else if (
          input.version === undefined ||
          !(await lawyersRepository.updateProfile(trx, lawyerId, input.version, fields))
        ) {
          throw createProfileStaleError();
        }
        await audit.record(
          {
            actorType: 'staff',
            actorId: actor.id,
            action: 'lawyers.profile_saved',
            targetType: 'staff_account',
            targetId: lawyerId,
            ipHash: actor.ipHash,
            detail: { capacity: input.capacity, available: input.available },
          },
          trx,
        );
        const rows = await lawyersRepository.list(trx, { accountId: lawyerId });
        const [entry] = await presentLawyers(trx, rows, todayInTokyo(now));
        if (!entry) throw createLawyerNotFoundError();
        return entry;
      });
    },
  };
}

export type LawyersService = ReturnType<typeof createLawyersService>;
