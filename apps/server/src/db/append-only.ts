import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Makes a table refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) at the database, so not even a
 * bug or a stray SQL session in the application can rewrite history. Dialect-specific, hence here in db/.
 */
export async function makeAppendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const fn = sql.id(`${table}_refuse_change`);
    await sql`create function ${fn}() returns trigger language plpgsql as $$
      begin raise exception '${sql.raw(message)}' using errcode = 'insufficient_privilege'; end $$`.execute(
      db,
    );
    await sql`create trigger ${sql.id(`${table}_no_change`)} before update or delete on ${sql.table(table)}
      for each row execute function ${fn}()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function ${fn}()`.execute(db);
    return;
  }
  for (const operation of ['update', 'delete'] as const) {
    await sql`create trigger ${sql.id(`${table}_no_${operation}`)} before ${sql.raw(operation)} on ${sql.table(table)}
      begin select raise(abort, '${sql.raw(message)}'); end`.execute(db);
  }
}

/** Development only: removes what {@link makeAppendOnly} created (drop the table afterwards). */
export async function dropAppendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function if exists ${sql.id(`${table}_refuse_change`)}() cascade`.execute(db);
    return;
  }
  for (const operation of ['update', 'delete'] as const) {
    await sql`drop trigger if exists ${sql.id(`${table}_no_${operation}`)}`.execute(db);
  }
}

/**
 * Like {@link makeAppendOnly} for a table of case history that is personal data (the evidence chain):
 * UPDATE is always refused, DELETE only while the row's case is not erased. Retention erasure marks
 * the case erased first (cases.erased_at) and then deletes its rows in the same transaction.
 */
export async function makeAppendOnlyUntilErased(db: Kysely<unknown>, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const fn = sql.id(`${table}_refuse_change`);
    await sql`create function ${fn}() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and exists (select 1 from cases c where c.id = old.case_id and c.erased_at is not null) then
          return old;
        end if;
        raise exception '${sql.raw(message)}' using errcode = 'insufficient_privilege';
      end $$`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_change`)} before update or delete on ${sql.table(table)}
      for each row execute function ${fn}()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function ${fn}()`.execute(db);
    return;
  }
  await sql`create trigger ${sql.id(`${table}_no_update`)} before update on ${sql.table(table)}
    begin select raise(abort, '${sql.raw(message)}'); end`.execute(db);
  await sql`create trigger ${sql.id(`${table}_no_delete`)} before delete on ${sql.table(table)}
    when not exists (select 1 from cases c where c.id = old.case_id and c.erased_at is not null)
    begin select raise(abort, '${sql.raw(message)}'); end`.execute(db);
}
