import type { TriageAnswers, TriageResult, WindowView } from '@mimamoru/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { TriageResultSchema } from './triage.contract.js';
import { TriageAnswersSchema } from './triage.contract.js';
import type { WindowViewSchema } from './windows.contract.js';

const valid = {
  facts: ['name-calling'],
  identifiable: 'linked-handle',
  platforms: ['x'],
  goals: ['delete'],
} as const;

const issuesOf = (input: unknown) =>
  TriageAnswersSchema.safeParse(input).error?.issues.map(
    (issue) => `${issue.path.join('.')}:${issue.message}`,
  ) ?? [];

describe('TriageAnswersSchema', () => {
  it('accepts the shape core triage() takes, and no other', () => {
    expectTypeOf<z.infer<typeof TriageAnswersSchema>>().toExtend<TriageAnswers>();
    expect(TriageAnswersSchema.safeParse(valid).success).toBe(true);
  });

  it('keeps the result schema in step with core types', () => {
    // Parsed responses are usable as core types; the server tests check core output against the schemas at run time.
    expectTypeOf<z.infer<typeof TriageResultSchema>>().toExtend<TriageResult>();
    expectTypeOf<z.infer<typeof WindowViewSchema>>().toExtend<WindowView>();
  });

  it('rejects dates that do not exist on the calendar', () => {
    expect(issuesOf({ ...valid, postedAt: '2026-02-30' })).toEqual(['postedAt:date-invalid']);
    expect(issuesOf({ ...valid, postedAt: '2026/02/01' })).toEqual(['postedAt:date-format']);
    expect(issuesOf({ ...valid, postedAt: '2028-02-29' })).toEqual([]);
  });

  it('rejects a post date after the day the result is computed for', () => {
    expect(issuesOf({ ...valid, asOf: '2026-11-29', postedAt: '2026-12-01' })).toEqual([
      'postedAt:after-asOf',
    ]);
  });

  it('refuses a known-since date when the poster is not known', () => {
    expect(issuesOf({ ...valid, offender: { known: false, knownSince: '2026-11-01' } })).toEqual([
      'offender.knownSince:knownSince-without-known',
    ]);
  });

  it('rejects unknown facts, duplicates, unknown keys and an empty list of facts, each with its path', () => {
    const issues = issuesOf({ ...valid, facts: [], platforms: ['x', 'x'], goals: ['revenge'], extra: 1 });
    expect(issues.some((i) => i.startsWith('facts:'))).toBe(true);
    expect(issues).toContain('platforms:duplicate');
    expect(issues.some((i) => i.startsWith('goals.0:'))).toBe(true);
    expect(issues.some((i) => i.startsWith(':') || i.includes('extra'))).toBe(true);
  });

  it('bounds household means to sensible integers', () => {
    const issues = issuesOf({ ...valid, means: { householdSize: 0, monthlyIncomeJpy: -1, assetsJpy: 1.5 } });
    expect(issues.map((i) => i.split(':')[0]).sort()).toEqual([
      'means.assetsJpy',
      'means.householdSize',
      'means.monthlyIncomeJpy',
    ]);
  });
});
