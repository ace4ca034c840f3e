import { describe, expect, it } from 'vitest';
import { buildDocument } from '../build.js';
import { FIXTURE_CASE, fixtureInput } from '../fixtures.js';
import { demandLetterText } from './demand-letter.js';

const withText = (text: string) => {
  const input = fixtureInput('demand-letter');
  return { ...input, demandLetter: { ...FIXTURE_CASE.demandLetter!, ...input.demandLetter!, text } };
};

describe('demand letter edited by hand', () => {
  it('is laid out as written: a line over 20 characters is an error with its line and column', () => {
    const text = ['通知書', '', 'あ'.repeat(25), '以上'].join('\n');
    const model = buildDocument('demand-letter', withText(text));
    const tooLong = model.errors.filter((e) => e.code === 'naiyou.line_too_long');
    expect(tooLong).toHaveLength(1);
    expect(tooLong[0]?.message.ja).toMatch(/^3行目21字目：/);
    expect(model.blocks).toEqual([]);
  });

  it('renders the edited text when it keeps to the grid', () => {
    const text = ['通知書', '', '貴殿の投稿の削除を求めます。', '以上'].join('\n');
    const model = buildDocument('demand-letter', withText(text));
    expect(model.errors).toEqual([]);
    const grid = model.blocks.find((b) => b.kind === 'grid');
    expect(grid && grid.kind === 'grid' ? grid.lines : []).toContain('貴殿の投稿の削除を求めます。');
  });

  it('falls back to the text written from the fields when the edit is blank', () => {
    const input = fixtureInput('demand-letter');
    const model = buildDocument('demand-letter', withText('  \n'));
    const lines = model.blocks.flatMap((b) => (b.kind === 'grid' ? b.lines : []));
    expect(lines.join('')).toBe(demandLetterText(input).replace(/\n/g, ''));
  });
});
