import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locale.js';
import { WINDOW_IDS } from '../windows/window.js';
import type { TriageAnswers } from './answers.js';
import type { Deadline, TriageResult } from './result.js';
import { triage } from './triage.js';

const deadline = (result: TriageResult, id: Deadline['id']): Deadline | undefined =>
  result.deadlines.find((d) => d.id === id);
const windowIds = (result: TriageResult): string[] => result.windows.map((w) => w.id);

/** Scenario 1: a hobby blogger mocked ("下手くそ"), then her face photo and address posted. */
const blogger: TriageAnswers = {
  asOf: '2026-11-29',
  facts: ['name-calling', 'face-photo', 'personal-info'],
  identifiable: 'linked-handle',
  platforms: ['blog', 'x'],
  postedAt: '2026-10-20',
  goals: ['delete', 'identify'],
};

/** Scenario 2: harassed for months by someone whose identity she learned on Monday 2026-11-02. */
const harassed: TriageAnswers = {
  asOf: '2026-11-29',
  facts: ['reputation-facts', 'name-calling', 'repeated-contact'],
  identifiable: 'real-name',
  platforms: ['x'],
  postedAt: '2026-05-01',
  ongoing: true,
  offender: { known: true, knownSince: '2026-11-02' },
  goals: ['punish', 'compensation'],
};

describe('scenario 1: hobby blogger, insult then face photo and address (identify + delete)', () => {
  const result = triage(blogger);

  it('assesses insult, privacy and portrait as likely (linked handle is identifiable)', () => {
    expect(result.assessment.map((a) => [a.category, a.likelihood])).toEqual([
      ['insult', 'likely'],
      ['privacy', 'likely'],
      ['portrait', 'likely'],
    ]);
    const insult = result.assessment.find((a) => a.category === 'insult');
    expect(insult?.complaintRequired).toBe(true);
    expect(insult?.penalty).toContain('1年以下の拘禁刑');
  });

  it('recommends a lawyer for the private information and the wish to identify the poster', () => {
    expect(result.lawyerRecommended).toBe(true);
    expect(result.lawyerReasons.map((r) => r.id)).toEqual(['private-information', 'goal-identify']);
  });

  it('pins log retention: mobile 2027-01-19 (10-20 is day 1; 3 months end the day before 01-20, 民法143条), fixed 2027-04-19', () => {
    expect(deadline(result, 'log-retention-mobile')).toMatchObject({
      date: '2027-01-19',
      daysLeft: 51,
      status: 'ok',
      statutory: false,
    });
    expect(deadline(result, 'log-retention-fixed')).toMatchObject({
      date: '2027-04-19',
      daysLeft: 141,
      status: 'ok',
      statutory: false,
    });
  });

  it('flags the mobile log deadline "soon" from 2 months after the post (DOMAIN §5 product rule)', () => {
    expect(deadline(triage({ ...blogger, asOf: '2026-12-19' }), 'log-retention-mobile')?.status).toBe('ok');
    expect(deadline(triage({ ...blogger, asOf: '2026-12-20' }), 'log-retention-mobile')?.status).toBe('soon');
    expect(deadline(triage({ ...blogger, asOf: '2027-01-20' }), 'log-retention-mobile')).toMatchObject({
      status: 'passed',
      daysLeft: -1,
    });
  });

  it('pins prosecution (3 years, first day counted: 2029-10-19) and the 20-year civil limit (2046-10-20)', () => {
    expect(deadline(result, 'prosecution-limitation')?.date).toBe('2029-10-19');
    expect(deadline(result, 'civil-limitation-absolute')?.date).toBe('2046-10-20');
  });

  it('leaves the complaint and 3-year civil deadlines pending until the poster is known', () => {
    expect(result.pendingDeadlines.map((p) => p.id)).toEqual(['criminal-complaint', 'civil-limitation']);
    expect(deadline(result, 'criminal-complaint')).toBeUndefined();
  });

  it('starts the plan with evidence preservation, then the platform, and includes the disclosure order', () => {
    expect(result.steps[0]?.id).toBe('preserve-evidence');
    expect(result.steps[0]?.urgent).toBe(true);
    expect(result.steps.map((s) => s.id)).toEqual([
      'preserve-evidence',
      'report-to-platform',
      'consult-window',
      'see-lawyer',
      'disclosure-order',
      'mental-health',
    ]);
    const disclosure = result.steps.find((s) => s.id === 'disclosure-order');
    expect(disclosure?.duration).toContain('2〜8か月');
    expect(disclosure?.cost).toContain('1,000円');
    expect(result.steps.find((s) => s.id === 'see-lawyer')).toMatchObject({ urgent: true });
  });

  it('offers mimamoru first, deletion help, and SIA only because the victim is identifiable', () => {
    const ids = windowIds(result);
    expect(ids[0]).toBe('mimamoru');
    expect(ids).toEqual(
      expect.arrayContaining(['jinken-internet', 'jinken-110', 'ihaho', 'bengoshikai', 'sia-hotline']),
    );
    expect(windowIds(triage({ ...blogger, identifiable: 'handle-only' }))).not.toContain('sia-hotline');
    expect(result.emergency).toEqual([]);
  });
});

describe('scenario 2: months of harassment, offender known since Monday 2026-11-02 (punish + compensation)', () => {
  const result = triage(harassed);

  it('pins the 告訴 deadline at 2027-05-06: day after knowing is 11-03, 6 months end Sun 2027-05-02, then 3 holidays', () => {
    expect(deadline(result, 'criminal-complaint')).toMatchObject({
      date: '2027-05-06',
      daysLeft: 158,
      status: 'ok',
      statutory: true,
    });
  });

  it('pins the civil limitation at 2029-11-02 (3 years from the day after knowing, 民法724条1号・140条)', () => {
    expect(deadline(result, 'civil-limitation')?.date).toBe('2029-11-02');
    expect(deadline(result, 'civil-limitation-absolute')?.date).toBe('2046-05-01');
  });

  it('pins 公訴時効 at 2029-04-30: 3 years counting 2026-05-01 as day 1, not moved off the 振替休日', () => {
    expect(deadline(result, 'prosecution-limitation')?.date).toBe('2029-04-30');
  });

  it('has no log deadlines once the offender is known, and nothing pending', () => {
    expect(deadline(result, 'log-retention-mobile')).toBeUndefined();
    expect(result.pendingDeadlines).toEqual([]);
  });

  it('orders deadlines by date', () => {
    expect(result.deadlines.map((d) => d.id)).toEqual([
      'criminal-complaint',
      'prosecution-limitation',
      'civil-limitation',
      'civil-limitation-absolute',
    ]);
  });

  it('assesses defamation, insult and stalking, and recommends a lawyer', () => {
    expect(result.assessment.map((a) => a.category)).toEqual(['defamation', 'insult', 'stalking']);
    expect(result.assessment.find((a) => a.category === 'stalking')?.complaintRequired).toBe(false);
    expect(result.lawyerReasons.map((r) => r.id)).toEqual([
      'lowers-social-standing',
      'stalking',
      'goal-compensation',
      'goal-punish',
    ]);
  });

  it('suggests the 法テラス DV/stalking consultation and the police', () => {
    expect(windowIds(result)).toEqual(
      expect.arrayContaining(['houterasu-dv', 'police-9110', 'police-cyber', 'bengoshikai']),
    );
    expect(result.steps.map((s) => s.id)).toEqual(
      expect.arrayContaining(['police', 'claim-damages', 'criminal-complaint']),
    );
    expect(result.steps.find((s) => s.id === 'criminal-complaint')?.detail).toContain('2027-05-06');
  });
});

describe('emergencies', () => {
  const base: TriageAnswers = {
    asOf: '2026-11-29',
    facts: ['name-calling'],
    identifiable: 'real-name',
    platforms: ['x'],
    goals: [],
  };

  it('a threat to life puts 110 first, in emergencies and in the plan', () => {
    const result = triage({ ...base, facts: ['threat-life'] });
    expect(result.emergency).toEqual(['police-110']);
    expect(windowIds(result)[0]).toBe('police-110');
    expect(result.steps[0]?.id).toBe('safety-first');
    expect(result.steps[1]?.id).toBe('preserve-evidence');
    expect(result.assessment[0]).toMatchObject({
      category: 'threat',
      likelihood: 'likely',
      complaintRequired: false,
    });
  });

  it('thoughts of self-harm bring the support lines', () => {
    const result = triage({ ...base, wellbeing: { selfHarmThoughts: true } });
    expect(result.emergency).toEqual(['inochi-denwa', 'yorisoi', 'kokoro-dial']);
    expect(result.emergencyReasons.every((e) => e.reason.length > 0)).toBe(true);
  });

  it('a minor gets the children’s lines', () => {
    const result = triage({ ...base, victim: { minor: true } });
    expect(result.emergency).toEqual(['kodomo-jinken-110', 'kodomo-sos']);
    expect(result.steps.at(-1)?.windowIds).toContain('kodomo-sos');
  });

  it('sexual images bring the police without being an emergency', () => {
    const result = triage({ ...base, facts: ['sexual-images'] });
    expect(result.emergency).toEqual([]);
    expect(windowIds(result)).toEqual(expect.arrayContaining(['police-cyber', 'police-9110']));
    expect(result.assessment[0]).toMatchObject({ category: 'sexual-image', complaintRequired: true });
  });
});

describe('window selection', () => {
  const base: TriageAnswers = {
    asOf: '2026-11-29',
    facts: ['reputation-facts'],
    identifiable: 'real-name',
    platforms: ['5ch'],
    goals: ['delete'],
  };

  it('offers multilingual windows for a Vietnamese speaker', () => {
    const ids = windowIds(triage({ ...base, victim: { language: 'vi' } }));
    expect(ids).toEqual(expect.arrayContaining(['gaikokugo-jinken', 'houterasu-multilingual', 'yorisoi']));
    expect(windowIds(triage({ ...base, victim: { language: 'ja' } }))).not.toContain('gaikokugo-jinken');
  });

  it('never suggests the SIA hotline for handle-only or unsure identifiability', () => {
    expect(windowIds(triage(base))).toContain('sia-hotline');
    expect(windowIds(triage({ ...base, identifiable: 'handle-only' }))).not.toContain('sia-hotline');
    expect(windowIds(triage({ ...base, identifiable: 'unsure' }))).not.toContain('sia-hotline');
  });

  it('lowers defamation to "possible" and explains 同定可能性 for handle-only posts', () => {
    const result = triage({ ...base, identifiable: 'handle-only' });
    expect(result.assessment[0]).toMatchObject({ category: 'defamation', likelihood: 'possible' });
    expect(result.assessment[0]?.explanation).toContain('同定可能性');
    expect(triage(base).assessment[0]?.likelihood).toBe('likely');
  });

  it('ranks 法テラス by eligibility', () => {
    const eligible = triage({
      ...base,
      means: { householdSize: 1, monthlyIncomeJpy: 150_000, assetsJpy: 500_000 },
    });
    expect(eligible.houterasu.eligible).toBe(true);
    const over = triage({
      ...base,
      means: { householdSize: 1, monthlyIncomeJpy: 400_000, assetsJpy: 500_000 },
    });
    expect(over.houterasu.eligible).toBe(false);
    expect(windowIds(eligible).indexOf('houterasu')).toBeLessThan(windowIds(over).indexOf('houterasu'));
  });

  it('returns only known window ids, each once', () => {
    const result = triage({
      ...base,
      facts: [
        ...([
          'reputation-facts',
          'threat-other',
          'identity-attack',
          'business-attack',
          'impersonation',
        ] as const),
      ],
      goals: ['delete', 'identify', 'compensation', 'punish', 'stop', 'advice', 'support'],
    });
    const ids = windowIds(result);
    expect(ids.every((id) => (WINDOW_IDS as readonly string[]).includes(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('deadline details', () => {
  it('uses the 1-year 公訴時効 for an insult-only post before 2022-07-07', () => {
    const result = triage({
      asOf: '2022-12-01',
      facts: ['name-calling'],
      identifiable: 'real-name',
      platforms: ['x'],
      postedAt: '2022-07-01',
      goals: [],
    });
    expect(deadline(result, 'prosecution-limitation')?.date).toBe('2023-06-30');
    expect(result.assessment[0]?.penalty).toContain('拘留又は科料');
    const after = triage({
      asOf: '2022-12-01',
      facts: ['name-calling'],
      identifiable: 'real-name',
      platforms: ['x'],
      postedAt: '2022-07-07',
      goals: [],
    });
    expect(deadline(after, 'prosecution-limitation')?.date).toBe('2025-07-06');
  });

  it('marks a passed complaint deadline and a soon one', () => {
    const answers: TriageAnswers = {
      facts: ['reputation-facts'],
      identifiable: 'real-name',
      platforms: ['x'],
      offender: { known: true, knownSince: '2026-03-10' },
      goals: [],
    };
    expect(deadline(triage({ ...answers, asOf: '2026-09-11' }), 'criminal-complaint')).toMatchObject({
      date: '2026-09-10',
      status: 'passed',
      daysLeft: -1,
    });
    expect(deadline(triage({ ...answers, asOf: '2026-09-10' }), 'criminal-complaint')).toMatchObject({
      status: 'soon',
      daysLeft: 0,
    });
    expect(deadline(triage({ ...answers, asOf: '2026-08-11' }), 'criminal-complaint')).toMatchObject({
      status: 'soon',
      daysLeft: 30,
    });
    expect(deadline(triage({ ...answers, asOf: '2026-08-10' }), 'criminal-complaint')?.status).toBe('ok');
  });

  it('says which answer is missing when dates are not given', () => {
    const result = triage(
      {
        asOf: '2026-11-29',
        facts: ['reputation-facts'],
        identifiable: 'real-name',
        platforms: [],
        offender: { known: true },
        goals: [],
      },
      { locale: 'en' },
    );
    expect(result.deadlines).toEqual([]);
    const pending = Object.fromEntries(result.pendingDeadlines.map((p) => [p.id, p.needs]));
    expect(pending['log-retention-mobile']).toBeUndefined();
    expect(pending['criminal-complaint']).toContain('offender.knownSince');
    expect(pending['civil-limitation-absolute']).toContain('postedAt');
    expect(pending['prosecution-limitation']).toContain('postedAt');
  });

  it('does not add a complaint deadline for non-親告罪 categories', () => {
    const result = triage({
      asOf: '2026-11-29',
      facts: ['threat-other'],
      identifiable: 'real-name',
      platforms: ['x'],
      offender: { known: true, knownSince: '2026-11-02' },
      goals: [],
    });
    expect(deadline(result, 'criminal-complaint')).toBeUndefined();
  });
});

describe('texts, sources and determinism', () => {
  const everything: TriageAnswers = {
    asOf: '2026-11-29',
    facts: [
      'reputation-facts',
      'name-calling',
      'personal-info',
      'face-photo',
      'impersonation',
      'threat-life',
      'threat-other',
      'sexual-images',
      'repeated-contact',
      'business-attack',
      'identity-attack',
    ],
    identifiable: 'linked-handle',
    platforms: ['x', 'instagram', '5ch', 'google-maps', 'note', 'line', 'other'],
    postedAt: '2026-10-20',
    offender: { known: false },
    goals: ['delete', 'identify', 'compensation', 'punish', 'stop', 'advice', 'support'],
    wellbeing: { selfHarmThoughts: true },
    victim: { minor: true, language: 'pt', business: true },
    means: {
      householdSize: 2,
      monthlyIncomeJpy: 200_000,
      housingCostJpy: 60_000,
      assetsJpy: 1_000_000,
      area: 'tokyo-23',
    },
  };

  it('every assessment and deadline names at least one https source', () => {
    for (const locale of LOCALES) {
      const result = triage(everything, { locale });
      expect(result.assessment).toHaveLength(10);
      for (const item of [...result.assessment, ...result.deadlines]) {
        expect(item.basis.length).toBeGreaterThan(0);
        expect(item.basis.some((b) => b.source.startsWith('https://'))).toBe(true);
        for (const b of item.basis) expect(() => new URL(b.source)).not.toThrow();
      }
      expect(result.houterasu.basis.every((b) => b.source.startsWith('https://'))).toBe(true);
    }
  });

  it('fills every text in both Japanese and English', () => {
    const texts = (r: TriageResult): string[] => [
      r.disclaimer,
      ...r.assessment.flatMap((a) => [a.label, a.explanation, a.penalty ?? 'n/a']),
      ...r.lawyerReasons.map((x) => x.text),
      ...r.emergencyReasons.map((x) => x.reason),
      ...r.windows.flatMap((w) => w.reasons),
      ...r.deadlines.flatMap((d) => [d.label, d.explanation]),
      ...r.pendingDeadlines.flatMap((p) => [p.label, p.needs]),
      ...r.houterasu.reasons,
      ...r.steps.flatMap((s) => [s.title, s.detail]),
    ];
    const ja = triage(everything, { locale: 'ja' });
    const en = triage(everything, { locale: 'en' });
    expect(ja.locale).toBe('ja');
    expect(en.locale).toBe('en');
    for (const text of [...texts(ja), ...texts(en)]) expect(text.trim().length).toBeGreaterThan(0);
    expect(ja.disclaimer).toContain('法律相談（法的助言）ではありません');
    expect(en.disclaimer).toContain('not legal advice');
    expect(texts(ja).length).toBe(texts(en).length);
  });

  it('is deterministic, and defaults asOf to today in Tokyo', () => {
    expect(triage(everything)).toEqual(triage(everything));
    const { asOf: _ignored, ...withoutAsOf } = harassed;
    const result = triage(withoutAsOf, { now: new Date('2026-11-28T15:30:00Z') });
    expect(result.asOf).toBe('2026-11-29');
    expect(result).toEqual(triage(harassed));
  });

  it('defaults to Japanese', () => {
    expect(triage(blogger).locale).toBe('ja');
  });
});
