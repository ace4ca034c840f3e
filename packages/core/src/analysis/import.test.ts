import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JSON_PATHS,
  MAX_LINE_BYTES,
  POST_FIELDS,
  createLineSplitter,
  createPostReader,
  guessColumnMapping,
  guessImportFormat,
  importPastedText,
  normalizePostedAt,
  type ImportFormat,
} from './import.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const decode = (bytes: Uint8Array) => decoder.decode(bytes);

/** Feeds `input` to a reader in chunks of `size` bytes (chunk edges fall inside lines and characters). */
function read(input: string | Uint8Array, format: ImportFormat, size = 7, mapping?: Record<string, string>) {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const reader = createPostReader({ format, decode, csv: mapping ? { mapping: mapping as never } : {} });
  const posts = [];
  const issues = [];
  for (let i = 0; i < bytes.length; i += size) {
    const step = reader.push(bytes.subarray(i, i + size));
    posts.push(...step.posts);
    issues.push(...step.issues);
  }
  const last = reader.end();
  posts.push(...last.posts);
  issues.push(...last.issues);
  return { posts, issues, fatal: reader.fatal };
}

describe('CSV import', () => {
  it('reads quoted values with commas, doubled quotes and line breaks, a BOM and Japanese headers', () => {
    const csv =
      '\uFEFF番号,投稿者,本文,日時\r\n1,@a,"死ね, と言われた ""冗談""",2026/11/29 12:34\r\n2,@b,"一行目\n二行目",2026-11-29T03:00:00Z\r\n';
    const { posts, issues, fatal } = read(csv, 'csv');
    expect(fatal).toBeNull();
    expect(issues).toEqual([]);
    expect(posts).toEqual([
      { id: '1', author: '@a', text: '死ね, と言われた "冗談"', postedAt: '2026-11-29T03:34:00.000Z' },
      { id: '2', author: '@b', text: '一行目\n二行目', postedAt: '2026-11-29T03:00:00.000Z' },
    ]);
  });

  it('reports a malformed record by its line number and reads the rest', () => {
    const csv = 'id,text\n1,ok one\n2,too,many\n3,"bad"quote\n4,ok two\n';
    const { posts, issues } = read(csv, 'csv');
    expect(posts.map((p) => p.id)).toEqual(['1', '4']);
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'csv-columns'],
      [4, 'csv-quote'],
    ]);
    expect(issues[0]?.message.ja).toContain('列の数');
    expect(issues[0]?.message.en).toContain('2 expected, 3 found');
  });

  it('reports a quote that never closes and still reads the records after it', () => {
    const csv = 'id,text\n1,"never closed\n2,fine\n';
    const { posts, issues } = read(csv, 'csv');
    expect(issues.map((i) => [i.line, i.code])).toEqual([[2, 'csv-unterminated']]);
    expect(posts.map((p) => p.id)).toEqual(['2']);
  });

  it('uses an explicit column mapping and refuses a CSV without a text column', () => {
    const csv = 'a,b\nx,y\n';
    expect(read(csv, 'csv', 7, { text: 'b', author: 'a' }).posts).toEqual([
      { id: '2', text: 'y', author: 'x' },
    ]);
    const none = read(csv, 'csv');
    expect(none.fatal?.code).toBe('csv-no-text-column');
    expect(none.posts).toEqual([]);
    expect(read(csv, 'csv', 7, { text: 'missing' }).fatal?.code).toBe('csv-unknown-column');
  });

  it('guesses the mapping from English and Japanese header names', () => {
    expect(
      guessColumnMapping(['ID', 'User Name', 'Full Text', 'Created At', 'URL', 'in_reply_to_status_id']),
    ).toEqual({
      id: 'ID',
      author: 'User Name',
      text: 'Full Text',
      postedAt: 'Created At',
      url: 'URL',
      replyTo: 'in_reply_to_status_id',
    });
    expect(guessColumnMapping(['投稿日時', '投稿者', '投稿内容', 'リンク', '返信先'])).toEqual({
      postedAt: '投稿日時',
      author: '投稿者',
      text: '投稿内容',
      url: 'リンク',
      replyTo: '返信先',
    });
    expect(guessColumnMapping(['a', 'b'])).toBeNull();
  });
});

describe('JSON Lines import', () => {
  it('recognises the fields and the X export aliases, and skips malformed lines with their numbers', () => {
    const jsonl = [
      '{"id":"1","text":"こんにちは","author":"@a","postedAt":"2026-11-29T00:00:00Z","url":"https://x.com/a/status/1"}',
      '{"id_str":"2","full_text":"返信","user":{"screen_name":"b"},"created_at":"Wed Oct 10 20:19:24 +0000 2018","in_reply_to_status_id_str":"1"}',
      '{"text": broken',
      '',
      '["not", "an", "object"]',
      '{"id":"6"}',
      '{"tweet":{"id_str":"7","full_text":"archive"}}',
    ].join('\n');
    const { posts, issues } = read(jsonl, 'jsonl');
    expect(posts).toEqual([
      {
        id: '1',
        text: 'こんにちは',
        author: '@a',
        postedAt: '2026-11-29T00:00:00.000Z',
        url: 'https://x.com/a/status/1',
      },
      { id: '2', text: '返信', author: 'b', postedAt: '2018-10-10T20:19:24.000Z', replyTo: '1' },
      { id: '7', text: 'archive' },
    ]);
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'malformed-json'],
      [5, 'not-an-object'],
      [6, 'missing-text'],
    ]);
  });
});

describe('bad input', () => {
  it('refuses an empty input and a binary one', () => {
    expect(read('', 'jsonl').fatal?.code).toBe('empty');
    expect(read('\n  \n', 'text').fatal?.code).toBe('empty');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const result = read(png, 'text');
    expect(result.fatal?.code).toBe('binary');
    expect(result.fatal?.message.en).toContain('not a text file');
    expect(read(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x0a, 0x00]), 'text').fatal?.code).toBe('binary');
  });

  it('reports invalid UTF-8 per line and keeps the valid lines', () => {
    const sjis = new Uint8Array([0x82, 0xa0, 0x0a]); // 「あ」 in Shift_JIS
    const bytes = new Uint8Array([...encoder.encode('ok\n'), ...sjis, ...encoder.encode('also ok\n')]);
    const { posts, issues } = read(bytes, 'text', 2);
    expect(posts.map((p) => p.text)).toEqual(['ok', 'also ok']);
    expect(issues.map((i) => [i.line, i.code])).toEqual([[2, 'invalid-utf8']]);
  });

  it('drops an enormous line without keeping it in memory, and reads the next', () => {
    const huge = 'あ'.repeat(MAX_LINE_BYTES); // 3 bytes each
    const { posts, issues } = read(`first\n${huge}\nlast`, 'text', 4096);
    expect(posts.map((p) => p.text)).toEqual(['first', 'last']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 2, code: 'line-too-long' });
    expect(issues[0]?.message.en).toContain('300 KB');
  });

  it('splits lines across chunk edges and CRLF', () => {
    const splitter = createLineSplitter(10);
    const out = [
      ...splitter.push(encoder.encode('ab\r\ncd')),
      ...splitter.push(encoder.encode('ef\n0123456789AB\nx')),
      ...splitter.end(),
    ];
    expect(out.map((l) => ('bytes' in l ? decode(l.bytes) : `tooLong:${l.tooLong}`))).toEqual([
      'ab',
      'cdef',
      'tooLong:12',
      'x',
    ]);
  });
});

describe('pasted text and formats', () => {
  it('reads one post per line, or per block when blank lines separate posts', () => {
    expect(importPastedText('一つ目\n二つ目\n').posts.map((p) => p.text)).toEqual(['一つ目', '二つ目']);
    expect(importPastedText('一つ目の\n続き\n\n二つ目').posts).toEqual([
      { id: '1', text: '一つ目の\n続き' },
      { id: '4', text: '二つ目' },
    ]);
    expect(importPastedText('{"text":"json"}\n{"text":"lines"}').posts.map((p) => p.text)).toEqual([
      'json',
      'lines',
    ]);
    expect(importPastedText('   \n').fatal?.code).toBe('empty');
  });

  it('guesses the format from the name, then from the first line', () => {
    expect(guessImportFormat('a.ndjson', '')).toBe('jsonl');
    expect(guessImportFormat('a.CSV', '')).toBe('csv');
    expect(guessImportFormat(undefined, '{"text":"x"}')).toBe('jsonl');
    expect(guessImportFormat(undefined, '投稿者,本文')).toBe('csv');
    expect(guessImportFormat(undefined, 'ただの文章、です')).toBe('text');
  });

  it('normalises post times to ISO 8601, Japan time when no zone is given', () => {
    expect(normalizePostedAt('2026年11月29日 9:05')).toBe('2026-11-29T00:05:00.000Z');
    expect(normalizePostedAt('2026/1/2')).toBe('2026-01-02');
    expect(normalizePostedAt('1764374400')).toBe('2025-11-29T00:00:00.000Z');
    expect(normalizePostedAt('昨日')).toBe('昨日');
  });
});

describe('fuzz', () => {
  const formats = fc.constantFrom<ImportFormat>('csv', 'jsonl', 'text');
  /** Text that looks like our inputs: quotes, commas, braces, line breaks, Japanese, NUL-free. */
  const inputText = fc
    .array(
      fc.constantFrom(
        '"',
        ',',
        '\n',
        '\r\n',
        '{',
        '}',
        ':',
        '"text"',
        'あ',
        '死ね',
        ' ',
        'id',
        'text',
        '本文',
        '\uFEFF',
        'x',
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(''));

  it('never throws on arbitrary bytes, and every issue names a line of the input', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        formats,
        fc.integer({ min: 1, max: 64 }),
        (bytes, format, size) => {
          const { posts, issues } = read(bytes, format, size);
          const lineCount = bytes.filter((b) => b === 0x0a).length + 1;
          for (const i of issues) expect(i.line >= 1 && i.line <= lineCount).toBe(true);
          for (const p of posts) expect(p.text.trim()).not.toBe('');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same posts and issues however the bytes are chunked', () => {
    fc.assert(
      fc.property(inputText, formats, fc.integer({ min: 1, max: 16 }), (text, format, size) => {
        const whole = read(text, format, 1 << 20);
        const chunked = read(text, format, size);
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });
});

describe('JSON Lines fields', () => {
  /** The definition: for each field, the first of its JSON_PATHS (in order) holding a non-blank string or a number. */
  const reference = (object: Record<string, unknown>) => {
    const out: Record<string, string> = {};
    for (const field of POST_FIELDS)
      for (const path of JSON_PATHS[field]) {
        let at: unknown = object;
        for (const key of path.split('.')) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
        const value = typeof at === 'string' ? (at.trim() === '' ? undefined : at.trim()) : typeof at === 'number' && Number.isFinite(at) ? String(at) : undefined;
        if (value !== undefined) {
          out[field] = value;
          break;
        }
      }
    return out;
  };

  it('takes each field from the first of its paths that holds a value, whatever order the keys come in', () => {
    const firstKeys = [...new Set(POST_FIELDS.flatMap((f) => JSON_PATHS[f].map((p) => p.split('.')[0] as string)))];
    const nestedKeys = [...new Set(POST_FIELDS.flatMap((f) => JSON_PATHS[f].filter((p) => p.includes('.')).map((p) => p.split('.')[1] as string)))];
    const value = fc.oneof(fc.constantFrom('', '  ', 'x', ' 山田 ', '死ね'), fc.integer(), fc.constant(null), fc.boolean());
    const nested = fc.dictionary(fc.constantFrom(...nestedKeys), value, { maxKeys: 3 });
    const record = fc.dictionary(fc.constantFrom(...firstKeys, 'other'), fc.oneof(value, nested), { maxKeys: 8 });
    fc.assert(
      fc.property(record, (object) => {
        const { posts } = importPastedText(JSON.stringify({ text: 'fallback', ...object }), { format: 'jsonl' });
        const expected = reference({ text: 'fallback', ...object });
        const post = posts[0];
        if (expected.text === undefined) {
          expect(post).toBeUndefined();
          return;
        }
        expect(post?.text).toBe(expected.text);
        expect(post?.author).toBe(expected.author);
        expect(post?.url).toBe(expected.url);
        expect(post?.replyTo).toBe(expected.replyTo);
        if (expected.id !== undefined) expect(post?.id).toBe(expected.id);
      }),
      { numRuns: 2000 },
    );
  });
});

