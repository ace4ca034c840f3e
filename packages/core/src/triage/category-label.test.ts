import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locale.js';
import { FACTS, type TriageAnswers } from './answers.js';
import { categoriesOf, categoryLabel } from './assessment.js';
import { CATEGORIES } from './result.js';
import { triage } from './triage.js';

describe('category facets for statistics', () => {
  const answers = (facts: TriageAnswers['facts']): TriageAnswers => ({
    asOf: '2026-11-29',
    facts,
    identifiable: 'real-name',
    platforms: ['x'],
    goals: ['delete'],
  });

  it('gives the categories the triage assesses, for every fact', () => {
    for (const fact of FACTS) {
      expect(categoriesOf([fact]), fact).toEqual(triage(answers([fact])).assessment.map((a) => a.category));
    }
    const raised = new Set(FACTS.flatMap((fact) => categoriesOf([fact])));
    expect([...raised].sort()).toEqual([...CATEGORIES].sort());
  });

  it('names each category as the triage result does, in every locale', () => {
    for (const locale of LOCALES) {
      for (const fact of FACTS) {
        for (const assessment of triage(answers([fact]), { locale }).assessment) {
          expect(categoryLabel(assessment.category, locale)).toBe(assessment.label);
        }
      }
    }
    expect(categoryLabel('defamation', 'ja')).toBe('名誉毀損');
    expect(categoryLabel('insult', 'en')).toBe('Insult');
  });
});
