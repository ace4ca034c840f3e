import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { registerCaseDerivedRows } from '../../security/case-derived-rows.js';

/** A token is meaningless once the case's entries are erased, and its imprint is a hash of them: erased too. */
registerCaseDerivedRows({ table: 'evidence_timestamps' });

export interface StoredTimestamp {
  readonly seq: number;
  readonly hash: string;
  readonly tsaUrl: string;
  readonly tokenBase64: string;
  readonly genTime: string;
}

/** RFC 3161 tokens over chain entries (`evidence_timestamps`, created by migration 0012). */
export function createEvidenceTimestampRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Whether `tsaUrl` already timestamped this entry (a job retried after its insert committed). */
    async exists(caseId: string, seq: number, tsaUrl: string): Promise<boolean> {
      const row = await db
        .selectFrom('evidence_timestamps')
        .select('id')
        .where('case_id', '=', caseId)
        .where('seq', '=', seq)
        .where('tsa_url', '=', tsaUrl)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The stored hash of the case's entry `seq`, or undefined once the case is erased. */
    async entryHash(caseId: string, seq: number): Promise<string | undefined> {
      const row = await db
        .selectFrom('evidence_entries')
        .select('hash')
        .where('case_id', '=', caseId)
        .where('seq', '=', seq)
        .executeTakeFirst();
      return row?.hash;
    },

    async insert(caseId: string, stamp: StoredTimestamp, now: string): Promise<void> {
      await db
        .insertInto('evidence_timestamps')
        .values({
          id: randomUUID(),
          case_id: caseId,
          seq: stamp.seq,
          hash: stamp.hash,
          tsa_url: stamp.tsaUrl,
          token: stamp.tokenBase64,
          gen_time: stamp.genTime,
          created_at: now,
        })
        .execute();
    },

    /** The case's tokens in chain order (oldest token first for an entry stamped twice). */
    async list(caseId: string): Promise<StoredTimestamp[]> {
      const rows = await db
        .selectFrom('evidence_timestamps')
        .select(['seq', 'hash', 'tsa_url', 'token', 'gen_time'])
        .where('case_id', '=', caseId)
        .orderBy('seq')
        .orderBy('gen_time')
        .execute();
      return rows.map((row) => ({
        seq: row.seq,
        hash: row.hash,
        tsaUrl: row.tsa_url,
        tokenBase64: row.token,
        genTime: row.gen_time,
      }));
    },
  };
}

export type EvidenceTimestampRepository = ReturnType<typeof createEvidenceTimestampRepository>;
