/**
 * Context markers for post analysis: who is addressed, and signs that a flagged phrase is negated, reported,
 * news, banter, opinion or self-directed. Source: written by the mimamoru project (2026-11-29) from ordinary
 * Japanese SNS usage; no third-party text. Licence: same as mimamoru. How each marker changes a score is in
 * analyze.ts (CONTEXT_MULTIPLIERS).
 */
import type { LexiconEntry } from './lexicon.js';

export type ContextKind =
  | 'target'
  | 'negation'
  | 'reported'
  | 'news'
  | 'banter'
  | 'opinion'
  | 'assertion'
  | 'self'
  | 'group'
  | 'hostile';

const entry = (category: ContextKind, terms: readonly string[], extra: Partial<LexiconEntry> = {}): LexiconEntry => ({
  rule: `context.${category}`,
  category,
  weight: 0,
  terms,
  ...extra,
});

export const CONTEXT_ENTRIES: readonly LexiconEntry[] = [
  /** Second person and pointed third person: the post is aimed at someone. */
  entry('target', [
    'お前', 'おまえ', 'お前ら', 'おまえら', 'てめえ', 'てめー', 'てめぇ', 'テメエ', 'てめえら', '貴様', 'きさま', 'あんた', 'あなた', '君は',
    'きみは', 'こいつ', 'あいつ', 'そいつ', 'こいつら', 'あいつら', 'この人', 'この女', 'この男', 'このおばさん', 'このおっさん', 'このババア',
    'このジジイ', 'おめえ', 'おめー', 'お宅', 'こやつ', 'この子', 'あの子', 'その子', 'こいつの', 'あいつの',
  ], { boundary: false }),
  /** "I did not say …", "… is wrong": the phrase is mentioned, not used. */
  entry('negation', [
    'とは言ってない', 'とは言っていない', 'とは言ってません', 'なんて言ってない', 'なんて言っていない', 'とは言わない', 'なんて言わない',
    'とは思わない', 'とは思ってない', 'なんて思わない', 'つもりはない', 'つもりはありません', 'わけじゃない', 'わけではない', 'はよくない',
    'は良くない', 'はダメ', 'はだめ', 'はいけない', 'は駄目', '言っちゃダメ', '言っちゃだめ', '言うのはやめ', 'いうのはやめ', '言わないで',
    'って言うな', 'とか言うな', 'なんて言うな', 'と言うのは', 'とか言う人', 'って言う人', 'とか言うやつ', 'は許さない', 'は許されない',
    'は最低', 'はやめよう', 'は差別語', '差別用語', '差別語', '使うのやめ', '使わないで', 'という言葉', 'って言葉', 'という表現', 'はやめましょう', 'じゃないです', 'ではありません', 'じゃありません', 'は絶対ダメ', 'とは書いてない', 'ではない',
    'になりたくない', 'にはなりたくない', 'にならないように',
    // Concessive: 「前科があっても更生できる」 mentions the fact without asserting it of anyone.
    'があっても', 'があったとしても', 'あっても', 'だったとしても', 'なんて思ってない', 'だなんて思って', 'は間違って', 'は間違い',
  ], { boundary: false }),
  /** The poster reports words said to them ("…と言われた"). */
  entry('reported', [
    'って言われた', 'と言われた', 'といわれた', 'って言われて', 'と言われて', 'って言われ', 'と言われ', 'って書かれ', 'と書かれ',
    'って送られ', 'と送られ', 'ってdm', 'とdm', 'ってリプ', 'とリプ', 'って来た', 'ってきた', 'と来た', 'って言ってきた', 'と言ってきた',
    'って書き込まれ', 'と書き込まれ', 'と罵られ', 'って罵られ', 'と脅され', 'って脅され', 'と言われました', 'って言われました', 'と書かれました',
    'というdm', 'というリプ', 'というメッセージ', 'というコメント', 'ってコメント', 'とコメントされ', 'と叩かれ', 'って叩かれ',
  ], { boundary: false }),
  /** A news register about crimes (報道, 容疑者): reporting, not accusing. */
  entry('news', [
    '容疑者', '容疑で', 'の疑いで', '送検', '報道', '警察によると', '県警', '府警', '警視庁', '道警', '地検', '判決', '被告', '逮捕されました',
    '起訴されました', 'ニュース', '記事', 'によると', '事件で', '署は', '調べに対し', '供述', '裁判所は', '有罪判決', '実刑', '執行猶予',
  ], { boundary: false }),
  /** Banter markers (jokes between friends are not attacks on the victim). */
  entry('banter', ['ww', 'w', '笑', '(笑)', '草', '冗談', 'じょうだん', 'ネタ', '😂', '🤣', '😆', '😜', '😝', '(^^)', '(^_^)', '😁', 'ふざけて'], {
    boundary: false,
    // 「草も生えない」 is contempt, not laughter.
    except: ['草も生えない', '草も生えん', '草生えない'],
  }),
  /** Opinion rather than an assertion of fact (defamation needs a fact). */
  entry('opinion', [
    'と思う', 'と思います', 'と思った', '気がする', 'かもしれない', 'かもしれません', 'かもね', 'っぽい', 'ような気', 'みたいな気', 'のでは',
    'じゃないかな', 'ではないか', 'でしょうか', 'だろうか', 'なのかな', 'かな?', '疑惑', '説', 'してそう', 'やってそう', 'しそう', 'そうな顔',
  ], { boundary: false }),
  /** Markers that state a fact ("実は", "がバレた", "の過去"). */
  entry('assertion', [
    '実は', 'がバレ', 'バレてる', 'ばれてる', 'の過去', '歴がある', '歴あり', '証拠', '事実', '確定', '本当は', 'ほんとは', '常習', '有名',
    'してる', 'している', 'してた', 'していた', 'やってる', 'やってた', 'だった', 'なんだよ', 'だからな', 'です', 'だよ', 'みんな知って',
    '知ってる', '知らない人', 'らしい', '噂', 'うわさ', 'された', 'して逃げ', 'のは本当', 'ってマジ',
  ], { boundary: false }),
  /** Self-directed (私って本当バカ): the writer about themself. */
  entry('self', [
    '私は', '私って', '私が', '俺は', '俺って', '俺が', '僕は', '僕って', '僕が', '自分は', '自分って', '自分が', 'うちは', 'うちって', 'あたしは',
    'あたしって', '自分', 'おれ', 'ぼく', 'うちの', 'わたしは', 'わたしって', 'おれは', 'おれって', 'ぼくは', 'ぼくって', '私', '俺', '僕', 'ワイ', 'ワイは',
  ], {
    boundary: false,
    // 私 as a prefix meaning "private", not the writer: 私的に使い込んでる is about someone else.
    except: ['私的', '私物', '私立', '私服', '私生活', '私用', '私腹', '私有', '私費', '私刑', '公私', '自分勝手'],
  }),

  /** Groups defined by a protected attribute (nationality, ethnicity, origin, gender, sexuality, disability). */
  entry('group', [
    '障害者', '障がい者', '外国人', '外人', '在日', '朝鮮人', '韓国人', '中国人', 'アイヌ', '部落', '同和', '黒人', 'ゲイ', 'ホモ', 'レズ', 'トランス',
    '同性愛', 'lgbt', '女は', '女って', '女ども', 'フィリピン人', 'ベトナム人', 'クルド人', 'ブラジル人', '移民', '難民', 'ハーフ', '○○人', '精神障害',
    '発達障害', '知的障害', 'ガイジ', '○○民族', '民族', '半島',
    '女性は', 'おんなは', 'トランス女性', '障害児', '精神病患者', '精神障害者', 'ネパール人', 'インド人', 'アジア人', '白人', '外国人労働者',
    '技能実習生', '留学生', '在日外国人', '性的マイノリティ', '同性愛者', 'バイセクシャル', '高齢者', '老人', '女なんか', '女なんて', '女ごとき',
  ], { boundary: false }),
  /** Hostile predicates that make a sentence about a group an attack on it. */
  entry('hostile', [
    '税金の無駄', '嘘つき', '精神病', 'ゴキブリ', '寄生虫', '出ていけ', '出て行け', '帰れ', '関わるな', '利権', '特権', 'どうせ', '遺伝的に', '劣って',
    '劣等', '犯罪者', '害虫', '駆除', '殺せ', '消えろ', '頭悪い', '気持ち悪い', 'お荷物', 'いらない', '要らない', '滅びろ', '追い出せ', '水商売',
    '汚い', '臭い', '病気', '異常', '生きる価値', '許すな', 'もういない', '認めない', '治療', '入れるな', '来るな',
    // Hostile predicates about a group, by meaning: exclusion (〜させるな, 出すな, 近寄るな), vermin and disease,
    // crime and danger as a group trait, denial of existence or identity, worthlessness (生産性, 甘え, 迷惑).
    'させるな', '入国させ', '出すな', '産むな', '近寄るな', '近づくな', '視界に入るな', '閉じ込め', '隔離しろ', '出てくんな', '出てくるな', 'くんな', '追放',
    'スパイ', '泥棒', '犯罪しか', '犯罪ばかり', '犯罪者ばかり', '怖いから', '危険だから', '治安が悪くなる', '汚す', '汚染', '気持ち悪', 'キモい', '病気でしょ',
    '存在しない', '金目当て', '甘え', '生産性', '迷惑', '感情的だから', '管理職にするな', '女じゃない', '男じゃない', '血が入って', '血筋', '遺伝', '民度',
    'みんな泥棒', 'のくせに', '下等', '劣る', '不要', '通報する', '帰れよ', 'できるわけない', 'できるわけがない', 'ごときが', 'なんかに', '生きてて楽しい',
    '生きてる意味', '産む機械', '機械', '予備軍', '治せ', '日本人ぶる', 'ぶるな',
  ], { boundary: false }),
];
