import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Database } from '../db/schema.js';
import type { Keyring } from '../security/keyring.js';
import { PermanentJobError, defineJob } from '../jobs/define-job.js';
import { enqueueJob } from '../jobs/enqueue-job.js';
import type { Mailer } from './mailer.js';
import { MailRequestSchema, renderMail, type MailRequest } from './templates.js';

export const MAIL_SEND_JOB = 'mail.send';

/** SMTP replies that retrying cannot fix: no such mailbox, mailbox name not allowed, user not local. */
const PERMANENT_SMTP_CODES = new Set([550, 551, 553]);

/** The `mail.send` job: renders the template and sends it. A retry may send a duplicate, never lose one. */
export function createMailSendJob({ mailer, config }: { mailer: Mailer; config: Pick<Config, 'publicUrl'> }) {
  return defineJob({
    type: MAIL_SEND_JOB,
    payload: MailRequestSchema,
    maxAttempts: 10,
    handler: async (request) => {
      const rendered = renderMail(request, { publicUrl: config.publicUrl });
      try {
        await mailer.send({ to: request.to, ...rendered });
      } catch (error) {
        const responseCode = (error as { responseCode?: unknown }).responseCode;
        if (typeof responseCode === 'number' && PERMANENT_SMTP_CODES.has(responseCode)) {
          throw new PermanentJobError(
            'mail.rejected',
            `the mail server refused the recipient (${responseCode})`,
            {
              cause: error,
            },
          );
        }
        throw error;
      }
    },
  });
}

/**
 * Queues an e-mail inside the use case's transaction: it is sent by the worker after commit,
 * retried with backoff, and never sent if the transaction rolls back. Throws on an invalid request.
 */
export async function enqueueMail(
  trx: Kysely<Database>,
  request: MailRequest,
  deps: { keyring: Pick<Keyring, 'seal'>; clock: () => Date },
): Promise<{ jobId: string }> {
  const payload = MailRequestSchema.parse(request);
  const { id } = await enqueueJob(trx, { type: MAIL_SEND_JOB, payload, maxAttempts: 10 }, deps);
  return { jobId: id };
}
