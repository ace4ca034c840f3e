/**
 * The rules of 内容証明郵便 as data: page layouts, bracket pairs, and which characters count more than one.
 *
 * Sources (DOMAIN.md §6.3; checked 2026-11-29):
 * - Japan Post, 内容証明 ご利用の条件等: https://www.post.japanpost.jp/service/fuka_service/syomei/use.html
 *   (縦書き 1行20字以内・1枚26行以内; 横書き 20字×26行, 13字×40行 or 26字×20行; 仮名, 漢字, 数字, 英字 (固有名詞に限る),
 *   括弧, 句読点, その他一般に記号として使用されるもの).
 * - The counting rules as practitioners quote them: 括弧は1組で1字 / 記号は1字 / 空白行は0行 / 1字でもあれば1行:
 *   naiyou.info https://naiyou.info/moji.php ; plala daikou http://www7.plala.or.jp/daikou/naiyou/tsukurikata.htm ;
 *   legal-cp http://legal-cp.com/civil/2-3.html ; artis-s https://artis-s.com/sp/naiyousyoumeirule.html
 *   (「文字や数字を円、三角形、四角形等の簡単な枠で囲んだものは、各文字及び枠の合計で計算します。ただし、文中の序列を
 *   示す記号として使用されているものについては、全体として1字と計算します」).
 * - 単位【㎡,㎏】は2字; (1)(一)(ア) は序列を示す記号として1字 (その他は2字): naiyou.info (above).
 * - 丸数字 ① は2字: goo blog yokoikatsutoshi https://blog.goo.ne.jp/yokoikatsutoshi/e/828d611ae7db4c29848e50040dc86247
 *   (a practitioner's blog, not Japan Post: provenance noted in CHARACTER_COUNT_SOURCES).
 * - e内容証明: koguchi-jimusho http://koguchi-jimusho.com/knowledge/shoshiki/3.html ; honnin-soshou.com
 *   http://honnin-soshou.com/e-naiyou/ — page size and page limit are UNVERIFIED (DOMAIN.md §6.3).
 */

export const NAIYOU_LAYOUT_IDS = [
  'vertical-20x26',
  'horizontal-20x26',
  'horizontal-26x20',
  'horizontal-13x40',
  'e-naiyou',
] as const;
export type NaiyouLayoutId = (typeof NAIYOU_LAYOUT_IDS)[number];

/** A source of a rule, with whether it was confirmed against the primary (Japan Post) text. */
export interface NaiyouRuleSource {
  readonly title: string;
  readonly url: string;
  readonly verified: boolean;
  readonly note?: string;
}

/** Paper 内容証明: a fixed grid of counted characters per line and lines per page (limits of the 謄本). */
export interface NaiyouGridLayout {
  readonly id: NaiyouLayoutId;
  readonly kind: 'grid';
  readonly columns: number;
  readonly rows: number;
  readonly vertical: boolean;
  readonly verified: true;
  readonly sources: readonly NaiyouRuleSource[];
}

/** e内容証明 (online, uploaded as a Word file): a character budget per page and a page limit. */
export interface NaiyouBudgetLayout {
  readonly id: NaiyouLayoutId;
  readonly kind: 'budget';
  /** Counted characters per page (about 1,584: UNVERIFIED). */
  readonly charactersPerPage: number;
  /** At most this many pages (5: UNVERIFIED). */
  readonly maxPages: number;
  readonly minFontPt: number;
  readonly paper: 'A4';
  readonly vertical: false;
  readonly verified: false;
  readonly sources: readonly NaiyouRuleSource[];
}

export type NaiyouLayout = NaiyouGridLayout | NaiyouBudgetLayout;

const JAPAN_POST: NaiyouRuleSource = {
  title: '日本郵便 内容証明 ご利用の条件等',
  url: 'https://www.post.japanpost.jp/service/fuka_service/syomei/use.html',
  verified: true,
};

const grid = (id: NaiyouLayoutId, columns: number, rows: number, vertical: boolean): NaiyouGridLayout => ({
  id,
  kind: 'grid',
  columns,
  rows,
  vertical,
  verified: true,
  sources: [JAPAN_POST],
});

export const NAIYOU_LAYOUTS: Readonly<Record<NaiyouLayoutId, NaiyouLayout>> = {
  'vertical-20x26': grid('vertical-20x26', 20, 26, true),
  'horizontal-20x26': grid('horizontal-20x26', 20, 26, false),
  'horizontal-26x20': grid('horizontal-26x20', 26, 20, false),
  'horizontal-13x40': grid('horizontal-13x40', 13, 40, false),
  'e-naiyou': {
    id: 'e-naiyou',
    kind: 'budget',
    charactersPerPage: 1584,
    maxPages: 5,
    minFontPt: 10.5,
    paper: 'A4',
    vertical: false,
    verified: false,
    sources: [
      {
        title: 'koguchi-jimusho e内容証明の書式',
        url: 'http://koguchi-jimusho.com/knowledge/shoshiki/3.html',
        verified: false,
        note: 'A4, 10.5pt or larger, about 1,584 characters per page (DOMAIN.md §6.3: UNVERIFIED, confirm with Japan Post)',
      },
      {
        title: 'honnin-soshou.com e内容証明',
        url: 'http://honnin-soshou.com/e-naiyou/',
        verified: false,
        note: 'at most 5 pages (a blog implies 6 or more cannot be sent: UNVERIFIED)',
      },
    ],
  },
};

/**
 * Bracket pairs: a pair counts as ONE character, on the line of the opening bracket (the closing bracket counts 0).
 * The ASCII double quote is its own closer (the first opens, the next closes).
 */
export const BRACKET_PAIRS: readonly (readonly [open: string, close: string])[] = [
  ['「', '」'],
  ['『', '』'],
  ['（', '）'],
  ['(', ')'],
  ['【', '】'],
  ['〔', '〕'],
  ['［', '］'],
  ['[', ']'],
  ['｛', '｝'],
  ['{', '}'],
  ['〈', '〉'],
  ['《', '》'],
  ['〝', '〟'],
  ['“', '”'],
  ['‘', '’'],
  ['"', '"'],
  ['＂', '＂'],
];
// < > and ＜ ＞ are not treated as a pair: they are also comparison signs, and counting a stray one as a closing
// bracket would under-count (each counts 1, which can only over-count).

/**
 * How many characters an enclosed or squared symbol counts.
 * - `enclosed` (①, ⑴, ㈱, ㊤, ㋐ …): the characters inside plus one for the frame (artis-s quoting the rule:
 *   「各文字及び枠の合計」), so ① = 2 as the goo blog states and ⑩ = 3.
 * - `squared` (㎡, ㎏, ㌔, ㍻ …): the characters it stands for (its NFKC form), so ㎡ (m2) = 2 and ㎏ (kg) = 2 as
 *   naiyou.info states; ㌢ (センチ) = 3 and ㍑ (リットル) = 5 extend that rule (no source names them).
 * Code point ranges, inclusive.
 */
export const COUNTED_SYMBOL_RANGES: readonly {
  readonly from: number;
  readonly to: number;
  readonly kind: 'enclosed' | 'squared';
}[] = [
  { from: 0x2460, to: 0x2487, kind: 'enclosed' }, // ①–⑳, ⑴–⒇
  { from: 0x2488, to: 0x249b, kind: 'squared' }, // ⒈–⒛ (digit full stop)
  { from: 0x249c, to: 0x24ff, kind: 'enclosed' }, // ⒜–ⓩ, ⓪, ⓫–⓿
  { from: 0x2776, to: 0x2793, kind: 'enclosed' }, // ❶–➓
  { from: 0x3220, to: 0x325f, kind: 'enclosed' }, // ㈠–㉟ (parenthesized/circled ideographs and numbers)
  { from: 0x3280, to: 0x32bf, kind: 'enclosed' }, // ㊀–㊿
  { from: 0x32c0, to: 0x32cf, kind: 'squared' }, // ㋀–㋏ (telegraph months, units)
  { from: 0x32d0, to: 0x32fe, kind: 'enclosed' }, // ㋐–㋾ (circled katakana)
  { from: 0x32ff, to: 0x32ff, kind: 'squared' }, // ㋿ 令和
  { from: 0x3300, to: 0x33ff, kind: 'squared' }, // ㌀–㏿ (squared katakana, units, eras ㍻, days)
];

/** Values of enclosed numbers that have no NFKC decomposition (dingbats), to count their digits. */
export const DINGBAT_NUMBER_VALUES: readonly {
  readonly from: number;
  readonly to: number;
  readonly first: number;
}[] = [
  { from: 0x24eb, to: 0x24f4, first: 11 }, // ⓫–⓴
  { from: 0x24f5, to: 0x24fe, first: 1 }, // ⓵–⓾
  { from: 0x24ff, to: 0x24ff, first: 0 }, // ⓿
  { from: 0x2776, to: 0x277f, first: 1 }, // ❶–❿
  { from: 0x2780, to: 0x2789, first: 1 }, // ➀–➉
  { from: 0x278a, to: 0x2793, first: 1 }, // ➊–➓
];

/**
 * Units written in Latin letters after a number (3kg, 20m): they count as written (kg = 2, as the rule says) and are
 * not English words, so they raise no proper-noun warning.
 */
export const LATIN_UNITS: readonly string[] = [
  'm',
  'cm',
  'mm',
  'km',
  'g',
  'kg',
  'mg',
  't',
  'l',
  'ml',
  'kl',
  'dl',
  'cc',
  'ha',
  'a',
];

/**
 * Symbols commonly used in Japanese documents (JIS X 0208 row 1–2 symbols) that are not letters, digits, kana or
 * kanji: allowed as 「その他一般に記号として使用されるもの」 and counted 1 each. Anything outside the character
 * classes in count.ts and this list is reported as an unusual symbol.
 */
export const COMMON_SYMBOLS =
  '§¨°±´¶×÷¢£¥¬‐‑‒–—―‖†‡‥…‰′″※℃№℡Å←↑→↓⇒⇔∀∂∃∇∈∋−√∝∞∠∥∧∨∩∪∫∬∴∵∽≒≠≡≦≧≪≫⊂⊃⊆⊇⊥⌒■□▲△▼▽◆◇○◎●◯★☆〒〓';

/** Where each counting rule comes from, for the result and the documentation. */
export const CHARACTER_COUNT_SOURCES: readonly NaiyouRuleSource[] = [
  JAPAN_POST,
  {
    title: 'naiyou.info 文字数について',
    url: 'https://naiyou.info/moji.php',
    verified: false,
    note: '括弧は1組で1字; 単位 ㎡ ㎏ は2字; (1)(一)(ア) は序列を示す記号として1字',
  },
  {
    title: 'artis-s 内容証明郵便作成のルール',
    url: 'https://artis-s.com/sp/naiyousyoumeirule.html',
    verified: false,
    note: '枠で囲んだ文字は各文字及び枠の合計',
  },
  {
    title: 'goo blog yokoikatsutoshi',
    url: 'https://blog.goo.ne.jp/yokoikatsutoshi/e/828d611ae7db4c29848e50040dc86247',
    verified: false,
    note: '丸数字は2字 (a practitioner blog)',
  },
];
