import type { EvidenceActor } from '@mimamoru/core';
import type { AuditService } from '../audit/audit.service.js';
import { caseScope, inScope, type CaseViewer } from '../cases/case-scope.js';
import { createCaseNotFoundError, createWithdrawnError } from '../cases/cases.errors.js';
import { createCaseClosedError } from '../intake/intake.errors.js';
import { casesRepository, type CaseRow, type Db } from '../intake/intake.repository.js';

/** A staff member acting on a case's evidence or documents (role and team decide which cases they see). */
export interface CasePartyStaff extends CaseViewer {
  readonly id: string;
  readonly ipHash: string | null;
}

/** Who acts on a case's locker and documents: the victim (signed in with the case key) or a staff member. */
export type CaseParty = { readonly kind: 'victim' } | { readonly kind: 'staff'; readonly actor: CasePartyStaff };

const isWithdrawn = (row: CaseRow) => row.stage === 'withdrawn' || row.status === 'withdrawn';
const closedToVictim = (row: CaseRow) => row.status === 'withdrawn' || row.erased_at !== null;

/** The case as a staff member may see it: 404 outside their scope or erased; 409 for a change to a withdrawn case. */
export async function staffCase(trx: Db, caseId: string, actor: CaseViewer, forWrite: boolean): Promise<CaseRow> {
  const row = await casesRepository.findById(trx, caseId);
  if (!row || !inScope(caseScope(actor), row) || row.erased_at !== null) throw createCaseNotFoundError();
  if (isWithdrawn(row) && forWrite) throw createWithdrawnError();
  return row;
}

/** The case as its victim may see it: closed once withdrawn or erased. */
export async function victimCase(trx: Db, caseId: string): Promise<CaseRow> {
  const row = await casesRepository.findById(trx, caseId);
  if (!row || closedToVictim(row)) throw createCaseClosedError();
  return row;
}

export function openCaseFor(trx: Db, who: CaseParty, caseId: string, forWrite: boolean): Promise<CaseRow> {
  return who.kind === 'victim' ? victimCase(trx, caseId) : staffCase(trx, caseId, who.actor, forWrite);
}

/** What an audit line of the locker or the documents records besides who, what and which case. */
export type CaseAuditDetail = Record<string, string | number | boolean | null>;

/** The audit line of an action on the case, in the caller's transaction. */
export function recordCaseAudit(
  audit: Pick<AuditService, 'record'>,
  trx: Db,
  who: CaseParty,
  caseId: string,
  action: string,
  detail: CaseAuditDetail,
) {
  return audit.record(
    {
      actorType: who.kind,
      actorId: who.kind === 'staff' ? who.actor.id : null,
      action,
      targetType: 'case',
      targetId: caseId,
      ...(who.kind === 'staff' ? { ipHash: who.actor.ipHash } : {}),
      detail,
    },
    trx,
  );
}

/** Who appends to the case's evidence chain. */
export const chainActorOf = (who: CaseParty): EvidenceActor =>
  who.kind === 'victim' ? { type: 'victim' } : { type: 'staff', id: who.actor.id };
