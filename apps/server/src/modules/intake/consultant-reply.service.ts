import { isLocale, type CaseStatus } from '@mimamoru/core';
import { applyReply } from '../cases/case-workflow.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CaseSealer } from './case-sealing.js';
import { createCaseClosedError, createCaseNotFoundError } from './intake.errors.js';
import { casesRepository, type Db } from './intake.repository.js';
import { newSortableId } from './sortable-id.js';
import type { MailOutbox } from './intake.types.js';

export interface ConsultantReplyDeps {
  readonly db: Kysely<Database>;
  readonly sealer: CaseSealer;
  readonly outbox: MailOutbox;
  readonly clock: () => Date;
}

/** Consultant-side use cases (the staff console calls these; tests do today). */
export function createConsultantReplyService({ db, sealer, outbox, clock }: ConsultantReplyDeps) {
  return {
    /**
     * Adds a consultant message to a case and moves it to `awaiting-victim` (a question) or
     * `in-progress` through the staff workflow (cases/case-workflow.ts: stage, SLA pause, timeline,
     * version; 409 `cases.stale` when `expectedVersion` is given and stale). When the victim chose
     * email, a notice mail (a link, never the text) is queued in the same transaction; `within`
     * adds the caller's writes (e.g. the audit line) to it.
     */
    async postConsultantReply(input: {
      caseId?: string;
      caseNumber?: string;
      body: string;
      awaitingVictim?: boolean;
      actorId?: string;
      expectedVersion?: number;
      within?: (trx: Db, messageId: string) => Promise<void>;
    }): Promise<{ messageId: string; status: CaseStatus; createdAt: string }> {
      const body = input.body.trim();
      if (body === '') throw new Error('postConsultantReply: empty body');
      const now = clock().toISOString();
      const messageId = newSortableId();
      const awaitingVictim = input.awaitingVictim !== false;
      let status: CaseStatus = 'in-progress';
      await db.transaction().execute(async (trx) => {
        const found = input.caseId
          ? await casesRepository.findById(trx, input.caseId)
          : input.caseNumber
            ? await casesRepository.findByNumber(trx, input.caseNumber)
            : undefined;
        if (!found) throw createCaseNotFoundError();
        // Withdrawn or erased (retention, the victim's request): nothing can be added to the case.
        if (found.status === 'withdrawn' || found.erased_at !== null) throw createCaseClosedError();
        await casesRepository.insertMessage(trx, {
          id: messageId,
          case_id: found.id,
          author: 'consultant',
          body_sealed: sealer.seal('case_messages', 'body_sealed', messageId, body),
          created_at: now,
        });
        await casesRepository.updateCase(trx, found.id, {
          first_response_at: found.first_response_at ?? now,
        });
        const ctx = { trx, sealer, now: new Date(now), actorId: input.actorId ?? null };
        status = await applyReply(ctx, found, {
          messageId,
          awaitingVictim,
          ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}),
        });
        await input.within?.(trx, messageId);
        const email = sealer.openOptional('cases', 'email_sealed', found.id, found.email_sealed);
        if (found.channel === 'email' && email) {
          await outbox.enqueueMail(trx, {
            to: email,
            template: 'reply-notice',
            locale: isLocale(found.locale) ? found.locale : 'ja',
            data: { caseNumber: found.case_number },
          });
        }
      });
      return { messageId, status, createdAt: now };
    },
  };
}

export type ConsultantReplyService = ReturnType<typeof createConsultantReplyService>;
