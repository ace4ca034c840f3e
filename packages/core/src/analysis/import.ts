/**
 * Import of posts for bulk analysis (issue #6): CSV (RFC 4180, with a column mapping), JSON Lines, plain text
 * (one post per line) and pasted text. Streaming: bytes go in chunk by chunk, posts and per-line issues come out;
 * nothing assumes the whole file is in memory. Malformed lines are reported with their line number and skipped.
 * Decoding is injected (a fatal UTF-8 TextDecoder in Node and in the browser) so this module stays pure.
 */
import type { Localized } from '../i18n/locale.js';
import type { ImportedPost } from './types.js';

export const IMPORT_FORMATS = ['jsonl', 'csv', 'text'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The longest line (or CSV record) accepted, in bytes; longer ones are reported and skipped. */
export const MAX_LINE_BYTES = 100 * 1024;
/** A NUL byte in the first this-many bytes means the file is not text (or is UTF-16). */
const BINARY_SNIFF_BYTES = 8192;

export const POST_FIELDS = ['id', 'text', 'author', 'postedAt', 'url', 'replyTo'] as const;
export type PostField = (typeof POST_FIELDS)[number];

/** Which CSV column (header name) holds each field; `text` is required. */
export interface ColumnMapping {
  readonly id?: string;
  readonly text: string;
  readonly author?: string;
  readonly postedAt?: string;
  readonly url?: string;
  readonly replyTo?: string;
}

export type ImportIssueCode =
  | 'line-too-long'
  | 'invalid-utf8'
  | 'malformed-json'
  | 'not-an-object'
  | 'missing-text'
  | 'csv-columns'
  | 'csv-quote'
  | 'csv-unterminated';

/** A skipped line: its 1-based line number (the first line of a CSV record) and why. */
export interface ImportIssue {
  readonly line: number;
  readonly code: ImportIssueCode;
  readonly message: Localized;
}

export type ImportFatalCode = 'empty' | 'binary' | 'csv-no-text-column' | 'csv-unknown-column';

/** A problem with the whole input: nothing can be imported. */
export interface ImportFatal {
  readonly code: ImportFatalCode;
  readonly message: Localized;
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

const ISSUE_MESSAGES = {
  'line-too-long': (bytes: number) => ({
    ja: `行が長すぎます（${kb(bytes)}、上限 ${kb(MAX_LINE_BYTES)}）。この行は読み飛ばしました。`,
    en: `The line is too long (${kb(bytes)}, limit ${kb(MAX_LINE_BYTES)}); it was skipped.`,
  }),
  'invalid-utf8': () => ({
    ja: 'UTF-8 として読めない文字が含まれています。ファイルを UTF-8 で保存し直してください。',
    en: 'The line is not valid UTF-8. Save the file as UTF-8 and try again.',
  }),
  'malformed-json': (detail: string) => ({
    ja: `JSON として読めません（${detail}）。`,
    en: `Not valid JSON (${detail}).`,
  }),
  'not-an-object': () => ({
    ja: 'JSON Lines の各行は { "text": … } の形のオブジェクトにしてください。',
    en: 'Each JSON Lines line must be an object such as { "text": … }.',
  }),
  'missing-text': () => ({
    ja: '本文（text）がありません。',
    en: 'The post has no text.',
  }),
  'csv-columns': (expected: number, found: number) => ({
    ja: `列の数が見出し行と合いません（見出し ${expected} 列、この行 ${found} 列）。`,
    en: `The number of columns does not match the header (${expected} expected, ${found} found).`,
  }),
  'csv-quote': () => ({
    ja: '引用符（"）の閉じ方が正しくありません。引用符で囲んだ値の中の " は "" と二重にしてください。',
    en: 'A closing quote (") is followed by other characters. Inside a quoted value write " as "".',
  }),
  'csv-unterminated': () => ({
    ja: '引用符（"）が閉じられていません。この行から始まる値は読み飛ばしました。',
    en: 'A quote (") is never closed; the value starting on this line was skipped.',
  }),
} as const;

const FATAL_MESSAGES = {
  empty: () => ({
    ja: '入力が空です。投稿が 1 件もありません。',
    en: 'The input is empty: there are no posts.',
  }),
  binary: () => ({
    ja: 'テキストファイルではありません（画像や圧縮ファイル、または UTF-16 の可能性があります）。CSV・JSON Lines・テキストを UTF-8 で保存してください。',
    en: 'This is not a text file (an image, an archive, or UTF-16 text?). Use CSV, JSON Lines or plain text saved as UTF-8.',
  }),
  'csv-no-text-column': (headers: readonly string[]) => ({
    ja: `本文の列が見つかりません（見出し: ${headers.join(', ')}）。本文の列を指定してください（例: text=本文）。`,
    en: `No column holds the post text (headers: ${headers.join(', ')}). Name it in the column mapping (e.g. text=body).`,
  }),
  'csv-unknown-column': (column: string, headers: readonly string[]) => ({
    ja: `列「${column}」は見出し行にありません（見出し: ${headers.join(', ')}）。`,
    en: `Column "${column}" is not in the header row (headers: ${headers.join(', ')}).`,
  }),
} as const;

function issue<C extends ImportIssueCode>(
  line: number,
  code: C,
  ...args: Parameters<(typeof ISSUE_MESSAGES)[C]>
): ImportIssue {
  const make = ISSUE_MESSAGES[code] as (...a: unknown[]) => Localized;
  return { line, code, message: make(...args) };
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes → lines

/** One physical line: its bytes without the line break, or only its length when it was too long to keep. */
export type RawLine =
  { readonly line: number; readonly bytes: Uint8Array } | { readonly line: number; readonly tooLong: number };

/**
 * Splits byte chunks into lines (LF or CRLF) without holding more than one line (at most `maxBytes`). A line
 * longer than that is dropped as it streams past and reported by its length. Sets `binary` when a NUL byte
 * appears in the first 8 KB.
 */
export function createLineSplitter(maxBytes = MAX_LINE_BYTES) {
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let overflow = 0; // > 0 while skipping a too-long line: its length so far
  let line = 0;
  let seen = 0;
  let binary = false;

  const finish = (out: RawLine[], last: Uint8Array | null) => {
    line += 1;
    if (overflow > 0) {
      out.push({ line, tooLong: overflow + (last?.length ?? 0) });
    } else {
      let bytes: Uint8Array;
      if (parts.length === 0) bytes = last ?? new Uint8Array(0);
      else {
        bytes = new Uint8Array(partBytes + (last?.length ?? 0));
        let at = 0;
        for (const part of parts) {
          bytes.set(part, at);
          at += part.length;
        }
        if (last) bytes.set(last, at);
      }
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      out.push({ line, bytes });
    }
    parts = [];
    partBytes = 0;
    overflow = 0;
  };

  const keep = (piece: Uint8Array) => {
    if (overflow > 0) overflow += piece.length;
    else if (partBytes + piece.length > maxBytes + 1) {
      overflow = partBytes + piece.length;
      parts = [];
      partBytes = 0;
    } else if (piece.length > 0) {
      parts.push(piece.slice());
      partBytes += piece.length;
    }
  };

  return {
    /** True once a NUL byte was seen in the first 8 KB: the input is not UTF-8 text. */
    get binary() {
      return binary;
    },
    /** Bytes received so far. */
    get bytesSeen() {
      return seen;
    },
    push(chunk: Uint8Array): RawLine[] {
      if (seen < BINARY_SNIFF_BYTES) {
        const sniff = chunk.subarray(0, BINARY_SNIFF_BYTES - seen);
        if (sniff.includes(0)) binary = true;
      }
      seen += chunk.length;
      const out: RawLine[] = [];
      let start = 0;
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, start)) {
        const piece = chunk.subarray(start, i);
        if (overflow === 0 && partBytes + piece.length <= maxBytes + 1) finish(out, piece);
        else {
          overflow = (overflow > 0 ? overflow : partBytes) + piece.length;
          parts = [];
          partBytes = 0;
          finish(out, null);
        }
        start = i + 1;
      }
      keep(chunk.subarray(start));
      return out;
    },
    /** The last line when the input does not end with a line break. */
    end(): RawLine[] {
      const out: RawLine[] = [];
      if (partBytes > 0 || overflow > 0) finish(out, null);
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Field recognition

/** Header names (normalised: NFKC, lower case, no spaces, `_`, `-` or `.`) recognised for each field. */
const FIELD_ALIASES: Readonly<Record<PostField, readonly string[]>> = {
  text: [
    'text',
    'fulltext',
    'body',
    'content',
    'message',
    'post',
    'tweet',
    'comment',
    'status',
    '本文',
    '内容',
    '投稿',
    '投稿内容',
    '投稿本文',
    'テキスト',
    'コメント',
    'メッセージ',
    '文章',
    'ツイート',
  ],
  id: ['id', 'idstr', 'postid', 'tweetid', 'statusid', 'commentid', 'messageid', '投稿id', '番号', 'no'],
  author: [
    'author',
    'user',
    'username',
    'userscreenname',
    'userusername',
    'screenname',
    'handle',
    'account',
    'from',
    'poster',
    'authorhandle',
    'authorname',
    '投稿者',
    '投稿者名',
    'ユーザー',
    'ユーザー名',
    'ユーザ名',
    'アカウント',
    'アカウント名',
    '名前',
    '発信者',
  ],
  postedAt: [
    'postedat',
    'createdat',
    'date',
    'time',
    'datetime',
    'timestamp',
    'published',
    'publishedat',
    '日時',
    '投稿日時',
    '日付',
    '投稿日',
    '時刻',
    '投稿時刻',
  ],
  url: ['url', 'link', 'permalink', 'posturl', 'tweeturl', '投稿url', 'リンク'],
  replyTo: [
    'replyto',
    'inreplyto',
    'inreplytostatusid',
    'inreplytostatusidstr',
    'inreplytoid',
    'parent',
    'parentid',
    '返信先',
    '返信先id',
    '親投稿',
  ],
};

const normaliseHeader = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\uFEFF/, '')
    .replace(/[\s_\-.]/g, '');

/** Guesses the column mapping from a CSV header row (English and Japanese names); null when no text column. */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping | null {
  const normalised = headers.map(normaliseHeader);
  const found: Partial<Record<PostField, string>> = {};
  for (const field of POST_FIELDS) {
    for (const alias of FIELD_ALIASES[field]) {
      const at = normalised.findIndex(
        (h, i) => h === alias && !Object.values(found).includes(headers[i] ?? ''),
      );
      if (at !== -1) {
        found[field] = headers[at] ?? '';
        break;
      }
    }
  }
  return found.text === undefined ? null : ({ ...found, text: found.text } as ColumnMapping);
}

// ---------------------------------------------------------------------------------------------------------------
// Values

const JST = '+09:00';
const pad = (n: string) => n.padStart(2, '0');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const zero = 48;
/** Two ASCII digits at `at` as a number, or -1. */
function two(s: string, at: number): number {
  const a = s.charCodeAt(at) - zero;
  const b = s.charCodeAt(at + 1) - zero;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * True for `YYYY-MM-DDTHH:MM:SS.mmmZ` naming a real moment (the day exists in that month), so that
 * `new Date(Date.parse(s)).toISOString() === s` and such strings order as their times do.
 */
export function isCanonicalUtcIso(s: string): boolean {
  if (s.length !== 24 || s.charCodeAt(23) !== 90 /* Z */ || s.charCodeAt(10) !== 84 /* T */) return false;
  if (s[4] !== '-' || s[7] !== '-' || s[13] !== ':' || s[16] !== ':' || s[19] !== '.') return false;
  const century = two(s, 0);
  const yy = two(s, 2);
  if (century < 0 || yy < 0) return false;
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  const ms = two(s, 20);
  const msLast = s.charCodeAt(22) - zero;
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    (day <= 28 || day <= daysInMonth(century * 100 + yy, month)) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59 &&
    ms >= 0 &&
    msLast >= 0 &&
    msLast <= 9
  );
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isoOrNull(candidate: string): string | null {
  const ms = Date.parse(candidate);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * Normalises a post time to ISO 8601 (UTC) when it can be read: ISO with a zone, `2026/11/29 12:34`,
 * `2026年11月29日 12:34` (no zone: Japan time), X's `Wed Oct 10 20:19:24 +0000 2018`, Unix seconds or
 * milliseconds. A bare date stays a date. Anything else is kept as given.
 */
export function normalizePostedAt(value: string): string {
  // Already canonical (what this function returns, and what most exports hold): nothing to do.
  if (isCanonicalUtcIso(value)) return value;
  const v = value.trim().normalize('NFKC');
  if (/^\d{9,13}$/.test(v)) {
    const n = Number(v);
    return new Date(v.length <= 10 ? n * 1000 : n).toISOString();
  }
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  if (m) return `${m[1]}-${pad(m[2] ?? '')}-${pad(m[3] ?? '')}`;
  m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]|\s*\(.\)\s*)(\d{1,2})[:時](\d{1,2})(?:[:分](\d{1,2})(?:\.(\d+))?秒?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      v,
    );
  if (m) {
    const [, y, mo, d, h, mi, s = '0', frac, zone] = m;
    const z =
      zone === undefined
        ? JST
        : zone === 'Z'
          ? 'Z'
          : zone.includes(':')
            ? zone
            : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return (
      isoOrNull(
        `${y}-${pad(mo ?? '')}-${pad(d ?? '')}T${pad(h ?? '')}:${pad(mi ?? '')}:${pad(s)}${frac ? `.${frac.slice(0, 3)}` : ''}${z}`,
      ) ?? value
    );
  }
  m = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(v);
  if (m) {
    const [, mon = '', d, h, mi, s, sign, zh, zm, y] = m;
    const month = MONTHS.indexOf(mon.toLowerCase()) + 1;
    if (month > 0)
      return (
        isoOrNull(`${y}-${pad(String(month))}-${pad(d ?? '')}T${h}:${mi}:${s}${sign}${zh}:${zm}`) ?? value
      );
  }
  return value;
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** JSON Lines field names, first match wins (X/Twitter exports: `full_text`, `id_str`, `user.screen_name` …). */
export const JSON_PATHS: Readonly<Record<PostField, readonly string[]>> = {
  text: [
    'text',
    'full_text',
    'fullText',
    'legacy.full_text',
    'body',
    'content',
    'message',
    'comment',
    '本文',
  ],
  id: ['id_str', 'id', 'rest_id', 'postId', 'post_id', 'tweet_id', 'tweetId'],
  author: [
    'author',
    'author.handle',
    'author.screen_name',
    'author.username',
    'author.name',
    'user.screen_name',
    'user.username',
    'user.handle',
    'user',
    'username',
    'screen_name',
    'handle',
    'account',
    '投稿者',
  ],
  postedAt: [
    'postedAt',
    'posted_at',
    'created_at',
    'createdAt',
    'legacy.created_at',
    'date',
    'timestamp',
    'time',
  ],
  url: ['url', 'permalink', 'link', 'postUrl'],
  replyTo: [
    'replyTo',
    'reply_to',
    'in_reply_to_status_id_str',
    'in_reply_to_status_id',
    'inReplyTo',
    'in_reply_to',
    'parent_id',
    'parentId',
  ],
};
/** The JSON paths by their first key: the field each gives, its rank among that field's paths, the rest of the path. */
const PATHS_BY_KEY = new Map<string, { field: PostField; rank: number; rest: readonly string[] }[]>();
for (const field of POST_FIELDS)
  JSON_PATHS[field].forEach((path, rank) => {
    const [first, ...rest] = path.split('.') as [string, ...string[]];
    const list = PATHS_BY_KEY.get(first) ?? [];
    list.push({ field, rank, rest });
    PATHS_BY_KEY.set(first, list);
  });

/**
 * The fields of a JSON record: for each field, the first of its paths (JSON_PATHS order) that holds a usable
 * value. Walks the record's own keys once (a handful) rather than trying every path on it (dozens of lookups).
 */
function pickFields(object: Record<string, unknown>): Partial<Record<PostField, string>> {
  const fields: Partial<Record<PostField, string>> = {};
  let ranks: Partial<Record<PostField, number>> | undefined;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const paths = PATHS_BY_KEY.get(key);
    if (paths === undefined) continue;
    for (const { field, rank, rest } of paths) {
      if (fields[field] !== undefined && (ranks?.[field] ?? 0) <= rank) continue;
      let at: unknown = object[key];
      for (let i = 0; i < rest.length && at !== undefined; i++)
        at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[rest[i] as string] : undefined;
      const value = at === undefined ? undefined : scalar(at);
      if (value === undefined) continue;
      fields[field] = value;
      if (rank > 0 || ranks !== undefined) (ranks ??= {})[field] = rank;
    }
  }
  return fields;
}

function makePost(fields: Partial<Record<PostField, string | undefined>>, line: number): ImportedPost | null {
  const text = fields.text;
  if (text === undefined || text.trim() === '') return null;
  const post: { -readonly [K in keyof ImportedPost]: ImportedPost[K] } = {
    id: fields.id ?? String(line),
    text,
  };
  if (fields.author) post.author = fields.author;
  if (fields.postedAt) post.postedAt = normalizePostedAt(fields.postedAt);
  if (fields.url) post.url = fields.url;
  if (fields.replyTo) post.replyTo = fields.replyTo;
  return post;
}

// ---------------------------------------------------------------------------------------------------------------
// Records

/** What one pushed line produced. */
export interface ImportStep {
  readonly posts: ImportedPost[];
  readonly issues: ImportIssue[];
}

/** Turns decoded lines (in order, 1-based numbers) into posts; one instance per input. */
export interface RecordParser {
  /** Reads one line; posts and issues are appended to `out`. */
  line(text: string, line: number, out: ImportStep): void;
  end(out: ImportStep): void;
  /** Set when the input as a whole cannot be imported (e.g. a CSV without a text column). */
  readonly fatal: ImportFatal | null;
}

function jsonLinesParser(): RecordParser {
  return {
    fatal: null,
    line(text, line, { posts, issues }) {
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        issues.push(issue(line, 'malformed-json', error instanceof Error ? error.message : String(error)));
        return;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        issues.push(issue(line, 'not-an-object'));
        return;
      }
      let object = value as Record<string, unknown>;
      // X archive entries wrap each post: { "tweet": { … } }.
      if (object.tweet && typeof object.tweet === 'object' && !Array.isArray(object.tweet))
        object = object.tweet as Record<string, unknown>;
      const post = makePost(pickFields(object), line);
      if (post) posts.push(post);
      else issues.push(issue(line, 'missing-text'));
    },
    end: () => undefined,
  };
}

function plainTextParser(): RecordParser {
  return {
    fatal: null,
    line(text, line, out) {
      const post = text.trim() === '' ? null : makePost({ text: text.trim() }, line);
      if (post) out.posts.push(post);
    },
    end: () => undefined,
  };
}

export interface CsvOptions {
  /** Header names per field; guessed from the header row when absent. Fields not given are guessed too. */
  readonly mapping?: Partial<ColumnMapping>;
  readonly delimiter?: ',' | '\t' | ';';
}

/** RFC 4180 CSV: quoted values may hold commas, `""` and line breaks; the first record is the header row. */
function csvParser(options: CsvOptions): RecordParser {
  const delimiter = options.delimiter ?? ',';
  let header: string[] | null = null;
  const columns: Partial<Record<PostField, number>> = {};
  let fatal: ImportFatal | null = null;
  // The record being read: its physical lines (kept to re-read them if a quote never closes), fields so far.
  let pending: { line: number; text: string }[] = [];
  let pendingChars = 0;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false;

  const reset = () => {
    pending = [];
    pendingChars = 0;
    fields = [];
    field = '';
    inQuotes = false;
    afterQuote = false;
  };

  const record = (values: string[], line: number, out: ImportStep) => {
    if (header === null) {
      header = values.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
      const guessed = guessColumnMapping(header) ?? {};
      const mapping: Partial<ColumnMapping> = { ...guessed, ...options.mapping };
      for (const f of POST_FIELDS) {
        const name = mapping[f];
        if (name === undefined) continue;
        const at = header.indexOf(name);
        if (at === -1) {
          fatal = { code: 'csv-unknown-column', message: FATAL_MESSAGES['csv-unknown-column'](name, header) };
          return;
        }
        columns[f] = at;
      }
      if (columns.text === undefined)
        fatal = { code: 'csv-no-text-column', message: FATAL_MESSAGES['csv-no-text-column'](header) };
      return;
    }
    if (values.length === 1 && values[0] === '') return; // blank line
    if (values.length !== header.length) {
      out.issues.push(issue(line, 'csv-columns', header.length, values.length));
      return;
    }
    const fields: Partial<Record<PostField, string>> = {};
    for (const f of POST_FIELDS) {
      const at = columns[f];
      const value = at === undefined ? undefined : scalar(values[at]);
      if (value !== undefined) fields[f] = value;
    }
    const post = makePost(fields, line);
    if (post) out.posts.push(post);
    else out.issues.push(issue(line, 'missing-text'));
  };

  /** Reads one physical line into the current record; a quote error drops the record. */
  const consume = (text: string, line: number, out: ImportStep): void => {
    if (pending.length === 0 && text.trim() === '' && !inQuotes) return;
    pending.push({ line, text });
    pendingChars += text.length + 1;
    const startLine = pending[0]?.line ?? line;
    if (pending.length > 1) field += '\n';
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (inQuotes) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            inQuotes = false;
            afterQuote = true;
          }
        } else field += c;
      } else if (c === delimiter) {
        fields.push(field);
        field = '';
        afterQuote = false;
      } else if (afterQuote) {
        if (c === ' ' || c === '\t') continue;
        out.issues.push(issue(startLine, 'csv-quote'));
        reset();
        return;
      } else if (c === '"' && field.trim() === '') {
        field = '';
        inQuotes = true;
      } else field += c;
    }
    if (inQuotes) {
      if (pendingChars > MAX_LINE_BYTES) recover(out);
      return;
    }
    fields.push(field);
    const values = fields;
    reset();
    record(values, startLine, out);
  };

  /** A quote that never closes: report its line, then read the lines after it again as new records. */
  const recover = (out: ImportStep) => {
    const lines = pending;
    const first = lines[0];
    reset();
    if (first) out.issues.push(issue(first.line, 'csv-unterminated'));
    for (const l of lines.slice(1)) {
      consume(l.text, l.line, out);
      if (fatal) return;
    }
  };

  return {
    get fatal() {
      return fatal;
    },
    line(text, line, out) {
      if (!fatal) consume(text, line, out);
    },
    end(out) {
      while (!fatal && inQuotes) recover(out);
    },
  };
}

export function createRecordParser(format: ImportFormat, csv: CsvOptions = {}): RecordParser {
  if (format === 'jsonl') return jsonLinesParser();
  if (format === 'csv') return csvParser(csv);
  return plainTextParser();
}

// ---------------------------------------------------------------------------------------------------------------
// The whole pipeline

export interface PostReaderOptions {
  readonly format: ImportFormat;
  readonly csv?: CsvOptions;
  /** Decodes one line's bytes; must throw on invalid UTF-8 (`new TextDecoder('utf-8', { fatal: true })`). */
  readonly decode: (bytes: Uint8Array) => string;
  readonly maxLineBytes?: number;
}

/**
 * Bytes in, posts and issues out: split lines, decode each (invalid UTF-8 → an issue for that line), parse
 * records. `fatal` is set for a binary input, a CSV without a text column, or (after `end`) an empty input.
 */
export function createPostReader(options: PostReaderOptions) {
  const splitter = createLineSplitter(options.maxLineBytes ?? MAX_LINE_BYTES);
  const parser = createRecordParser(options.format, options.csv);
  let fatal: ImportFatal | null = null;
  let nonBlank = false;

  const handle = (raw: RawLine[], out: ImportStep) => {
    for (const r of raw) {
      if (fatal) return;
      if ('tooLong' in r) {
        nonBlank = true;
        out.issues.push(issue(r.line, 'line-too-long', r.tooLong));
        continue;
      }
      let text: string;
      try {
        text = options.decode(r.bytes);
      } catch {
        nonBlank = true;
        out.issues.push(issue(r.line, 'invalid-utf8'));
        continue;
      }
      if (r.line === 1) text = text.replace(/^\uFEFF/, '');
      if (text.trim() !== '') nonBlank = true;
      parser.line(text, r.line, out);
      fatal = parser.fatal;
    }
  };

  return {
    get fatal() {
      return fatal;
    },
    get bytesRead() {
      return splitter.bytesSeen;
    },
    push(chunk: Uint8Array): ImportStep {
      const out: ImportStep = { posts: [], issues: [] };
      if (fatal) return out;
      const raw = splitter.push(chunk);
      if (splitter.binary) {
        fatal = { code: 'binary', message: FATAL_MESSAGES.binary() };
        return out;
      }
      handle(raw, out);
      return out;
    },
    end(): ImportStep {
      const out: ImportStep = { posts: [], issues: [] };
      if (fatal) return out;
      handle(splitter.end(), out);
      if (fatal) return out;
      parser.end(out);
      fatal = parser.fatal;
      if (!fatal && !nonBlank) fatal = { code: 'empty', message: FATAL_MESSAGES.empty() };
      return out;
    },
  };
}

/** Guesses the format from a file name, else from the first non-blank line. */
export function guessImportFormat(fileName: string | undefined, firstLine: string): ImportFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'txt') return 'text';
  const line = firstLine.replace(/^\uFEFF/, '').trim();
  if (line.startsWith('{')) return 'jsonl';
  if (line.includes(',') && guessColumnMapping(line.split(',').map((h) => h.replace(/^"|"$/g, ''))) !== null)
    return 'csv';
  return 'text';
}

export interface PastedImport {
  readonly posts: ImportedPost[];
  readonly issues: ImportIssue[];
  readonly fatal: ImportFatal | null;
}

/**
 * Text pasted into the app. JSON Lines and CSV (with a recognised header) are read as such; other text is one
 * post per line, or one post per blank-line-separated block when the text has blank lines between posts.
 */
export function importPastedText(
  text: string,
  options: { format?: ImportFormat; csv?: CsvOptions } = {},
): PastedImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstLine = lines.find((l) => l.trim() !== '') ?? '';
  if (firstLine === '')
    return { posts: [], issues: [], fatal: { code: 'empty', message: FATAL_MESSAGES.empty() } };
  if (text.includes('\u0000'))
    return { posts: [], issues: [], fatal: { code: 'binary', message: FATAL_MESSAGES.binary() } };
  const format = options.format ?? guessImportFormat(undefined, firstLine);
  const posts: ImportedPost[] = [];
  const issues: ImportIssue[] = [];
  if (format === 'text' && lines.some((l, i) => l.trim() === '' && i > 0 && i < lines.length - 1)) {
    let block: string[] = [];
    let startLine = 0;
    const flush = () => {
      const body = block.join('\n').trim();
      if (body !== '') posts.push({ id: String(startLine), text: body });
      block = [];
    };
    lines.forEach((l, i) => {
      if (l.trim() === '') flush();
      else {
        if (block.length === 0) startLine = i + 1;
        block.push(l);
      }
    });
    flush();
    return { posts, issues, fatal: null };
  }
  const parser = createRecordParser(format, options.csv);
  const out: ImportStep = { posts, issues };
  for (const [i, l] of lines.entries()) {
    parser.line(l, i + 1, out);
    if (parser.fatal) return { posts: [], issues, fatal: parser.fatal };
  }
  parser.end(out);
  return { posts, issues, fatal: parser.fatal };
}
