import type { ConflictCheck, ConflictHit } from '@mimamoru/contracts';
import { findConflicts, type ConflictRole, type OtherCaseParties } from '@mimamoru/core';
import type { CaseSealer } from '../intake/case-sealing.js';
import type { Db } from '../intake/intake.repository.js';
import { casesRepository } from '../intake/intake.repository.js';
import { partiesRepository, referralsRepository } from './referrals.repository.js';

/** Referrals of the lawyer whose parties a new or accepted referral is checked against. */
const CHECKED_STATUSES = ['pending', 'accepted', 'completed'] as const;

/** The values of one case by role: its recorded parties, and the victim's name as client. */
async function valuesByRole(
  trx: Db,
  sealer: CaseSealer,
  cases: readonly { id: string; name_sealed: string | null }[],
): Promise<Map<string, Record<ConflictRole, string[]>>> {
  const byCase = new Map<string, Record<ConflictRole, string[]>>();
  for (const c of cases) {
    const name = sealer.openOptional('cases', 'name_sealed', c.id, c.name_sealed);
    byCase.set(c.id, { adverse: [], client: name ? [name] : [] });
  }
  const parties = await partiesRepository.listLive(
    trx,
    cases.map((c) => c.id),
  );
  for (const party of parties) {
    const value = sealer.open('case_parties', 'value_sealed', party.id, party.value_sealed);
    byCase.get(party.case_id)?.[party.role as ConflictRole].push(value);
  }
  return byCase;
}

/**
 * The conflict check of #4, in the application because every value is sealed: this case's adverse
 * parties and its clients (recorded client parties and the victim's name) against the adverse
 * parties and clients of the lawyer's referrals of other cases, matched with core findConflicts
 * (normalised: width, case, '@', profile and post URLs). One hit per normalised value, pair of roles
 * and other referral.
 */
export async function checkConflicts(
  trx: Db,
  sealer: CaseSealer,
  { caseId, lawyerId }: { caseId: string; lawyerId: string },
): Promise<ConflictCheck> {
  const row = await casesRepository.findById(trx, caseId);
  const ours = (await valuesByRole(trx, sealer, row ? [row] : [])).get(caseId) ?? {
    adverse: [],
    client: [],
  };
  const others = await referralsRepository.othersOfLawyer(trx, lawyerId, caseId, CHECKED_STATUSES);
  const otherValues = await valuesByRole(trx, sealer, [
    ...new Map(others.map((o) => [o.case_id, { id: o.case_id, name_sealed: o.name_sealed }])).values(),
  ]);
  const otherCases: OtherCaseParties[] = others.flatMap((other) => {
    const values = otherValues.get(other.case_id) ?? { adverse: [], client: [] };
    return (['adverse', 'client'] as const).map((role) => ({
      caseRef: other.id,
      role,
      values: values[role],
    }));
  });
  const caseNumbers = new Map(others.map((o) => [o.id, o.case_number]));
  const hits: ConflictHit[] = [];
  const seen = new Set<string>();
  for (const ourRole of ['adverse', 'client'] as const) {
    for (const hit of findConflicts(ours[ourRole], otherCases)) {
      const key = JSON.stringify([hit.normalized, ourRole, hit.role, hit.caseRef]);
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push({
        normalized: hit.normalized,
        ourRole,
        theirRole: hit.role,
        otherReferralId: hit.caseRef,
        otherCaseNumber: caseNumbers.get(hit.caseRef) ?? '',
      });
    }
  }
  return { hits, compared: ours.adverse.length + ours.client.length, searched: others.length };
}

/** What is stored about the hits with a referral: roles and other referral ids, never a value. */
export function hitsRecord(check: ConflictCheck): string {
  return JSON.stringify({
    count: check.hits.length,
    hits: check.hits.map((h) => ({
      ourRole: h.ourRole,
      theirRole: h.theirRole,
      otherReferralId: h.otherReferralId,
    })),
  });
}

/** The number of hits in a stored record. */
export function hitsCount(record: string | null): number {
  if (!record) return 0;
  const parsed = JSON.parse(record) as { count?: unknown };
  return typeof parsed.count === 'number' ? parsed.count : 0;
}
