import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import {
  ANALYSIS_CATEGORIES,
  DEFAULT_LABEL_THRESHOLD,
  HashCounter,
  IMPORT_FORMATS,
  POST_FIELDS,
  buildThreads,
  createAuthorView,
  createBulkIndex,
  createPostReader,
  guessImportFormat,
  hash53,
  isLocale,
  withBulkStats,
  type AnalysisCategory,
  type AnalysisOptions,
  type AuthorSummary,
  type BulkStats,
  type ColumnMapping,
  type ImportFatal,
  type ImportFormat,
  type ImportIssue,
  type ImportedPost,
  type Locale,
  type PostAnalysis,
  type ThreadSummary,
} from '@mimamoru/core';
import { Option, type Command } from 'commander';
import type { CliIo } from './main.js';

const HELP = `
Reads posts and writes one JSON line per post (identical posts by the same account are merged into one):
  { "id", "score", "labels": [...], "categories": { "insult", "defamation", "threat", "privacy", "sexual",
    "discrimination", "self-harm-incitement" }, "spans": [{ "start", "end", "category", "rule" }],
    "explanation": { "ja", "en" } }
A category becomes a label when its score reaches --threshold (default ${DEFAULT_LABEL_THRESHOLD}); the same text
posted by 5 or more accounts also gets "spam-pile-on". Offsets are UTF-16 code units of the original text.

Input formats (--format, else guessed from the file name and the first line):
  jsonl  one JSON object per line: id, text, author, postedAt, url, replyTo (X exports: id_str, full_text,
         user.screen_name, created_at, in_reply_to_status_id_str are recognised too)
  csv    RFC 4180 with a header row; columns are recognised by name (text/本文, author/投稿者, postedAt/日時,
         url/URL, id, replyTo/返信先) or named with --column text=本文 --column author=投稿者
  text   one post per line
Input must be UTF-8. Lines over 100 KB, invalid UTF-8 and malformed lines are reported with their line numbers
on stderr and skipped; the rest is analysed. The file is read twice (to find duplicates and pile-ons first), a
line at a time, so memory stays bounded; stdin is first copied to a temporary file.

A summary (counts per label, top authors, threads) goes to stderr, with a progress bar on a terminal.

Examples:
  $ mimamoru analyze --input posts.jsonl --output results.jsonl
  $ mimamoru analyze --input replies.csv --column text=本文 --column author=投稿者 --threshold 0.6
  $ mimamoru analyze --input pasted.txt --format text --name 山田花子 --handle @hanako_y
  $ cat posts.jsonl | mimamoru analyze --input - > results.jsonl

Exit codes: 0 analysed (some lines may have been skipped), 1 input error (nothing analysed), 2 usage.
`;

export interface AnalyzeFileOptions {
  /** Path of the input file (read twice), or its bytes already in memory (the server's decrypted upload). */
  readonly input: string | Uint8Array;
  readonly format?: ImportFormat;
  readonly columns?: Partial<ColumnMapping>;
  readonly output: { write(text: string): unknown };
  readonly analysis?: AnalysisOptions;
  readonly minAccounts?: number;
  /** Called per skipped line (first pass only). */
  readonly onIssue?: (issue: ImportIssue) => void;
  readonly onProgress?: (progress: { pass: 1 | 2; bytes: number; totalBytes: number; posts: number }) => void;
  /** The per-post engine; `analyzePost` from core unless a test or the bench passes another. */
  readonly analyze?: (text: string, options: AnalysisOptions) => PostAnalysis;
  /** The JSON line written per kept post (default: the CLI's `{ id, score, labels, … }`). */
  readonly line?: (post: ImportedPost, analysis: PostAnalysis, stats: BulkStats) => string;
}

export interface AnalyzeFileResult {
  readonly format: ImportFormat;
  readonly fatal: ImportFatal | null;
  /** Posts read (duplicates included) and written (after merging). */
  readonly read: number;
  readonly written: number;
  readonly skippedLines: number;
  readonly labels: Readonly<Record<string, number>>;
  readonly unlabelled: number;
  readonly authors: readonly AuthorSummary[];
  readonly accounts: number;
  readonly threads: readonly ThreadSummary[];
}

const CHUNK = 64 * 1024;
const OUTPUT_BATCH = 256 * 1024;

async function sniffFormat(path: string): Promise<ImportFormat> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const first = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    return guessImportFormat(basename(path), first);
  } finally {
    await handle.close();
  }
}

function sniffBytes(bytes: Uint8Array): ImportFormat {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, CHUNK));
  return guessImportFormat(undefined, head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '');
}

/** Writes text to a Node stream (waiting on back-pressure) or to a plain `{ write }` sink (awaited when it returns a promise). */
async function writeOut(sink: AnalyzeFileOptions['output'], text: string): Promise<void> {
  const ok = sink.write(text);
  if (ok instanceof Promise) {
    await ok;
    return;
  }
  const stream = sink as Partial<Writable>;
  if (ok === false && typeof stream.on === 'function' && typeof stream.off === 'function') {
    // Resume on drain, or give up on error/close (the caller reports the stream's error).
    await new Promise<void>((resolve) => {
      const done = () => {
        for (const event of ['drain', 'error', 'close']) stream.off?.(event, done);
        resolve();
      };
      for (const event of ['drain', 'error', 'close']) stream.on?.(event, done);
    });
  }
}

/** A number as JSON.stringify writes it (NaN and ±Infinity → null). */
const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');
const str = (s: string): string => JSON.stringify(s);
/** `"insult":` … prefixes of the categories object, in ANALYSIS_CATEGORIES order. */
const CATEGORY_KEYS = ANALYSIS_CATEGORIES.map((c, i) => `${i === 0 ? '' : ','}${str(c)}:`);

/**
 * One JSON line, with the keys in the order the issue names them. Written by hand (the same bytes as
 * JSON.stringify of `{ id, score, labels, categories, spans, explanation }`) to skip building the object.
 */
function resultLine(id: string, a: PostAnalysis): string {
  let line = `{"id":${str(id)},"score":${num(a.score)},"labels":${JSON.stringify(a.labels)},"categories":{`;
  for (let i = 0; i < ANALYSIS_CATEGORIES.length; i++)
    line += `${CATEGORY_KEYS[i] as string}${num(a.categories[ANALYSIS_CATEGORIES[i] as AnalysisCategory])}`;
  line += '},"spans":[';
  for (let i = 0; i < a.spans.length; i++) {
    const s = a.spans[i] as PostAnalysis['spans'][number];
    line += `${i === 0 ? '' : ','}{"start":${num(s.start)},"end":${num(s.end)},"category":${str(s.category)},"rule":${str(s.rule)}}`;
  }
  return `${line}],"explanation":{"ja":${str(a.explanation.ja)},"en":${str(a.explanation.en)}}}\n`;
}

/**
 * Analyses a file of posts as `mimamoru analyze` does (and as `npm run bench` times it): a first pass finds
 * identical posts and pile-ons, a second analyses each kept post and writes its JSON line. Streams both passes.
 */
export async function analyzeFile(options: AnalyzeFileOptions): Promise<AnalyzeFileResult> {
  const { input } = options;
  const format = options.format ?? (typeof input === 'string' ? await sniffFormat(input) : sniffBytes(input));
  const totalBytes = typeof input === 'string' ? (await stat(input)).size : input.byteLength;
  /** The input in chunks of at most CHUNK bytes, from the file or the bytes in memory. */
  const chunks = (): AsyncIterable<Uint8Array> =>
    typeof input === 'string'
      ? (createReadStream(input, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>)
      : (async function* () {
          for (let at = 0; at < input.byteLength; at += CHUNK) yield input.subarray(at, at + CHUNK);
        })();
  // The engine's word data is loaded on use, so `mimamoru --help` stays fast.
  const analyze = options.analyze ?? (await import('@mimamoru/core')).analyzePost;
  let skippedLines = 0;
  const csv = options.columns ? { mapping: options.columns } : {};
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Uint8Array) => decoder.decode(bytes);

  /** Streams the file through a post reader, calling `each` per post; returns the fatal problem, if any. */
  const pass = async (n: 1 | 2, each: (post: ImportedPost) => Promise<void> | void) => {
    const reader = createPostReader({ format, csv, decode });
    let posts = 0;
    let lastReport = 0;
    const handle = async (step: { posts: ImportedPost[]; issues: ImportIssue[] }) => {
      if (n === 1) {
        skippedLines += step.issues.length;
        for (const i of step.issues) options.onIssue?.(i);
      }
      for (const post of step.posts) {
        posts += 1;
        // Await only when the callback returned a promise: an await per post costs a microtask turn each.
        const pending = each(post);
        if (pending) await pending;
      }
    };
    for await (const chunk of chunks()) {
      await handle(reader.push(chunk));
      if (reader.fatal) return reader.fatal;
      if (options.onProgress && reader.bytesRead - lastReport >= 1024 * 1024) {
        lastReport = reader.bytesRead;
        options.onProgress({ pass: n, bytes: reader.bytesRead, totalBytes, posts });
      }
    }
    await handle(reader.end());
    options.onProgress?.({ pass: n, bytes: totalBytes, totalBytes, posts });
    return reader.fatal;
  };

  const index = createBulkIndex({ minAccounts: options.minAccounts });
  const ids = new HashCounter();
  const replies: { id: string; replyTo: string }[] = [];
  let read = 0;
  const fatal = await pass(1, (post) => {
    read += 1;
    index.add(post);
    ids.set(hash53(post.id), 1);
    if (post.replyTo) replies.push({ id: post.id, replyTo: post.replyTo });
  });
  const empty = {
    format,
    skippedLines,
    fatal,
    read,
    written: 0,
    labels: {},
    unlabelled: 0,
    authors: [],
    accounts: 0,
    threads: [],
  };
  if (fatal || read === 0) return empty;

  const authors = createAuthorView();
  const labels: Record<string, number> = {};
  let unlabelled = 0;
  let written = 0;
  let batch = '';
  let ordinal = 0;
  await pass(2, (post) => {
    const stats = index.take(post, ordinal++);
    if (!stats) {
      authors.touch(post);
      return undefined;
    }
    const analysis = withBulkStats(analyze(post.text, options.analysis ?? {}), stats);
    written += 1;
    if (analysis.labels.length === 0) unlabelled += 1;
    for (const label of analysis.labels) labels[label] = (labels[label] ?? 0) + 1;
    authors.add(post, analysis, stats.copies);
    batch += options.line ? options.line(post, analysis, stats) : resultLine(post.id, analysis);
    if (batch.length >= OUTPUT_BATCH) {
      const out = batch;
      batch = '';
      return writeOut(options.output, out);
    }
    return undefined;
  });
  if (batch !== '') await writeOut(options.output, batch);

  const threads = buildThreads(replies)
    .threads()
    .map((t) => {
      const rootPresent = ids.has(hash53(t.root));
      return { ...t, rootPresent, size: t.size + (rootPresent && !t.rootPresent ? 1 : 0) };
    })
    .sort((a, b) => b.size - a.size || b.maxDepth - a.maxDepth);
  return {
    format,
    fatal: null,
    read,
    written,
    skippedLines,
    labels,
    unlabelled,
    authors: authors.list(10),
    accounts: authors.accounts,
    threads,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The command

const MESSAGES = {
  usage: {
    ja: (detail: string) => `使い方の誤り: ${detail}（mimamoru analyze --help）`,
    en: (detail: string) => `Usage: ${detail} (see mimamoru analyze --help)`,
  },
  badThreshold: {
    ja: '--threshold は 0 から 1 の数で指定してください（例: 0.5）',
    en: '--threshold must be a number from 0 to 1 (e.g. 0.5)',
  },
  badColumn: {
    ja: (v: string) => `--column「${v}」は 項目=列名 の形で、項目は ${POST_FIELDS.join(', ')} のどれかです`,
    en: (v: string) => `--column "${v}" must be field=header with field one of ${POST_FIELDS.join(', ')}`,
  },
  readFailed: {
    ja: (source: string) => `入力を読み込めませんでした（${source}）。ファイルのパスを確認してください。`,
    en: (source: string) => `Could not read the input (${source}). Check the file path.`,
  },
  writeFailed: {
    ja: (target: string, why: string) => `結果を書き込めませんでした（${target}: ${why}）。`,
    en: (target: string, why: string) => `Could not write the results (${target}: ${why}).`,
  },
  line: { ja: (n: number) => `${n} 行目`, en: (n: number) => `line ${n}` },
  moreIssues: {
    ja: (n: number) => `…ほかに ${n} 行を読み飛ばしました。`,
    en: (n: number) => `… and ${n} more line(s) skipped.`,
  },
  nothing: {
    ja: '分析できる投稿がありませんでした。',
    en: 'There was no post to analyse.',
  },
} as const;

const MAX_ISSUES_SHOWN = 20;

function environmentLocale(env: CliIo['env']): Locale {
  const tag = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'ja';
}

const fmt = (n: number) => n.toLocaleString('en-US');
/** Pads to a terminal width, counting East Asian wide characters as two columns. */
const padCols = (text: string, width: number) => {
  let cols = 0;
  for (const ch of text)
    cols +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return text + ' '.repeat(Math.max(0, width - cols));
};

function renderSummary(r: AnalyzeFileResult, source: string, locale: Locale): string {
  const ja = locale === 'ja';
  const merged = r.read - r.written;
  const lines = [
    ja
      ? `${source}: ${fmt(r.written)} 件を分析しました（読み込み ${fmt(r.read)} 件、重複をまとめた数 ${fmt(merged)} 件、読み飛ばした行 ${fmt(r.skippedLines)}）。`
      : `${source}: analysed ${fmt(r.written)} post(s) (${fmt(r.read)} read, ${fmt(merged)} duplicate(s) merged, ${fmt(r.skippedLines)} line(s) skipped).`,
    ja ? 'ラベルごとの件数:' : 'Posts per label:',
  ];
  const labelNames = [...ANALYSIS_CATEGORIES, 'spam-pile-on', ...Object.keys(r.labels)];
  for (const label of new Set(labelNames)) {
    lines.push(`  ${label.padEnd(22)} ${fmt(r.labels[label] ?? 0).padStart(9)}`);
  }
  lines.push(`  ${padCols(ja ? '(ラベルなし)' : '(no label)', 22)} ${fmt(r.unlabelled).padStart(9)}`);
  if (r.authors.length > 0) {
    lines.push(
      ja
        ? `投稿者（${fmt(r.accounts)} アカウント、最も高いスコア順、次に投稿数順）:`
        : `Top authors (${fmt(r.accounts)} accounts; worst score first, then volume):`,
    );
    for (const a of r.authors) {
      const span = a.firstAt ? `  ${a.firstAt} – ${a.lastAt ?? a.firstAt}` : '';
      const top = Object.entries(a.labels)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 3)
        .map(([l, n]) => `${l} ${n}`)
        .join(', ');
      lines.push(
        `  ${padCols(a.author, 20)} ${ja ? '投稿' : 'posts'} ${fmt(a.posts).padStart(6)}  ${ja ? 'ラベルあり' : 'flagged'} ${fmt(a.flagged).padStart(6)}  ` +
          `${ja ? '最高' : 'worst'} ${a.worstScore.toFixed(2)} (id ${a.worstPostId})${top ? `  [${top}]` : ''}${span}`,
      );
    }
  }
  if (r.threads.length > 0) {
    const t = r.threads[0] as ThreadSummary;
    lines.push(
      ja
        ? `スレッド: ${fmt(r.threads.length)} 件（最大: 起点 ${t.root}、${fmt(t.size)} 件、深さ ${t.maxDepth}）`
        : `Threads: ${fmt(r.threads.length)} (largest: root ${t.root}, ${fmt(t.size)} posts, depth ${t.maxDepth})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function progressBar(io: CliIo) {
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let last = 0;
  return {
    update(p: { pass: 1 | 2; bytes: number; totalBytes: number; posts: number }) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && p.bytes < p.totalBytes) return;
      last = now;
      const ratio = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 1;
      const width = 30;
      const filled = Math.round(ratio * width);
      const what = p.pass === 1 ? 'reading  ' : 'analysing';
      io.stderr.write(
        `\r${what} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%  ${fmt(p.posts)} posts`,
      );
    },
    done() {
      if (tty && last > 0) io.stderr.write('\r\u001b[2K');
    },
  };
}

interface CommandOptions {
  input: string;
  format?: ImportFormat;
  output?: string;
  threshold?: string;
  name?: string[];
  handle?: string[];
  column?: string[];
  lang?: string;
}

async function analyzeCommand(io: CliIo, o: CommandOptions): Promise<number> {
  const locale: Locale = o.lang && isLocale(o.lang) ? o.lang : environmentLocale(io.env);
  const usage = (detail: string) => {
    io.stderr.write(`${MESSAGES.usage[locale](detail)}\n`);
    return 2;
  };
  const threshold = o.threshold === undefined ? DEFAULT_LABEL_THRESHOLD : Number(o.threshold);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1 || o.threshold?.trim() === '')
    return usage(MESSAGES.badThreshold[locale]);
  const columns: Partial<Record<string, string>> = {};
  for (const c of o.column ?? []) {
    const m = /^([A-Za-z]+)=(.+)$/.exec(c);
    if (!m || !(POST_FIELDS as readonly string[]).includes(m[1] ?? ''))
      return usage(MESSAGES.badColumn[locale](c));
    columns[m[1] as string] = (m[2] as string).trim();
  }

  let dir: string | null = null;
  let input = o.input;
  const source = o.input === '-' ? 'stdin' : o.input;
  try {
    if (o.input === '-') {
      dir = await mkdtemp(join(tmpdir(), 'mimamoru-analyze-'));
      input = join(dir, 'stdin');
      await pipeline(io.stdin, createWriteStream(input, { mode: 0o600 }));
    }
    try {
      await stat(input);
    } catch {
      io.stderr.write(`${MESSAGES.readFailed[locale](source)}\n`);
      return 1;
    }

    const output = o.output ? createWriteStream(o.output) : null;
    if (output) {
      const failed = await new Promise<Error | null>((resolve) => {
        output.once('open', () => resolve(null));
        output.once('error', (e) => resolve(e));
      });
      if (failed) {
        io.stderr.write(`${MESSAGES.writeFailed[locale](o.output as string, failed.message)}\n`);
        return 1;
      }
    }
    const outputDone = output
      ? new Promise<Error | null>((resolve) => {
          output.once('error', (e) => resolve(e));
          output.once('close', () => resolve(null));
        })
      : Promise.resolve(null);
    const bar = progressBar(io);
    let shown = 0;
    let skipped = 0;
    let result: AnalyzeFileResult;
    try {
      result = await analyzeFile({
        input,
        format: o.format,
        columns: Object.keys(columns).length > 0 ? (columns as Partial<ColumnMapping>) : undefined,
        output: output ?? io.stdout,
        analysis: { threshold, victimNames: o.name ?? [], victimHandles: o.handle ?? [] },
        onIssue: (issue) => {
          skipped += 1;
          if (shown >= MAX_ISSUES_SHOWN) return;
          shown += 1;
          bar.done();
          io.stderr.write(`${source} ${MESSAGES.line[locale](issue.line)}: ${issue.message[locale]}\n`);
        },
        onProgress: (p) => bar.update(p),
      });
    } finally {
      bar.done();
      output?.end();
    }
    const writeError = await outputDone;
    if (writeError) {
      io.stderr.write(`${MESSAGES.writeFailed[locale](o.output ?? 'stdout', writeError.message)}\n`);
      return 1;
    }
    if (skipped > shown) io.stderr.write(`${MESSAGES.moreIssues[locale](skipped - shown)}\n`);
    if (result.fatal) {
      io.stderr.write(`${source}: ${result.fatal.message[locale]}\n`);
      if (o.output) await rm(o.output, { force: true });
      return 1;
    }
    if (result.written === 0) {
      io.stderr.write(`${source}: ${MESSAGES.nothing[locale]}\n`);
      if (o.output) await rm(o.output, { force: true });
      return 1;
    }
    io.stderr.write(renderSummary(result, source, locale));
    return 0;
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/** `mimamoru analyze`: bulk post analysis of a file, no database needed. */
export function registerAnalyzeCommands(
  program: Command,
  deps: { io: CliIo; result: { code: number } },
): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  program
    .command('analyze')
    .description(
      'Analyse posts (JSON Lines, CSV or text) for possibly illegal content; one JSON line per post.',
    )
    .requiredOption('-i, --input <file>', "posts file; '-' reads stdin")
    .addOption(
      new Option('-f, --format <format>', 'input format (guessed when absent)').choices([...IMPORT_FORMATS]),
    )
    .option('-o, --output <file>', 'where to write the JSON lines (default: stdout)')
    .option(
      '-t, --threshold <score>',
      `score from which a category becomes a label (default ${DEFAULT_LABEL_THRESHOLD})`,
    )
    .option('--name <name>', "the victim's name (repeatable): posts naming them score higher", collect)
    .option('--handle <handle>', "the victim's handle, e.g. @hanako_y (repeatable)", collect)
    .option('--column <field=header>', 'CSV column for a field, e.g. text=本文 (repeatable)', collect)
    .addOption(
      new Option('-l, --lang <locale>', 'language of messages and the summary').choices(['ja', 'en']),
    )
    .addHelpText('after', HELP)
    .action(async (options: CommandOptions) => {
      deps.result.code = await analyzeCommand(deps.io, options);
    });
}
