import { describe, expect, it } from 'vitest';
import { CASE_NUMBER_PATTERN, normalizeCaseNumber } from './case.js';

describe('case numbers', () => {
  it('accept what a person types: lower case, full width, spaces, no dashes, O for 0 and I/L for 1', () => {
    expect(normalizeCaseNumber('mm-7k3q-9xd2')).toBe('MM-7K3Q-9XD2');
    expect(normalizeCaseNumber('ＭＭ－７Ｋ３Ｑ－９ＸＤ２')).toBe('MM-7K3Q-9XD2');
    expect(normalizeCaseNumber('7K3Q 9XD2')).toBe('MM-7K3Q-9XD2');
    expect(normalizeCaseNumber('MM-7K3Q-9XDO')).toBe('MM-7K3Q-9XD0');
    expect(normalizeCaseNumber('MM-7K3Q-9XDI')).toBe('MM-7K3Q-9XD1');
  });

  it('refuse anything that cannot be a case number', () => {
    for (const bad of ['', 'MM-7K3Q', 'MM-7K3Q-9XD2-1', 'MM-7K3Q-9XU2', '../../etc']) {
      expect(normalizeCaseNumber(bad)).toBeNull();
    }
    expect(CASE_NUMBER_PATTERN.test('MM-7K3Q-9XD2')).toBe(true);
  });
});
