import { describe, expect, it } from 'vitest';
import type { TriageAnswers } from '../triage/answers.js';
import type { CasePriorityInput } from './priority.js';
import { casePriority } from './priority.js';

const asOf = '2026-12-01';
const answers = (over: Partial<TriageAnswers>): TriageAnswers => ({
  facts: ['name-calling'],
  identifiable: 'real-name',
  platforms: ['x'],
  goals: ['delete'],
  offender: { known: false },
  ...over,
});

const CASES: Readonly<Record<string, CasePriorityInput>> = {
  threat: { asOf, triage: answers({ facts: ['threat-life'] }) },
  selfHarmMinorAddressImages: {
    asOf,
    triage: answers({
      facts: ['personal-info', 'sexual-images'],
      wellbeing: { selfHarmThoughts: true },
      victim: { minor: true },
    }),
  },
  selfHarm: { asOf, triage: answers({ wellbeing: { selfHarmThoughts: true } }) },
  minorAddress: { asOf, triage: answers({ facts: ['personal-info'], victim: { minor: true } }) },
  minor: { asOf, triage: answers({ victim: { minor: true } }) },
  address: { asOf, triage: answers({ facts: ['personal-info'] }) },
  // Posted 2026-09-05: mobile logs kept until 2026-12-04 → 3 days left.
  logsIn3Days: { asOf, triage: answers({ postedAt: '2026-09-05' }) },
  // Posted 2026-10-20: mobile logs kept until 2027-01-19 → 49 days left.
  logsIn49Days: { asOf, triage: answers({ postedAt: '2026-10-20' }) },
  noDeadline: { asOf, triage: answers({}) },
};

describe('queue priority', () => {
  it('orders cases: threat to life, self-harm, minors, exposed address, then the nearest deadline', () => {
    const ranked = Object.entries(CASES)
      .map(([name, input]) => ({ name, score: casePriority(input).score }))
      .sort((a, b) => b.score - a.score)
      .map((c) => c.name);
    expect(ranked).toEqual([
      'threat',
      'selfHarmMinorAddressImages',
      'selfHarm',
      'minorAddress',
      'minor',
      'address',
      'logsIn3Days',
      'logsIn49Days',
      'noDeadline',
    ]);
  });

  it('a threat to life is urgent and says why', () => {
    const priority = casePriority(CASES.threat as CasePriorityInput);
    expect(priority.level).toBe('urgent');
    expect(priority.reasons[0]?.id).toBe('threat-life');
    expect(priority.reasons[0]?.text.ja).toContain('脅迫');
  });

  it('a log-retention deadline a few days away makes a case urgent and is explained in days', () => {
    const priority = casePriority(CASES.logsIn3Days as CasePriorityInput);
    expect(priority).toEqual({
      score: 174,
      level: 'urgent',
      reasons: [
        {
          id: 'deadline',
          text: {
            ja: '通信記録（携帯回線）の保存期間まであと3日',
            en: '3 days left: mobile access-log retention',
          },
        },
      ],
    });
  });

  it('levels: minors and exposed addresses are high; a deadline 49 days out is normal', () => {
    expect(casePriority(CASES.minor as CasePriorityInput).level).toBe('high');
    expect(casePriority(CASES.address as CasePriorityInput).level).toBe('high');
    expect(casePriority(CASES.logsIn49Days as CasePriorityInput).level).toBe('normal');
    expect(casePriority(CASES.noDeadline as CasePriorityInput)).toEqual({
      score: 0,
      level: 'normal',
      reasons: [],
    });
  });

  it('passed deadlines add nothing: logs already gone cannot be saved by hurrying', () => {
    const priority = casePriority({ asOf, triage: answers({ postedAt: '2026-01-05' }) });
    expect(priority.reasons.map((r) => r.id)).not.toContain('deadline');
  });

  it('uses the stored triage deadlines when given, and extra deadlines such as a recorded 告訴期間', () => {
    const stored = casePriority({
      asOf,
      triageResult: { deadlines: [{ id: 'criminal-complaint', date: '2026-12-21' }] },
    });
    expect(stored.score).toBe(140);
    expect(stored.level).toBe('high');
    const extra = casePriority({
      asOf,
      triageResult: { deadlines: [{ id: 'criminal-complaint', date: '2026-12-21' }] },
      deadlines: [{ id: 'criminal-complaint', date: '2026-12-03' }],
    });
    expect(extra.score).toBe(176);
  });

  it('facts recorded by staff count like intake answers (a phoned-in threat)', () => {
    const priority = casePriority({ asOf, threatToLife: true, exposedPersonalInfo: true });
    expect(priority.score).toBe(11_000);
    expect(priority.reasons.map((r) => r.id)).toEqual(['threat-life', 'personal-info']);
  });

  it('is deterministic: the same input gives the same priority', () => {
    const input = CASES.selfHarmMinorAddressImages as CasePriorityInput;
    expect(casePriority(input)).toEqual(casePriority(input));
  });
});
