import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CasePartiesTable, LawyerProfilesTable, ReferralsTable } from '../../db/schema.js';
import type { Db } from '../intake/intake.repository.js';

export type LawyerProfileRow = Selectable<LawyerProfilesTable>;
export type PartyRow = Selectable<CasePartiesTable>;
export type ReferralRow = Selectable<ReferralsTable>;

/** Directory filters; JSON columns hold ids of closed lists, so a quoted id matches one element exactly. */
export interface LawyerFilter {
  readonly accountId?: string;
  readonly specialty?: string;
  readonly region?: string;
  readonly language?: string;
  readonly houterasu?: boolean;
  readonly available?: boolean;
}

/** Stored statuses whose share may still be live (subject to expires_on). */
export const OPEN_STATUSES = ['pending', 'accepted'] as const;

/** Lawyer accounts and their directory profiles. */
export const lawyersRepository = {
  /** Active lawyer accounts (not disabled) with their profile, if any; filters need a profile. */
  async list(trx: Db, filter: LawyerFilter) {
    let query = trx
      .selectFrom('staff_accounts')
      .leftJoin('lawyer_profiles', 'lawyer_profiles.account_id', 'staff_accounts.id')
      .select([
        'staff_accounts.id',
        'staff_accounts.display_name',
        'staff_accounts.email',
        'lawyer_profiles.account_id as profile_id',
        'lawyer_profiles.office',
        'lawyer_profiles.specialties',
        'lawyer_profiles.regions',
        'lawyer_profiles.languages',
        'lawyer_profiles.capacity',
        'lawyer_profiles.accepts_houterasu',
        'lawyer_profiles.available',
        'lawyer_profiles.updated_at',
        'lawyer_profiles.version',
      ])
      .where('staff_accounts.role', '=', 'lawyer')
      .where('staff_accounts.disabled_at', 'is', null);
    if (filter.accountId !== undefined) query = query.where('staff_accounts.id', '=', filter.accountId);
    if (filter.specialty !== undefined)
      query = query.where('lawyer_profiles.specialties', 'like', `%"${filter.specialty}"%`);
    if (filter.language !== undefined)
      query = query.where('lawyer_profiles.languages', 'like', `%"${filter.language}"%`);
    if (filter.region !== undefined) {
      const region = filter.region;
      query = query.where((eb) =>
        eb.or([
          eb('lawyer_profiles.regions', 'like', `%"${region}"%`),
          eb('lawyer_profiles.regions', 'like', '%"nationwide"%'),
        ]),
      );
    }
    if (filter.houterasu !== undefined)
      query = query.where('lawyer_profiles.accepts_houterasu', '=', filter.houterasu ? 1 : 0);
    if (filter.available !== undefined)
      query = query.where('lawyer_profiles.available', '=', filter.available ? 1 : 0);
    return query.orderBy('staff_accounts.display_name').orderBy('staff_accounts.id').execute();
  },

  async findAccount(trx: Db, id: string) {
    return trx
      .selectFrom('staff_accounts')
      .select(['id', 'display_name', 'role', 'disabled_at'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async findProfile(trx: Db, accountId: string): Promise<LawyerProfileRow | undefined> {
    return trx
      .selectFrom('lawyer_profiles')
      .selectAll()
      .where('account_id', '=', accountId)
      .executeTakeFirst();
  },

  async insertProfile(trx: Db, row: Insertable<LawyerProfilesTable>): Promise<void> {
    await trx.insertInto('lawyer_profiles').values(row).execute();
  },

  /** Updates the profile if it is still at `version`; false when it moved on. */
  async updateProfile(
    trx: Db,
    accountId: string,
    version: number,
    patch: Updateable<LawyerProfilesTable>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('lawyer_profiles')
      .set({ ...patch, version: version + 1 })
      .where('account_id', '=', accountId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /**
   * Takes the profile row's write lock for the rest of the transaction (a no-op update, portable:
   * PostgreSQL locks the row, SQLite the database), so two acceptances cannot both pass the capacity check.
   */
  async lockProfile(trx: Db, accountId: string): Promise<void> {
    await trx
      .updateTable('lawyer_profiles')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('account_id', '=', accountId)
      .execute();
  },
};

/** Parties recorded on cases; removed ones keep their row with `deleted_at`. */
export const partiesRepository = {
  async insert(trx: Db, row: Insertable<CasePartiesTable>): Promise<void> {
    await trx.insertInto('case_parties').values(row).execute();
  },

  /** Live parties of the cases, oldest first, with who recorded them. */
  async listLive(trx: Db, caseIds: readonly string[]) {
    if (caseIds.length === 0) return [];
    return trx
      .selectFrom('case_parties')
      .leftJoin('staff_accounts', 'staff_accounts.id', 'case_parties.created_by')
      .select([
        'case_parties.id',
        'case_parties.case_id',
        'case_parties.role',
        'case_parties.kind',
        'case_parties.value_sealed',
        'case_parties.created_by',
        'staff_accounts.display_name as created_by_name',
        'case_parties.created_at',
      ])
      .where('case_parties.case_id', 'in', [...caseIds])
      .where('case_parties.deleted_at', 'is', null)
      .orderBy('case_parties.created_at')
      .orderBy('case_parties.id')
      .execute();
  },

  async findLive(trx: Db, caseId: string, id: string): Promise<PartyRow | undefined> {
    return trx
      .selectFrom('case_parties')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  },

  async markDeleted(trx: Db, id: string, by: string, nowIso: string): Promise<void> {
    await trx
      .updateTable('case_parties')
      .set({ deleted_at: nowIso, deleted_by: by })
      .where('id', '=', id)
      .execute();
  },
};

/** Referrals of cases to lawyers. */
export const referralsRepository = {
  async insert(trx: Db, row: Insertable<ReferralsTable>): Promise<void> {
    await trx.insertInto('referrals').values(row).execute();
  },

  async findById(trx: Db, id: string): Promise<ReferralRow | undefined> {
    return trx.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** A case's referrals, newest first, with the names of the lawyer and the staff involved. */
  async listByCase(trx: Db, caseId: string) {
    return trx
      .selectFrom('referrals')
      .innerJoin('staff_accounts as lawyer', 'lawyer.id', 'referrals.lawyer_id')
      .leftJoin('staff_accounts as creator', 'creator.id', 'referrals.created_by')
      .leftJoin('staff_accounts as acknowledger', 'acknowledger.id', 'referrals.acknowledged_by')
      .selectAll('referrals')
      .select([
        'lawyer.display_name as lawyer_name',
        'creator.display_name as created_by_name',
        'acknowledger.display_name as acknowledged_by_name',
      ])
      .where('referrals.case_id', '=', caseId)
      .orderBy('referrals.created_at', 'desc')
      .orderBy('referrals.id', 'desc')
      .execute();
  },

  /** A lawyer's referrals with their case numbers, newest first. */
  async listByLawyer(trx: Db, lawyerId: string) {
    return trx
      .selectFrom('referrals')
      .innerJoin('cases', 'cases.id', 'referrals.case_id')
      .selectAll('referrals')
      .select(['cases.case_number', 'cases.stage as case_stage', 'cases.erased_at as case_erased_at'])
      .where('referrals.lawyer_id', '=', lawyerId)
      .orderBy('referrals.created_at', 'desc')
      .orderBy('referrals.id', 'desc')
      .execute();
  },

  /** One referral with its case number and who sent it. */
  async findDetailed(trx: Db, id: string) {
    return trx
      .selectFrom('referrals')
      .innerJoin('cases', 'cases.id', 'referrals.case_id')
      .leftJoin('staff_accounts as creator', 'creator.id', 'referrals.created_by')
      .selectAll('referrals')
      .select([
        'cases.case_number',
        'cases.stage as case_stage',
        'cases.erased_at as case_erased_at',
        'creator.display_name as created_by_name',
      ])
      .where('referrals.id', '=', id)
      .executeTakeFirst();
  },

  /**
   * The lawyer's referrals of other cases in the given stored statuses, with case numbers: what this
   * case's parties are checked against.
   */
  async othersOfLawyer(trx: Db, lawyerId: string, exceptCaseId: string, statuses: readonly string[]) {
    return trx
      .selectFrom('referrals')
      .innerJoin('cases', 'cases.id', 'referrals.case_id')
      .select(['referrals.id', 'referrals.case_id', 'cases.case_number', 'cases.name_sealed'])
      .where('referrals.lawyer_id', '=', lawyerId)
      .where('referrals.case_id', '<>', exceptCaseId)
      .where('referrals.status', 'in', [...statuses])
      // An erased case has no parties left to compare.
      .where('cases.stage', '<>', 'withdrawn')
      .where('cases.erased_at', 'is', null)
      .orderBy('referrals.created_at')
      .orderBy('referrals.id')
      .execute();
  },

  /**
   * Referrals per lawyer and stored status that are live on `today`: expires_on not passed, and the
   * case neither withdrawn nor erased.
   */
  async liveCounts(trx: Db, lawyerIds: readonly string[], today: string) {
    if (lawyerIds.length === 0) return [];
    const rows = await trx
      .selectFrom('referrals')
      .innerJoin('cases', 'cases.id', 'referrals.case_id')
      .select(['referrals.lawyer_id', 'referrals.status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('referrals.lawyer_id', 'in', [...lawyerIds])
      .where('referrals.status', 'in', [...OPEN_STATUSES])
      .where('referrals.expires_on', '>=', today)
      .where('cases.stage', '<>', 'withdrawn')
      .where('cases.erased_at', 'is', null)
      .groupBy(['referrals.lawyer_id', 'referrals.status'])
      .execute();
    return rows.map((row) => ({ lawyerId: row.lawyer_id, status: row.status, count: Number(row.n) }));
  },

  /** Whether the case has a live referral (pending or accepted, not expired) to the lawyer. */
  async hasLive(trx: Db, caseId: string, lawyerId: string, today: string): Promise<boolean> {
    const row = await trx
      .selectFrom('referrals')
      .select('id')
      .where('case_id', '=', caseId)
      .where('lawyer_id', '=', lawyerId)
      .where('status', 'in', [...OPEN_STATUSES])
      .where('expires_on', '>=', today)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Updates the referral if it is still at `version`; false when it moved on. */
  async update(trx: Db, id: string, version: number, patch: Updateable<ReferralsTable>): Promise<boolean> {
    const result = await trx
      .updateTable('referrals')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
};
