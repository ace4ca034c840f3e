import type { Config } from './config/config.js';
import { createDatabase, type DatabaseHandle } from './db/database.js';
import type { Logger } from 'pino';
import path from 'node:path';
import { createLogger } from './http/logging.js';
import type { JobDefinition } from './jobs/define-job.js';
import { createWorker, type Worker } from './jobs/worker.js';
import { createMailSendJob } from './mail/mail.jobs.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { loadKeyring, type Keyring } from './security/keyring.js';
import { createLocalBlobStore, type RotatableBlobStore } from './storage/blob-store.js';
import { createHealthRepository } from './modules/health/health.repository.js';
import { createHealthService, type HealthService } from './modules/health/health.service.js';
import { createSavedTriageRepository } from './modules/triage/triage.repository.js';
import { createTriageService, type TriageService } from './modules/triage/triage.service.js';
import { createWindowsService, type WindowsService } from './modules/windows/windows.service.js';
import { createIntakeModule } from './modules/intake/intake.module.js';
import type { IntakeService } from './modules/intake/intake.service.js';
import type { ConsultantReplyService } from './modules/intake/consultant-reply.service.js';
import type { VictimService } from './modules/victim/victim.service.js';
import type { AuditService } from './modules/audit/audit.service.js';
import { createStaffModule } from './modules/staff/staff.module.js';
import type { StaffService } from './modules/staff/staff.service.js';
import { createCasesModule } from './modules/cases/cases.module.js';
import type { CasesService } from './modules/cases/cases.service.js';

export interface Services {
  readonly triage: TriageService;
  readonly windows: WindowsService;
  readonly health: HealthService;
  readonly intake: IntakeService;
  /** Consultant side of case messages; the staff console (#4) will call it. */
  readonly consultantReplies: ConsultantReplyService;
  readonly victim: VictimService;
  readonly staff: StaffService;
  readonly audit: AuditService;
  /** Staff case workflow: queue, case page, assignment, stages, replies, notes (#4). */
  readonly cases: CasesService;
}

export interface Container {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly services: Services;
  readonly logger: Logger;
  /** Seals personal fields at rest (master keys from MIMAMORU_MASTER_KEY or the key file). */
  readonly keyring: Keyring;
  /** Encrypted, content-addressed files under `<dataDir>/blobs`. */
  readonly blobStore: RotatableBlobStore;
  readonly mailer: Mailer;
  /** The job worker; main.ts starts it, tests call `runOnce()`. Stopped by close(). */
  readonly worker: Worker;
  close(): Promise<void>;
}

export interface ContainerOptions {
  readonly clock?: () => Date;
  /** Logger for the keyring, mail and jobs (default: JSON lines to stdout). */
  readonly logger?: Logger;
}

/** Composition root: wires the database, clock and every module's service. */
export function createContainer(config: Config, options: ContainerOptions = {}): Container {
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? createLogger(config);
  const keyring = loadKeyring(config, logger);
  const blobStore = createLocalBlobStore({ dir: path.join(config.dataDir, 'blobs'), keyring });
  const mailer = createMailer(config, logger);
  const database = createDatabase(config);
  const { db } = database;
  const jobs: JobDefinition[] = [createMailSendJob({ mailer, config })];
  const worker = createWorker({ database, keyring, jobs, clock, logger, pollMs: 1000 });
  const intakeModule = createIntakeModule({ db, keyring, blobStore, clock });
  const staffModule = createStaffModule({ db, keyring, clock, publicUrl: config.publicUrl });
  const services: Services = {
    triage: createTriageService({
      repository: createSavedTriageRepository({ db }),
      clock,
      ttlDays: config.savedTriageTtlDays,
    }),
    windows: createWindowsService({ clock }),
    health: createHealthService({ repository: createHealthRepository({ database }) }),
    ...intakeModule,
    ...staffModule,
    ...createCasesModule({
      db,
      keyring,
      clock,
      audit: staffModule.audit,
      replies: intakeModule.consultantReplies,
    }),
  };
  return {
    config,
    database,
    services,
    logger,
    keyring,
    blobStore,
    mailer,
    worker,
    close: async () => {
      await worker.stop();
      mailer.close();
      await database.destroy();
    },
  };
}
