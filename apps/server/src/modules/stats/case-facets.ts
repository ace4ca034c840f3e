import { categoriesOf, type Platform, type TriageAnswers } from '@mimamoru/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CaseSealer } from '../intake/case-sealing.js';
import { statsRepository } from './stats.repository.js';

type Db = Kysely<Database>;

/** What a case's statistics facets are derived from (both are known at intake). */
export interface FacetSource {
  readonly platforms: readonly Platform[];
  /** The Guide's answers, when the person came from the Guide (their facts give the legal categories). */
  readonly answers?: Pick<TriageAnswers, 'facts'>;
}

/**
 * Writes the plain statistics facets of a case (its platforms and the legal categories its Guide
 * answers raise, core categoriesOf) in the caller's transaction, replacing earlier ones. Call it
 * wherever a case is created or its platforms or Guide answers change.
 */
export async function writeCaseFacets(
  trx: Db,
  caseId: string,
  source: FacetSource,
  now: Date,
): Promise<void> {
  const platforms = [...new Set(source.platforms)];
  const categories = source.answers ? categoriesOf(source.answers.facts) : [];
  await statsRepository.replaceFacets(
    trx,
    caseId,
    [
      ...platforms.map((value) => ({ case_id: caseId, kind: 'platform', value })),
      ...categories.map((value) => ({ case_id: caseId, kind: 'category', value })),
    ],
    now.toISOString(),
  );
}

const BACKFILL_BATCH = 200;

/**
 * Writes the facets of every case that has none yet (cases from before migration 0011, or created by
 * a path that did not write them), opening the sealed Guide answers in the application. Runs at
 * start and before statistics are computed; a no-op (one indexed query) once every case has facets.
 * Withdrawn cases are skipped: their data is erased. Returns how many cases were filled in.
 */
export async function backfillCaseFacets({
  db,
  sealer,
  clock,
}: {
  db: Db;
  sealer: Pick<CaseSealer, 'openOptional'>;
  clock: () => Date;
}): Promise<{ filled: number }> {
  let filled = 0;
  for (;;) {
    const rows = await statsRepository.casesWithoutFacets(db, BACKFILL_BATCH);
    if (rows.length === 0) return { filled };
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const answers = sealer.openOptional('cases', 'triage_sealed', row.id, row.triage_sealed);
        await writeCaseFacets(
          trx,
          row.id,
          {
            platforms: row.platforms ? (JSON.parse(row.platforms) as Platform[]) : [],
            ...(answers ? { answers: JSON.parse(answers) as TriageAnswers } : {}),
          },
          clock(),
        );
      }
    });
    filled += rows.length;
    if (rows.length < BACKFILL_BATCH) return { filled };
  }
}
