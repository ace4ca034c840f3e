import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TEXTLINT_INAPPROPRIATE_WORDS } from '@mimamoru/core';
import { describe, expect, it } from 'vitest';

// Lives in the server project because core's lint forbids Node APIs (the package is read from disk here).
const require = createRequire(import.meta.url);

describe('the copied textlint-rule-ja-no-inappropriate-words list', () => {
  it('still equals the installed package (version 2.0.0, MIT) word for word', () => {
    const pkgJson = require.resolve('textlint-rule-ja-no-inappropriate-words/package.json');
    const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string; license: string };
    expect(pkg.version).toBe('2.0.0');
    expect(pkg.license).toBe('MIT');
    const source = readFileSync(pkgJson.replace(/package\.json$/, 'src/index.ts'), 'utf8');
    const body = source.slice(source.indexOf('const inappropriateWords = ['), source.indexOf('];'));
    const words = [...body.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(words.length).toBeGreaterThan(3000);
    expect([...TEXTLINT_INAPPROPRIATE_WORDS]).toEqual(words);
  });
});
