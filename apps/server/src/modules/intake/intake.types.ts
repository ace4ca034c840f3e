import type { MailRequest } from '../../mail/templates.js';
import type { Db } from './intake.repository.js';

/** The transactional outbox: the mail job commits (or rolls back) with the caller's data. */
export interface MailOutbox {
  enqueueMail(trx: Db, request: MailRequest): Promise<unknown>;
}
