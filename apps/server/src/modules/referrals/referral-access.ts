import type { AuditService } from '../audit/audit.service.js';
import { caseScope, inScope, type CaseViewer } from '../cases/case-scope.js';
import { createCaseNotFoundError } from '../cases/cases.errors.js';
import { casesRepository, type CaseRow, type Db } from '../intake/intake.repository.js';
import { createCaseErasedError } from '../retention/retention.errors.js';

/**
 * The staff member acting: role and team from the live session (a consultant reaches their team's
 * cases, case-scope.ts), and the keyed hash of their IP (computed before any transaction).
 */
export interface ReferralActor extends CaseViewer {
  readonly id: string;
  readonly ipHash: string | null;
}

/**
 * A case a case worker may work on: 404 when unknown, withdrawn or outside their scope; for a change
 * (`write`), 409 once its personal data was erased (retention), as the case routes answer.
 */
export async function workableCase(
  trx: Db,
  id: string,
  actor: CaseViewer,
  { write = false }: { write?: boolean } = {},
): Promise<CaseRow> {
  const row = await casesRepository.findById(trx, id);
  if (!row || row.stage === 'withdrawn' || row.status === 'withdrawn' || !inScope(caseScope(actor), row))
    throw createCaseNotFoundError();
  if (write && row.erased_at !== null) throw createCaseErasedError();
  return row;
}

/** Whether the case's personal data is gone (withdrawn, or erased when its retention period ended). */
export function isErased(row: { readonly stage: string; readonly erased_at: string | null }): boolean {
  return row.stage === 'withdrawn' || row.erased_at !== null;
}

/** One audit line about a case (ids and codes only), in the caller's transaction. */
export function auditCase(
  audit: Pick<AuditService, 'record'>,
  trx: Db,
  actor: ReferralActor,
  action: string,
  caseId: string,
  detail?: Record<string, string | number | boolean | null>,
): Promise<void> {
  return audit.record(
    {
      actorType: 'staff',
      actorId: actor.id,
      action,
      targetType: 'case',
      targetId: caseId,
      ipHash: actor.ipHash,
      ...(detail ? { detail } : {}),
    },
    trx,
  );
}
