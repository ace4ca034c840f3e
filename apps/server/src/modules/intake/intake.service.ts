import { randomUUID } from 'node:crypto';
import type { IntakeChannel, Locale } from '@mimamoru/core';
import { DEFAULT_TEAM_ID, type ConsultationRequest } from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { priorityColumns } from '../cases/case-workflow.js';
import type { CaseSearch } from '../case-search/case-search.service.js';
import { writeCaseFacets } from '../stats/case-facets.js';
import { checkFiles, type CheckedFile, type UploadedFile } from './attachments.service.js';
import { hashAccessKey, newCaseNumber, newSecret } from './case-credentials.service.js';
import type { CaseSealer } from './case-sealing.js';
import { casesRepository, type Db } from './intake.repository.js';
import type { MailOutbox } from './intake.types.js';
import { newSortableId } from './sortable-id.js';

export interface IntakeServiceDeps {
  readonly db: Kysely<Database>;
  readonly sealer: CaseSealer;
  readonly blobStore: BlobStore;
  readonly outbox: MailOutbox;
  readonly clock: () => Date;
  /** The blind search index: a new case's name and narrative are indexed in its transaction. */
  readonly search: Pick<CaseSearch, 'tokensOf' | 'write'>;
}

const CASE_NUMBER_ATTEMPTS = 5;

/** A new case from any channel: the web form's fields, where it came from and whose queue it joins. */
export interface OpenCaseInput {
  /** The web form's fields (staff-opened cases carry the same ones). */
  readonly request: ConsultationRequest;
  readonly files: readonly UploadedFile[];
  readonly locale: Locale;
  readonly intakeChannel: IntakeChannel;
  readonly teamId: string;
  /** The staff member who opened it, or null for the web form. */
  readonly openedBy: string | null;
  /** Extra writes in the case's transaction (e.g. the audit line of a staff member). */
  readonly within?: (trx: Db, created: { id: string; caseNumber: string }) => Promise<void>;
}

export interface OpenedCase {
  readonly id: string;
  readonly caseNumber: string;
  /** Shown once; only its argon2id hash is stored. */
  readonly accessKey: string;
  readonly createdAt: string;
}

export interface StoredBlob {
  readonly file: CheckedFile;
  readonly sha256: string;
  readonly size: number;
}

/**
 * Writes files to the blob store before any transaction: blobs are content-addressed and fsynced,
 * so a crash after this leaves at worst an orphan blob (harmless, removed by the blob sweep),
 * never a record without its blob.
 */
export async function storeBlobs(blobStore: BlobStore, files: readonly CheckedFile[]): Promise<StoredBlob[]> {
  const stored: StoredBlob[] = [];
  for (const file of files) {
    const { sha256, size } = await blobStore.put(file.bytes);
    stored.push({ file, sha256, size });
  }
  return stored;
}

/**
 * After the records committed, makes sure every blob is still there: a withdrawal of another case
 * holding the same file could have deleted it between our put and our commit.
 */
export async function ensureBlobs(blobStore: BlobStore, stored: readonly StoredBlob[]): Promise<void> {
  for (const { file, sha256 } of stored) {
    if (!(await blobStore.has(sha256))) await blobStore.put(file.bytes);
  }
}

/** Attachment records for stored blobs, filenames sealed. */
export function attachmentRows(
  sealer: CaseSealer,
  caseId: string,
  stored: readonly StoredBlob[],
  nowIso: string,
) {
  return stored.map(({ file, sha256, size }) => {
    const id = newSortableId();
    return {
      id,
      case_id: caseId,
      sha256,
      size,
      content_type: file.contentType,
      filename_sealed: sealer.seal('case_attachments', 'filename_sealed', id, file.filename),
      created_at: nowIso,
    };
  });
}

/** Intake use cases: a person submits a consultation, with or without files. */
export function createIntakeService({ db, sealer, blobStore, outbox, clock, search }: IntakeServiceDeps) {
  /** Inserts the case under a fresh random number, retrying on the (rare) collision. */
  async function insertWithFreshNumber(
    write: (trx: Db, caseNumber: string) => Promise<void>,
  ): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const caseNumber = newCaseNumber();
      try {
        await db.transaction().execute(async (trx) => {
          if (await casesRepository.caseNumberTaken(trx, caseNumber)) throw new CaseNumberTaken();
          await write(trx, caseNumber);
        });
        return caseNumber;
      } catch (error) {
        const collided = error instanceof CaseNumberTaken || isUniqueViolation(error);
        if (!collided || attempt >= CASE_NUMBER_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Stores a consultation durably and returns its number and access key (shown once; only its argon2id
   * hash is kept). Files go to the blob store first; then one transaction writes the case, its
   * attachment records, if asked the mail carrying the key, and what `within` adds (e.g. an audit line).
   */
  async function openCase({
    request,
    files,
    locale,
    intakeChannel,
    teamId,
    openedBy,
    within,
  }: OpenCaseInput): Promise<OpenedCase> {
    const checked = checkFiles(files);
    const accessKey = newSecret();
    const accessKeyHash = await hashAccessKey(accessKey);
    const email = request.contact.email;
    const emailHash = email ? await sealer.emailHash(email) : null;
    const searchTokens = await search.tokensOf([request.name, request.narrative]);
    const stored = await storeBlobs(blobStore, checked);

    const id = randomUUID();
    const now = clock().toISOString();
    const seal = (column: string, value: string | undefined) =>
      sealer.sealOptional('cases', column, id, value);
    const mailLocale = request.locale ?? locale;
    const caseNumber = await insertWithFreshNumber(async (trx, number) => {
      await casesRepository.insertCase(trx, {
        id,
        case_number: number,
        status: 'received',
        access_key_hash: accessKeyHash,
        email_hash: emailHash,
        locale: mailLocale,
        privacy_policy_version: request.consent.privacyPolicyVersion,
        channel: request.contact.channel,
        platforms: JSON.stringify(request.platforms),
        goals: JSON.stringify(request.goals),
        name_sealed: seal('name_sealed', request.name),
        narrative_sealed: sealer.seal('cases', 'narrative_sealed', id, request.narrative),
        post_urls_sealed: sealer.seal('cases', 'post_urls_sealed', id, JSON.stringify(request.postUrls)),
        happened_at_sealed: seal('happened_at_sealed', request.happenedAt),
        email_sealed: seal('email_sealed', email),
        phone_sealed: seal('phone_sealed', request.contact.phone),
        contact_notes_sealed: seal('contact_notes_sealed', request.contact.notes),
        triage_sealed: request.triage
          ? sealer.seal('cases', 'triage_sealed', id, JSON.stringify(request.triage))
          : null,
        created_at: now,
        updated_at: now,
        first_response_at: null,
        withdrawn_at: null,
        team_id: teamId,
        intake_channel: intakeChannel,
        opened_by: openedBy,
        // Queue priority from the Guide's answers (cases/case-workflow.ts), so the queue sorts in SQL.
        ...priorityColumns(
          {
            ...(request.triage ? { answers: request.triage } : {}),
            platforms: request.platforms,
            ...(request.happenedAt ? { postedAt: request.happenedAt } : {}),
          },
          new Date(now),
        ),
      });
      await search.write(trx, id, searchTokens);
      // Platforms and legal categories as plain rows for the statistics page (stats/case-facets.ts).
      await writeCaseFacets(
        trx,
        id,
        { platforms: request.platforms, ...(request.triage ? { answers: request.triage } : {}) },
        new Date(now),
      );
      await casesRepository.insertAttachments(trx, attachmentRows(sealer, id, stored, now));
      if (request.emailAccessKey && email) {
        await outbox.enqueueMail(trx, {
          to: email,
          template: 'access-key',
          locale: mailLocale,
          data: { caseNumber: number, accessKey },
        });
      }
      await within?.(trx, { id, caseNumber: number });
    });
    await ensureBlobs(blobStore, stored);
    return { id, caseNumber, accessKey, createdAt: now };
  }

  return {
    openCase,

    /** A consultation from the web form: into the default team's queue. */
    async submitConsultation({
      request,
      files,
      locale,
    }: {
      request: ConsultationRequest;
      files: readonly UploadedFile[];
      locale: Locale;
    }): Promise<{ caseNumber: string; accessKey: string; createdAt: string }> {
      const { caseNumber, accessKey, createdAt } = await openCase({
        request,
        files,
        locale,
        intakeChannel: 'web',
        teamId: DEFAULT_TEAM_ID,
        openedBy: null,
      });
      return { caseNumber, accessKey, createdAt };
    },
  };
}

class CaseNumberTaken extends Error {}

export type IntakeService = ReturnType<typeof createIntakeService>;
