import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { TriageResultSchema } from '@mimamoru/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../src/cli/main.js';
import { VALID_ANSWERS } from './harness.js';
import { MIGRATIONS } from '../src/db/migrations/registry.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

async function cli(args: string[], stdin = '', env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: Readable.from([stdin]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

describe('mimamoru triage', () => {
  it('prints the result JSON for an answers file', async () => {
    const { code, stdout } = await cli([
      'triage',
      '--input',
      file('ok.json', JSON.stringify(VALID_ANSWERS)),
      '--lang',
      'en',
    ]);
    expect(code).toBe(0);
    expect(TriageResultSchema.parse(JSON.parse(stdout)).locale).toBe('en');
  });

  it('reads stdin when --input is - or absent', async () => {
    for (const args of [['triage', '--input', '-'], ['triage']]) {
      const { code, stdout } = await cli(args, JSON.stringify(VALID_ANSWERS));
      expect(code).toBe(0);
      expect(TriageResultSchema.parse(JSON.parse(stdout)).locale).toBe('ja');
    }
  });

  it('exits 2 with a localized message on invalid JSON', async () => {
    const input = file('broken.json', '{"facts": [');
    const ja = await cli(['triage', '--input', input]);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain('正しい JSON ではありません');
    const en = await cli(['triage', '--input', input, '--lang', 'en']);
    expect(en.stderr).toContain('is not valid JSON');
    expect(en.stdout).toBe('');
  });

  it('exits 2 listing each field error on stderr', async () => {
    const input = file(
      'bad.json',
      JSON.stringify({ facts: [], identifiable: 'nope', platforms: [], goals: [] }),
    );
    const { code, stderr, stdout } = await cli(['triage', '--input', input, '--lang', 'en']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('The answers have 2 problems:');
    expect(stderr).toContain('  facts: Choose at least 1 item(s) for facts.');
    expect(stderr).toMatch(/ {2}identifiable: identifiable: "nope" is not allowed/);
  });

  it('exits 2 when the file cannot be read', async () => {
    const { code, stderr } = await cli(['triage', '--input', path.join(dir, 'missing.json')], '', {
      LANG: 'en_US.UTF-8',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('Could not read the input');
  });

  it('exits 2 on an unknown --lang', async () => {
    const { code, stderr } = await cli(['triage', '--lang', 'fr']);
    expect(code).toBe(2);
    expect(stderr).toContain('fr');
  });
});

describe('mimamoru help and config', () => {
  it('documents every command with examples', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'migrate', 'triage', 'config']) expect(stdout).toContain(command);
    expect(stdout).toContain('Examples:');
  });

  it('lists every setting with its variable, default and meaning', async () => {
    const { code, stdout } = await cli(['config']);
    expect(code).toBe(0);
    expect(stdout).toContain('DATABASE_URL');
    expect(stdout).toContain('default: sqlite://<MIMAMORU_DATA_DIR>/mimamoru.sqlite');
    expect(stdout).toContain('MIMAMORU_ENV | NODE_ENV');
  });

  it('reports every configuration problem before doing anything', async () => {
    const { code, stderr } = await cli(['migrate'], '', { PORT: 'x', DATABASE_URL: 'mysql://nope' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT: must be a whole number');
    expect(stderr).toContain('DATABASE_URL: must start with sqlite://');
  });

  it('migrates a fresh SQLite database', async () => {
    const env = { DATABASE_URL: `sqlite://${path.join(dir, 'cli.sqlite')}` };
    const first = await cli(['migrate'], '', env);
    expect(first).toMatchObject({
      code: 0,
      stdout: `Applied: ${MIGRATIONS.map(([name]) => name).join(', ')}\n`,
    });
    const second = await cli(['migrate'], '', env);
    expect(second.stdout).toBe('Database is up to date.\n');
  });
});
