import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/cli/analyze.command.js';
import { LineSpool } from '../src/cli/line-spool.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-spool-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Everything `drain` writes, as text. */
async function drained(spool: LineSpool, changed: number[], rewrite: (n: number, line: string) => string) {
  const blocks: Buffer[] = [];
  await spool.drain((pieces) => void blocks.push(...pieces.map((p) => Buffer.from(p))), changed, rewrite);
  return Buffer.concat(blocks).toString('utf8');
}

describe('LineSpool', () => {
  it('gives back every line in order, rewriting the changed ones, from memory and from its encrypted file', async () => {
    const tmpDir = fs.mkdtempSync(path.join(dir, 'a-'));
    // 64 KiB in memory, the rest spilled: lines of every size, including one larger than a chunk.
    const spool = new LineSpool({ memoryBytes: 64 * 1024, tmpDir });
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const line = `{"n":${i},"text":"${i % 97 === 0 ? '死ね'.repeat(i % 500) : 'おはよう🌸'} ${'x'.repeat(i % 13)}"}\n`;
      lines.push(line);
      const pending = spool.append(line);
      if (pending) await pending;
    }
    const huge = `{"huge":"${'あ'.repeat(600_000)}"}\n`;
    lines.push(huge);
    await spool.append(huge);
    lines.push('{"last":true}\n');
    await spool.append('{"last":true}\n');

    // While draining, the spilled part is on disk, and none of it is readable text.
    let onDisk: Buffer | undefined;
    const changed = [0, 1, 96, 97, 5_000, 19_999, 20_000, 20_001];
    const text = await drained(spool, changed, (n, line) => {
      expect(line).toBe(lines[n]);
      if (!onDisk) {
        const files = fs.readdirSync(tmpDir).flatMap((d) => fs.readdirSync(path.join(tmpDir, d)).map((f) => path.join(tmpDir, d, f)));
        expect(files).toHaveLength(1);
        onDisk = fs.readFileSync(files[0] as string);
      }
      return `{"rewritten":${n}}\n`;
    });
    expect(onDisk?.length).toBeGreaterThan(1024 * 1024);
    expect(onDisk?.includes(Buffer.from('おはよう'))).toBe(false);
    expect(onDisk?.includes(Buffer.from('"n":'))).toBe(false);
    const expected = lines.map((l, n) => (changed.includes(n) ? `{"rewritten":${n}}\n` : l)).join('');
    expect(text).toBe(expected);

    await spool.dispose();
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });

  it('keeps a small spool in memory and makes no file', async () => {
    const tmpDir = fs.mkdtempSync(path.join(dir, 'b-'));
    const spool = new LineSpool({ tmpDir });
    for (const line of ['a\n', 'b\n', 'c\n']) expect(spool.append(line)).toBeUndefined();
    expect(await drained(spool, [1], () => 'B\n')).toBe('a\nB\nc\n');
    expect(fs.readdirSync(tmpDir)).toEqual([]);
    await spool.dispose();
  });

  it('reports a temporary directory it cannot write to instead of losing lines', async () => {
    const spool = new LineSpool({ memoryBytes: 0, tmpDir: path.join(dir, 'missing', 'deeper') });
    let failure: unknown;
    try {
      for (let i = 0; i < 200_000; i++) {
        const pending = spool.append(`${'line '.repeat(20)}${i}\n`);
        if (pending) await pending;
      }
      await spool.drain(() => undefined, [], (_, l) => l);
    } catch (error) {
      failure = error;
    }
    expect((failure as NodeJS.ErrnoException | undefined)?.code).toBe('ENOENT');
    await spool.dispose();
  });

  it('analyzeFile writes the same bytes whether its results stay in memory or spill to disk', async () => {
    const input = path.join(dir, 'posts.jsonl');
    const phrases = ['お前バカだろ', 'ラーメンうまい', '消えろブス', '090-1234-5678 に電話しろ', 'おはよう'];
    fs.writeFileSync(
      input,
      Array.from({ length: 6_000 }, (_, i) =>
        JSON.stringify({ id: `p${i}`, text: `${phrases[i % 5]} ${i % 700}`, author: `@u${i % 450}` }),
      ).join('\n'),
    );
    const collect = async (spool: { memoryBytes?: number; tmpDir?: string }) => {
      const parts: Buffer[] = [];
      const result = await analyzeFile({
        input,
        output: { write: (d: string | Uint8Array) => void parts.push(Buffer.from(d)) },
        spool,
      });
      return { text: Buffer.concat(parts).toString('utf8'), result };
    };
    const inMemory = await collect({});
    const spilled = await collect({ memoryBytes: 16 * 1024, tmpDir: fs.mkdtempSync(path.join(dir, 'c-')) });
    expect(spilled.text).toBe(inMemory.text);
    expect(spilled.result.written).toBe(inMemory.result.written);
    const lines = inMemory.text.trim().split('\n').map((l) => JSON.parse(l) as { id: string; labels: string[] });
    expect(lines).toHaveLength(inMemory.result.written);
    // Merged copies and pile-ons were patched in: the same text from ≥ 5 accounts carries the label.
    expect(lines.some((l) => l.labels.includes('spam-pile-on'))).toBe(true);
    expect(lines.map((l) => l.id).slice(0, 3)).toEqual(['p0', 'p1', 'p2']);
  });
});
