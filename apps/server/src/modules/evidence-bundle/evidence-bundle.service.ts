import type { ManifestTimestamp } from '@mimamoru/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import { caseScope, inScope, type CaseViewer } from '../cases/case-scope.js';
import { createCaseNotFoundError } from '../cases/cases.errors.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { casesRepository } from '../intake/intake.repository.js';
import { prepareEvidenceBundle, type BundleSource, type PreparedBundle } from './bundle-writer.js';
import { createEvidenceBundleChainBrokenError, createEvidenceBundleEmptyError } from './evidence-bundle.errors.js';

export interface EvidenceBundleDeps {
  readonly db: Kysely<Database>;
  readonly evidence: Pick<EvidenceService, 'readLocker'>;
  readonly listTimestamps: (caseId: string) => Promise<ManifestTimestamp[]>;
  readonly blobStore: Pick<BlobStore, 'get'>;
  readonly audit: Pick<AuditService, 'record'>;
  readonly clock: () => Date;
}

/** Who exports: a staff member (route, scoped) or an operator at the server's shell (CLI, any case). */
export type BundleExporter =
  | { readonly kind: 'staff'; readonly actor: CaseViewer & { readonly id: string; readonly ipHash?: string | null } }
  | { readonly kind: 'operator' };

/** Builds evidence bundles: checks the locker, audits the export, then streams the ZIP. */
export function createEvidenceBundleService({ db, evidence, listTimestamps, blobStore, audit, clock }: EvidenceBundleDeps) {
  /**
   * Prepares an export of a case (by id or case number): refuses a case outside the exporter's scope (404),
   * an empty locker or a chain that does not verify (409), records `evidence.exported`, then renders the report
   * and lays out the ZIP (exact size known); the caller streams it with write().
   */
  async function prepareExport({
    caseId,
    caseNumber,
    exporter,
  }: {
    caseId?: string;
    caseNumber?: string;
    exporter: BundleExporter;
  }): Promise<PreparedBundle & { readonly caseNumber: string; readonly filename: string }> {
    const row = caseId
      ? await casesRepository.findById(db, caseId)
      : await db.selectFrom('cases').selectAll().where('case_number', '=', caseNumber ?? '').executeTakeFirst();
    if (!row || row.erased_at !== null) throw createCaseNotFoundError();
    if (exporter.kind === 'staff' && !inScope(caseScope(exporter.actor), row)) throw createCaseNotFoundError();

    const locker = await evidence.readLocker(row.id);
    if (!locker.verification.ok) throw createEvidenceBundleChainBrokenError();
    if (!locker.head || locker.entries.length === 0) throw createEvidenceBundleEmptyError();
    const exportedAt = clock().toISOString();
    const source: BundleSource = {
      caseId: row.id,
      caseNumber: row.case_number,
      exportedAt,
      ...(exporter.kind === 'staff' ? { exportedBy: { type: 'staff' as const, id: exporter.actor.id } } : {}),
      // The key that signed this head (readChecked refused the export if it were missing or did not verify).
      publicKey: (locker.headKey ?? locker.key).publicKey,
      chain: locker.entries,
      head: {
        seq: locker.head.seq,
        hash: locker.head.hash,
        signature: locker.head.signature,
        signedAt: locker.head.signed_at,
      },
      timestamps: await listTimestamps(row.id),
      openBlob: (sha256) => blobStore.get(sha256),
    };
    await audit.record({
      actorType: exporter.kind === 'staff' ? 'staff' : 'system',
      actorId: exporter.kind === 'staff' ? exporter.actor.id : null,
      action: 'evidence.exported',
      targetType: 'case',
      targetId: row.id,
      ipHash: exporter.kind === 'staff' ? (exporter.actor.ipHash ?? null) : null,
      detail: { items: locker.items.length, headSeq: locker.head.seq, via: exporter.kind === 'staff' ? 'api' : 'cli' },
    });
    // The report is rendered and the ZIP laid out here, so the caller knows the exact size before the first byte.
    const prepared = await prepareEvidenceBundle(source);
    return {
      ...prepared,
      caseNumber: row.case_number,
      filename: `evidence-${row.case_number}-${exportedAt.slice(0, 10)}.zip`,
    };
  }

  return { prepareExport };
}

export type EvidenceBundleService = ReturnType<typeof createEvidenceBundleService>;
