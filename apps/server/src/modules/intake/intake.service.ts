import { randomUUID } from 'node:crypto';
import type { Locale } from '@mimamoru/core';
import type { ConsultationRequest } from '@mimamoru/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { priorityColumns } from '../cases/case-workflow.js';
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
}

const CASE_NUMBER_ATTEMPTS = 5;

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
export function createIntakeService({ db, sealer, blobStore, outbox, clock }: IntakeServiceDeps) {
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

  return {
    /**
     * Stores a consultation durably and returns its number and access key (shown once; only its
     * argon2id hash is kept). Files go to the blob store first; then one transaction writes the case,
     * its attachment records and, if asked, the mail carrying the key.
     */
    async submitConsultation({
      request,
      files,
      locale,
    }: {
      request: ConsultationRequest;
      files: readonly UploadedFile[];
      locale: Locale;
    }): Promise<{ caseNumber: string; accessKey: string; createdAt: string }> {
      const checked = checkFiles(files);
      const accessKey = newSecret();
      const accessKeyHash = await hashAccessKey(accessKey);
      const email = request.contact.email;
      const emailHash = email ? await sealer.emailHash(email) : null;
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
        await casesRepository.insertAttachments(trx, attachmentRows(sealer, id, stored, now));
        if (request.emailAccessKey && email) {
          await outbox.enqueueMail(trx, {
            to: email,
            template: 'access-key',
            locale: mailLocale,
            data: { caseNumber: number, accessKey },
          });
        }
      });
      await ensureBlobs(blobStore, stored);
      return { caseNumber, accessKey, createdAt: now };
    },
  };
}

class CaseNumberTaken extends Error {}

export type IntakeService = ReturnType<typeof createIntakeService>;
