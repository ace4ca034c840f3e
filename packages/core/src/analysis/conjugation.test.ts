import { describe, expect, it } from 'vitest';
import { conjugate, harmForms, urgeForms } from './wordlists/conjugation.js';

describe('conjugation generates the forms the lexicon needs from one dictionary form', () => {
  it.each([
    [
      '殴る',
      {
        stem: '殴り',
        imperative: '殴れ',
        volitional: '殴ろう',
        conditional: '殴れば',
        te: '殴って',
        ta: '殴った',
      },
    ],
    [
      '死ぬ',
      {
        stem: '死に',
        imperative: '死ね',
        volitional: '死のう',
        conditional: '死ねば',
        te: '死んで',
        ta: '死んだ',
      },
    ],
    [
      '刺す',
      {
        stem: '刺し',
        imperative: '刺せ',
        volitional: '刺そう',
        conditional: '刺せば',
        te: '刺して',
        ta: '刺した',
      },
    ],
    [
      '行く',
      {
        stem: '行き',
        imperative: '行け',
        volitional: '行こう',
        conditional: '行けば',
        te: '行って',
        ta: '行った',
      },
    ],
    [
      '1:埋める',
      {
        stem: '埋め',
        imperative: '埋めろ',
        volitional: '埋めよう',
        conditional: '埋めれば',
        te: '埋めて',
        ta: '埋めた',
      },
    ],
    [
      '自殺する',
      {
        stem: '自殺し',
        imperative: '自殺しろ',
        volitional: '自殺しよう',
        conditional: '自殺すれば',
        te: '自殺して',
        ta: '自殺した',
      },
    ],
  ])('%s', (spec, expected) => {
    expect(conjugate(spec)).toMatchObject(expected);
  });

  it('harm forms announce intent; the bare dictionary form is not one of them', () => {
    const forms = harmForms('殴る');
    expect(forms).toEqual(
      expect.arrayContaining(['殴ってやる', '殴ったる', '殴りに行く', '殴るぞ', '殴るからな']),
    );
    expect(forms).not.toContain('殴る');
  });

  it('urge forms: 命令形, 〜ばいいのに, 〜たら？; 連用形 + な only for godan verbs (飛び降りな would match 飛び降りない)', () => {
    expect(urgeForms('死ぬ')).toEqual(
      expect.arrayContaining(['死ね', '死ねばいいのに', '死んだら?', '死んでくれ', '死んじまえ', '死にな']),
    );
    expect(urgeForms('1:飛び降りる')).toEqual(
      expect.arrayContaining(['飛び降りろ', '飛び降りればいいのに', '飛び降りたら?']),
    );
    expect(urgeForms('1:飛び降りる')).not.toContain('飛び降りな');
    expect(urgeForms('自殺する')).not.toContain('自殺しな');
  });
});
