import type { Config } from './config/config.js';
import { createDatabase, type DatabaseHandle } from './db/database.js';
import type { Logger } from 'pino';
import path from 'node:path';
import { createLogger } from './http/logging.js';
import type { JobDefinition } from './jobs/define-job.js';
import { createWorker, type Worker } from './jobs/worker.js';
import { createScheduler, type Scheduler } from './jobs/scheduler.js';
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
import { createPriorityRecomputeTask } from './modules/cases/recompute.js';
import { createCaseSealer } from './modules/intake/case-sealing.js';
import { createRetentionModule } from './modules/retention/retention.module.js';
import type { RetentionService } from './modules/retention/retention.service.js';
import type { CasesService } from './modules/cases/cases.service.js';
import { createReferralsModule } from './modules/referrals/referrals.module.js';
import type { LawyersService } from './modules/referrals/lawyers.service.js';
import type { CasePartiesService } from './modules/referrals/parties.service.js';
import type { ReferralsService } from './modules/referrals/referrals.service.js';
import { createPostTargetsModule } from './modules/cases/post-targets.module.js';
import type { PostTargetsService } from './modules/cases/post-targets.service.js';
import { createTemplatesModule } from './modules/templates/templates.module.js';
import type { TemplatesService } from './modules/templates/templates.service.js';
import { createSavedViewsModule } from './modules/saved-views/saved-views.module.js';
import type { SavedViewsService } from './modules/saved-views/saved-views.service.js';
import { createTeamsService, type TeamsService } from './modules/teams/teams.service.js';
import { createStatsModule } from './modules/stats/stats.module.js';
import { createEvidenceModule } from './modules/evidence/evidence.module.js';
import {
  createEvidenceBundleService,
  type EvidenceBundleService,
} from './modules/evidence-bundle/evidence-bundle.service.js';
import { createEvidenceCaptureModule } from './modules/evidence-capture/evidence-capture.module.js';
import type { EvidenceCaptureService } from './modules/evidence-capture/evidence-capture.service.js';
import type { EvidenceService } from './modules/evidence/evidence.service.js';
import type { StatsService } from './modules/stats/stats.service.js';
import { createDocumentsModule } from './modules/documents/documents.module.js';
import { createAnalysisModule } from './modules/analysis/analysis.module.js';
import type { AnalysisService } from './modules/analysis/analysis.service.js';
import type { DocumentsService } from './modules/documents/documents.service.js';
import {
  createEvidenceTimestampModule,
  type EvidenceTimestampModule,
} from './modules/evidence-timestamp/evidence-timestamp.module.js';

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
  /** Partner lawyers' directory and profiles (#4). */
  readonly lawyers: LawyersService;
  /** Parties recorded on a case (the poster's handles, names, URLs), for conflict checks (#4). */
  readonly caseParties: CasePartiesService;
  /** Referrals of cases to lawyers: conflict check, shared sections, the lawyer's answer and outcome (#4). */
  readonly referrals: ReferralsService;
  /** The offending posts of each case, on their takedown and disclosure tracks (#4). */
  readonly postTargets: PostTargetsService;
  /** Reply templates (ja/en) for the case page's reply form (#4). */
  readonly templates: TemplatesService;
  /** Saved queue filters, own and shared (#4). */
  readonly savedViews: SavedViewsService;
  /** Consultant teams: a consultant sees their team's cases (#4). */
  readonly teams: TeamsService;
  /** The statistics page: SQL aggregates of the cases, JSON and CSV (#4). */
  readonly stats: StatsService;
  /** Erasure of finished cases after the retention period (scheduler, `mimamoru retention run`). */
  readonly retention: RetentionService;
  /** The evidence locker: per-case signed hash chain of items and files (#5). */
  readonly evidence: EvidenceService;
  /** RFC 3161 tokens over evidence chain heads (MIMAMORU_TSA_URL), for bundles (#5). */
  readonly evidenceTimestamps: Pick<EvidenceTimestampModule, 'listTimestamps'>;
  /** Server capture of post URLs into the evidence locker: job `evidence.capture` (#5). */
  readonly evidenceCapture: EvidenceCaptureService;
  /** Evidence bundle export: the ZIP with manifest, files, report.pdf and verify.txt (#5). */
  readonly evidenceBundle: EvidenceBundleService;
  /** Documents filled from a case (PDF/DOCX), stored and recorded in the evidence chain (#7). */
  readonly documents: DocumentsService;
  /** Post analysis for staff: uploads analysed by the `analysis.run` job, results, evidence, reports (#6). */
  readonly analysis: AnalysisService;
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
  /** Daily tasks (priority recompute, retention), once per period across processes; main.ts starts it, tests call `runDue(now)`. */
  readonly scheduler: Scheduler;
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
  const evidenceTimestamps = createEvidenceTimestampModule({
    db,
    keyring,
    clock,
    tsaUrl: config.tsaUrl,
    tsaTrustedCertsPem: config.tsaTrustAnchors?.pem,
    tsaAuth:
      config.tsaUsername !== undefined && config.tsaPassword !== undefined
        ? { username: config.tsaUsername, password: config.tsaPassword }
        : undefined,
  });
  const evidenceCaptureModule = createEvidenceCaptureModule({
    db,
    keyring,
    blobStore,
    clock,
    allowHosts: config.captureAllowHosts,
    // Called when a capture runs, once `services` exists.
    audit: { record: (event, trx) => services.audit.record(event, trx) },
    evidence: { appendEntry: (trx, input) => services.evidence.appendEntry(trx, input) },
  });
  const analysisModule = createAnalysisModule({
    db,
    keyring,
    blobStore,
    clock,
    // Called when a request or job runs, once `services` exists.
    audit: { record: (event, trx) => services.audit.record(event, trx) },
    evidence: { appendEntry: (trx, input) => services.evidence.appendEntry(trx, input) },
  });
  const jobs: JobDefinition[] = [
    createMailSendJob({ mailer, config }),
    ...evidenceTimestamps.jobs,
    ...evidenceCaptureModule.jobs,
    ...analysisModule.jobs,
  ];
  const worker = createWorker({ database, keyring, jobs, clock, logger, pollMs: 1000 });
  const staffModule = createStaffModule({ db, keyring, clock, publicUrl: config.publicUrl });
  const retentionModule = createRetentionModule({
    database,
    blobStore,
    audit: staffModule.audit,
    clock,
    years: config.retentionYears,
  });
  const intakeModule = createIntakeModule({
    db,
    keyring,
    blobStore,
    clock,
    audit: staffModule.audit,
    erasure: retentionModule.erasure,
  });
  const scheduler = createScheduler({
    db,
    clock,
    logger,
    tasks: [
      createPriorityRecomputeTask({ db, sealer: createCaseSealer({ db, keyring }) }),
      ...retentionModule.tasks,
    ],
  });
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
      intake: intakeModule.intake,
      slaHours: config.slaFirstResponseHours,
    }),
    teams: createTeamsService({ db, audit: staffModule.audit, clock }),
    ...createReferralsModule({
      db,
      keyring,
      clock,
      audit: staffModule.audit,
      blobStore,
      // Called at request time, once `services.cases` exists.
      cases: { presentCase: (id, locale) => services.cases.presentCase(id, locale) },
    }),
    ...createPostTargetsModule({ db, keyring, clock, audit: staffModule.audit }),
    ...createTemplatesModule({ db, clock, audit: staffModule.audit }),
    ...createSavedViewsModule({ db, clock, audit: staffModule.audit }),
    ...createStatsModule({
      database,
      keyring,
      clock,
      audit: staffModule.audit,
      slaHours: config.slaFirstResponseHours,
    }),
    retention: retentionModule.retention,
    ...createEvidenceModule({
      db,
      keyring,
      blobStore,
      clock,
      audit: staffModule.audit,
      enqueueTimestamp: evidenceTimestamps.enqueueTimestamp,
      listTimestamps: evidenceTimestamps.listTimestamps,
      tsaTrustedCertsPem: config.tsaTrustAnchors?.pem,
    }),
    evidenceTimestamps: { listTimestamps: evidenceTimestamps.listTimestamps },
    evidenceCapture: evidenceCaptureModule.evidenceCapture,
    analysis: analysisModule.analysis,
    evidenceBundle: createEvidenceBundleService({
      db,
      evidence: { readLocker: (caseId) => services.evidence.readLocker(caseId) },
      listTimestamps: evidenceTimestamps.listTimestamps,
      blobStore,
      audit: staffModule.audit,
      clock,
    }),
    ...createDocumentsModule({
      db,
      keyring,
      blobStore,
      clock,
      audit: staffModule.audit,
      // Called at request time, once `services.evidence` exists.
      evidence: {
        readLocker: (caseId) => services.evidence.readLocker(caseId),
        appendEntry: (trx, input) => services.evidence.appendEntry(trx, input),
      },
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
    scheduler,
    close: async () => {
      await scheduler.stop();
      await worker.stop();
      mailer.close();
      await database.destroy();
    },
  };
}
