import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { enqueueMail } from '../../mail/mail.jobs.js';
import type { Keyring } from '../../security/keyring.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { createVictimService, type VictimLimits } from '../victim/victim.service.js';
import { createCaseSealer } from './case-sealing.js';
import { createConsultantReplyService } from './consultant-reply.service.js';
import { createIntakeService } from './intake.service.js';
import type { MailOutbox } from './intake.types.js';

/** Wires the intake, consultant-reply and victim services over one sealer and mail outbox. */
export function createIntakeModule({
  db,
  keyring,
  blobStore,
  clock,
  victimLimits,
}: {
  db: Kysely<Database>;
  keyring: Keyring;
  blobStore: BlobStore;
  clock: () => Date;
  victimLimits?: Partial<VictimLimits>;
}) {
  const sealer = createCaseSealer({ db, keyring });
  const outbox: MailOutbox = { enqueueMail: (trx, request) => enqueueMail(trx, request, { keyring, clock }) };
  const deps = { db, sealer, blobStore, outbox, clock };
  return {
    intake: createIntakeService(deps),
    consultantReplies: createConsultantReplyService(deps),
    victim: createVictimService({ ...deps, ...(victimLimits ? { limits: victimLimits } : {}) }),
  };
}
