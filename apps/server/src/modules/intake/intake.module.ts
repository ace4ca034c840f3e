import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { enqueueMail } from '../../mail/mail.jobs.js';
import type { Keyring } from '../../security/keyring.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CaseErasure } from '../retention/case-erasure.js';
import { createCaseSearch } from '../case-search/case-search.service.js';
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
  audit,
  erasure,
  victimLimits,
}: {
  db: Kysely<Database>;
  keyring: Keyring;
  blobStore: BlobStore;
  clock: () => Date;
  /** Victim actions are audited; withdrawal and the erasure request erase through `erasure`. */
  audit: Pick<AuditService, 'record'>;
  erasure: Pick<CaseErasure, 'erase'>;
  victimLimits?: Partial<VictimLimits>;
}) {
  const sealer = createCaseSealer({ db, keyring });
  const outbox: MailOutbox = { enqueueMail: (trx, request) => enqueueMail(trx, request, { keyring, clock }) };
  const deps = { db, sealer, blobStore, outbox, clock };
  return {
    intake: createIntakeService({ ...deps, search: createCaseSearch({ db, keyring }) }),
    consultantReplies: createConsultantReplyService(deps),
    victim: createVictimService({
      ...deps,
      audit,
      erasure,
      ...(victimLimits ? { limits: victimLimits } : {}),
    }),
  };
}
