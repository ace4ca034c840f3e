import {
  REFERRAL_MAX_DAYS,
  type CaseReferrals,
  type ConflictCheck,
  type LawyerReferral,
  type LawyerReferralList,
  type ReferralCreateRequest,
  type ReferralOutcome,
  type ReferralSection,
  type ReferralStatus,
  type StaffReferral,
} from '@mimamoru/contracts';
import { addDays, todayInTokyo, type Locale } from '@mimamoru/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CasesService } from '../cases/cases.service.js';
import type { CaseSealer } from '../intake/case-sealing.js';
import { casesRepository, type Db } from '../intake/intake.repository.js';
import { newSortableId } from '../intake/sortable-id.js';
import { listCaseParties } from './parties.service.js';
import { auditCase, isErased, workableCase, type ReferralActor } from './referral-access.js';
import { checkConflicts, hitsCount, hitsRecord } from './referral-conflicts.js';
import { projectReferredCase } from './referral-projection.js';
import {
  createAttachmentNotSharedError,
  createCapacityReachedError,
  createConflictsUnacknowledgedError,
  createDuplicateReferralError,
  createExpiryInvalidError,
  createLawyerNotFoundError,
  createLawyerUnavailableError,
  createReferralNotFoundError,
  createReferralStaleError,
  createReferralStateError,
} from './referrals.errors.js';
import { lawyersRepository, referralsRepository, type ReferralRow } from './referrals.repository.js';

export interface ReferralsServiceDeps {
  readonly db: Kysely<Database>;
  readonly sealer: CaseSealer;
  readonly audit: Pick<AuditService, 'record'>;
  /** The whole case as staff see it, projected down to the shared sections. */
  readonly cases: Pick<CasesService, 'presentCase'>;
  readonly blobStore: Pick<BlobStore, 'get'>;
  readonly clock: () => Date;
}

/**
 * The status as of `today`: a pending or accepted referral past its last day has expired, and one
 * whose case was withdrawn or erased (`caseGone`) has ended as withdrawn.
 */
export function effectiveStatus(
  row: Pick<ReferralRow, 'status' | 'expires_on'>,
  today: string,
  caseGone: boolean,
): ReferralStatus {
  const open = row.status === 'pending' || row.status === 'accepted';
  if (open && caseGone) return 'withdrawn';
  if (open && row.expires_on < today) return 'expired';
  return row.status as ReferralStatus;
}

/** Whether the case behind a joined referral row was withdrawn or erased. */
function caseGoneOf(row: { case_stage: string; case_erased_at: string | null }): boolean {
  return isErased({ stage: row.case_stage, erased_at: row.case_erased_at });
}

/** Whether the lawyer may see the shared part: while the referral waits for them or is accepted. */
function shareIsLive(status: ReferralStatus): boolean {
  return status === 'pending' || status === 'accepted';
}

function sharesOf(row: Pick<ReferralRow, 'shares'>): ReferralSection[] {
  return JSON.parse(row.shares) as ReferralSection[];
}

function ref(id: string | null, name: string | null | undefined) {
  return id === null ? null : { id, displayName: name ?? '' };
}

/** 409 with the hits (as `error.details`) unless the caller acknowledged them. */
function requireAcknowledged(check: ConflictCheck, acknowledged: boolean | undefined): void {
  if (check.hits.length > 0 && acknowledged !== true)
    throw createConflictsUnacknowledgedError({ count: String(check.hits.length) }, { details: { ...check } });
}

/** Referrals of cases to partner lawyers: the case workers' side and the lawyer's. */
export function createReferralsService({ db, sealer, audit, cases, blobStore, clock }: ReferralsServiceDeps) {
  const open = (table: string, column: string, id: string, sealed: string | null) =>
    sealer.openOptional(table, column, id, sealed);

  /** The case's referrals as case workers see them, newest first. */
  async function caseReferrals(
    trx: Db,
    caseId: string,
    today: string,
    caseGone: boolean,
  ): Promise<CaseReferrals> {
    const rows = await referralsRepository.listByCase(trx, caseId);
    return {
      referrals: rows.map((row): StaffReferral => {
        const note = open('referrals', 'note_sealed', row.id, row.note_sealed);
        const declineReason = open('referrals', 'response_note_sealed', row.id, row.response_note_sealed);
        const outcomeNote = open('referrals', 'outcome_note_sealed', row.id, row.outcome_note_sealed);
        return {
          id: row.id,
          status: effectiveStatus(row, today, caseGone),
          shares: sharesOf(row),
          expiresOn: row.expires_on,
          createdAt: row.created_at,
          respondedAt: row.responded_at,
          outcome: row.outcome as ReferralOutcome | null,
          outcomeAt: row.outcome_at,
          version: row.version,
          lawyer: { id: row.lawyer_id, displayName: row.lawyer_name },
          createdBy: ref(row.created_by, row.created_by_name),
          ...(note ? { note } : {}),
          ...(declineReason ? { declineReason } : {}),
          ...(outcomeNote ? { outcomeNote } : {}),
          conflictHits: hitsCount(row.conflict_hits),
          acknowledgedBy: ref(row.acknowledged_by, row.acknowledged_by_name),
          acknowledgedAt: row.acknowledged_at,
          lawyerAcknowledgedAt: row.lawyer_acknowledged_at,
        };
      }),
    };
  }

  /** The lawyer's own referral (404 for anyone else's, as for an unknown id). */
  async function ownReferral(trx: Db, id: string, actor: ReferralActor) {
    const row = await referralsRepository.findDetailed(trx, id);
    if (!row || row.lawyer_id !== actor.id) throw createReferralNotFoundError();
    return row;
  }

  /** The referral as its lawyer sees it: metadata, recomputed conflicts, and the shared part while live. */
  async function lawyerView(
    id: string,
    actor: ReferralActor,
    locale: Locale,
  ): Promise<{ view: LawyerReferral; caseId: string }> {
    const today = todayInTokyo(clock());
    const row = await ownReferral(db, id, actor);
    const erased = caseGoneOf(row);
    const status = effectiveStatus(row, today, erased);
    const conflicts = erased
      ? { hits: [], compared: 0, searched: 0 }
      : await checkConflicts(db, sealer, { caseId: row.case_id, lawyerId: row.lawyer_id });
    let shared: LawyerReferral['case'];
    if (shareIsLive(status) && !erased) {
      const shares = new Set(sharesOf(row));
      const [staffCase, parties] = await Promise.all([
        cases.presentCase(row.case_id, locale),
        shares.has('parties') ? listCaseParties(db, sealer, row.case_id) : [],
      ]);
      shared = projectReferredCase(staffCase, shares, parties);
    }
    const note = open('referrals', 'note_sealed', row.id, row.note_sealed);
    const declineReason = open('referrals', 'response_note_sealed', row.id, row.response_note_sealed);
    const outcomeNote = open('referrals', 'outcome_note_sealed', row.id, row.outcome_note_sealed);
    const view: LawyerReferral = {
      id: row.id,
      status,
      shares: sharesOf(row),
      expiresOn: row.expires_on,
      createdAt: row.created_at,
      respondedAt: row.responded_at,
      outcome: row.outcome as ReferralOutcome | null,
      outcomeAt: row.outcome_at,
      version: row.version,
      caseNumber: row.case_number,
      referredBy: ref(row.created_by, row.created_by_name),
      ...(note ? { note } : {}),
      ...(declineReason ? { declineReason } : {}),
      ...(outcomeNote ? { outcomeNote } : {}),
      lawyerAcknowledgedAt: row.lawyer_acknowledged_at,
      conflicts,
      ...(shared ? { case: shared } : {}),
    };
    return { view, caseId: row.case_id };
  }

  /**
   * A lawyer's answer or outcome: in one transaction, the referral must be theirs, in one of `from`
   * (as of today) and at `version`; `write` returns the patch and the audit detail.
   */
  async function respond(
    id: string,
    version: number,
    actor: ReferralActor,
    action: string,
    from: readonly ReferralStatus[],
    write: (
      trx: Db,
      row: ReferralRow,
      now: Date,
    ) => Promise<{
      patch: Parameters<typeof referralsRepository.update>[3];
      detail: Record<string, string | number | boolean | null>;
    }>,
  ): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const now = clock();
      const row = await ownReferral(trx, id, actor);
      if (!from.includes(effectiveStatus(row, todayInTokyo(now), caseGoneOf(row))))
        throw createReferralStateError();
      if (row.version !== version) throw createReferralStaleError();
      const { patch, detail } = await write(trx, row, now);
      if (!(await referralsRepository.update(trx, id, version, { ...patch, updated_at: now.toISOString() })))
        throw createReferralStaleError();
      await auditCase(audit, trx, actor, action, row.case_id, { referralId: id, ...detail });
    });
  }

  return {
    /** Runs the conflict check of this case against a lawyer's other referrals (audited, counts only). */
    async checkConflicts({
      caseId,
      lawyerId,
      actor,
    }: {
      caseId: string;
      lawyerId: string;
      actor: ReferralActor;
    }): Promise<ConflictCheck> {
      return db.transaction().execute(async (trx) => {
        await workableCase(trx, caseId, actor);
        const lawyer = await lawyersRepository.findAccount(trx, lawyerId);
        if (!lawyer || lawyer.role !== 'lawyer') throw createLawyerNotFoundError();
        const check = await checkConflicts(trx, sealer, { caseId, lawyerId });
        await auditCase(audit, trx, actor, 'referrals.conflict_checked', caseId, {
          lawyerId,
          hits: check.hits.length,
        });
        return check;
      });
    },

    /** The case's referrals (notes decrypted; audited). */
    async listCaseReferrals({
      caseId,
      actor,
    }: {
      caseId: string;
      actor: ReferralActor;
    }): Promise<CaseReferrals> {
      return db.transaction().execute(async (trx) => {
        const row = await workableCase(trx, caseId, actor);
        const list = await caseReferrals(trx, caseId, todayInTokyo(clock()), isErased(row));
        await auditCase(audit, trx, actor, 'referrals.listed', caseId, { count: list.referrals.length });
        return list;
      });
    },

    /**
     * Refers the case to an available lawyer with the chosen sections until `expiresOn`. The conflict
     * check runs again here; hits must be acknowledged (`acknowledgeConflicts`), else 409 with them.
     */
    async createReferral({
      caseId,
      input,
      actor,
    }: {
      caseId: string;
      input: ReferralCreateRequest;
      actor: ReferralActor;
    }): Promise<CaseReferrals> {
      return db.transaction().execute(async (trx) => {
        const now = clock();
        const today = todayInTokyo(now);
        await workableCase(trx, caseId, actor, { write: true });
        const lawyer = await lawyersRepository.findAccount(trx, input.lawyerId);
        if (!lawyer || lawyer.role !== 'lawyer') throw createLawyerNotFoundError();
        const profile = await lawyersRepository.findProfile(trx, input.lawyerId);
        if (lawyer.disabled_at !== null || !profile || profile.available !== 1)
          throw createLawyerUnavailableError();
        if (input.expiresOn < today || input.expiresOn > addDays(today, REFERRAL_MAX_DAYS))
          throw createExpiryInvalidError({ max: String(REFERRAL_MAX_DAYS) });
        if (await referralsRepository.hasLive(trx, caseId, input.lawyerId, today))
          throw createDuplicateReferralError();
        const check = await checkConflicts(trx, sealer, { caseId, lawyerId: input.lawyerId });
        requireAcknowledged(check, input.acknowledgeConflicts);
        const id = newSortableId(now.getTime());
        const nowIso = now.toISOString();
        const acknowledged = check.hits.length > 0;
        await referralsRepository.insert(trx, {
          id,
          case_id: caseId,
          lawyer_id: input.lawyerId,
          status: 'pending',
          shares: JSON.stringify(input.shares),
          expires_on: input.expiresOn,
          note_sealed: sealer.sealOptional('referrals', 'note_sealed', id, input.note),
          conflict_hits: hitsRecord(check),
          acknowledged_by: acknowledged ? actor.id : null,
          acknowledged_at: acknowledged ? nowIso : null,
          lawyer_acknowledged_at: null,
          created_by: actor.id,
          created_at: nowIso,
          responded_at: null,
          response_note_sealed: null,
          outcome: null,
          outcome_note_sealed: null,
          outcome_at: null,
          updated_at: nowIso,
          version: 1,
        });
        await auditCase(audit, trx, actor, 'referrals.created', caseId, {
          referralId: id,
          lawyerId: input.lawyerId,
          shares: input.shares.join(','),
          expiresOn: input.expiresOn,
          conflictHits: check.hits.length,
          conflictsAcknowledged: acknowledged,
        });
        return caseReferrals(trx, caseId, today, false);
      });
    },

    /** Ends a pending or accepted referral (the lawyer loses access at once). */
    async withdrawReferral({
      id,
      version,
      actor,
    }: {
      id: string;
      version: number;
      actor: ReferralActor;
    }): Promise<CaseReferrals> {
      return db.transaction().execute(async (trx) => {
        const now = clock();
        const row = await referralsRepository.findById(trx, id);
        if (!row) throw createReferralNotFoundError();
        const caseRow = await workableCase(trx, row.case_id, actor);
        if (row.status !== 'pending' && row.status !== 'accepted') throw createReferralStateError();
        if (row.version !== version) throw createReferralStaleError();
        const nowIso = now.toISOString();
        if (
          !(await referralsRepository.update(trx, id, version, { status: 'withdrawn', updated_at: nowIso }))
        )
          throw createReferralStaleError();
        await auditCase(audit, trx, actor, 'referrals.withdrawn', row.case_id, { referralId: id });
        return caseReferrals(trx, row.case_id, todayInTokyo(now), isErased(caseRow));
      });
    },

    /** The lawyer's referrals, newest first (case numbers and statuses only). */
    async listOwnReferrals({ actor }: { actor: ReferralActor }): Promise<LawyerReferralList> {
      const today = todayInTokyo(clock());
      const rows = await referralsRepository.listByLawyer(db, actor.id);
      await audit.record({
        actorType: 'staff',
        actorId: actor.id,
        action: 'referrals.listed_own',
        ipHash: actor.ipHash,
        detail: { count: rows.length },
      });
      return {
        referrals: rows.map((row) => ({
          id: row.id,
          status: effectiveStatus(row, today, caseGoneOf(row)),
          shares: sharesOf(row),
          expiresOn: row.expires_on,
          createdAt: row.created_at,
          respondedAt: row.responded_at,
          outcome: row.outcome as ReferralOutcome | null,
          outcomeAt: row.outcome_at,
          version: row.version,
          caseNumber: row.case_number,
        })),
      };
    },

    /** One referral for its lawyer: the shared sections only; every view is audited. */
    async viewReferral({
      id,
      actor,
      locale,
    }: {
      id: string;
      actor: ReferralActor;
      locale: Locale;
    }): Promise<LawyerReferral> {
      const { view, caseId } = await lawyerView(id, actor, locale);
      await db.transaction().execute((trx) =>
        auditCase(audit, trx, actor, 'referrals.viewed', caseId, {
          referralId: id,
          status: view.status,
          sections: view.case ? view.shares.join(',') : '',
        }),
      );
      return view;
    },

    /**
     * The lawyer accepts: within their capacity, and after acknowledging the conflict hits, which are
     * recomputed now against their other referrals (409 with them otherwise).
     */
    async acceptReferral({
      id,
      version,
      acknowledgeConflicts,
      actor,
      locale,
    }: {
      id: string;
      version: number;
      acknowledgeConflicts?: boolean | undefined;
      actor: ReferralActor;
      locale: Locale;
    }): Promise<LawyerReferral> {
      await respond(id, version, actor, 'referrals.accepted', ['pending'], async (trx, row, now) => {
        await lawyersRepository.lockProfile(trx, actor.id);
        const profile = await lawyersRepository.findProfile(trx, actor.id);
        const capacity = profile?.capacity ?? 0;
        const counts = await referralsRepository.liveCounts(trx, [actor.id], todayInTokyo(now));
        const accepted = counts.find((c) => c.status === 'accepted')?.count ?? 0;
        if (accepted >= capacity) throw createCapacityReachedError({ capacity: String(capacity) });
        const check = await checkConflicts(trx, sealer, { caseId: row.case_id, lawyerId: actor.id });
        requireAcknowledged(check, acknowledgeConflicts);
        const nowIso = now.toISOString();
        return {
          patch: {
            status: 'accepted',
            responded_at: nowIso,
            lawyer_acknowledged_at: check.hits.length > 0 ? nowIso : null,
          },
          detail: { conflictHits: check.hits.length, conflictsAcknowledged: check.hits.length > 0 },
        };
      });
      return (await lawyerView(id, actor, locale)).view;
    },

    /** The lawyer declines a pending referral, optionally saying why (sealed). */
    async declineReferral({
      id,
      version,
      reason,
      actor,
      locale,
    }: {
      id: string;
      version: number;
      reason?: string | undefined;
      actor: ReferralActor;
      locale: Locale;
    }): Promise<LawyerReferral> {
      await respond(id, version, actor, 'referrals.declined', ['pending'], async (_trx, row, now) => ({
        patch: {
          status: 'declined',
          responded_at: now.toISOString(),
          response_note_sealed: sealer.sealOptional('referrals', 'response_note_sealed', row.id, reason),
        },
        detail: { reason: reason !== undefined && reason !== '' },
      }));
      return (await lawyerView(id, actor, locale)).view;
    },

    /**
     * The lawyer records the outcome of an accepted referral (also after it expired: the share ends,
     * the report does not); the referral is completed.
     */
    async recordOutcome({
      id,
      version,
      outcome,
      note,
      actor,
      locale,
    }: {
      id: string;
      version: number;
      outcome: ReferralOutcome;
      note?: string | undefined;
      actor: ReferralActor;
      locale: Locale;
    }): Promise<LawyerReferral> {
      await respond(
        id,
        version,
        actor,
        'referrals.outcome_recorded',
        ['accepted', 'expired'],
        async (_trx, row, now) => {
          if (row.status !== 'accepted') throw createReferralStateError();
          return {
            patch: {
              status: 'completed',
              outcome,
              outcome_at: now.toISOString(),
              outcome_note_sealed: sealer.sealOptional('referrals', 'outcome_note_sealed', row.id, note),
            },
            detail: { outcome },
          };
        },
      );
      return (await lawyerView(id, actor, locale)).view;
    },

    /** A file of the case, if the referral shares attachments and the share is live (audited). */
    async getAttachment({
      id,
      attachmentId,
      actor,
    }: {
      id: string;
      attachmentId: string;
      actor: ReferralActor;
    }) {
      const row = await ownReferral(db, id, actor);
      const status = effectiveStatus(row, todayInTokyo(clock()), caseGoneOf(row));
      if (!shareIsLive(status) || !sharesOf(row).includes('attachments'))
        throw createAttachmentNotSharedError();
      const file = await casesRepository.findAttachment(db, row.case_id, attachmentId);
      if (!file) throw createAttachmentNotSharedError();
      await db.transaction().execute((trx) =>
        auditCase(audit, trx, actor, 'referrals.attachment_downloaded', row.case_id, {
          referralId: id,
          attachmentId,
        }),
      );
      return {
        filename: sealer.open('case_attachments', 'filename_sealed', file.id, file.filename_sealed),
        contentType: file.content_type,
        bytes: await blobStore.get(file.sha256),
      };
    },
  };
}

export type ReferralsService = ReturnType<typeof createReferralsService>;
