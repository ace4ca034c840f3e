import { readFileSync } from 'node:fs';
import { FACTS, GOALS, triage } from '@mimamoru/core';
import { describe, expect, it } from 'vitest';
import { renderLegalSources } from '../src/cli/legal-sources.js';
import { run } from '../src/cli/main.js';

const docPath = new URL('../../../docs/LEGAL-SOURCES.md', import.meta.url);

describe('docs/LEGAL-SOURCES.md', () => {
  it('is exactly what `mimamoru sources` prints from core data (regenerate it when a source changes)', async () => {
    let out = '';
    const code = await run(['sources'], {
      stdin: process.stdin,
      stdout: { write: (s: string) => (out += s) },
      stderr: process.stderr,
      env: {},
    });
    expect(code).toBe(0);
    expect(out).toBe(renderLegalSources());
    expect(readFileSync(docPath, 'utf8')).toBe(out);
  });

  it('lists every source that a triage result can cite', () => {
    const doc = renderLegalSources();
    const result = triage(
      {
        asOf: '2026-11-29',
        facts: [...FACTS],
        identifiable: 'real-name',
        platforms: ['x', '5ch'],
        postedAt: '2026-05-01',
        offender: { known: true, knownSince: '2026-11-02' },
        goals: [...GOALS],
        means: { householdSize: 2, monthlyIncomeJpy: 200_000, assetsJpy: 1_000_000 },
      },
      { locale: 'ja' },
    );
    const cited = [
      ...result.assessment.flatMap((a) => a.basis),
      ...result.deadlines.flatMap((d) => d.basis),
      ...result.houterasu.basis,
    ];
    expect(cited.length).toBeGreaterThan(10);
    for (const basis of cited) expect(doc, `${basis.law} ${basis.article}`).toContain(basis.source);
  });
});
