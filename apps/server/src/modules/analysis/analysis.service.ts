import { randomUUID } from 'node:crypto';
import {
  ANALYSIS_MAX_UPLOAD_BYTES,
  AnalysisSummarySchema,
  type AnalysisResultRow,
  type AnalysisResultsQuery,
  type AnalysisRunView,
  type AnalysisSummary,
  type AnalysisUploadFields,
} from '@mimamoru/contracts';
import {
  ANALYSIS_CATEGORIES,
  guessImportFormat,
  platformOfUrl,
  withBulkStats,
  type AnalysisCategory,
  type ColumnMapping,
  type EvidenceFile,
  type EvidenceItem,
  type ImportFormat,
  type ImportIssue,
} from '@mimamoru/core';
import type { Kysely } from 'kysely';
import { analyzeFile, type ResultFormat } from '../../cli/analyze.command.js';
import type { Database } from '../../db/schema.js';
import type { JobLogger } from '../../jobs/define-job.js';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import type { Keyring } from '../../security/keyring.js';
import { registerBlobReferences } from '../../storage/blob-references.js';
import { releaseBlobs } from '../../storage/blob-release.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import { caseScope, inScope } from '../cases/case-scope.js';
import { createCaseNotFoundError, createWithdrawnError } from '../cases/cases.errors.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { sealContext } from '../intake/case-sealing.js';
import { casesRepository, type CaseRow, type Db } from '../intake/intake.repository.js';
import type { StaffActor } from '../staff/staff-actor.js';
import {
  ANALYSIS_FAILURES,
  createAnalysisBinaryError,
  createAnalysisEmptyError,
  createAnalysisFileTooLargeError,
  createAnalysisNotDoneError,
  createAnalysisNotUtf8Error,
  createAnalysisPostNotFoundError,
  createAnalysisRunNotFoundError,
} from './analysis.errors.js';
import { analysisReportCsv, renderAnalysisReportPdf } from './analysis.report.js';
import { analysisRepository, type AnalysisRunRow } from './analysis.repository.js';
import { findRows, queryResults, RESULT_CHUNK_BYTES } from './analysis.results.js';

/** The upload and each results chunk are blobs (encrypted; released when the case is erased). */
registerBlobReferences({ table: 'analysis_runs', column: 'upload_sha256' });
registerBlobReferences({ table: 'analysis_result_chunks', column: 'sha256' });

export const ANALYSIS_RUN_JOB = 'analysis.run';

/** Skipped lines listed on the run (the count covers them all). */
const MAX_ISSUES_KEPT = 50;
/** Runs listed per case. */
const MAX_RUNS_LISTED = 50;

export type AnalysisStaffActor = Omit<StaffActor, 'ipHash'> & { readonly ipHash: string | null };

export interface AnalysisServiceDeps {
  readonly db: Kysely<Database>;
  readonly keyring: Keyring;
  readonly blobStore: Pick<BlobStore, 'put' | 'get' | 'has' | 'delete'>;
  readonly audit: Pick<AuditService, 'record'>;
  readonly clock: () => Date;
  readonly evidence: Pick<EvidenceService, 'appendEntry'>;
}

/** What the job needs besides the upload: the format and CSV mapping chosen at upload. */
export interface RunOptions {
  readonly columns?: Partial<ColumnMapping>;
}

/** The upload as received: a file, or pasted text (one post per line). */
export interface AnalysisUpload {
  readonly source: 'file' | 'text';
  readonly bytes: Buffer;
  readonly fields: AnalysisUploadFields;
}

const withdrawn = (row: CaseRow) => row.stage === 'withdrawn' || row.status === 'withdrawn';

/** Refuses uploads no line of which can be read: empty, binary (NUL bytes) or not UTF-8 (with the line). */
function checkUpload(bytes: Buffer): void {
  if (bytes.length > ANALYSIS_MAX_UPLOAD_BYTES) throw createAnalysisFileTooLargeError({ limit: '64 MB' });
  if (bytes.subarray(0, 64 * 1024).includes(0)) throw createAnalysisBinaryError();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The first line that does not decode.
    let line = 1;
    let start = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let i = 0; i <= bytes.length; i += 1) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          decoder.decode(bytes.subarray(start, i));
        } catch {
          break;
        }
        line += 1;
        start = i + 1;
      }
    }
    throw createAnalysisNotUtf8Error({ line: String(line) });
  }
  if (text.replace(/^\ufeff/, '').trim() === '') throw createAnalysisEmptyError();
}

/** Rights an evidence item records for a post's labels (DOMAIN.md §7). */
const RIGHTS: Readonly<Record<AnalysisCategory, string>> = {
  insult: 'sentiment',
  defamation: 'honor',
  threat: 'other',
  privacy: 'privacy',
  sexual: 'sentiment',
  discrimination: 'sentiment',
  'self-harm-incitement': 'sentiment',
};

function summaryOf(row: AnalysisRunRow): AnalysisSummary | null {
  if (!row.summary) return null;
  const parsed = AnalysisSummarySchema.safeParse(JSON.parse(row.summary));
  return parsed.success ? parsed.data : null;
}

/** The run as the API shows it: status, counts, progress; never post text or account names. */
export function presentRun(row: AnalysisRunRow): AnalysisRunView {
  const total = row.upload_size;
  const failure = row.error_code ? (ANALYSIS_FAILURES[row.error_code] ?? ANALYSIS_FAILURES.internal) : null;
  return {
    id: row.id,
    status: row.status as AnalysisRunView['status'],
    source: row.source as AnalysisRunView['source'],
    format: row.format as ImportFormat,
    uploadSize: row.upload_size,
    progress: row.status === 'done' ? 1 : total > 0 ? Math.min(1, row.progress_bytes / total) : 0,
    postsRead: row.posts_read,
    posts: row.posts,
    flagged: row.flagged,
    skippedLines: row.skipped_lines,
    summary: summaryOf(row),
    error: failure && row.error_code ? { code: `analysis.${row.error_code}`, message: failure } : null,
    requestedAt: row.requested_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Post analysis for staff (#6): an upload is stored as an encrypted blob and analysed by the `analysis.run`
 * job with the same streaming pipeline as `mimamoru analyze` (cli/analyze.command.ts analyzeFile); results
 * are encrypted JSONL chunks, filtered and paged on request; selected posts become evidence items or a report.
 */
export function createAnalysisService({ db, keyring, blobStore, audit, clock, evidence }: AnalysisServiceDeps) {
  async function staffCase(trx: Db, caseId: string, actor: AnalysisStaffActor, forWrite: boolean): Promise<CaseRow> {
    const row = await casesRepository.findById(trx, caseId);
    if (!row || !inScope(caseScope(actor), row) || row.erased_at !== null) throw createCaseNotFoundError();
    if (forWrite && withdrawn(row)) throw createWithdrawnError();
    return row;
  }

  async function caseRun(trx: Db, caseId: string, runId: string): Promise<AnalysisRunRow> {
    const run = await analysisRepository.findRun(trx, runId);
    if (!run || run.case_id !== caseId) throw createAnalysisRunNotFoundError();
    return run;
  }

  function record(trx: Db, actor: AnalysisStaffActor, caseId: string, action: string, detail: Record<string, string | number | boolean | null>) {
    return audit.record(
      { actorType: 'staff', actorId: actor.id, action, targetType: 'case', targetId: caseId, ipHash: actor.ipHash, detail },
      trx,
    );
  }

  /** A finished run's results, read through `read` chunk by chunk (decrypted one at a time). */
  async function openResults(run: AnalysisRunRow) {
    if (run.status !== 'done') throw createAnalysisNotDoneError();
    const chunks = await analysisRepository.chunks(db, run.id);
    return { count: chunks.length, read: (i: number) => blobStore.get(chunks[i]?.sha256 ?? '') };
  }

  /** Reads the run inside an audited transaction, then (after the commit) the selected rows. */
  async function selected(caseId: string, runId: string, actor: AnalysisStaffActor, postIds: readonly string[], action: string, detail: Record<string, string | number>) {
    const { run, caseRow } = await db.transaction().execute(async (trx) => {
      const caseRow = await staffCase(trx, caseId, actor, false);
      const run = await caseRun(trx, caseId, runId);
      if (run.status !== 'done') throw createAnalysisNotDoneError();
      await record(trx, actor, caseId, action, { runId, posts: postIds.length, ...detail });
      return { run, caseRow };
    });
    const results = await openResults(run);
    const { rows, missing } = await findRows(results.count, results.read, postIds);
    if (missing.length > 0) throw createAnalysisPostNotFoundError({ ids: missing.slice(0, 5).join(', ') });
    return { run, caseRow, rows };
  }

  async function fail(runId: string, code: string): Promise<void> {
    await analysisRepository.updateRun(db, runId, ['queued', 'running'], {
      status: 'failed',
      error_code: code,
      finished_at: clock().toISOString(),
    });
  }

  /** The victim's name as given at intake (and without its spaces), when the case has one. */
  function victimNamesOf(row: CaseRow): string[] {
    if (!row.name_sealed) return [];
    const name = keyring.openText(row.name_sealed, sealContext('cases', 'name_sealed', row.id)).trim();
    const joined = name.replace(/[\s\u3000]+/g, '');
    return [...new Set([name, joined].filter((n) => n.length >= 2))];
  }

  return {
    /** Stores the upload, creates the run and queues the job (202). Unreadable uploads are refused at once. */
    async staffCreateRun({ caseId, actor, upload }: { caseId: string; actor: AnalysisStaffActor; upload: AnalysisUpload }) {
      checkUpload(upload.bytes);
      const format: ImportFormat = upload.source === 'text' ? 'text' : (upload.fields.format ?? guessFormat(upload.bytes));
      const { sha256, size } = await blobStore.put(upload.bytes);
      const runId = randomUUID();
      const now = clock().toISOString();
      const options: RunOptions = upload.fields.columns ? { columns: upload.fields.columns } : {};
      const row = await db.transaction().execute(async (trx) => {
        await staffCase(trx, caseId, actor, true);
        await analysisRepository.insertRun(trx, {
          id: runId,
          case_id: caseId,
          status: 'queued',
          source: upload.source,
          format,
          upload_sha256: sha256,
          upload_size: size,
          progress_bytes: 0,
          posts_read: 0,
          posts: 0,
          flagged: 0,
          skipped_lines: 0,
          summary: null,
          error_code: null,
          requested_by: actor.id,
          requested_at: now,
          started_at: null,
          finished_at: null,
        });
        // The payload is sealed with the job (the column names are the only input besides the blob).
        await enqueueJob(trx, { type: ANALYSIS_RUN_JOB, payload: { runId, ...options }, maxAttempts: 3 }, { keyring, clock });
        await record(trx, actor, caseId, 'analysis.requested', { runId, source: upload.source, format, bytes: size });
        return analysisRepository.findRun(trx, runId);
      });
      // A concurrent erasure of another case holding the same bytes may have released them meanwhile.
      if (!(await blobStore.has(sha256))) await blobStore.put(upload.bytes);
      return presentRun(row as AnalysisRunRow);
    },

    async staffListRuns({ caseId, actor }: { caseId: string; actor: AnalysisStaffActor }) {
      return db.transaction().execute(async (trx) => {
        await staffCase(trx, caseId, actor, false);
        const rows = await analysisRepository.listRuns(trx, caseId, MAX_RUNS_LISTED);
        await record(trx, actor, caseId, 'analysis.listed', { runs: rows.length });
        return rows.map(presentRun);
      });
    },

    async staffRun({ caseId, runId, actor }: { caseId: string; runId: string; actor: AnalysisStaffActor }) {
      return db.transaction().execute(async (trx) => {
        await staffCase(trx, caseId, actor, false);
        const run = await caseRun(trx, caseId, runId);
        await record(trx, actor, caseId, 'analysis.viewed', { runId });
        return presentRun(run);
      });
    },

    /** One page of a finished run's results, filtered and sorted on the server. */
    async staffResults({ caseId, runId, actor, query }: { caseId: string; runId: string; actor: AnalysisStaffActor; query: AnalysisResultsQuery }) {
      const run = await db.transaction().execute(async (trx) => {
        await staffCase(trx, caseId, actor, false);
        const run = await caseRun(trx, caseId, runId);
        if (run.status !== 'done') throw createAnalysisNotDoneError();
        await record(trx, actor, caseId, 'analysis.results_viewed', { runId, page: query.page });
        return run;
      });
      const results = await openResults(run);
      return queryResults(results.count, results.read, query);
    },

    /** Adds each selected post to the case's evidence locker: one chain entry per post, one audit line. */
    async staffAddEvidence({ caseId, runId, actor, postIds }: { caseId: string; runId: string; actor: AnalysisStaffActor; postIds: readonly string[] }) {
      const ids = [...new Set(postIds)];
      const { run, rows } = await (async () => {
        const run = await db.transaction().execute(async (trx) => {
          await staffCase(trx, caseId, actor, true);
          const run = await caseRun(trx, caseId, runId);
          if (run.status !== 'done') throw createAnalysisNotDoneError();
          return run;
        });
        const results = await openResults(run);
        const found = await findRows(results.count, results.read, ids);
        if (found.missing.length > 0) throw createAnalysisPostNotFoundError({ ids: found.missing.slice(0, 5).join(', ') });
        return { run, rows: found.rows };
      })();
      const now = clock().toISOString();
      const prepared: { row: AnalysisResultRow; item: EvidenceItem; bytes: Buffer }[] = [];
      for (const row of rows) {
        const bytes = Buffer.from(
          `${JSON.stringify(
            { source: 'mimamoru post analysis', runId, upload: { sha256: run.upload_sha256, format: run.format }, analysedAt: run.finished_at, ...row },
            null,
            2,
          )}\n`,
          'utf8',
        );
        const { sha256, size } = await blobStore.put(bytes);
        const file: EvidenceFile = { sha256, size, contentType: 'application/json', name: `analysis-${row.post.id}.json`.slice(0, 200), role: 'provenance' };
        prepared.push({ row, item: evidenceItemOf(row, file, now), bytes });
      }
      const added = await db.transaction().execute(async (trx) => {
        await staffCase(trx, caseId, actor, true);
        const out: { postId: string; itemId: string; seq: number }[] = [];
        for (const { row, item } of prepared) {
          const { entry } = await evidence.appendEntry(trx, { caseId, type: 'add', itemId: item.id, item, actor: { type: 'staff', id: actor.id } });
          out.push({ postId: row.post.id, itemId: item.id, seq: entry.seq });
        }
        await record(trx, actor, caseId, 'analysis.evidence_added', { runId, items: out.length, firstSeq: out[0]?.seq ?? null });
        return out;
      });
      for (const p of prepared) if (!(await blobStore.has(p.item.files[0]?.sha256 ?? ''))) await blobStore.put(p.bytes);
      return { added };
    },

    async staffReportPdf({ caseId, runId, actor, postIds }: { caseId: string; runId: string; actor: AnalysisStaffActor; postIds: readonly string[] }) {
      const { run, caseRow, rows } = await selected(caseId, runId, actor, postIds, 'analysis.report_exported', { format: 'pdf' });
      return renderAnalysisReportPdf({
        caseNumber: caseRow.case_number,
        runId,
        analysedAt: run.finished_at ?? run.requested_at,
        generatedAt: clock().toISOString(),
        rows,
      });
    },

    async staffReportCsv({ caseId, runId, actor, postIds }: { caseId: string; runId: string; actor: AnalysisStaffActor; postIds: readonly string[] }) {
      const { rows } = await selected(caseId, runId, actor, postIds, 'analysis.report_exported', { format: 'csv' });
      return analysisReportCsv(rows);
    },

    /**
     * The job: streams the upload through the analysis pipeline, stores the results in encrypted chunks and
     * the non-personal summary on the run. Idempotent: a finished run is left alone; a retried one starts over.
     */
    async runAnalysis(
      payload: { runId: string } & RunOptions,
      context: { attempt: number; maxAttempts: number; logger: JobLogger },
    ): Promise<void> {
      const { runId } = payload;
      const run = await analysisRepository.findRun(db, runId);
      if (!run || run.status === 'done' || run.status === 'failed') return;
      const caseRow = await casesRepository.findById(db, run.case_id);
      if (!caseRow || caseRow.erased_at !== null) {
        await fail(runId, 'internal');
        return;
      }
      const leftover = await db.transaction().execute((trx) => analysisRepository.deleteChunks(trx, runId));
      await releaseBlobs({ db, blobStore, digests: leftover });
      await analysisRepository.updateRun(db, runId, ['queued', 'running'], {
        status: 'running',
        started_at: clock().toISOString(),
        progress_bytes: 0,
      });
      try {
        const bytes = await blobStore.get(run.upload_sha256);
        const victimNames = victimNamesOf(caseRow);
        let seq = 0;
        let parts: Buffer[] = [];
        let bufferedBytes = 0;
        let bufferedPosts = 0;
        const flush = async () => {
          if (bufferedBytes === 0) return;
          const { sha256 } = await blobStore.put(Buffer.concat(parts, bufferedBytes));
          await analysisRepository.insertChunk(db, { id: randomUUID(), run_id: runId, case_id: run.case_id, seq, sha256, posts: bufferedPosts });
          seq += 1;
          parts = [];
          bufferedBytes = 0;
          bufferedPosts = 0;
        };
        const issues: ImportIssue[] = [];
        let progress = Promise.resolve();
        let lastProgress = 0;
        const result = await analyzeFile({
          input: bytes,
          format: run.format as ImportFormat,
          columns: payload.columns,
          // Posts that name the victim score higher (core context rules); the name is read here, never stored.
          analysis: { victimNames },
          output: {
            // Runs of whole lines; a copy, since the spool's buffers are not ours to keep.
            write: async (data: string | Uint8Array) => {
              const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
              parts.push(bytes);
              bufferedBytes += bytes.length;
              for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) bufferedPosts += 1;
              if (bufferedBytes >= RESULT_CHUNK_BYTES / 2) await flush();
            },
          },
          result: RESULT_ROWS,
          onIssue: (issue) => {
            if (issues.length < MAX_ISSUES_KEPT) issues.push(issue);
          },
          onProgress: (p) => {
            const done = p.bytes;
            if (done - lastProgress < 512 * 1024 && p.bytes < p.totalBytes) return;
            lastProgress = done;
            progress = progress.then(async () => {
              await analysisRepository.updateRun(db, runId, ['running'], { progress_bytes: done });
            });
          },
        });
        await flush();
        await progress;
        if (result.fatal || result.written === 0) {
          const stale = await db.transaction().execute((trx) => analysisRepository.deleteChunks(trx, runId));
          await releaseBlobs({ db, blobStore, digests: stale });
          await analysisRepository.updateRun(db, runId, ['running'], {
            posts_read: result.read,
            skipped_lines: result.skippedLines,
            summary: JSON.stringify(summaryFrom(result, issues)),
          });
          await fail(runId, result.fatal?.code ?? 'empty');
          context.logger.info({ runId, code: result.fatal?.code ?? 'empty' }, 'analysis run found nothing to analyse');
          return;
        }
        const flagged = result.written - result.unlabelled;
        await analysisRepository.updateRun(db, runId, ['running'], {
          status: 'done',
          progress_bytes: run.upload_size,
          posts_read: result.read,
          posts: result.written,
          flagged,
          skipped_lines: result.skippedLines,
          summary: JSON.stringify(summaryFrom(result, issues)),
          finished_at: clock().toISOString(),
        });
      } catch (error) {
        context.logger.warn({ runId, attempt: context.attempt }, 'analysis run failed');
        if (context.attempt >= context.maxAttempts) await fail(runId, 'internal');
        throw error;
      }
    },
  };
}

/** The stored result rows: the post, its analysis and its bulk counts (AnalysisResultRow), one JSON line each. */
const RESULT_ROWS: ResultFormat = {
  line: (post, analysis, stats) => {
    const row: AnalysisResultRow = {
      post: { ...post },
      analysis: {
        score: analysis.score,
        labels: [...analysis.labels],
        categories: Object.fromEntries(ANALYSIS_CATEGORIES.map((c) => [c, analysis.categories[c]])),
        spans: analysis.spans.map((s) => ({ start: s.start, end: s.end, category: s.category, rule: s.rule })),
        explanation: { ja: analysis.explanation.ja, en: analysis.explanation.en },
      },
      copies: stats.copies,
      accounts: stats.accounts,
    };
    return `${JSON.stringify(row)}\n`;
  },
  // Rows carry copies and accounts, so any change of either rewrites the row.
  outdated: () => true,
  relabel: (line, stats) => {
    const row = JSON.parse(line) as AnalysisResultRow;
    const analysis = withBulkStats(row.analysis, stats);
    return `${JSON.stringify({ ...row, analysis, copies: stats.copies, accounts: stats.accounts })}\n`;
  },
};

function guessFormat(bytes: Buffer): ImportFormat {
  const head = bytes.subarray(0, 64 * 1024).toString('utf8').replace(/^\ufeff/, '');
  const first = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return guessImportFormat(undefined, first);
}

function summaryFrom(
  result: Awaited<ReturnType<typeof analyzeFile>>,
  issues: readonly ImportIssue[],
): AnalysisSummary {
  return {
    labels: { ...result.labels },
    unlabelled: result.unlabelled,
    accounts: result.accounts,
    topAuthorPosts: result.authors.reduce((max, a) => Math.max(max, a.posts), 0),
    issues: issues.map((i) => ({ line: i.line, code: i.code, message: { ja: i.message.ja, en: i.message.en } })),
    issueCount: result.skippedLines,
  };
}

/** An evidence item for an analysed post: what the post says, who posted it and when, why it was flagged. */
function evidenceItemOf(row: AnalysisResultRow, file: EvidenceFile, now: string): EvidenceItem {
  const url = row.post.url && /^https?:\/\//i.test(row.post.url) ? row.post.url : '';
  const iso = row.post.postedAt ? Date.parse(row.post.postedAt) : NaN;
  const rights = [
    ...new Set(
      ANALYSIS_CATEGORIES.filter((c) => row.analysis.labels.includes(c)).map((c) => RIGHTS[c]),
    ),
  ];
  return {
    id: randomUUID(),
    platform: (url ? platformOfUrl(url) : undefined) ?? 'other',
    postUrl: url,
    ...(row.post.author ? { accountId: row.post.author.slice(0, 200) } : {}),
    ...(row.post.postedAt
      ? {
          postedAt: {
            asShown: row.post.postedAt.slice(0, 100),
            ...(Number.isFinite(iso) && /T\d{2}:\d{2}/.test(row.post.postedAt) ? { iso: new Date(iso).toISOString() } : {}),
          },
        }
      : {}),
    capturedAt: now,
    capturedBy: 'consultant',
    text: row.post.text.slice(0, 20_000),
    ...(rights.length > 0 || row.analysis.explanation.ja
      ? { legal: { rights, ...(row.analysis.explanation.ja ? { context: row.analysis.explanation.ja.slice(0, 4000) } : {}) } }
      : {}),
    files: [file],
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
