import { PostgresAdapter, sql, type Expression, type Kysely, type SqlBool } from 'kysely';

/**
 * The blind search index of cases (migration 0009), the one place that knows how each database keeps
 * it. Tokens are 8-byte keyed hashes of 2-character pieces of a case's name and narrative
 * (modules/case-search), as 16 hex digits; never text.
 *  - PostgreSQL: `case_search(case_id, tokens bigint[])` with a GIN index; a query is `tokens @> $1`.
 *  - SQLite: a contentless FTS5 table `case_search_fts` (unicode61 over the hex words, detail=none:
 *    no positions or counts) whose rowid is `case_search_docs.doc_id`; a query MATCHes every token.
 *    Deleting a `case_search_docs` row (here, by erasure or by cascade) deletes its FTS5 row (trigger).
 */

// Runs inside transactions and over tables the static schema type names per dialect.
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const SEARCH_TOKEN_PATTERN = /^[0-9a-f]{16}$/;

export interface CaseSearchTokens {
  readonly caseId: string;
  /** Distinct tokens (16 hex digits each); empty for a case with nothing searchable. */
  readonly tokens: readonly string[];
}

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Tokens end up inside an FTS5 MATCH string and SQL arrays: refuse anything but hex. */
function checked(tokens: readonly string[]): readonly string[] {
  for (const token of tokens) {
    if (!SEARCH_TOKEN_PATTERN.test(token)) throw new Error('search tokens must be 16 hex digits');
  }
  return tokens;
}

/** 16 hex digits → PostgreSQL bigint (signed 64-bit) as decimal text. */
function asBigint(token: string): string {
  return BigInt.asIntN(64, BigInt(`0x${token}`)).toString();
}

/** Removes the index entries of these cases (erasure, or before writing them again). */
export async function deleteCaseSearchTokens(trx: AnyDb, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const ids = sql.join([...caseIds]);
  if (isPostgres(trx)) {
    await sql`delete from case_search where case_id in (${ids})`.execute(trx);
    return;
  }
  // The trigger case_search_docs_deleted removes the FTS5 rows.
  await sql`delete from case_search_docs where case_id in (${ids})`.execute(trx);
}

/** Writes (or rewrites) the tokens of these cases, inside the caller's transaction. */
export async function writeCaseSearchTokens(trx: AnyDb, rows: readonly CaseSearchTokens[]): Promise<void> {
  if (rows.length === 0) return;
  await deleteCaseSearchTokens(
    trx,
    rows.map((row) => row.caseId),
  );
  if (isPostgres(trx)) {
    const values = rows.map((row) => sql`(${row.caseId}, ${checked(row.tokens).map(asBigint)}::bigint[])`);
    await sql`insert into case_search (case_id, tokens) values ${sql.join(values)}`.execute(trx);
    return;
  }
  const docs = await sql<{ doc_id: number; case_id: string }>`insert into case_search_docs (case_id)
    values ${sql.join(rows.map((row) => sql`(${row.caseId})`))} returning doc_id, case_id`.execute(trx);
  const docIds = new Map(docs.rows.map((doc) => [doc.case_id, doc.doc_id]));
  const values = rows.map((row) => sql`(${docIds.get(row.caseId)}, ${checked(row.tokens).join(' ')})`);
  await sql`insert into case_search_fts (rowid, tokens) values ${sql.join(values)}`.execute(trx);
}

/**
 * A condition on `cases.id`: the case's index holds every token (none: no case matches).
 * For queries from `cases`.
 */
export function caseHasAllSearchTokens(db: AnyDb, tokens: readonly string[]): Expression<SqlBool> {
  if (tokens.length === 0) return sql<SqlBool>`1 = 0`;
  checked(tokens);
  if (isPostgres(db)) {
    return sql<SqlBool>`cases.id in
      (select case_search.case_id from case_search where case_search.tokens @> ${tokens.map(asBigint)}::bigint[])`;
  }
  const match = tokens.map((token) => `"${token}"`).join(' ');
  return sql<SqlBool>`cases.id in (select case_search_docs.case_id from case_search_docs
    where case_search_docs.doc_id in (select rowid from case_search_fts where case_search_fts match ${match}))`;
}

/** A condition on `cases.id`: the case has index entries (possibly none searchable). */
export function caseIsSearchIndexed(db: AnyDb): Expression<SqlBool> {
  return isPostgres(db)
    ? sql<SqlBool>`exists (select 1 from case_search where case_search.case_id = cases.id)`
    : sql<SqlBool>`exists (select 1 from case_search_docs where case_search_docs.case_id = cases.id)`;
}

/** Removes index entries of cases whose texts were erased (or of no case at all); returns how many. */
export async function deleteStaleCaseSearchTokens(trx: AnyDb): Promise<number> {
  if (isPostgres(trx)) {
    const result = await sql`delete from case_search where case_id not in
      (select id from cases where narrative_sealed is not null)`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  }
  const result = await sql`delete from case_search_docs where case_id not in
    (select id from cases where narrative_sealed is not null)`.execute(trx);
  await sql`delete from case_search_fts where rowid not in (select doc_id from case_search_docs)`.execute(
    trx,
  );
  return Number(result.numAffectedRows ?? 0);
}
