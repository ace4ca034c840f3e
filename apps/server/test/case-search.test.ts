import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { ApiErrorSchema, CaseQueuePageSchema, ConsultationCreatedSchema } from '@mimamoru/contracts';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { createCaseSearch } from '../src/modules/case-search/case-search.service.js';
import { reencryptColumns } from '../src/security/encrypted-columns.js';
import { databases, useTestApp, type TestApp } from './harness.js';
import { consultation, json, login, submit } from './intake-fixtures.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

/** Texts of the three cases; none of them may be stored in clear. */
const CASES = {
  yamada: {
    name: '山田 花子',
    narrative: '匿名のアカウントに「なりすまし」をされ、勤務先の住所まで晒されました。',
  },
  sato: {
    name: '佐藤 一郎',
    // Half-width katakana, as some phones type it.
    narrative: 'ﾌﾞﾛｸﾞのｺﾒﾝﾄ欄で誹謗中傷が毎日続いています。',
  },
  marker: { name: 'Qxsearchnameqx', narrative: 'QXSEARCHNARRATIVEQX 掲示板に書き込まれた' },
} as const;

const PLAINTEXTS = [
  '山田',
  '花子',
  'なりすまし',
  '勤務先の住所',
  'ﾌﾞﾛｸﾞ',
  '誹謗中傷',
  'Qxsearchnameqx',
  'QXSEARCHNARRATIVEQX',
];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Index entries per case, read straight from the database of either kind. */
async function indexedCases(t: TestApp): Promise<number> {
  const db = t.container.database.db;
  const table = t.container.database.dialect === 'postgres' ? 'case_search' : 'case_search_docs';
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

describe.each(databases)('queue search over names and narratives on %s', (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let consultant: SignedIn;
  const numbers: Record<keyof typeof CASES, string> = { yamada: '', sato: '', marker: '' };
  const keys: Record<keyof typeof CASES, string> = { yamada: '', sato: '', marker: '' };

  beforeAll(async () => {
    consultant = await signIn(ctx(), clock, 'consultant');
    for (const key of Object.keys(CASES) as (keyof typeof CASES)[]) {
      const res = await submit(
        ctx().app,
        consultation('QS', {
          ...CASES[key],
          platforms: key === 'sato' ? ['blog'] : ['x'],
          postUrls: ['https://x.com/someone/status/1'],
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const created = ConsultationCreatedSchema.parse(res.json());
      numbers[key] = created.caseNumber;
      keys[key] = created.accessKey;
      clock.advance(60_000);
    }
  });

  const search = async (q: string, extra = '') => {
    const res = await ctx().app.inject({
      method: 'GET',
      url: `/api/staff/cases?stage=all&q=${encodeURIComponent(q)}${extra}`,
      headers: consultant.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return CaseQueuePageSchema.parse(res.json()).cases.map((c) => c.caseNumber);
  };

  it('finds a case by a 2-character surname, and by the whole name with or without the space', async () => {
    expect(await search('山田')).toEqual([numbers.yamada]);
    expect(await search('山田 花子')).toEqual([numbers.yamada]);
    expect(await search('山田花子')).toEqual([]); // the name was typed with a space: 田花 is not in it
    expect(await search('佐藤')).toEqual([numbers.sato]);
    expect(await search('qxsearchNAMEqx')).toEqual([numbers.marker]);
  });

  it('finds a phrase inside the narrative whatever its width or kana', async () => {
    expect(await search('なりすまし')).toEqual([numbers.yamada]);
    expect(await search('ナリスマシ')).toEqual([numbers.yamada]);
    expect(await search('ﾅﾘｽﾏｼ')).toEqual([numbers.yamada]);
    expect(await search('勤務先の住所')).toEqual([numbers.yamada]);
    // Stored in half-width katakana, found in full width and in hiragana.
    expect(await search('ブログのコメント')).toEqual([numbers.sato]);
    expect(await search('ぶろぐ')).toEqual([numbers.sato]);
    expect(await search('誹謗中傷')).toEqual([numbers.sato]);
  });

  it('finds a case staff opened for someone who phoned, like a web consultation', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/staff/cases',
      headers: { ...consultant.headers, ...json },
      payload: {
        ...consultation('QP', {
          name: '電話 太郎',
          narrative: '電話での相談：ネット掲示板でのなりすまし被害',
        }),
        channel: 'phone',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { caseNumber } = res.json<{ caseNumber: string }>();
    expect(await search('電話')).toEqual([caseNumber]);
    expect(await search('なりすまし')).toEqual(expect.arrayContaining([numbers.yamada, caseNumber]));
    // Withdrawn like any other: the rest of this file counts the three web cases only.
    const { accessKey } = res.json<{ accessKey: string }>();
    const { cookie, csrf } = await login(ctx().app, caseNumber, accessKey);
    const withdrawn = await ctx().app.inject({
      method: 'POST',
      url: '/api/victim/withdraw',
      headers: { ...json, cookie, 'x-csrf-token': csrf },
      payload: { confirm: true },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await search('電話')).toEqual([]);
  });

  it('does not find text that is in no case', async () => {
    expect(await search('存在しない言葉')).toEqual([]);
    expect(await search('山田一郎')).toEqual([]);
    expect(await search('鈴木')).toEqual([]);
  });

  it('combines with the other filters and still matches case numbers', async () => {
    expect(await search('佐藤', '&platform=blog')).toEqual([numbers.sato]);
    expect(await search('佐藤', '&platform=x')).toEqual([]);
    expect(await search(numbers.sato.toLowerCase())).toEqual([numbers.sato]);
    expect(await search(numbers.yamada.slice(0, 7))).toContain(numbers.yamada);
  });

  it('rejects a 1-character query with a localized validation error', async () => {
    for (const [locale, text] of [
      ['ja', '2文字以上'],
      ['en', 'at least 2 characters'],
    ] as const) {
      const res = await ctx().app.inject({
        method: 'GET',
        url: `/api/staff/cases?q=${encodeURIComponent('山')}&locale=${locale}`,
        headers: { ...consultant.headers, 'accept-language': locale },
      });
      expect(res.statusCode).toBe(400);
      const issue = ApiErrorSchema.parse(res.json()).error.issues?.[0];
      expect(issue?.path).toBe('q');
      expect(issue?.code).toBe('search-too-short');
      expect(issue?.message).toContain(text);
    }
  });

  it('stores no name or narrative in clear: only keyed hashes are indexed', async () => {
    const t = ctx();
    expect(await indexedCases(t)).toBe(3);
    if (kind === 'sqlite') {
      await sql`pragma wal_checkpoint(PASSIVE)`.execute(t.container.database.db);
    } else {
      const columns = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema()
          and data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`.execute(
        t.container.database.db,
      );
      expect(columns.rows.some((c) => c.table_name === 'case_search' && c.column_name === 'tokens')).toBe(
        true,
      );
      for (const { table_name, column_name } of columns.rows) {
        const { rows } = await sql<{ value: string | null }>`
          select ${sql.ref(column_name)}::text as value from ${sql.table(table_name)}`.execute(
          t.container.database.db,
        );
        const text = rows.map((r) => r.value ?? '').join('\n');
        for (const plain of PLAINTEXTS) expect(text, `${table_name}.${column_name}`).not.toContain(plain);
      }
    }
    const files = filesUnder(t.config.dataDir);
    if (kind === 'sqlite') expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const plain of PLAINTEXTS)
        expect(bytes.includes(Buffer.from(plain, 'utf8')), `${plain} in ${path.basename(file)}`).toBe(false);
    }
  });

  it('keeps the query out of the logs', () => {
    const logs = ctx().logs.join('\n');
    for (const plain of [...PLAINTEXTS, 'ブログのコメント', '存在しない言葉'])
      expect(logs).not.toContain(plain);
    expect(logs).not.toContain(encodeURIComponent('なりすまし'));
  });

  it('rebuilds missing entries from the sealed texts (cases stored before the index existed)', async () => {
    const t = ctx();
    const db = t.container.database.db;
    const table = kind === 'postgres' ? 'case_search' : 'case_search_docs';
    await sql`delete from ${sql.table(table)}`.execute(db);
    expect(await search('山田')).toEqual([]);
    const index = createCaseSearch({ db, keyring: t.container.keyring });
    expect(await index.reindex()).toEqual({ indexed: 3, skipped: 0, removed: 0 });
    expect(await index.reindex()).toEqual({ indexed: 0, skipped: 0, removed: 0 });
    expect(await search('山田')).toEqual([numbers.yamada]);
    expect(await search('ﾌﾞﾛｸﾞ')).toEqual([numbers.sato]);
    expect((await index.reindex({ all: true })).indexed).toBe(3);
    expect(await search('なりすまし')).toEqual([numbers.yamada]);
  });

  it('`mimamoru search reindex` indexes what is missing, and --all rebuilds', async () => {
    const t = ctx();
    const { database } = t.config;
    const env = {
      MIMAMORU_ENV: 'test',
      MIMAMORU_DATA_DIR: t.config.dataDir,
      MIMAMORU_MASTER_KEY: t.config.masterKey ?? '',
      DATABASE_URL: database.url,
    };
    const cli = async (args: string[]) => {
      let stdout = '';
      const code = await run(args, {
        stdin: new PassThrough(),
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
        env,
      });
      return { code, stdout };
    };
    const table = kind === 'postgres' ? 'case_search' : 'case_search_docs';
    await sql`delete from ${sql.table(table)}`.execute(t.container.database.db);
    expect(await cli(['search', 'reindex'])).toEqual({ code: 0, stdout: 'Indexed 3 cases.\n' });
    expect(await cli(['search', 'reindex'])).toEqual({ code: 0, stdout: 'Indexed 0 cases.\n' });
    expect(await cli(['search', 'reindex', '--all'])).toEqual({ code: 0, stdout: 'Indexed 3 cases.\n' });
    expect(await search('佐藤')).toEqual([numbers.sato]);
  });

  it('keeps finding cases after `keys rotate`: the search key is re-sealed, never changed', async () => {
    const t = ctx();
    const { db } = t.container.database;
    const { keyring } = t.container;
    const before = await createCaseSearch({ db, keyring }).queryTokens('佐藤');
    keyring.addVersion();
    await reencryptColumns({ db, keyring });
    const row = await db
      .selectFrom('lookup_keys')
      .select('key_sealed')
      .where('purpose', '=', 'cases.search')
      .executeTakeFirstOrThrow();
    expect(keyring.versionOf(row.key_sealed)).toBe(keyring.currentVersion);
    expect(await createCaseSearch({ db, keyring }).queryTokens('佐藤')).toEqual(before);
    expect(await search('佐藤')).toEqual([numbers.sato]);
  });

  it('removes the tokens of a withdrawn case with its personal data', async () => {
    const t = ctx();
    const { cookie, csrf } = await login(t.app, numbers.yamada, keys.yamada);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/victim/withdraw',
      headers: { ...json, cookie, 'x-csrf-token': csrf },
      payload: { confirm: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await indexedCases(t)).toBe(2);
    if (kind === 'sqlite') {
      const { rows } = await sql<{ n: number }>`select count(*) as n from case_search_fts`.execute(
        t.container.database.db,
      );
      expect(Number(rows[0]?.n)).toBe(2);
    }
    expect(await search('山田')).toEqual([]);
    expect(await search('佐藤')).toEqual([numbers.sato]);
    // A reindex does not bring it back: the texts are gone.
    const index = createCaseSearch({ db: t.container.database.db, keyring: t.container.keyring });
    expect((await index.reindex({ all: true })).indexed).toBe(2);
    expect(await search('なりすまし')).toEqual([]);
  });
});
