// Queue benchmark (#4 acceptance): seeds 100,000 cases (BENCH_QUEUE_CASES to change) on SQLite and
// on PostgreSQL, then times GET /api/staff/cases through the whole app as a signed-in consultant
// (session, scope, filters, blind-index search, count, SLA, audit line) and reports p50/p95 as ratios
// against a bare indexed `SELECT … FROM cases ORDER BY priority_score DESC, created_at LIMIT 50`
// (OFFSET 2450 for page 50) on the same data, in the same run. Progress goes to stderr.
//
// PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (a throwaway schema, dropped afterwards); else a
// throwaway cluster from initdb (/usr/lib/postgresql/*/bin) on a random loopback port, removed
// afterwards; else skipped, saying why.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const CASES = Number(process.env.BENCH_QUEUE_CASES ?? 100_000);
/** Per database: the measuring loop stops after this many rounds or this many seconds. */
const MAX_ROUNDS = 200;
const MAX_SECONDS = 25;
const PAGE_SIZE = 50;
const DAY = 86_400_000;

const progress = (text) => process.stderr.write(`bench queue: ${text}\n`);

/** A small deterministic PRNG, so every run seeds the same spread of cases. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from [value, weight] pairs. */
function weighted(random, pairs) {
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of pairs) {
    r -= w;
    if (r <= 0) return value;
  }
  return pairs[pairs.length - 1][0];
}

// Surnames by rough frequency rank (Zipf weights below); the search looks for a mid-ranked one.
const SURNAMES = (
  '佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水 ' +
  '山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 ' +
  '斉藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 ' +
  '上田 原 柴田 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 島田 谷口 大野 丸山 今井 高田 藤本 武田 村田 ' +
  '上野 杉山 増田 平野 大塚 千葉 久保 松井 小島 岩崎 桜井 野口 松尾 野村 木下 菊地 佐野 大西 杉本 新井'
).split(' ');
const GIVEN = (
  '陽翔 蓮 湊 蒼 樹 大翔 悠真 陽向 結翔 律 朝陽 颯 大和 奏太 悠人 陽菜 凛 結菜 葵 紬 澪 芽依 ' +
  '美咲 結衣 さくら 花子 太郎 一郎 健太 翔太 拓也 直樹 由美 恵子 裕子 真由美 智子 京子 明美 ゆかり'
).split(' ');
const SENTENCES = [
  '匿名のアカウントから毎日のように中傷する投稿が続いています。',
  '職場の名前と最寄り駅が書き込まれ、通勤が怖くなりました。',
  '昔の写真が無断で転載され、容姿をからかうコメントが付いています。',
  '私になりすましたアカウントが作られ、知人にメッセージを送っています。',
  '「殺す」「家を知っている」という返信が届き、警察に相談するか迷っています。',
  '店舗の口コミに事実と違う低評価が繰り返し書き込まれています。',
  '掲示板のスレッドで本名と学校名がさらされています。',
  '動画のコメント欄で人格を否定する言葉が何百件も並んでいます。',
  '元交際相手が私的な画像を投稿すると脅してきます。',
  '削除依頼をしましたが、運営からまだ返事がありません。',
  '投稿者を特定して、損害賠償を請求したいと考えています。',
  '子どもの写真と通っている園の名前が拡散されました。',
  '誹謗中傷のせいで眠れず、仕事を休んでいます。',
  'スクリーンショットは保存してありますが、元の投稿は消されました。',
  'ブログ記事で私の家族について嘘の噂が書かれています。',
  'ダイレクトメッセージで執拗に連絡が来て、ブロックしても別のアカウントから届きます。',
  '地図サービスの口コミに自宅の住所が載せられています。',
  'まとめサイトに転載され、検索すると一番上に出てきます。',
  '会社の取引先にまで悪い評判が広まり、契約を打ち切られました。',
  '配信中にリスナーから暴言を浴びせられ、切り抜きが拡散されています。',
  '過去の逮捕歴があるかのような嘘の投稿をされました。',
  '性的な言葉で容姿を評価する投稿が続いています。',
  '外国籍であることを理由にした差別的な書き込みがあります。',
  'グループチャットで悪口を言われ、その画面が外部に流出しました。',
];
const PLATFORM_WEIGHTS = [
  ['x', 40],
  ['instagram', 14],
  ['youtube', 8],
  ['tiktok', 8],
  ['5ch', 7],
  ['google-maps', 5],
  ['line', 5],
  ['blog', 4],
  ['facebook', 3],
  ['threads', 2],
  ['note', 1],
  ['yahoo-chiebukuro', 1],
  ['ameba', 1],
  ['other', 1],
];
const STAGE_WEIGHTS = [
  ['new', 4],
  ['triaged', 2],
  ['in-progress', 8],
  ['deletion-requested', 3],
  ['disclosure-requested', 2],
  ['negotiation', 1],
  ['litigation', 1],
  ['criminal-complaint', 1],
  ['resolved', 45],
  ['closed', 31],
  ['withdrawn', 2],
];
const OPEN = new Set([
  'new',
  'triaged',
  'in-progress',
  'deletion-requested',
  'disclosure-requested',
  'negotiation',
  'litigation',
  'criminal-complaint',
]);
const CONSULTANTS = 30;
const NARRATIVE_POOL = 3000;
/** The surname searched for (rank 40 of 100: about 0.6 % of cases carry it). */
const SEARCHED_SURNAME = SURNAMES[39];
/** A phrase in about 1 narrative in 8. */
const SEARCHED_PHRASE = 'なりすまし';

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The newest PostgreSQL server binaries: initdb on PATH, else /usr/lib/postgresql/<version>/bin. */
function findPgBin() {
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return join(realpathSync(which.stdout.trim()), '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length > 0 ? join(root, versions[versions.length - 1], 'bin') : null;
}

/**
 * A PostgreSQL database for the bench: { url, cleanup } or { skipped: reason }.
 * With a URL from the environment, a fresh schema in it; else a throwaway cluster.
 */
async function postgresTarget(pg) {
  const given = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (given) {
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Pool({ connectionString: given, max: 1 });
    try {
      await admin.query(`create schema "${schema}"`);
    } catch (error) {
      await admin.end();
      return { skipped: `could not create a schema at the given database URL (${error.message})` };
    }
    const url = new URL(given);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      url: url.toString(),
      label: `schema ${schema} of ${process.env.BENCH_DATABASE_URL ? 'BENCH' : 'TEST'}_DATABASE_URL`,
      cleanup: async () => {
        await admin.query(`drop schema "${schema}" cascade`);
        await admin.end();
      },
    };
  }
  const bin = findPgBin();
  if (!bin) {
    return {
      skipped:
        'no BENCH_DATABASE_URL or TEST_DATABASE_URL, and no PostgreSQL server binaries (initdb) to start a throwaway cluster',
    };
  }
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let pgUid;
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) return { skipped: 'running as root and there is no postgres user to run initdb as' };
    pgUid = Number(id.stdout.trim());
  }
  const run = (command, args) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, command), args, { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'mimamoru-bench-pg-'));
  if (asRoot) chownSync(dir, pgUid, -1);
  const data = join(dir, 'data');
  const port = await freePort();
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // Not running (failed start): nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    progress(`starting a throwaway PostgreSQL cluster (${bin}) on 127.0.0.1:${port}`);
    run('initdb', ['-D', data, '-U', 'mimamoru', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'pg.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${dir}`,
      'start',
    ]);
  } catch (error) {
    stop();
    return {
      skipped: `could not start a throwaway cluster: ${String(error.stderr ?? error.message).trim()}`,
    };
  }
  return {
    url: `postgres://mimamoru@127.0.0.1:${port}/postgres`,
    label: `throwaway cluster on port ${port}`,
    cleanup: async () => stop(),
  };
}

/** Loads the built server's modules. */
export async function loadServer(serverDist) {
  const at = (file) => import(new URL(file, serverDist).href);
  const [app, container, config, database, index, search, sealing, secrets, credentials, kysely, contracts] =
    await Promise.all([
      at('app.js'),
      at('container.js'),
      at('config/config.js'),
      at('db/database.js'),
      at('db/case-search-index.js'),
      at('modules/case-search/case-search.service.js'),
      at('modules/intake/case-sealing.js'),
      at('security/secrets.js'),
      at('modules/intake/case-credentials.service.js'),
      import('kysely'),
      import('@mimamoru/contracts'),
    ]);
  return {
    serverDist,
    buildApp: app.buildApp,
    createContainer: container.createContainer,
    loadConfig: config.loadConfig,
    migrateToLatest: database.migrateToLatest,
    writeCaseSearchTokens: index.writeCaseSearchTokens,
    createCaseSearch: search.createCaseSearch,
    sealContext: sealing.sealContext,
    newSecret: secrets.newSecret,
    hashAccessKey: credentials.hashAccessKey,
    newCaseNumber: credentials.newCaseNumber,
    sql: kysely.sql,
    CompiledQuery: kysely.CompiledQuery,
    STAFF_SESSION_COOKIE: contracts.STAFF_SESSION_COOKIE,
  };
}

/** Columns a table has in this schema (migrations of other features may add some). */
async function columnsOf(db, table) {
  const tables = await db.introspection.getTables();
  return new Set(tables.find((t) => t.name === table)?.columns.map((c) => c.name) ?? []);
}

/**
 * Seeds consultants, a signed-in session and CASES cases with sealed names and narratives and their
 * real blind-index tokens; bulk inserts, 1,000 cases per transaction. Returns what the scenarios need.
 */
export async function seed(server, container) {
  const { db } = container.database;
  const { keyring } = container;
  const random = prng(20261129);
  const now = Date.now();
  const nowIso = new Date(now).toISOString();
  const staffColumns = await columnsOf(db, 'staff_accounts');
  const caseColumns = await columnsOf(db, 'cases');
  const team = staffColumns.has('team_id') ? { team_id: 'default' } : {};

  const consultants = Array.from({ length: CONSULTANTS }, (_, i) => ({
    id: randomUUID(),
    email: `bench-${i}@example.jp`,
    display_name: `相談員 ${i + 1}`,
    role: 'consultant',
    password_hash: null,
    totp_secret: null,
    totp_enrolled_at: nowIso,
    totp_last_step: null,
    recovery_code_hashes: null,
    failed_logins: 0,
    locked_until: null,
    disabled_at: null,
    created_at: nowIso,
    updated_at: nowIso,
    version: 1,
    ...team,
  }));
  await db.insertInto('staff_accounts').values(consultants).execute();
  const me = consultants[0];
  const token = server.newSecret();
  await db
    .insertInto('staff_sessions')
    .values({
      id: createHash('sha256').update(token).digest('hex'),
      account_id: me.id,
      csrf_token_hash: createHash('sha256').update(server.newSecret()).digest('hex'),
      created_at: nowIso,
      last_seen_at: nowIso,
      expires_at: new Date(now + 11 * 3_600_000).toISOString(),
      revoked_at: null,
      ip_hash: null,
    })
    .execute();

  // Texts: a pool of narratives and every surname × given name; tokens computed once per text.
  const search = server.createCaseSearch({ db, keyring });
  const narratives = Array.from({ length: NARRATIVE_POOL }, () => {
    const count = 2 + Math.floor(random() * 4);
    const parts = Array.from({ length: count }, () => SENTENCES[Math.floor(random() * SENTENCES.length)]);
    return [...new Set(parts)].join('');
  });
  const narrativeTokens = [];
  for (const text of narratives) narrativeTokens.push(await search.tokensOf([text]));
  const nameTokens = new Map();
  const surnameWeights = SURNAMES.map((name, rank) => [name, 1 / (rank + 1)]);
  const accessKeyHash = await server.hashAccessKey(server.newSecret());
  const seal = (column, id, value) => keyring.seal(value, server.sealContext('cases', column, id));
  const numbers = new Set();
  const nextNumber = () => {
    for (;;) {
      const number = server.newCaseNumber();
      if (!numbers.has(number)) {
        numbers.add(number);
        return number;
      }
    }
  };

  const started = performance.now();
  const BATCH = 1000;
  const CHUNK = 250;
  let done = 0;
  while (done < CASES) {
    const size = Math.min(BATCH, CASES - done);
    const rows = [];
    const tokens = [];
    for (let i = 0; i < size; i++) {
      const id = randomUUID();
      const stage = weighted(random, STAGE_WEIGHTS);
      const open = OPEN.has(stage);
      const withdrawn = stage === 'withdrawn';
      const createdMs = now - Math.floor(random() ** 1.6 * 3 * 365 * DAY);
      const created = new Date(createdMs).toISOString();
      const platforms = [weighted(random, PLATFORM_WEIGHTS)];
      if (random() < 0.3) platforms.push(weighted(random, PLATFORM_WEIGHTS));
      const factors =
        (random() < 0.02 ? 10_000 : 0) +
        (random() < 0.02 ? 5_000 : 0) +
        (random() < 0.03 ? 2_000 : 0) +
        (random() < 0.1 ? 1_000 : 0) +
        (random() < 0.03 ? 500 : 0);
      const daysLeft = random() < 0.6 ? Math.floor(random() * 200) - 20 : null;
      const deadlineScore = daysLeft !== null && daysLeft >= 0 ? Math.max(0, 180 - 2 * daysLeft) : 0;
      const level =
        factors >= 5_000 || (daysLeft !== null && daysLeft >= 0 && daysLeft <= 7)
          ? 'urgent'
          : factors >= 1_000 || (daysLeft !== null && daysLeft >= 0 && daysLeft <= 30)
            ? 'high'
            : 'normal';
      const assignee =
        stage === 'new' && random() < 0.7 ? null : consultants[Math.floor(random() * CONSULTANTS)].id;
      const surname = weighted(random, surnameWeights);
      const name = `${surname} ${GIVEN[Math.floor(random() * GIVEN.length)]}`;
      const narrativeIndex = Math.floor(random() * NARRATIVE_POOL);
      const row = {
        id,
        case_number: nextNumber(),
        status: withdrawn
          ? 'withdrawn'
          : stage === 'new'
            ? 'received'
            : stage === 'resolved' || stage === 'closed'
              ? 'closed'
              : 'in-progress',
        access_key_hash: withdrawn ? null : accessKeyHash,
        email_hash: null,
        locale: 'ja',
        privacy_policy_version: '2026-11-29',
        channel: withdrawn ? null : 'in-app',
        platforms: withdrawn ? null : JSON.stringify(platforms),
        goals: withdrawn ? null : JSON.stringify(['delete', 'identify']),
        name_sealed: withdrawn ? null : seal('name_sealed', id, name),
        narrative_sealed: withdrawn ? null : seal('narrative_sealed', id, narratives[narrativeIndex]),
        post_urls_sealed: withdrawn ? null : seal('post_urls_sealed', id, '[]'),
        happened_at_sealed: null,
        email_sealed: null,
        phone_sealed: null,
        contact_notes_sealed: null,
        triage_sealed: null,
        created_at: created,
        updated_at: created,
        first_response_at: stage === 'new' ? null : new Date(createdMs + 6 * 3_600_000).toISOString(),
        withdrawn_at: withdrawn ? created : null,
        stage,
        assignee_id: withdrawn ? null : assignee,
        awaiting_victim: open && random() < 0.15 ? 1 : 0,
        offender_known_since: null,
        priority_score: open ? factors + deadlineScore : factors,
        priority_level: level,
        next_deadline_id: open && daysLeft !== null ? 'criminal-complaint' : null,
        next_deadline_on:
          open && daysLeft !== null ? new Date(now + daysLeft * DAY).toISOString().slice(0, 10) : null,
        version: 1,
      };
      if (caseColumns.has('closed_at') && (stage === 'resolved' || stage === 'closed')) {
        row.closed_at = new Date(createdMs + 30 * DAY).toISOString();
      }
      if (caseColumns.has('erased_at') && withdrawn) {
        row.erased_at = created;
        row.erasure_reason = 'victim-request';
      }
      rows.push(row);
      if (!withdrawn) {
        if (!nameTokens.has(name)) nameTokens.set(name, await search.tokensOf([name]));
        const set = new Set([...nameTokens.get(name), ...narrativeTokens[narrativeIndex]]);
        tokens.push({ caseId: id, tokens: [...set].sort() });
      }
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await trx
          .insertInto('cases')
          .values(rows.slice(i, i + CHUNK))
          .execute();
      }
      for (let i = 0; i < tokens.length; i += CHUNK) {
        await server.writeCaseSearchTokens(trx, tokens.slice(i, i + CHUNK));
      }
    });
    done += size;
    if (done % 20_000 === 0 || done === CASES) {
      progress(`  ${done} cases (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  return { me, token };
}

/** EXPLAIN of each statement a call runs, one compact line per statement. */
async function explain(server, container, run) {
  const { db, dialect } = container.database;
  const captured = [];
  const executor = db.getExecutor();
  const capturing = db.withPlugin({
    transformQuery(args) {
      captured.push(executor.compileQuery(args.node, args.queryId));
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  });
  await run(capturing);
  const lines = [];
  for (const query of captured) {
    if (!/^\s*select/i.test(query.sql)) continue;
    const prefix = dialect === 'sqlite' ? 'explain query plan ' : 'explain (costs off) ';
    const result = await db.executeQuery(server.CompiledQuery.raw(prefix + query.sql, query.parameters));
    const plan =
      dialect === 'sqlite'
        ? result.rows.map((r) => r.detail)
        : result.rows
            .map((r) => String(r['QUERY PLAN']).trim())
            .filter(
              (l) =>
                !/^(Filter|Sort Key|Group Key|Recheck Cond|Hash Cond|Join Filter|Cache|Presorted)/.test(l),
            );
    lines.push(plan.join(' | ').replace(/-> {2}/g, ''));
  }
  return lines;
}

/** Measures every scenario, interleaved round by round so drift hits all of them alike. */
async function measure(scenarios) {
  for (const s of scenarios) for (let i = 0; i < 5; i++) await s.run(); // warm-up
  const samples = scenarios.map(() => []);
  const deadline = performance.now() + MAX_SECONDS * 1000;
  for (let round = 0; round < MAX_ROUNDS && (round < 20 || performance.now() < deadline); round++) {
    for (let i = 0; i < scenarios.length; i++) {
      const start = performance.now();
      await scenarios[i].run();
      samples[i].push(performance.now() - start);
    }
  }
  return scenarios.map((s, i) => {
    const sorted = samples[i].sort((a, b) => a - b);
    return { ...s, n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  });
}

async function benchOne(server, kind, databaseUrl, dir) {
  const config = server.loadConfig({
    MIMAMORU_ENV: 'test',
    MIMAMORU_DATA_DIR: join(dir, 'data'),
    MIMAMORU_WEB_DIST: join(dir, 'web'),
    MIMAMORU_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const seeding = server.createContainer(config);
  let seeded;
  try {
    await server.migrateToLatest(seeding.database);
    progress(`${kind}: seeding ${CASES} cases`);
    seeded = await seed(server, seeding);
  } finally {
    await seeding.close();
  }
  // Measured like a server started on that database: a fresh connection and cache.
  const { me, token } = seeded;
  const container = server.createContainer(config);
  try {
    const { db } = container.database;
    // PostgreSQL's autovacuum would vacuum and analyze the new rows within a minute (statistics, and
    // the visibility map index-only scans need); do it now. SQLite keeps no statistics unless told,
    // and the server does not run ANALYZE, so it is measured as it stands.
    if (kind === 'PostgreSQL') await server.sql`vacuum analyze`.execute(db);
    const app = await server.buildApp({ config, services: container.services, logStream: { write() {} } });
    const headers = { cookie: `${server.STAFF_SESSION_COOKIE}=${token}` };
    const get = (query) => async () => {
      const res = await app.inject({ method: 'GET', url: `/api/staff/cases?${query}`, headers });
      if (res.statusCode !== 200) throw new Error(`bench: ${query}: ${res.statusCode} ${res.body}`);
      return res;
    };
    const bare = (offset) => async () =>
      server.sql`select id, case_number, stage, priority_score, priority_level, platforms, assignee_id,
        created_at, first_response_at, next_deadline_on from cases
        order by priority_score desc, created_at limit ${PAGE_SIZE} offset ${offset}`.execute(db);
    const { workflowRepository } = await import(
      new URL('modules/cases/cases.repository.js', server.serverDist).href
    );
    const filters = await queueFilters(server, container, me);
    /** The queue's two statements alone (page and count), as the service runs them. */
    const queueStatements = (trx, filter, page = 1) =>
      Promise.all([
        workflowRepository.queuePage(trx, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
        workflowRepository.queueCount(trx, filter),
      ]);
    const sqlOnly = (label) => () => queueStatements(db, filters[label]);
    const scenarios = [
      { name: 'bare SELECT … LIMIT 50', run: bare(0) },
      { name: 'bare SELECT … LIMIT 50 OFFSET 2450', run: bare(49 * PAGE_SIZE) },
      { name: 'queue: first page (open cases)', run: get('page=1'), base: 0 },
      { name: 'queue: page 50', run: get('page=50'), base: 1 },
      {
        name: 'queue: stage+platform+assignee',
        run: get(`stage=in-progress&platform=x&assignee=${me.id}`),
        base: 0,
      },
      {
        name: `queue: search surname (${SEARCHED_SURNAME})`,
        run: get(`q=${encodeURIComponent(SEARCHED_SURNAME)}`),
        base: 0,
      },
      {
        name: `queue: search phrase (${SEARCHED_PHRASE})`,
        run: get(`q=${encodeURIComponent(SEARCHED_PHRASE)}`),
        base: 0,
      },
      {
        name: 'queue: search phrase, all stages, page 50',
        run: get(`stage=all&page=50&q=${encodeURIComponent(SEARCHED_PHRASE)}`),
        base: 1,
      },
      { name: 'SQL only: page + count, first page', run: sqlOnly('first page'), base: 0, sql: true },
      {
        name: 'SQL only: page + count, filters',
        run: sqlOnly('stage+platform+assignee'),
        base: 0,
        sql: true,
      },
      { name: 'SQL only: page + count, search surname', run: sqlOnly('search surname'), base: 0, sql: true },
    ];
    const totals = [];
    for (const s of scenarios.filter((s) => s.base !== undefined)) {
      const out = await s.run();
      totals.push(s.sql ? Number(out[1]) : out.json().total);
    }
    progress(`${kind}: measuring (up to ${MAX_ROUNDS} rounds or ${MAX_SECONDS} s)`);
    const results = await measure(scenarios);
    await app.close();

    const plans = [];
    for (const [label, filter] of Object.entries(filters)) {
      const lines = await explain(server, container, (trx) => queueStatements(trx, filter));
      plans.push({ label, lines });
    }
    return { results, totals, plans };
  } finally {
    await container.close();
  }
}

/** The queue's filters as the service builds them for the signed-in consultant (scope: their team). */
async function queueFilters(server, container, me) {
  const search = server.createCaseSearch({ db: container.database.db, keyring: container.keyring });
  const open = [...OPEN];
  const team = (await columnsOf(container.database.db, 'cases')).has('team_id') ? { teamId: 'default' } : {};
  return {
    'first page': { stages: open, ...team },
    'stage+platform+assignee': { stages: ['in-progress'], platform: 'x', assigneeId: me.id, ...team },
    'search surname': { stages: open, searchTokens: await search.queryTokens(SEARCHED_SURNAME), ...team },
  };
}

function report(kind, { results, totals, plans }) {
  const base = results.slice(0, 2);
  console.log(
    `\nqueue benchmark on ${kind} (${CASES} cases; GET /api/staff/cases as a consultant, page of ${PAGE_SIZE})`,
  );
  console.log(
    'scenario'.padEnd(46),
    'matches'.padStart(8),
    'p50 ms'.padStart(8),
    'p95 ms'.padStart(8),
    '×bare p50'.padStart(10),
    '×bare p95'.padStart(10),
  );
  let t = 0;
  for (const r of results) {
    const against = r.base === undefined ? r : base[r.base];
    const matches = r.base === undefined ? '' : String(totals[t++]);
    console.log(
      r.name.padEnd(46),
      matches.padStart(8),
      r.p50.toFixed(2).padStart(8),
      r.p95.toFixed(2).padStart(8),
      `${(r.p50 / against.p50).toFixed(1)}×`.padStart(10),
      `${(r.p95 / against.p95).toFixed(1)}×`.padStart(10),
    );
  }
  console.log(
    `(${results[0].n} rounds; ratios are latency against the bare query with the same offset: > 1 is slower.` +
      ' The queue path adds the session, scope, filters, COUNT(*) of all matches, SLA state and an audit line.)',
  );
  console.log("plans of the queue's statements (the page's ids, the page, the count):");
  for (const { label, lines } of plans) {
    console.log(`  ${label}:`);
    for (const line of lines) console.log(`    ${line.length > 240 ? `${line.slice(0, 239)}…` : line}`);
  }
}

/** Runs the queue benchmark on SQLite, then on PostgreSQL when one can be had. */
export async function benchQueue() {
  if (!Number.isInteger(CASES) || CASES < 0)
    throw new Error('bench: BENCH_QUEUE_CASES must be a whole number');
  if (CASES === 0) {
    console.log('\nqueue benchmark: skipped (BENCH_QUEUE_CASES=0).');
    return;
  }
  const serverDist = new URL('../apps/server/dist/', import.meta.url);
  const server = await loadServer(serverDist);
  const started = performance.now();

  const sqliteDir = mkdtempSync(join(tmpdir(), 'mimamoru-bench-queue-'));
  try {
    report('SQLite', await benchOne(server, 'SQLite', undefined, sqliteDir));
  } finally {
    rmSync(sqliteDir, { recursive: true, force: true });
  }

  const { default: pg } = await import('pg');
  const target = await postgresTarget(pg);
  if (target.skipped) {
    console.log(`\nqueue benchmark on PostgreSQL: skipped — ${target.skipped}.`);
  } else {
    const onSignal = () => {
      void target.cleanup().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const pgDir = mkdtempSync(join(tmpdir(), 'mimamoru-bench-queue-'));
    try {
      progress(`PostgreSQL: ${target.label}`);
      report('PostgreSQL', await benchOne(server, 'PostgreSQL', target.url, pgDir));
    } finally {
      rmSync(pgDir, { recursive: true, force: true });
      await target.cleanup();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
  progress(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
