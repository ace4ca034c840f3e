import { triage, type Locale, type TriageAnswers, type TriageResult } from '@mimamoru/core';
import { TriageAnswersSchema } from '@mimamoru/contracts';
import {
  accessKeyMatches,
  hashAccessKey,
  isWellFormedAccessKey,
  newAccessKey,
  newSealedId,
  open,
  seal,
} from '../../security/sealed-box.js';
import { createSavedTriageNotFoundError, createSavedTriageOutdatedError } from './triage.errors.js';
import type { SavedTriageRepository } from './triage.repository.js';

export interface TriageServiceDeps {
  readonly repository: SavedTriageRepository;
  readonly clock: () => Date;
  readonly ttlDays: number;
}

const DAY_MS = 86_400_000;
/** Compared against when the id is unknown, so both failures take the same path. */
const UNKNOWN_ID_HASH = '0'.repeat(64);

/** Triage use cases: assess answers, and keep / fetch / erase a save the person asked for. */
export function createTriageService({ repository, clock, ttlDays }: TriageServiceDeps) {
  function assess(answers: TriageAnswers, locale: Locale): TriageResult {
    return triage(answers, { locale, now: clock() });
  }

  /** Finds a save and opens it, or throws the single not-found error for every failure. */
  async function unlock(id: string, key: string) {
    const row = await repository.findById(id);
    const now = clock();
    const keyOk = isWellFormedAccessKey(key) && accessKeyMatches(key, row?.key_hash ?? UNKNOWN_ID_HASH);
    if (!row || !keyOk) throw createSavedTriageNotFoundError();
    if (row.expires_at <= now.toISOString()) {
      await repository.deleteById(id);
      throw createSavedTriageNotFoundError();
    }
    const plaintext = open(row.answers_ciphertext, key, id);
    if (plaintext === null) throw createSavedTriageNotFoundError();
    return { row, plaintext, now };
  }

  return {
    /** Computes the result for answers, without storing anything. */
    assessTriage({ answers, locale }: { answers: TriageAnswers; locale: Locale }): { result: TriageResult } {
      return { result: assess(answers, locale) };
    },

    /** Stores the answers sealed with a new access key; the key is returned once and never stored. */
    async saveTriage({
      answers,
    }: {
      answers: TriageAnswers;
    }): Promise<{ id: string; key: string; createdAt: string }> {
      const now = clock();
      await repository.deleteExpired(now.toISOString());
      const id = newSealedId();
      const key = newAccessKey();
      const createdAt = now.toISOString();
      await repository.insert({
        id,
        key_hash: hashAccessKey(key),
        answers_ciphertext: seal(JSON.stringify(answers), key, id),
        created_at: createdAt,
        expires_at: new Date(now.getTime() + ttlDays * DAY_MS).toISOString(),
      });
      return { id, key, createdAt };
    },

    /** Opens a save and recomputes its result as of now (the law and windows may have changed). */
    async getSavedTriage({ id, key, locale }: { id: string; key: string; locale: Locale }) {
      const { row, plaintext } = await unlock(id, key);
      const parsed = TriageAnswersSchema.safeParse(JSON.parse(plaintext));
      if (!parsed.success) throw createSavedTriageOutdatedError();
      return {
        id: row.id,
        createdAt: row.created_at,
        answers: parsed.data,
        result: assess(parsed.data, locale),
      };
    },

    /** Erases a save for good; needs the same key as reading it. */
    async eraseSavedTriage({ id, key }: { id: string; key: string }): Promise<void> {
      await unlock(id, key);
      await repository.deleteById(id);
    },
  };
}

export type TriageService = ReturnType<typeof createTriageService>;
