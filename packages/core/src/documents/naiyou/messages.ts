import type { Localized } from '../../i18n/locale.js';

/** The checker's messages, Japanese first. Codes are stable (`naiyou.*`). */

const hex = (text: string) =>
  Array.from(text, (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(
    ' ',
  );

export const NAIYOU_MESSAGES = {
  empty: (): Localized => ({
    ja: '本文がありません。',
    en: 'The letter is empty.',
  }),
  lineTooLong: (counted: number, columns: number): Localized => ({
    ja: `この行は${counted}字と数えられ、1行${columns}字を超えています。${columns}字以内で改行してください。`,
    en: `This line counts ${counted} characters, more than ${columns} per line. Break it within ${columns}.`,
  }),
  control: (text: string): Localized => ({
    ja: `制御文字や見えない文字（${hex(text)}、タブなど）は使えません。削除するか空白に置き換えてください。`,
    en: `Control or invisible characters (${hex(text)}, such as tabs) are not allowed. Remove them or use a space.`,
  }),
  emoji: (text: string): Localized => ({
    ja: `絵文字（${text}）は使えません。`,
    en: `Emoji (${text}) are not allowed.`,
  }),
  halfwidthKatakana: (text: string): Localized => ({
    ja: `半角カタカナ「${text}」は使えません。全角で書いてください。`,
    en: `Half-width katakana ("${text}") are not allowed. Use full-width katakana.`,
  }),
  unusual: (text: string): Localized => ({
    ja: `「${text}」（${hex(text)}）は内容証明で使える文字（仮名・漢字・数字・括弧・句読点・一般的な記号）ではありません。`,
    en: `"${text}" (${hex(text)}) is not a character 内容証明 accepts (kana, kanji, digits, brackets, punctuation, common symbols).`,
  }),
  tooManyPages: (pages: number, max: number): Localized => ({
    ja: `e内容証明は${max}枚までです。この文書は${pages}枚になります（この行から${max + 1}枚目）。`,
    en: `e内容証明 accepts at most ${max} pages. This letter takes ${pages} (page ${max + 1} starts at this line).`,
  }),
  latinWord: (word: string): Localized => ({
    ja: `英字「${word}」は固有名詞（氏名・会社名・地名・商品名など）に限り使えます。固有名詞でなければ日本語で書いてください。`,
    en: `Latin letters ("${word}") may be used only in proper nouns (people, companies, places, products). If it is not one, write it in Japanese.`,
  }),
  unverifiedLayout: (perPage: number, maxPages: number, minFontPt: number): Localized => ({
    ja: `e内容証明の1枚あたり約${perPage.toLocaleString('en-US')}字・上限${maxPages}枚は、未確認の情報に基づく目安です（日本郵便の一次情報で未確認）。A4・${minFontPt}ポイント以上・余白とあわせて、差し出す前に日本郵便の案内で確認してください。`,
    en: `For e内容証明, about ${perPage.toLocaleString('en-US')} characters per page and at most ${maxPages} pages are estimates from unverified sources (not confirmed against Japan Post). Check them, with A4, ${minFontPt}pt or larger and the margins, against Japan Post's guide before sending.`,
  }),
  stampSpace: (): Localized => ({
    ja: '最後の枚に空いた行がありません。郵便認証司の証明文言と押印の余地を残すため、最後の枚に余白を作ることをおすすめします。',
    en: "The last page has no free line. Leave space at the end for the postal certifier's (郵便認証司) certification and stamp.",
  }),
  sealAcrossPages: (pages: number): Localized => ({
    ja: `${pages}枚になります。紙の内容証明では、ホチキスでとじ、差出人の印で各ページの綴り目に契印をしてください。`,
    en: `The letter takes ${pages} pages. For paper 内容証明, staple them and put a 契印 (the sender's seal across each join).`,
  }),
} as const;
