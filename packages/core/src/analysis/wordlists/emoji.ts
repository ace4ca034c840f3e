/**
 * Emoji used as words in abuse, with the meaning they stand for (shown next to the emoji in explanations, so a
 * reader of a report sees why 🔪 was flagged). Source: written by the mimamoru project (2026-11-29) from common
 * usage; the categories and weights of these emoji are in wordlists/lexicon.ts. Licence: same as mimamoru.
 */
export const EMOJI_MEANINGS: Readonly<Record<string, { readonly ja: string; readonly en: string }>> = {
  '🔪': { ja: '刃物', en: 'knife' },
  '🔫': { ja: '銃', en: 'gun' },
  '💣': { ja: '爆弾', en: 'bomb' },
  '🧨': { ja: '爆発物', en: 'explosive' },
  '🗡': { ja: '刃物', en: 'dagger' },
  '💀': { ja: '死・どくろ', en: 'death (skull)' },
  '☠': { ja: '死・どくろ', en: 'death (skull and crossbones)' },
  '🪦': { ja: '墓', en: 'grave' },
  '⚰': { ja: '棺', en: 'coffin' },
  '🖕': { ja: '侮辱のしぐさ', en: 'obscene gesture' },
  '💩': { ja: 'くそ', en: 'shit' },
  '🤡': { ja: 'ピエロ（嘲笑）', en: 'clown (mockery)' },
  '🤮': { ja: '嘔吐（嫌悪）', en: 'vomiting (disgust)' },
  '🍆': { ja: '性的な隠語', en: 'sexual innuendo' },
  '🍑': { ja: '性的な隠語', en: 'sexual innuendo' },
};
