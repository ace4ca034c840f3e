import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../src/cli/main.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-naiyou-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

async function cli(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: Readable.from([stdin]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const row = 'あいうえおかきくけこさしすせそたちつてと'; // 20 characters
const CLEAN = ['通知書', '', `「${row.slice(0, 18)}」`, '（1）記事の削除', '（2）謝罪'].join('\n');

describe('mimamoru naiyou-check', () => {
  it('exits 0 on a letter without violations and prints pages and copies', async () => {
    const { code, stdout } = await cli([
      'naiyou-check',
      '--input',
      file('clean.txt', CLEAN),
      '--layout',
      '20x26',
      '--vertical',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('縦書き 20字×26行: 1枚 / 1 page(s)');
    expect(stdout).toContain('必要な通数 copies needed: 3');
    expect(stdout).toContain('No violation.');
  });

  it('prints each violation as line:column with the Japanese and English message, and exits 1', async () => {
    // 重さ3kg、 counts 6, so ACME starts at column 7
    const letter = [`${row}。`, 'お礼です😀', '重さ3kg、ACME社'].join('\n');
    const { code, stdout } = await cli([
      'naiyou-check',
      '--input',
      file('bad.txt', letter),
      '--layout',
      '20x26',
      '--recipients',
      '2',
    ]);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      '1:21  この行は21字と数えられ、1行20字を超えています。20字以内で改行してください。 / This line counts 21 characters, more than 20 per line. Break it within 20.',
    );
    expect(lines[1]).toBe('2:5  絵文字（😀）は使えません。 / Emoji (😀) are not allowed.');
    expect(lines[2]).toMatch(/^3:7 {2}注意 warning: 英字「ACME」は固有名詞/u);
    expect(stdout).toContain('必要な通数 copies needed: 4');
    expect(stdout).toContain('違反 2 件');
  });

  it('does not warn about the proper nouns given with --allow-latin', async () => {
    const input = file('latin.txt', 'ACME社とExample Inc.に通知する。');
    const warned = await cli(['naiyou-check', '--input', input, '--layout', '26x20']);
    expect(warned.stdout).toContain('英字「ACME」');
    const allowed = await cli([
      'naiyou-check',
      '--input',
      input,
      '--layout',
      '26x20',
      '--allow-latin',
      'ACME, Example Inc.',
    ]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).not.toContain('英字');
  });

  it('with --wrap breaks long lines at the column count and prints the pages', async () => {
    const { code, stdout } = await cli(['naiyou-check', '--layout', '13x40', '--wrap'], `${row}\n`);
    expect(code).toBe(0);
    expect(stdout).toContain(`--- 1枚目 / page 1 ---\n${row.slice(0, 13)}\n${row.slice(13)}\n`);
  });

  it('prints the whole result as JSON with --json', async () => {
    const { code, stdout } = await cli(['naiyou-check', '--layout', 'e-naiyou', '--json'], CLEAN);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      pageCount: 1,
      copiesNeeded: 3,
      violations: [],
      layout: { id: 'e-naiyou', verified: false },
    });
    expect(result.warnings.map((w: { code: string }) => w.code)).toContain('naiyou.unverified_layout');
  });

  it('exits 2 on usage errors: unknown layout, --vertical with another layout, bad recipients, missing file', async () => {
    const input = file('usage.txt', CLEAN);
    expect((await cli(['naiyou-check', '--input', input, '--layout', '30x30'])).code).toBe(2);
    expect((await cli(['naiyou-check', '--input', input])).code).toBe(2);
    const vertical = await cli(['naiyou-check', '--input', input, '--layout', '26x20', '--vertical']);
    expect(vertical.code).toBe(2);
    expect(vertical.stderr).toContain('--vertical is only for --layout 20x26');
    expect(
      (await cli(['naiyou-check', '--input', input, '--layout', '20x26', '--recipients', '0'])).code,
    ).toBe(2);
    const missing = await cli(['naiyou-check', '--input', path.join(dir, 'nope.txt'), '--layout', '20x26']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Could not read');
  });

  it('--help describes the rules and the exit codes', async () => {
    const { code, stdout } = await cli(['naiyou-check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--layout <layout>');
    expect(stdout).toContain('Exit codes: 0 no violation, 1 violations found, 2 bad usage');
  });
});
