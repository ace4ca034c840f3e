import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import {
  ANALYSIS_CATEGORIES,
  DEFAULT_LABEL_THRESHOLD,
  HashCounter,
  IMPORT_FORMATS,
  POST_FIELDS,
  buildThreads,
  createBulkRun,
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
import { LineSpool, type LineSpoolOptions } from './line-spool.js';
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
on stderr and skipped; the rest is analysed. The input is read once, a line at a time; results wait in memory
and, beyond 16 MB, in an encrypted temporary file until the end, when the lines of merged posts and pile-ons
get their final counts. Memory stays bounded; stdin is read as it comes.

A summary (counts per label, top authors, threads) goes to stderr, with a progress bar on a terminal.

Examples:
  $ mimamoru analyze --input posts.jsonl --output results.jsonl
  $ mimamoru analyze --input replies.csv --column text=本文 --column author=投稿者 --threshold 0.6
  $ mimamoru analyze --input pasted.txt --format text --name 山田花子 --handle @hanako_y
  $ cat posts.jsonl | mimamoru analyze --input - > results.jsonl

Exit codes: 0 analysed (some lines may have been skipped), 1 input error (nothing analysed), 2 usage.
`;

export interface AnalyzeFileOptions {
  /** Path of the input file, its bytes already in memory (the server's decrypted upload), or a stream (stdin). */
  readonly input: string | Uint8Array | AsyncIterable<Uint8Array>;
  readonly format?: ImportFormat;
  readonly columns?: Partial<ColumnMapping>;
  /** Receives the result lines in runs of whole lines (a Node stream's back-pressure is respected). */
  readonly output: { write(data: string | Uint8Array): unknown };
  readonly analysis?: AnalysisOptions;
  readonly minAccounts?: number;
  /** Called per skipped line. */
  readonly onIssue?: (issue: ImportIssue) => void;
  readonly onProgress?: (progress: AnalyzeProgress) => void;
  /** The per-post engine; `analyzePost` from core unless a test or the bench passes another. */
  readonly analyze?: (text: string, options: AnalysisOptions) => PostAnalysis;
  /** The line written per kept post (default: the CLI's `{ id, score, labels, … }`). */
  readonly result?: ResultFormat;
  /** Where result lines wait for the end of the input (the temporary file's directory, memory kept). */
  readonly spool?: LineSpoolOptions;
}

/** Bytes of the input read and posts found so far. */
export interface AnalyzeProgress {
  readonly bytes: number;
  readonly totalBytes: number;
  readonly posts: number;
}

/**
 * How a kept post becomes a line of output. Lines are written as each post is analysed, with the stats it had
 * then (one copy, its own account); once the whole input is read, the few lines whose stats changed (later
 * copies, more accounts, a pile-on) are passed to `relabel` with the final stats.
 */
export interface ResultFormat {
  /** The line (ending in "\n"), whole or in pieces: strings, and UTF-8 bytes for a part encoded once and reused. */
  line(post: ImportedPost, analysis: PostAnalysis, stats: BulkStats): string | readonly (string | Uint8Array)[];
  /** Whether a line written with the first stats must be rewritten for these final ones. */
  outdated(stats: BulkStats): boolean;
  /** The line again (as `line` gives it) for the final stats. */
  relabel(line: string, stats: BulkStats): string | readonly (string | Uint8Array)[];
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

/**
 * Writes a block (one string or buffer, or the pieces of one block) to a Node stream, waiting on back-pressure
 * (pieces are corked into one write), or to a plain `{ write }` sink, awaited when it returns a promise.
 */
async function writeOut(sink: AnalyzeFileOptions['output'], data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const stream = sink as Partial<Writable>;
  const isStream = typeof stream.on === 'function' && typeof stream.off === 'function';
  let ok: unknown = true;
  if (typeof data === 'string' || data instanceof Uint8Array) ok = sink.write(data);
  else if (isStream && typeof stream.cork === 'function' && typeof stream.uncork === 'function') {
    stream.cork();
    for (const piece of data) ok = sink.write(piece);
    stream.uncork();
  } else
    for (const piece of data) {
      ok = sink.write(piece);
      if (ok instanceof Promise) await ok;
    }
  if (ok instanceof Promise) {
    await ok;
    return;
  }
  if (ok === false && isStream) {
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

/** Scores are rounded to thousandths: their JSON text, made once (index = score × 1000). */
const THOUSANDTHS = Array.from({ length: 1001 }, (_, i) => String(i / 1000));
/** A number as JSON.stringify writes it (NaN and ±Infinity → null). */
const num = (n: number): string => {
  const i = Math.round(n * 1000);
  if (i >= 0 && i <= 1000 && i / 1000 === n) return THOUSANDTHS[i] as string;
  return Number.isFinite(n) ? String(n) : 'null';
};
const str = (s: string): string => JSON.stringify(s);
/** Rule and category names come from a small fixed set: quoted once. */
const quotedNames = new Map<string, string>();
const name = (s: string): string => {
  let quoted = quotedNames.get(s);
  if (quoted === undefined) {
    quoted = str(s);
    if (quotedNames.size < 10_000) quotedNames.set(s, quoted);
  }
  return quoted;
};
/** `"insult":` … prefixes of the categories object, in ANALYSIS_CATEGORIES order. */
const CATEGORY_KEYS = ANALYSIS_CATEGORIES.map((c, i) => `${i === 0 ? '' : ','}${str(c)}:`);
/** The end of the line of a post in which nothing was found (after its id). */
const NOTHING_LINE = `,"score":0,"labels":[],"categories":{${ANALYSIS_CATEGORIES.map((c) => `${str(c)}:0`).join(',')}},"spans":[],"explanation":{"ja":"","en":""}}\n`;

/**
 * The end of a line from its explanation on, as UTF-8: explanations are shared objects for equal labels and
 * phrases (core's explainLabels), so a flame's thousand identical explanations are encoded once.
 */
const encodedTails = new WeakMap<object, Buffer>();
function explanationTail(explanation: PostAnalysis['explanation']): Buffer {
  let tail = encodedTails.get(explanation);
  if (tail === undefined) {
    tail = Buffer.from(`],"explanation":{"ja":${str(explanation.ja)},"en":${str(explanation.en)}}}\n`, 'utf8');
    encodedTails.set(explanation, tail);
  }
  return tail;
}

/**
 * One JSON line, with the keys in the order the issue names them. Written by hand (the same bytes as
 * JSON.stringify of `{ id, score, labels, categories, spans, explanation }`) to skip building the object: the
 * part before the explanation (ASCII but for the id) and the explanation's bytes.
 */
function resultLine(id: string, a: PostAnalysis): [string, Uint8Array] | string {
  if (a.score === 0 && a.spans.length === 0 && a.labels.length === 0 && a.explanation.ja === '' && a.explanation.en === '')
    return `{"id":${str(id)}${NOTHING_LINE}`;
  let line = `{"id":${str(id)},"score":${num(a.score)},"labels":[`;
  for (let i = 0; i < a.labels.length; i++) line += `${i === 0 ? '' : ','}${name(a.labels[i] as string)}`;
  line += '],"categories":{';
  for (let i = 0; i < ANALYSIS_CATEGORIES.length; i++)
    line += `${CATEGORY_KEYS[i] as string}${num(a.categories[ANALYSIS_CATEGORIES[i] as AnalysisCategory])}`;
  line += '},"spans":[';
  for (let i = 0; i < a.spans.length; i++) {
    const s = a.spans[i] as PostAnalysis['spans'][number];
    line += `${i === 0 ? '' : ','}{"start":${num(s.start)},"end":${num(s.end)},"category":${name(s.category)},"rule":${name(s.rule)}}`;
  }
  return [line, explanationTail(a.explanation)];
}

/** The CLI's lines: `{ id, score, labels, categories, spans, explanation }` (one per run: it keeps a memo). */
export function cliResult(): ResultFormat {
  /** Rewritten line ends, by stats and the line after its id. */
  const relabelled = new Map<string, Buffer>();
  return {
    line: (post, analysis) => resultLine(post.id, analysis),
    // Only the pile-on label and the merged copies show in these lines (not the number of accounts alone).
    outdated: (stats) => stats.pileOn || stats.copies > 1,
    relabel(line, stats) {
      // A pile-on is the same text, hence the same analysis, from many accounts: the line after its id is
      // rewritten once per analysis and stats (`,"score":` cannot occur unescaped in the JSON-encoded id).
      const cut = line.indexOf(',"score":');
      const key = `${stats.copies},${stats.accounts},${stats.pileOn ? 1 : 0}${line.slice(cut)}`;
      let rest = relabelled.get(key);
      if (rest === undefined) {
        const parsed = JSON.parse(line) as PostAnalysis & { id: string };
        const rewritten = resultLine(parsed.id, withBulkStats(parsed, stats));
        const bytes =
          typeof rewritten === 'string'
            ? Buffer.from(rewritten, 'utf8')
            : Buffer.concat([Buffer.from(rewritten[0], 'utf8'), rewritten[1]]);
        rest = bytes.subarray(bytes.indexOf(',"score":'));
        if (relabelled.size >= 10_000) relabelled.clear();
        relabelled.set(key, rest);
      }
      return [line.slice(0, cut), rest];
    },
  };
}

/**
 * Analyses a file of posts as `mimamoru analyze` does (and as `npm run bench` times it), in one streaming pass:
 * each post is read, merged with identical ones (createBulkRun) or analysed, and its line spooled; at the end the
 * spool is written out, the lines of posts whose copies or accounts changed rewritten (ResultFormat.relabel).
 */
export async function analyzeFile(options: AnalyzeFileOptions): Promise<AnalyzeFileResult> {
  const { input } = options;
  let format: ImportFormat;
  let totalBytes: number;
  /** The input in chunks, from the file, the bytes in memory or the stream (read once). */
  let chunks: () => AsyncIterable<Uint8Array>;
  if (typeof input === 'string') {
    format = options.format ?? (await sniffFormat(input));
    totalBytes = (await stat(input)).size;
    chunks = () => createReadStream(input, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>;
  } else if (input instanceof Uint8Array) {
    format = options.format ?? sniffBytes(input);
    totalBytes = input.byteLength;
    chunks = async function* () {
      for (let at = 0; at < input.byteLength; at += CHUNK) yield input.subarray(at, at + CHUNK);
    };
  } else {
    // A stream: its first 64 KB are read ahead to guess the format, then handed on with the rest. Its size is
    // not known (progress counts posts only).
    const iterator = input[Symbol.asyncIterator]();
    const head: Uint8Array[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < CHUNK) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.byteLength;
    }
    format = options.format ?? sniffBytes(Buffer.concat(head));
    totalBytes = 0;
    chunks = async function* () {
      yield* head;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    };
  }
  // The engine's word data is loaded on use, so `mimamoru --help` stays fast.
  const analyze = options.analyze ?? (await import('@mimamoru/core')).analyzePost;
  let skippedLines = 0;
  const csv = options.columns ? { mapping: options.columns } : {};
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Uint8Array) => decoder.decode(bytes);

  /** Streams the file through a post reader, calling `each` per post; returns the fatal problem, if any. */
  const pass = async (each: (post: ImportedPost) => Promise<void> | void) => {
    const reader = createPostReader({ format, csv, decode });
    let posts = 0;
    let lastReport = 0;
    const handle = async (step: { posts: ImportedPost[]; issues: ImportIssue[] }) => {
      skippedLines += step.issues.length;
      for (const i of step.issues) options.onIssue?.(i);
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
        options.onProgress({ bytes: reader.bytesRead, totalBytes, posts });
      }
    }
    await handle(reader.end());
    options.onProgress?.({ bytes: reader.bytesRead, totalBytes, posts });
    return reader.fatal;
  };

  const analysisOptions = options.analysis ?? {};
  // A first guess at the number of posts (about 150 bytes each) sizes the tables once.
  const expectedPosts = Math.min(4_000_000, Math.ceil((totalBytes || 15_000_000) / 150));
  const run = createBulkRun((text) => analyze(text, analysisOptions), { minAccounts: options.minAccounts, expectedPosts });
  const result = options.result ?? cliResult();
  const spool = new LineSpool(options.spool);
  const ids = new HashCounter(expectedPosts);
  const replies: { id: string; replyTo: string }[] = [];
  try {
    const fatal = await pass((post) => {
      ids.set(hash53(post.id), 1);
      if (post.replyTo) replies.push({ id: post.id, replyTo: post.replyTo });
      const kept = run.push(post);
      return kept ? spool.append(result.line(post, kept.analysis, kept.stats)) : undefined;
    });
    const summary = run.finish();
    if (fatal || summary.read === 0)
      return {
        format,
        skippedLines,
        fatal,
        read: summary.read,
        written: 0,
        labels: {},
        unlabelled: 0,
        authors: [],
        accounts: 0,
        threads: [],
      };
    await spool.drain(
      (block) => writeOut(options.output, block),
      summary.changed.filter((n) => result.outdated(run.stats(n))),
      (n, line) => result.relabel(line, run.stats(n)),
    );
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
      read: summary.read,
      written: summary.written,
      skippedLines,
      labels: summary.labels,
      unlabelled: summary.unlabelled,
      authors: summary.authors.list(10),
      accounts: summary.authors.accounts,
      threads,
    };
  } finally {
    await spool.dispose();
  }
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

/** io.stdout as analyzeFile's output: a Node stream as it is (back-pressure), any other sink given text. */
function stdoutSink(stdout: CliIo['stdout']): AnalyzeFileOptions['output'] {
  if (typeof (stdout as Partial<Writable>).on === 'function') return stdout as AnalyzeFileOptions['output'];
  return {
    write: (data) =>
      stdout.write(typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')),
  };
}

function progressBar(io: CliIo) {
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let last = 0;
  return {
    update(p: AnalyzeProgress) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && p.bytes < p.totalBytes) return;
      last = now;
      // From stdin the size is not known: the bytes and posts read so far.
      if (p.totalBytes === 0) {
        io.stderr.write(`\ranalysing ${fmt(Math.round(p.bytes / 1024))} KB  ${fmt(p.posts)} posts`);
        return;
      }
      const ratio = Math.min(1, p.bytes / p.totalBytes);
      const width = 30;
      const filled = Math.round(ratio * width);
      io.stderr.write(
        `\ranalysing [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%  ${fmt(p.posts)} posts`,
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

  const stdin = o.input === '-';
  const input: AnalyzeFileOptions['input'] = stdin ? (io.stdin as AsyncIterable<Uint8Array>) : o.input;
  const source = stdin ? 'stdin' : o.input;
  if (!stdin)
    try {
      await stat(o.input);
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
      output: output ?? stdoutSink(io.stdout),
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
