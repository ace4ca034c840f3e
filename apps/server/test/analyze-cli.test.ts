import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ANALYSIS_CATEGORIES } from '@mimamoru/core';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/cli/analyze.command.js';
import { run, type CliIo } from '../src/cli/main.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-analyze-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

async function cli(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { LANG: 'en_US.UTF-8' },
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const lines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const PILE_ON = Array.from({ length: 6 }, (_, i) => ({
  id: `p${i}`,
  text: '@hanako_y 消えろブス',
  author: `@acct${i}`,
}));
const JSONL = [
  {
    id: 'a1',
    text: 'お前の家知ってるからな。今から行く 殺すぞ',
    author: '@troll',
    postedAt: '2026-11-01T10:00:00Z',
  },
  { id: 'a2', text: '山田花子はバカ', author: '@troll', postedAt: '2026-11-02T10:00:00Z' },
  { id: 'a3', text: '今日のランチ、唐揚げ定食でした', author: '@friend' },
  { id: 'a4', text: '山田花子はバカ', author: '@troll', postedAt: '2026-11-03T10:00:00Z' },
  { id: 'a5', text: '090-1234-5678 に電話しろ', author: '@doxer', replyTo: 'a1' },
  ...PILE_ON,
]
  .map((p) => JSON.stringify(p))
  .join('\n');

describe('mimamoru analyze', () => {
  it('writes one JSON line per post in the shape the issue names, and a summary to stderr', async () => {
    const input = file('posts.jsonl', `${JSONL}\n`);
    const output = path.join(dir, 'results.jsonl');
    const { code, stdout, stderr } = await cli(['analyze', '--input', input, '--output', output]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const results = lines(fs.readFileSync(output, 'utf8'));
    // a4 repeats a2 (same account, same text): merged.
    expect(results.map((r) => r.id)).toEqual(['a1', 'a2', 'a3', 'a5', 'p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    const source = new Map(
      JSONL.split('\n')
        .map((l) => JSON.parse(l) as { id: string; text: string })
        .map((p) => [p.id, p.text]),
    );
    for (const r of results) {
      expect(Object.keys(r)).toEqual(['id', 'score', 'labels', 'categories', 'spans', 'explanation']);
      expect(Object.keys(r.categories as object)).toEqual([...ANALYSIS_CATEGORIES]);
      expect(typeof r.score).toBe('number');
      expect(Object.keys(r.explanation as object)).toEqual(['ja', 'en']);
      const text = source.get(r.id as string) as string;
      for (const s of r.spans as { start: number; end: number; category: string; rule: string }[]) {
        expect(Object.keys(s)).toEqual(['start', 'end', 'category', 'rule']);
        expect(0 <= s.start && s.start < s.end && s.end <= text.length).toBe(true);
      }
    }
    const byId = new Map(results.map((r) => [r.id, r]));
    expect(byId.get('a1')?.labels).toContain('threat');
    expect(byId.get('a2')?.labels).toContain('insult');
    expect((byId.get('a2')?.explanation as { en: string }).en).toContain('posted this text 2 times');
    expect(byId.get('a3')?.labels).toEqual([]);
    expect(byId.get('a5')?.labels).toContain('privacy');
    for (const p of PILE_ON) {
      expect(byId.get(p.id)?.labels).toContain('spam-pile-on');
      expect((byId.get(p.id)?.explanation as { en: string }).en).toContain('posted by 6 accounts');
    }
    expect(stderr).toContain('analysed 10 post(s) (11 read, 1 duplicate(s) merged, 0 line(s) skipped)');
    expect(stderr).toMatch(/spam-pile-on\s+6/);
    expect(stderr).toMatch(/@troll\s+posts\s+3\s+flagged\s+3/);
    expect(stderr).toContain('2026-11-01T10:00:00.000Z – 2026-11-03T10:00:00.000Z');
    expect(stderr).toContain('Threads: 1 (largest: root a1, 2 posts, depth 1)');
    // Worst score first: the threat account or the doxer leads, the harmless one is last among scored.
    const authorsAt = (name: string) => stderr.indexOf(`  ${name} `);
    expect(authorsAt('@friend')).toBeGreaterThan(authorsAt('@troll'));
  });

  it('reports a malformed CSV line by number, skips it and analyses the rest', async () => {
    const input = file(
      'posts.csv',
      '\uFEFF投稿ID,投稿者,本文,日時\n1,@a,"殺すぞ, 覚えとけ",2026/11/29 12:00\n2,@b,"壊れた"行,2026/11/29\n3,@c,"一行目\n二行目 おはよう",2026/11/30 09:00\n4,@d,列が,多い,です\n',
    );
    const { code, stdout, stderr } = await cli(['analyze', '--input', input, '--lang', 'en']);
    expect(code).toBe(0);
    expect(lines(stdout).map((r) => r.id)).toEqual(['1', '3']);
    expect(stderr).toContain(`${input} line 3: A closing quote`);
    expect(stderr).toContain(
      `${input} line 6: The number of columns does not match the header (4 expected, 5 found).`,
    );
    expect(stderr).toContain('analysed 2 post(s) (2 read, 0 duplicate(s) merged, 2 line(s) skipped)');
  });

  it('maps CSV columns named on the command line and reads stdin', async () => {
    const csv = 'who,what\n@x,死ね\n@y,こんにちは\n';
    const { code, stdout } = await cli(
      ['analyze', '--input', '-', '--format', 'csv', '--column', 'text=what', '--column', 'author=who'],
      csv,
    );
    expect(code).toBe(0);
    const results = lines(stdout);
    expect(results.map((r) => r.id)).toEqual(['2', '3']);
    expect(results[0]?.labels).toContain('self-harm-incitement');
  });

  it('raises the score of a post naming the victim (--name) and honours --threshold', async () => {
    const input = file('named.txt', '山田花子はバカ\n');
    const plain = lines((await cli(['analyze', '--input', input])).stdout)[0] as {
      score: number;
      labels: string[];
    };
    const named = lines((await cli(['analyze', '--input', input, '--name', '山田花子'])).stdout)[0] as {
      score: number;
    };
    expect(named.score).toBeGreaterThan(plain.score);
    const strict = lines((await cli(['analyze', '--input', input, '--threshold', '1'])).stdout)[0] as {
      labels: string[];
    };
    expect(plain.labels).toContain('insult');
    expect(strict.labels).not.toContain('insult');
  });

  it('exits 1 with a clear message on an empty, binary, missing or unreadable input', async () => {
    const empty = await cli(['analyze', '--input', file('empty.jsonl', '')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('The input is empty');
    const binary = await cli([
      'analyze',
      '--input',
      file('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a])),
    ]);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain('not a text file');
    const missing = await cli(['analyze', '--input', path.join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Could not read the input');
    const sjis = await cli([
      'analyze',
      '--input',
      file('sjis.txt', new Uint8Array([0x82, 0xa0, 0x0a, 0x82, 0xa2, 0x0a])),
    ]);
    expect(sjis.code).toBe(1);
    expect(sjis.stderr).toContain('line 1: The line is not valid UTF-8');
    expect(sjis.stderr).toContain('There was no post to analyse');
    const unwritable = await cli([
      'analyze',
      '--input',
      file('ok.txt', 'hello\n'),
      '--output',
      path.join(dir, 'no-such-dir', 'out.jsonl'),
    ]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('Could not write the results');
    const noText = await cli(['analyze', '--input', file('notext.csv', 'a,b\n1,2\n')]);
    expect(noText.code).toBe(1);
    expect(noText.stderr).toContain('No column holds the post text');
  });

  it('skips an enormous line and keeps going', async () => {
    const input = file('huge.txt', `before\n${'あ'.repeat(40_000)}\nafter\n`);
    const { code, stdout, stderr } = await cli(['analyze', '--input', input]);
    expect(code).toBe(0);
    expect(lines(stdout)).toHaveLength(2);
    expect(stderr).toContain('line 2: The line is too long (118 KB, limit 100 KB)');
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli(['analyze'])).code).toBe(2);
    expect((await cli(['analyze', '--input', 'x', '--threshold', '2'])).code).toBe(2);
    expect((await cli(['analyze', '--input', 'x', '--format', 'xml'])).code).toBe(2);
    const column = await cli(['analyze', '--input', 'x', '--column', 'body']);
    expect(column.code).toBe(2);
    expect(column.stderr).toContain('--column "body" must be field=header');
    const help = await cli(['analyze', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('mimamoru analyze --input posts.jsonl --output results.jsonl');
  });

  it('streams 100,000 posts with bounded state', async () => {
    const input = path.join(dir, 'big.jsonl');
    const out = fs.createWriteStream(input);
    const phrases = [
      '今日はいい天気',
      'お前バカだろ',
      '090-1234-5678 に電話しろ',
      '死ね',
      'ラーメンうまい',
      '家に行くからな',
      'おはよう',
    ];
    for (let i = 0; i < 100_000; i++) {
      out.write(
        `${JSON.stringify({ id: `b${i}`, text: `${phrases[i % phrases.length]} ${i % 9_000}`, author: `@u${i % 3_000}` })}\n`,
      );
    }
    await new Promise((resolve) => out.end(resolve));
    let written = 0;
    const result = await analyzeFile({
      input,
      output: {
        write: (data: string | Uint8Array) => {
          const bytes = typeof data === 'string' ? Buffer.from(data) : data;
          for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) written += 1;
        },
      },
    });
    expect(result.fatal).toBeNull();
    expect(result.read).toBe(100_000);
    // (i % 7, i % 9000, i % 3000) repeats every 63,000 posts: the other 37,000 are identical copies.
    expect(result.written).toBe(63_000);
    expect(written).toBe(63_000);
    expect(result.accounts).toBe(3_000);
    expect(result.authors).toHaveLength(10);
  }, 120_000);
});
