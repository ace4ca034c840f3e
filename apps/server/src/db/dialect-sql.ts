import { sql, type Expression, type RawBuilder } from 'kysely';
import type { DialectName } from './database.js';

/**
 * SQL expressions that are spelled differently on SQLite and PostgreSQL, for aggregate queries over
 * the ISO-8601 UTC text instants every table stores. Repositories build queries with these and stay
 * dialect-free; this file and database.ts are the only places that know which database is in use.
 */
export function dialectSql(dialect: DialectName) {
  const pg = dialect === 'postgres';
  /** An ISO text instant as a timestamp value PostgreSQL can subtract (SQLite reads the text as is). */
  const ts = (instant: Expression<string | null>) => (pg ? sql`(${instant})::timestamptz` : sql`${instant}`);

  return {
    /**
     * Monday (YYYY-MM-DD) of the Japan-time week (Monday to Sunday) of an ISO-8601 UTC instant. Japan has
     * kept standard time (UTC+9) all year since 1951, so a fixed offset is exact.
     */
    tokyoWeekStart(instant: Expression<string>): RawBuilder<string> {
      return pg
        ? sql<string>`to_char(date_trunc('week', (${instant})::timestamptz at time zone 'UTC' + interval '9 hours'), 'YYYY-MM-DD')`
        : sql<string>`date(${instant}, '+9 hours', 'weekday 0', '-6 days')`;
    },

    /** Whole milliseconds from instant `from` to instant `to` (negative when `to` is earlier), as a number. */
    millisBetween(from: Expression<string | null>, to: Expression<string | null>): RawBuilder<number> {
      return pg
        ? sql<number>`(round(extract(epoch from (${ts(to)} - ${ts(from)})) * 1000))::float8`
        : sql<number>`round((julianday(${to}) - julianday(${from})) * 86400000.0)`;
    },

    /** The larger of two non-null values (both dialects compare ISO text instants correctly as text). */
    greatest<T>(a: Expression<T>, b: Expression<T>): RawBuilder<T> {
      return pg ? sql<T>`greatest(${a}, ${b})` : sql<T>`max(${a}, ${b})`;
    },

    /** The smaller of two non-null values. */
    least<T>(a: Expression<T>, b: Expression<T>): RawBuilder<T> {
      return pg ? sql<T>`least(${a}, ${b})` : sql<T>`min(${a}, ${b})`;
    },

    /** The text of a top-level field of a JSON text column (null when absent). */
    jsonText(column: Expression<string | null>, field: string): RawBuilder<string | null> {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field))
        throw new RangeError(`Not a plain JSON field name: ${field}`);
      return pg
        ? sql<string | null>`((${column})::jsonb ->> ${sql.lit(field)})`
        : sql<string | null>`json_extract(${column}, ${sql.lit(`$.${field}`)})`;
    },

    /**
     * Continuous percentiles (linear interpolation between the two nearest ranks, as PostgreSQL's
     * percentile_cont) of the non-null numbers in column `value` of `source`, with their count `n`.
     * On SQLite: ROW_NUMBER and COUNT window functions pick the two ranks around 1 + p·(n − 1).
     * Every percentile is null when there are no values.
     */
    percentiles<P extends string>(
      source: Expression<unknown>,
      fractions: Readonly<Record<P, number>>,
    ): RawBuilder<Record<P, number | null> & { n: number }> {
      const entries = Object.entries(fractions) as [P, number][];
      for (const [name, p] of entries) {
        if (!/^[a-z][a-z0-9_]*$/.test(name) || !(p >= 0 && p <= 1))
          throw new RangeError(`Bad percentile ${name}=${String(p)}`);
      }
      if (pg) {
        const columns = entries.map(
          ([name, p]) =>
            sql`percentile_cont(${sql.lit(p)}) within group (order by value)::float8 as ${sql.ref(name)}`,
        );
        return sql`select count(value)::int as n, ${sql.join(columns)} from (${source}) as percentile_source where value is not null`;
      }
      const position = (p: number) => sql`(1 + ${sql.lit(p)} * (n - 1))`;
      const rank = (p: number) => sql`cast(${position(p)} as integer)`;
      const picks = entries.flatMap(([name, p]) => [
        sql`sum(case when rn = ${rank(p)} then value end) as ${sql.ref(`${name}_lo`)}`,
        sql`sum(case when rn = ${rank(p)} + 1 then value end) as ${sql.ref(`${name}_hi`)}`,
        sql`max(${position(p)} - ${rank(p)}) as ${sql.ref(`${name}_frac`)}`,
      ]);
      const results = entries.map(
        ([name]) =>
          sql`${sql.ref(`${name}_lo`)} + ${sql.ref(`${name}_frac`)} * (coalesce(${sql.ref(`${name}_hi`)}, ${sql.ref(`${name}_lo`)}) - ${sql.ref(`${name}_lo`)}) as ${sql.ref(name)}`,
      );
      return sql`select coalesce(n, 0) as n, ${sql.join(results)} from (
        select max(n) as n, ${sql.join(picks)}
        from (
          select value, row_number() over (order by value) as rn, count(*) over () as n
          from (${source}) as percentile_source where value is not null
        ) as ranked
      ) as picked`;
    },
  };
}

export type DialectSql = ReturnType<typeof dialectSql>;
