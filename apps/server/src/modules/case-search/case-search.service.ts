import { createHmac } from 'node:crypto';
import { searchGrams } from '@mimamoru/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Keyring } from '../../security/keyring.js';
import { createLookupKeyLoader } from '../../security/lookup-key.js';
import { sealContext } from '../intake/case-sealing.js';
import type { Db } from '../intake/intake.repository.js';
import { caseSearchRepository, type SearchSourceRow } from './case-search.repository.js';

/** The lookup secret the search tokens are keyed with (dedicated: not shared with e-mail or IP hashes). */
export const CASE_SEARCH_KEY_PURPOSE = 'cases.search';

/** Bytes of HMAC-SHA256 kept per token: 64 bits make an accidental match of two pieces negligible. */
const TOKEN_BYTES = 8;

export interface ReindexOutcome {
  /** Cases whose tokens were written. */
  readonly indexed: number;
  /** Cases changed or erased while being indexed (left for the next run). */
  readonly skipped: number;
  /** Index entries removed because their case was erased. */
  readonly removed: number;
}

/**
 * The blind search index of case names and narratives (#4). Texts are cut into 2-character pieces
 * (core searchGrams: NFKC, lower case, katakana as hiragana) and each piece is stored only as a keyed
 * hash, so the database holds no text; a query matches the cases holding every piece of it.
 */
export function createCaseSearch({
  db,
  keyring,
}: {
  db: Kysely<Database>;
  keyring: Pick<Keyring, 'seal' | 'openText'>;
}) {
  const loadKey = createLookupKeyLoader({ db, keyring, purpose: CASE_SEARCH_KEY_PURPOSE });

  function tokensWith(key: Buffer, texts: readonly (string | null | undefined)[]): string[] {
    const tokens = new Set<string>();
    for (const text of texts) {
      if (!text) continue;
      for (const gram of searchGrams(text)) {
        const digest = createHmac('sha256', key).update(gram, 'utf8').digest();
        tokens.add(digest.subarray(0, TOKEN_BYTES).toString('hex'));
      }
    }
    return [...tokens].sort();
  }

  function textsOf(row: SearchSourceRow): string[] {
    const open = (column: 'name_sealed' | 'narrative_sealed') => {
      const sealed = row[column];
      return sealed ? keyring.openText(sealed, sealContext('cases', column, row.id)) : '';
    };
    return [open('name_sealed'), open('narrative_sealed')];
  }

  return {
    /** Tokens of a case's texts (name, narrative). Call before the transaction that writes them. */
    async tokensOf(texts: readonly (string | null | undefined)[]): Promise<string[]> {
      return tokensWith(await loadKey(), texts);
    },

    /** Tokens a query must all match; empty when it has no piece of 2 characters. */
    async queryTokens(q: string): Promise<string[]> {
      return tokensWith(await loadKey(), [q]);
    },

    /** Writes a case's tokens in the use case's transaction (at intake, and when its texts change). */
    async write(trx: Db, caseId: string, tokens: readonly string[]): Promise<void> {
      await caseSearchRepository.write(trx, [{ caseId, tokens }]);
    },

    /**
     * Indexes cases from their sealed texts: those not indexed yet (at start, after migration 0009), or
     * every case (`all`, e.g. after restoring a backup). Removes entries of erased cases. Pages by id;
     * decrypts outside transactions; each page is written in one transaction.
     */
    async reindex({
      all = false,
      batchSize = 200,
      onProgress,
      signal,
    }: {
      all?: boolean;
      batchSize?: number;
      onProgress?: (done: number) => void;
      /** Stops between pages (the server's shutdown); what was written stays. */
      signal?: AbortSignal;
    } = {}): Promise<ReindexOutcome> {
      const key = await loadKey();
      const removed = await db.transaction().execute((trx) => caseSearchRepository.removeStale(trx));
      let indexed = 0;
      let skipped = 0;
      let after: string | undefined;
      while (!signal?.aborted) {
        const rows = await caseSearchRepository.sources(db, { after, limit: batchSize, missingOnly: !all });
        if (rows.length === 0) break;
        const prepared = rows.map((row) => ({ row, tokens: tokensWith(key, textsOf(row)) }));
        await db.transaction().execute(async (trx) => {
          const fresh = [];
          for (const { row, tokens } of prepared) {
            if (await caseSearchRepository.lockIfUnchanged(trx, row)) fresh.push({ caseId: row.id, tokens });
            else skipped++;
          }
          await caseSearchRepository.write(trx, fresh);
          indexed += fresh.length;
        });
        onProgress?.(indexed);
        after = rows[rows.length - 1]?.id;
        if (rows.length < batchSize) break;
      }
      return { indexed, skipped, removed };
    },
  };
}

export type CaseSearch = ReturnType<typeof createCaseSearch>;
