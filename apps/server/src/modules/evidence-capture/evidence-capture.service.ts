import { randomUUID } from 'node:crypto';
import { platformOfUrl, type EvidenceFile, type EvidenceItem, type Locale } from '@mimamoru/core';
import type {
  EvidenceCaptureAccepted,
  EvidenceCaptureList,
  EvidenceCaptureStatus,
} from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import type { JobLogger } from '../../jobs/define-job.js';
import type { Keyring } from '../../security/keyring.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import { caseScope, inScope } from '../cases/case-scope.js';
import { createCaseNotFoundError, createWithdrawnError } from '../cases/cases.errors.js';
import { sealContext } from '../intake/case-sealing.js';
import { casesRepository, type CaseRow } from '../intake/intake.repository.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import type { StaffActor } from '../staff/staff-actor.js';
import { CaptureFailure, captureFailureMessage } from './capture-failure.js';
import type { capturePage, CaptureResult } from './capture-page.js';
import { createCaptureRefusedError } from './evidence-capture.errors.js';
import { captureRepository, type CaptureRow } from './evidence-capture.repository.js';
import { checkCaptureUrl } from './url-guard.js';

export const EVIDENCE_CAPTURE_JOB = 'evidence.capture';
export const URL_CONTEXT = (id: string) => sealContext('evidence_captures', 'url_sealed', id);
const LIST_LIMIT = 100;

type Db = Kysely<Database>;

export interface EvidenceCaptureDeps {
  readonly db: Db;
  readonly keyring: Keyring;
  readonly blobStore: Pick<BlobStore, 'put' | 'has'>;
  readonly audit: Pick<AuditService, 'record'>;
  readonly clock: () => Date;
  readonly evidence: Pick<EvidenceService, 'appendEntry'>;
  readonly capture: typeof capturePage;
  /** MIMAMORU_CAPTURE_ALLOW_HOSTS (testing only). */
  readonly allowHosts: readonly string[];
}

const withdrawn = (row: CaseRow) => row.stage === 'withdrawn' || row.status === 'withdrawn';

/** The stored artifacts of a capture, each with the role the locker records. */
interface Artifact {
  readonly name: string;
  readonly role: EvidenceFile['role'];
  readonly contentType: string;
  readonly bytes: Buffer;
}

function artifactsOf(result: CaptureResult): Artifact[] {
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const files: Artifact[] = [
    { name: 'screenshot.png', role: 'screenshot', contentType: 'image/png', bytes: result.screenshot },
    {
      name: 'screenshot-annotated.png',
      role: 'screenshot-annotated',
      contentType: 'image/png',
      bytes: result.annotated,
    },
    { name: 'page.mhtml', role: 'mhtml', contentType: 'multipart/related', bytes: result.mhtml },
    { name: 'page.html', role: 'html', contentType: 'text/html; charset=utf-8', bytes: result.html },
    {
      name: 'http-headers.json',
      role: 'http-headers',
      contentType: 'application/json',
      bytes: json({
        requestedUrl: result.requestedUrl,
        finalUrl: result.finalUrl,
        redirects: result.redirects,
        response: result.response,
      }),
    },
  ];
  const tls: Artifact[] = result.tls
    ? [
        {
          name: 'tls-chain.pem',
          role: 'tls-chain',
          contentType: 'application/x-pem-file',
          bytes: Buffer.from(result.tls.certificates.map((c) => c.pem).join(''), 'utf8'),
        },
      ]
    : [];
  const provenance: Artifact = {
    name: 'provenance.json',
    role: 'provenance',
    contentType: 'application/json',
    bytes: json({
      ...result.provenance,
      title: result.title,
      tls: result.tls
        ? {
            host: result.tls.host,
            protocol: result.tls.protocol,
            authorized: result.tls.authorized,
            authorizationError: result.tls.authorizationError,
            certificates: result.tls.certificates.map(({ pem: _pem, ...facts }) => facts),
          }
        : null,
    }),
  };
  return [...files, ...tls, provenance];
}

/**
 * Server capture (#5): staff ask for a post URL to be captured; the `evidence.capture` job opens it in
 * headless Chromium behind the SSRF guard and, on success, adds one item (capturedBy `server`) with
 * every artifact to the case's evidence chain. A failure is recorded with its code; the locker is untouched.
 */
export function createEvidenceCaptureService(deps: EvidenceCaptureDeps) {
  const { db, keyring, blobStore, audit, clock } = deps;

  async function caseFor(trx: Db, caseId: string, actor: StaffActor, forWrite: boolean): Promise<CaseRow> {
    const row = await casesRepository.findById(trx, caseId);
    if (!row || !inScope(caseScope(actor), row) || row.erased_at !== null) throw createCaseNotFoundError();
    if (forWrite && withdrawn(row)) throw createWithdrawnError();
    return row;
  }

  const present = (row: CaptureRow, locale: Locale) => ({
    id: row.id,
    url: keyring.openText(row.url_sealed, URL_CONTEXT(row.id)),
    status: row.status as EvidenceCaptureStatus,
    errorCode: row.error_code,
    errorMessage: row.error_code === null ? null : captureFailureMessage(row.error_code, locale),
    itemId: row.item_id,
    requestedAt: row.requested_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  });

  async function fail(id: string, code: string): Promise<void> {
    await captureRepository.update(db, id, ['queued', 'running'], {
      status: 'failed',
      error_code: code,
      finished_at: clock().toISOString(),
    });
  }

  return {
    /** Queues a capture of `url` for a case the actor works; refuses unsafe URLs at once (422). */
    async requestCapture({
      caseId,
      url,
      actor,
    }: {
      caseId: string;
      url: string;
      actor: StaffActor;
    }): Promise<EvidenceCaptureAccepted> {
      try {
        await checkCaptureUrl(url, { allowHosts: deps.allowHosts });
      } catch (error) {
        if (error instanceof CaptureFailure) throw createCaptureRefusedError(error);
        throw error;
      }
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await caseFor(trx, caseId, actor, true);
        await captureRepository.insert(trx, {
          id,
          case_id: caseId,
          url_sealed: keyring.seal(url, URL_CONTEXT(id)),
          status: 'queued',
          error_code: null,
          item_id: null,
          requested_by: actor.id,
          requested_at: clock().toISOString(),
          started_at: null,
          finished_at: null,
        });
        await enqueueJob(trx, { type: EVIDENCE_CAPTURE_JOB, payload: { captureId: id }, maxAttempts: 2 }, { keyring, clock });
        await audit.record(
          {
            actorType: 'staff',
            actorId: actor.id,
            action: 'evidence.capture_requested',
            targetType: 'case',
            targetId: caseId,
            ipHash: actor.ipHash,
            detail: { captureId: id },
          },
          trx,
        );
      });
      return { captureId: id, status: 'queued' };
    },

    /** The case's captures, newest first, with failures explained in `locale`. */
    async listCaptures({
      caseId,
      actor,
      locale,
    }: {
      caseId: string;
      actor: StaffActor;
      locale: Locale;
    }): Promise<EvidenceCaptureList> {
      return db.transaction().execute(async (trx) => {
        await caseFor(trx, caseId, actor, false);
        const rows = await captureRepository.listForCase(trx, caseId, LIST_LIMIT);
        await audit.record(
          {
            actorType: 'staff',
            actorId: actor.id,
            action: 'evidence.captures_viewed',
            targetType: 'case',
            targetId: caseId,
            ipHash: actor.ipHash,
            detail: { captures: rows.length },
          },
          trx,
        );
        return { captures: rows.map((row) => present(row, locale)) };
      });
    },

    /**
     * The job: captures the page, stores the artifacts, then in one transaction appends the item to the
     * chain and marks the capture done. Idempotent: a finished capture is left as it is.
     */
    async runCapture(
      { captureId }: { captureId: string },
      context: { attempt: number; maxAttempts: number; logger: JobLogger },
    ): Promise<void> {
      const row = await captureRepository.find(db, captureId);
      if (!row || row.status === 'done' || row.status === 'failed') return;
      const caseRow = await casesRepository.findById(db, row.case_id);
      if (!caseRow || caseRow.erased_at !== null || withdrawn(caseRow)) {
        await fail(captureId, 'internal');
        return;
      }
      await captureRepository.update(db, captureId, ['queued', 'running'], {
        status: 'running',
        started_at: clock().toISOString(),
      });
      let result: CaptureResult;
      try {
        result = await deps.capture(keyring.openText(row.url_sealed, URL_CONTEXT(row.id)), {
          allowHosts: deps.allowHosts,
          clock,
        });
      } catch (error) {
        if (error instanceof CaptureFailure) {
          context.logger.warn({ captureId, code: error.code, detail: error.message }, 'server capture failed');
          await fail(captureId, error.code);
          return;
        }
        if (context.attempt < context.maxAttempts) throw error;
        await fail(captureId, 'internal');
        throw error;
      }
      const artifacts = artifactsOf(result);
      const files: EvidenceFile[] = [];
      for (const artifact of artifacts) {
        const { sha256, size } = await blobStore.put(artifact.bytes);
        files.push({ sha256, size, contentType: artifact.contentType, name: artifact.name, role: artifact.role });
      }
      const itemId = randomUUID();
      const item: EvidenceItem = {
        id: itemId,
        platform: platformOfUrl(result.finalUrl) ?? 'other',
        postUrl: result.finalUrl,
        capturedAt: result.capturedAt.toISOString(),
        capturedBy: 'server',
        files,
      };
      const commit = db.transaction().execute(async (trx) => {
        const moved = await captureRepository.update(trx, captureId, ['running'], {
          status: 'done',
          item_id: itemId,
          finished_at: clock().toISOString(),
        });
        if (!moved) return;
        await deps.evidence.appendEntry(trx, {
          caseId: row.case_id,
          type: 'add',
          itemId,
          item,
          actor: { type: 'system' },
        });
        await audit.record(
          {
            actorType: 'system',
            actorId: null,
            action: 'evidence.captured',
            targetType: 'case',
            targetId: row.case_id,
            detail: { captureId, itemId, files: files.length },
          },
          trx,
        );
      });
      try {
        await commit;
      } catch (error) {
        if (context.attempt >= context.maxAttempts) await fail(captureId, 'internal');
        throw error;
      }
      // A concurrent erasure of another case holding the same bytes may have released them meanwhile.
      for (const [index, artifact] of artifacts.entries()) {
        if (!(await blobStore.has(files[index]?.sha256 ?? ''))) await blobStore.put(artifact.bytes);
      }
    },
  };
}

export type EvidenceCaptureService = ReturnType<typeof createEvidenceCaptureService>;
