import { randomUUID } from 'node:crypto';
import {
  ATTACHMENT_LIMITS,
  GOALS,
  isLocale,
  normalizeCaseNumber,
  PLATFORMS,
  type CaseStatus,
  type Locale,
} from '@mimamoru/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import { checkFiles, type AttachmentContentType, type UploadedFile } from '../intake/attachments.service.js';
import {
  hashAccessKey,
  hexEqual,
  newSecret,
  sha256Hex,
  verifyAccessKey,
} from '../intake/case-credentials.service.js';
import type { CaseSealer } from '../intake/case-sealing.js';
import { workflowRepository } from '../cases/cases.repository.js';
import type { CaseErasure } from '../retention/case-erasure.js';
import { FINISHED_STAGES } from '../retention/retention.service.js';
import { createCaseClosedError, createTooManyFilesError } from '../intake/intake.errors.js';
import {
  casesRepository,
  type AttachmentRow,
  type CaseRow,
  type MessageRow,
} from '../intake/intake.repository.js';
import { attachmentRows, ensureBlobs, storeBlobs } from '../intake/intake.service.js';
import type { MailOutbox } from '../intake/intake.types.js';
import { newSortableId } from '../intake/sortable-id.js';
import {
  createAttachmentNotFoundError,
  createCaseFinishedError,
  createCsrfError,
  createInvalidCredentialsError,
  createNotSignedInError,
  createResetInvalidError,
  createTooManyAttemptsError,
} from './victim.errors.js';
import { victimRepository } from './victim.repository.js';

const MINUTE_MS = 60_000;

/** Session and rate-limit settings; tests may shorten them. */
export interface VictimLimits {
  /** Idle timeout, pushed forward on every authenticated request. */
  readonly sessionIdleMs: number;
  /** A session ends this long after login, however active. */
  readonly sessionMaxMs: number;
  readonly resetTokenMs: number;
  readonly windowMs: number;
  /** Failed logins per case number / per IP within a window. */
  readonly loginFailuresPerCase: number;
  readonly loginFailuresPerIp: number;
  /** Reset requests (any outcome) per case number / per IP within a window. */
  readonly resetRequestsPerCase: number;
  readonly resetRequestsPerIp: number;
}

export const DEFAULT_VICTIM_LIMITS: VictimLimits = {
  sessionIdleMs: 30 * MINUTE_MS,
  sessionMaxMs: 12 * 60 * MINUTE_MS,
  resetTokenMs: 30 * MINUTE_MS,
  windowMs: 15 * MINUTE_MS,
  loginFailuresPerCase: 10,
  loginFailuresPerIp: 30,
  resetRequestsPerCase: 5,
  resetRequestsPerIp: 20,
};

export interface VictimServiceDeps {
  readonly db: Kysely<Database>;
  readonly sealer: CaseSealer;
  readonly blobStore: BlobStore;
  readonly outbox: MailOutbox;
  readonly clock: () => Date;
  /** Victim actions are audited (actor `victim`, the case as target, never personal data or the IP). */
  readonly audit: Pick<AuditService, 'record'>;
  /** Withdrawal and the erasure request erase through the retention module's erasure. */
  readonly erasure: Pick<CaseErasure, 'erase'>;
  readonly limits?: Partial<VictimLimits>;
}

/** An authenticated victim request: which session, which case. */
export interface VictimSession {
  readonly sessionId: string;
  readonly caseId: string;
  readonly expiresAt: string;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A case the victim can no longer open: withdrawn, or its personal data erased. */
function closedToVictim(row: Pick<CaseRow, 'status' | 'erased_at'>): boolean {
  return row.status === 'withdrawn' || row.erased_at !== null;
}

/** A resolved or closed case is finished: not withdrawn, only erased (keeping its stage). */
function isFinished(row: Pick<CaseRow, 'stage'>): boolean {
  return (FINISHED_STAGES as readonly string[]).includes(row.stage);
}

function parseList<T extends string>(json: string | null, allowed: readonly T[]): T[] {
  if (json === null) return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is T => (allowed as readonly string[]).includes(v)) : [];
}

/** Victim use cases: open the case with number + key, read it, write to the consultant, leave. */
export function createVictimService({
  db,
  sealer,
  blobStore,
  outbox,
  clock,
  audit,
  erasure,
  limits: overrides,
}: VictimServiceDeps) {
  const limits: VictimLimits = { ...DEFAULT_VICTIM_LIMITS, ...overrides };

  /** One audit line for something the victim did, in the transaction of the change. */
  function auditVictim(
    trx: Kysely<Database>,
    caseId: string,
    action: string,
    detail?: Record<string, string | number | boolean | null>,
  ): Promise<void> {
    return audit.record(
      {
        actorType: 'victim',
        actorId: null,
        action,
        targetType: 'case',
        targetId: caseId,
        ...(detail ? { detail } : {}),
      },
      trx,
    );
  }

  /** Throws 429 when any counter is at its limit within the current window. */
  async function assertUnderLimit(
    counters: readonly { key: string; limit: number }[],
    now: Date,
  ): Promise<void> {
    const windowStartAfter = new Date(now.getTime() - limits.windowMs).toISOString();
    for (const { key, limit } of counters) {
      const counter = await victimRepository.readCounter(db, key, windowStartAfter);
      if (counter && counter.count >= limit) {
        const retryAfterMs = Date.parse(counter.windowStart) + limits.windowMs - now.getTime();
        const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
        const error = createTooManyAttemptsError({ minutes: String(Math.ceil(retryAfterSeconds / 60)) });
        throw Object.assign(error, { retryAfterSeconds });
      }
    }
  }

  async function count(keys: readonly string[], now: Date): Promise<void> {
    const windowStartAfter = new Date(now.getTime() - limits.windowMs).toISOString();
    for (const key of keys)
      await victimRepository.incrementCounter(db, key, now.toISOString(), windowStartAfter);
  }

  function presentMessage(row: MessageRow) {
    return {
      id: row.id,
      author: row.author === 'consultant' ? ('consultant' as const) : ('victim' as const),
      body: sealer.open('case_messages', 'body_sealed', row.id, row.body_sealed),
      createdAt: row.created_at,
    };
  }

  function presentAttachment(row: AttachmentRow) {
    return {
      id: row.id,
      filename: sealer.open('case_attachments', 'filename_sealed', row.id, row.filename_sealed),
      contentType: row.content_type as AttachmentContentType,
      size: Number(row.size),
      sha256: row.sha256,
      createdAt: row.created_at,
    };
  }

  async function openCase(caseId: string): Promise<CaseRow> {
    const row = await casesRepository.findById(db, caseId);
    if (!row || closedToVictim(row)) throw createNotSignedInError();
    return row;
  }

  return {
    /**
     * Checks a case number and access key and opens a session. An unknown number and a wrong key
     * cost the same argon2 verification and give the same error; failures are counted per IP and
     * per case number across processes.
     */
    async openSession({
      caseNumber: typed,
      accessKey,
      ip,
    }: {
      caseNumber: string;
      accessKey: string;
      ip: string;
    }) {
      const now = clock();
      const caseNumber = normalizeCaseNumber(typed);
      const caseKey = `login-case:${sha256Hex(caseNumber ?? typed.trim().toUpperCase())}`;
      const ipKey = `login-ip:${sha256Hex(ip)}`;
      await assertUnderLimit(
        [
          { key: caseKey, limit: limits.loginFailuresPerCase },
          { key: ipKey, limit: limits.loginFailuresPerIp },
        ],
        now,
      );
      const found = caseNumber ? await casesRepository.findByNumber(db, caseNumber) : undefined;
      const ok = await verifyAccessKey(found?.access_key_hash, accessKey);
      if (!found || !ok || closedToVictim(found)) {
        await count([caseKey, ipKey], now);
        throw createInvalidCredentialsError();
      }
      const token = newSecret();
      const csrfToken = newSecret();
      const expiresAt = new Date(now.getTime() + limits.sessionIdleMs).toISOString();
      await db.transaction().execute(async (trx) => {
        await victimRepository.clearCounter(trx, caseKey);
        await victimRepository.deleteExpiredSessions(trx, now.toISOString());
        await victimRepository.deleteStaleCounters(
          trx,
          new Date(now.getTime() - limits.windowMs).toISOString(),
        );
        await victimRepository.insertSession(trx, {
          id: sha256Hex(token),
          case_id: found.id,
          csrf_token_hash: sha256Hex(csrfToken),
          created_at: now.toISOString(),
          expires_at: expiresAt,
        });
        await auditVictim(trx, found.id, 'victim.signed_in');
      });
      return { token, caseNumber: found.case_number, csrfToken, expiresAt };
    },

    /**
     * Finds the session a cookie token names and slides its idle expiry; writes also need the CSRF
     * token given at login (compared in constant time).
     */
    async resolveSession({
      token,
      csrfToken,
      requireCsrf,
    }: {
      token: string | undefined;
      csrfToken: string | undefined;
      requireCsrf: boolean;
    }): Promise<VictimSession> {
      if (!token || !TOKEN_PATTERN.test(token)) throw createNotSignedInError();
      const now = clock();
      const id = sha256Hex(token);
      const row = await victimRepository.findSession(db, id);
      const maxEnd = row ? Date.parse(row.created_at) + limits.sessionMaxMs : 0;
      if (!row || row.expires_at <= now.toISOString() || maxEnd <= now.getTime()) {
        if (row) await victimRepository.deleteSession(db, id);
        throw createNotSignedInError();
      }
      if (requireCsrf && !(csrfToken && hexEqual(sha256Hex(csrfToken), row.csrf_token_hash))) {
        throw createCsrfError();
      }
      const expiresAt = new Date(Math.min(now.getTime() + limits.sessionIdleMs, maxEnd)).toISOString();
      await victimRepository.touchSession(db, id, expiresAt);
      return { sessionId: id, caseId: row.case_id, expiresAt };
    },

    /** Everything the victim sees of their case, decrypted. */
    async getCase({ caseId }: { caseId: string }) {
      const row = await openCase(caseId);
      const [messages, attachments] = await Promise.all([
        casesRepository.listMessages(db, caseId),
        casesRepository.listAttachments(db, caseId),
      ]);
      const open = (column: string, sealed: string | null) =>
        sealer.openOptional('cases', column, row.id, sealed);
      return {
        caseNumber: row.case_number,
        status: row.status as CaseStatus,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        name: open('name_sealed', row.name_sealed),
        narrative: open('narrative_sealed', row.narrative_sealed) ?? '',
        platforms: parseList(row.platforms, PLATFORMS),
        postUrls: JSON.parse(open('post_urls_sealed', row.post_urls_sealed) ?? '[]') as string[],
        happenedAt: open('happened_at_sealed', row.happened_at_sealed),
        goals: parseList(row.goals, GOALS),
        contact: {
          channel: (row.channel ?? 'in-app') as 'email' | 'phone' | 'in-app',
          email: open('email_sealed', row.email_sealed),
          phone: open('phone_sealed', row.phone_sealed),
          notes: open('contact_notes_sealed', row.contact_notes_sealed),
        },
        privacyPolicyVersion: row.privacy_policy_version,
        messages: messages.map(presentMessage),
        attachments: attachments.map(presentAttachment),
      };
    },

    /** A message from the victim; answering a question moves the case back to `in-progress`. */
    async postMessage({ caseId, body }: { caseId: string; body: string }) {
      const now = clock().toISOString();
      const id = newSortableId();
      const row = {
        id,
        case_id: caseId,
        author: 'victim',
        body_sealed: sealer.seal('case_messages', 'body_sealed', id, body),
        created_at: now,
      };
      await db.transaction().execute(async (trx) => {
        const found = await casesRepository.findById(trx, caseId);
        if (!found || closedToVictim(found)) throw createCaseClosedError();
        await casesRepository.insertMessage(trx, row);
        const status = found.status === 'awaiting-victim' ? 'in-progress' : found.status;
        await casesRepository.updateCase(trx, caseId, { status, awaiting_victim: 0, updated_at: now });
        // The answer ends the wait: the first-response SLA counts again (see cases/case-workflow.ts).
        await workflowRepository.closePauses(trx, caseId, now);
        await auditVictim(trx, caseId, 'victim.message_posted', { messageId: id });
      });
      return { message: presentMessage(row) };
    },

    /** More files for the case, within the per-case total. Blobs are stored before the transaction. */
    async addAttachments({ caseId, files }: { caseId: string; files: readonly UploadedFile[] }) {
      const checked = checkFiles(files);
      const existing = await casesRepository.countAttachments(db, caseId);
      if (existing + checked.length > ATTACHMENT_LIMITS.maxFiles) throw createTooManyFilesError();
      const stored = await storeBlobs(blobStore, checked);
      const now = clock().toISOString();
      const rows = attachmentRows(sealer, caseId, stored, now);
      await db.transaction().execute(async (trx) => {
        const found = await casesRepository.findById(trx, caseId);
        if (!found || closedToVictim(found)) throw createCaseClosedError();
        const total = (await casesRepository.countAttachments(trx, caseId)) + rows.length;
        if (total > ATTACHMENT_LIMITS.maxFiles) throw createTooManyFilesError();
        await casesRepository.insertAttachments(trx, rows);
        await casesRepository.updateCase(trx, caseId, { updated_at: now });
        await auditVictim(trx, caseId, 'victim.attachments_added', { count: rows.length });
      });
      await ensureBlobs(blobStore, stored);
      return { attachments: rows.map(presentAttachment) };
    },

    /** An attachment's decrypted bytes. */
    async getAttachment({ caseId, attachmentId }: { caseId: string; attachmentId: string }) {
      const row = await casesRepository.findAttachment(db, caseId, attachmentId);
      if (!row) throw createAttachmentNotFoundError();
      const bytes = await blobStore.get(row.sha256);
      return { ...presentAttachment(row), bytes };
    },

    /**
     * Withdraws an open case and erases it at once (retention/case-erasure.ts): messages, notes,
     * attachment records, sessions and reset tokens deleted, personal columns nulled, then blobs no
     * other record uses deleted. A resolved or closed case is not withdrawn (its outcome stays for the
     * statistics): 409, and the case page offers the erasure request instead.
     */
    async withdraw({ caseId }: { caseId: string }) {
      const outcome = await erasure.erase({
        caseId,
        reason: 'victim-request',
        decide: async (trx, row) => {
          if (closedToVictim(row)) throw createNotSignedInError();
          if (isFinished(row)) throw createCaseFinishedError();
          await auditVictim(trx, caseId, 'victim.withdrew');
          return 'withdraw';
        },
      });
      if (!outcome.erased || !outcome.caseNumber) throw createNotSignedInError();
      return { caseNumber: outcome.caseNumber, status: 'withdrawn' as const };
    },

    /**
     * The victim asks that their personal data be erased (個人情報保護法35条 利用停止等の請求,
     * https://laws.e-gov.go.jp/law/415AC0000000057 第35条). Honoured at once, without a staff decision:
     * the privacy policy promises erasure "at any time … at once", and nothing obliges mimamoru to keep
     * a consultation (no statutory retention duty applies to it). An open case is withdrawn and erased
     * (it cannot go on without its data); a resolved or closed case is erased keeping its stage, so
     * statistics stay true. Staff see the erasure on the case page and in the audit log.
     */
    async requestErasure({ caseId }: { caseId: string }) {
      const outcome = await erasure.erase({
        caseId,
        reason: 'victim-request',
        decide: async (trx, row) => {
          if (closedToVictim(row)) throw createNotSignedInError();
          const finished = isFinished(row);
          await auditVictim(trx, caseId, 'victim.erasure_requested', { finished });
          return finished ? 'erase' : 'withdraw';
        },
      });
      if (!outcome.erased || !outcome.caseNumber || !outcome.erasedAt) throw createNotSignedInError();
      return {
        caseNumber: outcome.caseNumber,
        status: outcome.withdrawn ? ('withdrawn' as const) : ('closed' as const),
        erasedAt: outcome.erasedAt,
      };
    },

    /** A new access key (shown once); every other session of the case ends. */
    async rotateAccessKey({ caseId, sessionId }: { caseId: string; sessionId: string }) {
      const accessKey = newSecret();
      const hash = await hashAccessKey(accessKey);
      const now = clock().toISOString();
      await db.transaction().execute(async (trx) => {
        await casesRepository.updateCase(trx, caseId, { access_key_hash: hash, updated_at: now });
        await victimRepository.deleteSessionsOfCase(trx, caseId, sessionId);
        await auditVictim(trx, caseId, 'victim.access_key_rotated');
      });
      return { accessKey };
    },

    async logout({ sessionId, caseId }: { sessionId: string; caseId: string }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await victimRepository.deleteSession(trx, sessionId);
        await auditVictim(trx, caseId, 'victim.signed_out');
      });
    },

    /**
     * Starts a key reset. Whatever the input, the caller learns nothing: when the case exists and
     * its contact email matches, a one-time token (stored hashed) is mailed; otherwise nothing happens.
     */
    async requestReset({
      caseNumber: typed,
      email,
      locale,
      ip,
    }: {
      caseNumber: string;
      email: string;
      locale: Locale | undefined;
      ip: string;
    }): Promise<void> {
      const now = clock();
      const caseNumber = normalizeCaseNumber(typed);
      const keys = [
        {
          key: `reset-case:${sha256Hex(caseNumber ?? typed.trim().toUpperCase())}`,
          limit: limits.resetRequestsPerCase,
        },
        { key: `reset-ip:${sha256Hex(ip)}`, limit: limits.resetRequestsPerIp },
      ];
      await assertUnderLimit(keys, now);
      await count(
        keys.map((k) => k.key),
        now,
      );
      if (!caseNumber) return;
      const emailHash = await sealer.emailHash(email);
      const found = await casesRepository.findByEmailHash(db, caseNumber, emailHash);
      if (!found || closedToVictim(found)) return;
      const token = newSecret();
      const mailLocale = locale ?? (isLocale(found.locale) ? found.locale : 'ja');
      const to = sealer.openOptional('cases', 'email_sealed', found.id, found.email_sealed);
      if (!to) return;
      const expiresAt = new Date(now.getTime() + limits.resetTokenMs).toISOString();
      await db.transaction().execute(async (trx) => {
        await victimRepository.deleteDeadResets(trx, now.toISOString());
        await victimRepository.insertReset(trx, {
          id: randomUUID(),
          case_id: found.id,
          token_hash: sha256Hex(token),
          created_at: now.toISOString(),
          expires_at: expiresAt,
          used_at: null,
        });
        await outbox.enqueueMail(trx, {
          to,
          template: 'key-reset',
          locale: mailLocale,
          data: { token, expiresAt },
        });
      });
    },

    /** Redeems a reset token once, before it expires: a new access key, and every session ends. */
    async confirmReset({ token }: { token: string }): Promise<{ caseNumber: string; accessKey: string }> {
      const now = clock().toISOString();
      const reset = TOKEN_PATTERN.test(token)
        ? await victimRepository.findResetByTokenHash(db, sha256Hex(token))
        : undefined;
      if (!reset || reset.used_at !== null || reset.expires_at <= now) throw createResetInvalidError();
      const accessKey = newSecret();
      const hash = await hashAccessKey(accessKey);
      const caseNumber = await db.transaction().execute(async (trx) => {
        if (!(await victimRepository.redeemReset(trx, reset.id, now))) throw createResetInvalidError();
        const found = await casesRepository.findById(trx, reset.case_id);
        if (!found || closedToVictim(found)) throw createResetInvalidError();
        await casesRepository.updateCase(trx, found.id, { access_key_hash: hash, updated_at: now });
        await victimRepository.deleteSessionsOfCase(trx, found.id);
        await auditVictim(trx, found.id, 'victim.access_key_reset');
        return found.case_number;
      });
      return { caseNumber, accessKey };
    },
  };
}

export type VictimService = ReturnType<typeof createVictimService>;
