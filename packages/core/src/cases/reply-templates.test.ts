import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersIn, templateDate, unknownPlaceholders } from './reply-templates.js';

const values = { caseNumber: 'MM-AB12-CD34', consultantName: '山田', today: '2026年12月1日' };

describe('reply template placeholders', () => {
  it('fills every known placeholder, repeated or spaced, and nothing else', () => {
    const body = '{{caseNumber}} / {{ consultantName }} / {{today}} / {{caseNumber}} / {caseNumber}';
    expect(fillTemplate(body, values)).toBe(
      'MM-AB12-CD34 / 山田 / 2026年12月1日 / MM-AB12-CD34 / {caseNumber}',
    );
  });

  it('leaves an unknown placeholder as written and reports it', () => {
    expect(fillTemplate('番号 {{caseNo}}', values)).toBe('番号 {{caseNo}}');
    expect(unknownPlaceholders('{{caseNo}} {{caseNumber}} {{victimName}} {{caseNo}}')).toEqual([
      'caseNo',
      'victimName',
    ]);
    expect(unknownPlaceholders('{{caseNumber}} {{today}}')).toEqual([]);
  });

  it('lists the placeholders a body uses once each, in order', () => {
    expect(placeholdersIn('{{today}} {{caseNumber}} {{today}}')).toEqual(['today', 'caseNumber']);
    expect(placeholdersIn('no placeholders {{}} {{ 1x }}')).toEqual([]);
  });

  it('does not treat a value containing braces as a placeholder (filled once)', () => {
    expect(fillTemplate('{{consultantName}}', { ...values, consultantName: '{{caseNumber}}' })).toBe(
      '{{caseNumber}}',
    );
  });

  it('writes dates the way each language does', () => {
    expect(templateDate('2026-12-01', 'ja')).toBe('2026年12月1日');
    expect(templateDate('2026-12-01', 'en')).toBe('1 December 2026');
    expect(templateDate('2027-01-31', 'en')).toBe('31 January 2027');
  });
});
