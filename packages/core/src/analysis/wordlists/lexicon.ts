/**
 * mimamoru's own word and phrase lists for post analysis (issue #6), plus the categorised use of the textlint list.
 *
 * Source: written by the mimamoru project (2026-11-29) from the categories of 刑法230条・231条・222条 and 民法709条
 * as summarised in DOMAIN.md §4, and from common Japanese SNS abuse vocabulary; no third-party text copied.
 * Discriminatory-expression frames follow the examples the Ministry of Justice gives of ヘイトスピーチ
 * (法務省「ヘイトスピーチ、許さない。」 https://www.moj.go.jp/JINKEN/jinken04_00108.html: 「○○人は出て行け」
 * 「祖国へ帰れ」, 危害を加えるとするもの, 昆虫・動物に例えて著しく見下すもの). Licence: same as mimamoru.
 *
 * `weight` is the probability that the term, alone and aimed at nobody in particular, is the named kind of
 * abuse in an SNS reply — set by hand and tuned on the development split of eval/ (see analyze.ts for how
 * weights, context multipliers and targets combine).
 */
import type { AnalysisCategory } from '../types.js';
import type { ContextKind } from './context-words.js';
import { TEXTLINT_INAPPROPRIATE_WORDS } from './textlint-inappropriate-words.js';

export interface LexiconEntry {
  /** Rule id reported on spans, `<category>.<name>`. */
  readonly rule: string;
  readonly category: AnalysisCategory | ContextKind;
  readonly terms: readonly string[];
  readonly weight: number;
  /** Generate homophone variants (死 → 氏, 市, 4, タヒ …) of every term. */
  readonly variants?: boolean;
  /** Longer ordinary words that contain a term; a match inside one of them is ignored (ばかり, 動かす). */
  readonly except?: readonly string[];
  /** A hiragana match must stand as its own word (see matcher.ts); default true for kana terms of ≤ 3 characters. */
  readonly boundary?: boolean;
}

/** Homophone and lookalike substitutions used by evaders, applied to terms of entries with `variants`. */
export const HOMOPHONE_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  死: ['し', '氏', '市', '4', 'タヒ', '師', '志', '詩'],
  殺: ['コロ', '頃', '56'],
};

const insult = (rule: string, weight: number, terms: readonly string[], extra: Partial<LexiconEntry> = {}): LexiconEntry => ({
  rule: `insult.${rule}`,
  category: 'insult',
  weight,
  terms,
  ...extra,
});

const ORDINARY_WORDS_CONTAINING_INSULTS = [
  'ばかり', 'ばかでかい', 'ばかうけ', '動かす', '生かす', '冷やかす', '乾かす', '脅かす', '驚かす', '甘やかす', '散らかす', 'かすか',
  'かすみ', 'かすれ', 'かすめ', 'はげし', 'はげま', 'ぼけっと', 'くずれ', 'くずし', 'くずす', 'ごみ箱', 'ごみ袋', 'ごみ出し',
  'ごみ捨て', 'ごみの日', 'ばかにする', 'ばかにして', 'ばかにされ', 'ばかにした', 'ばかにしない', 'でぶっ', 'でぶつ', 'でぶら', 'でぶん', 'でぶち', 'でぶれ', 'でぶき',
  '気持ち悪かった', '気持ち悪くな', '気持ち悪くて', 'ぼけっと', '寄生虫駆除', '寄生虫検査', '犬の寄生虫', '猫の寄生虫', '底辺の長さ', '底辺と高さ', '底辺×', '害虫駆除', '害虫対策', 'ぶすっと', 'でぶり', 'くそげー', 'もぶ', 'あほうどり', 'ちんちん電車', 'きもの', 'きもち', 'かすたむ',
  'かすたーど', 'はげたか', 'くずもち', 'ぼけ防止', 'ばかみたいに', 'ばかみたいな暑', 'ばか笑い', 'ばかうま', 'ばか売れ', 'ばかほど', 'ばか正直', 'ばかになら',
  '頭おかしいくらい', '頭おかしくなりそう', '頭おかしくなる', 'はげてき', 'はげそう', 'はげ始め', 'はげかけ', 'ちびの頃', 'ちびっこ', 'ちびっ子', 'ちびちび', 'ちび達', 'ちびたち', 'ごみ燃', 'ごみを捨', 'ごみを拾', 'ごみ拾', 'ごみ収集', 'ごみの分別', 'ごみ分別', '粗大ごみ', 'ごみ屋敷',
];

/** 「女のくせに」, 「外人のくせに」: an attack on a protected group, counted under discrimination (discrimination.slur), not insult. */
const GROUP_KUSENI = ['女', '男', '外人', '外国人', '障害者', 'ガイジ', 'ゲイ', 'ホモ', '在日', '部落', 'ハーフ', '韓国人', '中国人', '朝鮮人'];

export const LEXICON: readonly LexiconEntry[] = [
  // ── insult (侮辱: contempt without facts) ──
  insult('contempt', 0.62, [ '頭悪すぎ', '頭悪', '負け組', '目障り', '給料泥棒', '使えないやつ', '使えない奴', '脳みそ入って', '品のない顔', '気持ち悪', '無価値', '役に立たない', 'ゴミ野郎', 'クズ野郎', 'カス野郎', 'ばかじゃない', 'バカじゃねーの', 'あほ',
    'バカ', '馬鹿', 'アホ', '阿呆', 'ボケ', 'カス', 'クズ', '屑', 'ゴミ', 'ゴミクズ', 'ブス', 'ブサイク', '不細工', 'ブサ', 'デブ',
    'ハゲ', 'キモい', 'キモイ', 'きもい', 'キモ', 'うざい', 'ウザい', 'うざ', '無能', '低能', '脳なし', '能無し', '役立たず', '役たたず',
    '害悪', '老害', '気持ち悪い', '醜い', '間抜け', 'マヌケ', '雑魚', 'ザコ', 'ゴミカス', 'クソ野郎', 'クソ女', 'クソ男', 'クソババア',
    'クソジジイ', '人間のクズ', '社会のゴミ', '社会のクズ', '頭悪い', '頭わるい', '頭おかしい', '頭が悪い', '知恵遅れ', '底辺',
    '負け犬', '寄生虫', 'ウジ虫', '蛆虫', 'ブタ', '恥さらし', '生ゴミ', '汚物', '醜女', 'ブスババア', '脳みそ空っぽ',
    'ks', 'ごみ', '池沼', 'ガイジ', 'ばかやろう', 'ゴミ人間', 'クズ人間', 'ヘタクソ', 'ド下手', 'ゴミ女', 'ゴミ男', '低学歴', 'きっしょ',
    'キショい', 'きしょい', 'ブサメン', 'チビ', 'ハゲ散らかし', '乞食', 'こじき', '害虫', 'ゲス', 'ゴキブリ野郎', 'ゴキブリ女', 'ゴキブリ以下', 'メス豚', '雌豚', '豚女', 'デブス', '下衆', '外道', '卑怯者', '偽善者',
    // Slang and dialect of the same meaning (ポンコツ, 社会不適合者, ヘタクソ), and disability slurs aimed at a person.
    'ポンコツ', '社会不適合者', '不適合者', '下手くそ', '下手クソ', 'へたくそ', 'ヘッタクソ', 'ボケが', 'アホが', 'バカが', 'ドアホ', 'どアホ', 'アホンダラ',
    'ダボ', 'クソザコ', 'ざぁこ', '能無し', 'ノータリン', 'うすのろ', 'のろま', 'ウスノロ', 'でくのぼう', '木偶の坊', 'ろくでなし', 'ごくつぶし', '穀潰し',
    'つんぼ', 'キチガイ', 'きちがい', '基地外', '知障',
    '使えねえな', '使えねーな', '使えねえやつ', '使えねえ奴', 'あほちゃう', 'アホちゃう', 'ばかちゃう', 'バカちゃう', 'アホちゃうか', 'あほか', 'アホか', 'バカか',
    '役にも立たない', '役にたたない', '何の役にも', 'まぬけづら', '間抜け面', 'アホ面', 'アホづら', 'バカ面', 'ばかづら', 'ブサ面', 'ブス面', '醜すぎ', '醜い顔',
    '性格悪', '性格最悪', '性格ブス', 'クソ雑魚', 'くそざこ', '民度低', 'iq低', 'iqが低',
    'ゲスい', 'ゴミムシ', 'ちんかす', 'チンカス', 'うんこ野郎', 'ブタ野郎', '豚野郎', 'くそったれ', 'クソッタレ',
  ], { except: ORDINARY_WORDS_CONTAINING_INSULTS }),
  // 〜乙 after a contemptuous noun (ザコ乙w): mockery even with laughter markers.
  insult('mockery', 0.85, ['ザコ乙', 'バカ乙', 'アホ乙', 'ゴミ乙', 'カス乙', 'クズ乙', 'ざこ乙', '雑魚乙', '低脳乙', '低能乙', '情弱乙', '無能乙', 'ばか乙', 'バカ乙', 'アホ乙', 'ゴミ乙', 'カス乙', '負け犬乙', '底辺乙']),
  // Disgust at the person (吐き気がする, 虫唾が走る): below the threshold unless someone is addressed.
  // 〜のくせに (素人のくせに, ガキのくせに): contempt for the reader's standing; strong with 偉そう / 生意気 / イキる.
  insult('standing', 0.45, ['のくせに', 'くせして', '口だけ', 'ダサすぎ', 'ダサい', 'イタいだけ', '痛いだけ', '知ったかぶり'], { except: GROUP_KUSENI.map((g) => `${g}のくせに`) }),
  insult('standing', 0.6, ['くせに偉そう', 'くせに生意気', 'くせにイキ', 'くせに調子', 'くせに口出', 'くせにえらそう', '顔面凶器', '顔面崩壊', '顔面事故', '口だけ番長'], {
    except: GROUP_KUSENI.flatMap((g) => ['偉そう', '生意気', 'イキ', '調子', '口出', 'えらそう'].map((w) => `${g}のくせに${w}`)),
  }),
  insult('disgust', 0.45, ['吐き気がする', '吐き気する', '反吐が出る', 'ヘドが出る', '虫唾が走る', '虫酸が走る', 'キモすぎて吐', '生理的に無理', 'しょうもない', 'しょーもない', 'うっとうしい', '鬱陶しい', '無神経',
    '脳死', '低レベル', 'レベル低', '幼稚すぎ', '見苦しい', 'みっともない', '汚らわしい'], { except: ['脳死判定', '脳死移植', '脳死状態', '脳死下'] }),
  insult('dismissal', 0.45, ['消えな', '黙りな', '黙っとけ', '黙ってろ', '黙っとれ', '引っ込んでろ', '引きこもってろ', 'すっこんでろ', 'やめれば?', '辞めれば?', '引退すれば?', '消えろ', '黙れ', 'だまれ', 'うせろ', '失せろ', '失せな', 'ざまあ', 'ざまぁみろ', 'ざまーみろ', '二度と来るな', '出てくるな', '引退しろ', '辞めろ', 'やめちまえ'], { except: ['消えない', '消えなかった', '消えなく', '消えなけれ', '黙りなさい'] }),
  insult('worthless', 0.7, ['存在価値がない', '存在価値ない', '価値のない人間', '生まれてこなければ', '生まれてこなきゃ', '親の顔が見たい', '人として終わってる', '人間として終わ', '終わってる人間']),
  insult('profanity-emoji', 0.35, ['🖕', '💩', '🤡', '🤮']),

  // ── defamation (名誉毀損: a concrete fact that lowers social standing) ──
  { rule: 'defamation.crime-fact', category: 'defamation', weight: 0.5, terms: [ '逮捕', '体罰', '無免許', '盗んで', '盗んだ', '金抜いて', '使い込', '持ち逃げ', 'ひき逃げ', 'はねて逃げ', '飲酒運転', 'わいせつ', '懲戒解雇', 'クビになった', '行政処分', '訴えられ', '置き去り', '使い回し', '賞味期限切れ', '偽装', '横流し', '水増し', '粉飾', '改ざん', '闇営業', 'ぜんかもち', 'ぜんかしゃ', '前科三犯', '常習犯', '元ヤクザ', '刑務所から出て', 'ステマ', 'ぼったくり', '薬物で', '違法', '脱法', '裏口', '不正して', 'パクって', '盗作野郎',
    '前科', '前科者', '前科持ち', '逮捕歴', '逮捕された', '捕まった', 'パクられた', '書類送検', '起訴された', '有罪', '服役', 'ムショ帰り',
    '刑務所帰り', '少年院', '詐欺師', '詐欺をして', '詐欺してる', '詐欺やって', '横領', '着服', '窃盗', '万引き', '盗撮', '痴漢', '強姦魔',
    'レイプ魔', '性犯罪者', '殺人犯', '放火魔', '覚醒剤', 'シャブ', '薬物中毒', 'ヤク中', '大麻', '脱税', '裏金', '賄賂', '不正受給',
    '虐待して', '虐待してる', '児童虐待', 'dv夫', 'dv男', 'パワハラ上司', 'セクハラ', '盗作', 'パクリ', '経歴詐称', '学歴詐称', '裏口入学',
    '性加害', '性暴力', '強制わいせつ', 'レイプした', '強姦した', '児童ポルノ', '買春', '密売', '売人', '特殊詐欺', 'オレオレ詐欺', '受け子', '出し子', 'ねずみ講',
    '八百長', 'ドーピング', '空き巣', '強盗', 'カツアゲ', 'いじめの主犯', 'いじめてた', '前歴', '補導歴', '家宅捜索', 'ガサ入れ', '談合', '無断転載',
    'ストーカー', '反社', 'ヤクザ', '暴力団', '犯罪者', '泥棒', '盗人', '詐欺', '犯罪歴',
  ], except: ['給料泥棒', '税金泥棒', '時間泥棒', '詐欺にあ', '詐欺に遭', '詐欺に気をつけ', '詐欺に注意'] },
  { rule: 'defamation.shame-fact', category: 'defamation', weight: 0.45, terms: [ 'hiv陽性', 'エイズ患者', '性病持ち', 'うつ病にした', '不倫して', '浮気して', 'パチンコ行って', 'ネグレクト', '借金して', '風俗通い', '整形と借金',
    '不倫', '浮気', '愛人', '二股', '略奪婚', '売春', '援交', '援助交際', 'パパ活', '風俗嬢', '風俗で働', 'av出演', '枕営業', '性病',
    'エイズ', '梅毒', '中絶', 'ヤリマン', 'ヤリチン', '借金まみれ', '自己破産', 'サラ金', '闇金', '夜逃げ', 'ホームレス', '生活保護受給',
    '精神病', '統合失調症', '精神異常', '整形してる', '整形顔', '整形モンスター', '隠し子', 'カルト信者', '宗教にハマ',
  ] },

  // ── threat (脅迫: harm to life, body, freedom, honour or property of the person or relatives) ──
  { rule: 'threat.kill', category: 'threat', weight: 0.78, variants: true, terms: [ '殺します', '殺害予告', '殺害する', '殺しにいきます', '殺しに行きます', '息の根を止め',
    '殺す', '殺すぞ', '殺してやる', 'ぶっ殺す', 'ぶっころ', 'ぶちころ', 'ころす', 'ころしてやる', '殺しに行く', '殺しにいく', '殺したる',
    '殺さなきゃ', '殺されたいのか', '命はない', '命はないと思え', '消してやる', '埋めてやる', '沈めてやる', '始末する', 'ぶっ殺',
  ] },
  { rule: 'threat.violence', category: 'threat', weight: 0.68, terms: [ '本当にやるよ', '命が惜し', '窓割', '割ってやる', 'ボコる', '見つけ次第', '痛めつけ', '刺し殺', '殴り殺', 'ぶん殴', 'ぶっ飛ば', 'ただで済むと思うな', '無事でいられると思うな',
    '刺してやる', '刺しに行く', '殴ってやる', '殴りに行く', 'ぶん殴る', 'ボコす', 'ボコボコにしてやる', 'ボコってやる',
    'しばく', 'しばいたる', 'しばきに行く', '痛い目にあわせ', '痛い目に遭わせ', '痛い目見せ', '半殺し', '拉致', '監禁してやる', 'さらってやる',
    '襲ってやる', '襲いに行く', 'ただじゃおかない', 'ただじゃすまない', 'タダじゃ済まない', '後悔させてやる', '覚悟しとけ', '覚悟しろ',
    '覚えとけ', '覚えてろ', '夜道に気をつけ', '夜道には気をつけ', '背後に気をつけ', 'どうなっても知らない', 'どうなってもしらない',
  ] },
  { rule: 'threat.property', category: 'threat', weight: 0.7, terms: [ '放火',
    '燃やしてやる', '火つけてやる', '放火してやる', '放火する', '家を燃や', '爆破する', '爆破してやる',
    '爆弾を仕掛け', '爆弾しかけ', '車を壊', '火をつけてやる', '家に火をつけ', '店に火をつけ', '火つけたる', '店を潰してやる', '会社を潰してやる',
  ] },
  { rule: 'threat.visit', category: 'threat', weight: 0.55, terms: [ '今から行く', '家知ってる', '家わかった', '実家の場所', '乗り込む', '乗り込んで', '待ってる。逃げ', '逃げんなよ', '逃げるなよ', '家の前にいる', 'カーテン開け', '待ってろよ', '挨拶しに行く', '見に行くね', '押しかける',
    '家に行く', '家行く', '家いく', '家に行くから', '家まで行く', '家に押しかけ', '会いに行くから', '凸する', '凸るわ', '突撃する',
    '住所特定した', '住所特定済み', '家特定した', '特定してやる', '特定したから', '必ず見つけ', '見つけ出してやる', '居場所はわかってる',
    '職場に行く', '会社に行くから', '学校に行くから',
  ] },
  // 待ち伏せ alone is also birding and sports talk (待ち伏せして写真撮る): 待ち伏せしてやる / 待ち伏せするぞ are in frames.ts.
  { rule: 'threat.visit', category: 'threat', weight: 0.4, terms: ['待ち伏せ'] },
  { rule: 'threat.honour', category: 'threat', weight: 0.55, terms: [ '晒す', '晒してやる', '晒します', '拡散してやる',
    '晒してやる', '晒すぞ', '晒すから', 'ばらしてやる', 'バラすぞ', 'ばらまいてやる', 'ネットに流してやる', '写真ばらまく', '会社にバラす',
    '家族にバラす', '社会的に抹殺', '社会的に殺す', '人生終わらせてやる', '人生めちゃくちゃにしてやる',
  ], except: ['恥を晒す', '醜態を晒す', '姿を晒す', '危険に晒す', '日に晒す', '風雨に晒す', '批判に晒', '恥を晒し', '無様を晒す'] },
  { rule: 'threat.family', category: 'threat', weight: 0.7, terms: [
    '家族がどうなっても', '子供がどうなっても', '子どもがどうなっても', '家族も殺す', '家族も道連れ', '娘がどうなっても', '息子がどうなっても',
  ] },
  { rule: 'threat.weapon-emoji', category: 'threat', weight: 0.35, terms: ['🔪', '🔫', '💣', '🧨', '🗡'] },

  // ── self-harm incitement (死ね aimed at the person, 自殺しろ) ──
  { rule: 'self-harm-incitement.die', category: 'self-harm-incitement', weight: 0.72, variants: true, terms: [
    '死ね', '死ねよ', '死んでくれ', '死んでしまえ', '死ねばいい', '死ねばいいのに', '死んだらいい', '死んどけ', '早く死', 'さっさと死',
    '死んで詫び', '死んで償え', '死んでください', 'くたばれ', 'くたばっちまえ',
  ], except: ['早く死にたい', 'さっさと死にたい', '死ねる', '死ねない', '死ねた'] },
  { rule: 'self-harm-incitement.suicide', category: 'self-harm-incitement', weight: 0.85, terms: [ '首くくって', '首をくくって', 'じさつしろ', 'じさつして', 'しんでくれ', 'くびつれ', '本気で切れ', 'リスカしろ', '練炭', '首吊って', '飛び降りて', '樹海行け', '樹海に行け', 'odしろ', '薬飲んで死',
    '自殺しろ', '自殺して', '自殺すれば', '自殺しな', '首吊れ', '首つれ', '首を吊れ', '首くくれ', '飛び降りろ', '飛び降りれば', '電車に飛び込め',
    '生きてる価値ない', '生きてる価値がない', '生きる価値ない', '生きる価値がない', '生きてて恥ずかしくない', 'kys', 'kill yourself',
  ] },
  { rule: 'self-harm-incitement.death-emoji', category: 'self-harm-incitement', weight: 0.25, terms: ['💀', '☠', '🪦', '⚰'] },

  // ── sexual harassment ──
  { rule: 'sexual.harassment', category: 'sexual', weight: 0.62, terms: [ '下着何色', '下着の色', '何色のパンツ', 'エロすぎ', '誘ってんの', '誘ってるの', '夜の相手', '経験人数', '舐めたい', 'なめたい', 'ノーブラ', '見せてあげ', '脱いで', '脱げよ', '揉みたい', '揉ませ', 'しゃぶって', 'しゃぶれ', '谷間', '乳首透け', '透けてる', 'エロい自撮り', '自撮り送って', '裸送って', '写真売って', 'パイオツ', '生理中', 'オナニーして', 'セックスしたい', 'エッチしよ', 'エッチしたい', 'えっちしよ', 'ヤリマン', '抱きたい', 'ちんこ見せ', 'おっぱい見せて', 'パンツ見せて', '抜いた', 'オカズ',
    'ヤらせろ', 'やらせろ', 'ヤらせて', '抱かせろ', '抱いてやる', '犯す', '犯してやる', '犯されたい', 'レイプしてやる', 'パンツ見せ', '下着見せ',
    '処女もらって', '処女奪', '童貞奪', '初めてもらって', '処女なら俺', '生理の日教え', '生理周期教え', 'エロい目で見', 'そういう目で見てる', '舌入れたい', '舌入れて', 'ベロチュー',
    '脱がせる', '脱がせてやる', '脱がしてやる',
    'ヤれる女', 'やれる女', 'ヤれる子', 'すぐヤれる', '誰とでも寝る', '誰とでもヤる', '一晩付き合え', '一晩相手し', '一晩どう', '口で咥え', '咥えてほしい', '咥えて欲しい',
    'エロいカラダ', 'エロいからだ', 'えろいからだ',
    'ハメたい', 'ハメ撮りさせ', '中出しさせ', '中出ししたい', 'ぶち込みたい', 'ぶち込んでやる', 'フェラして', '舐め回し',
    'やりてえ', 'ヤリてえ', '抱きてえ', '勃った', '勃起した', 'オナネタ', 'パンツ見えて', 'ブラ見えて', 'ブラ透け', '透けブラ', '乳首見え', '乳首立',
    '裸見せ', '裸の写真', 'エロ写真送', '胸触', 'おっぱい触', 'おっぱい見せ', '何カップ', 'スリーサイズ', '処女なの', '童貞なの', 'ヤリたい',
    'やりたい女', 'セックスしよ', 'ホテル行こ', 'いくらでヤれる', 'いくらでやれる', '一晩いくら', '肉便器', '性処理', '性奴隷', '孕ませ',
  ] },
  // Sexual slurs aimed at a woman or man (ビッチ, 淫乱, 尻軽, 公衆便所).
  { rule: 'sexual.slur', category: 'sexual', weight: 0.55, terms: ['ビッチ', '淫乱', '尻軽', 'サセ子', '公衆便所', 'ヤリモク', '股ゆる', '股がゆる'] },
  { rule: 'sexual.body', category: 'sexual', weight: 0.3, terms: ['エロい体', 'エロい身体', 'いい体してる', 'いい身体してる', 'えっちな体', 'ムラムラする', '抜ける', 'オカズにし', '🍆', '🍑'] },

  // ── discrimination (attacks on nationality, ethnicity, origin, gender, sexuality, disability) ──
  { rule: 'discrimination.exclusion', category: 'discrimination', weight: 0.72, terms: [
    '国に帰れ', '国へ帰れ', '祖国へ帰れ', '祖国に帰れ', '日本から出て行け', '日本から出ていけ', '日本から出てけ', '出ていけ外国人',
    '外国人は出て行け', '外国人は出ていけ', '在日は出て行け', '在日は出ていけ', '朝鮮人は出て行け', '朝鮮人は出ていけ', '朝鮮に帰れ', '半島に帰れ',
    '中国に帰れ', '韓国に帰れ', '叩き出せ', '駆除しろ', '駆除すべき', '追い出せ',
  ] },
  { rule: 'discrimination.slur', category: 'discrimination', weight: 0.62, terms: [ 'ニガー', 'ホモォ', '在日特権', '嘘つき民族', '劣等民族', '三国人', '鮮人', 'トンスル', 'ゴキブリ朝鮮',
    'チョン', 'チョン公', 'シナ人', 'チャンコロ', '土人', '黒んぼ', 'ジャップ', '三国人', '穢多', '非人', '部落民', 'ホモ野郎', 'オカマ野郎',
    'レズ女', 'まんさん', 'メンヘラ女', '池沼', 'ガイジ', 'キチガイ', '気違い', '知障', 'かたわ', 'めくら', 'つんぼ', '白痴', '支那人',
    'ゴキブリ朝鮮人', '在日認定', '在日のくせに', '女のくせに', '女は黙って', '障害者のくせに', 'ガイジのくせに', 'ゲイのくせに', 'ホモのくせに',
    '外人のくせに', '部落のくせに', '部落出身の', 'オカマ', 'おかま', 'ホモ', 'レズ', 'チョン公', 'ジャップ', 'クロンボ', 'ガイコクジン', '外人ども', '在日ども',
  ], except: ['おかまいなく', 'お構い', 'おかまい', 'ホモサピエンス', 'ホモ・サピエンス', 'ホモジニアス', 'ホモ牛乳', 'レズビアン'] },

  // ── targets and context (no category score of their own; see context.ts) are in wordlists/context-words.ts ──
];

/** textlint entries too ambiguous to flag in SNS talk (ordinary meanings dominate): skipped, with the reason. */
export const TEXTLINT_SKIPPED: Readonly<Record<string, string>> = {
  イク: 'いく (to go) after kana folding',
  処女: 'ordinary word (処女作, 処女航海)',
  愛人: 'counted under defamation.shame-fact as a fact claim instead',
  体位: 'ordinary word',
  催眠: 'ordinary word',
  ナンパ: 'ordinary word',
  ハーレム: 'ordinary word',
  乳房: 'medical word (乳房再建)',
  座位: 'ordinary word (座位の姿勢)',
  熟女: 'ordinary description',
  発情: 'used of animals',
  個人撮影: 'ordinary word',
  成人向け: 'content label',
  土方: 'surname and historical name (土方歳三)',
  唖: 'single kanji in ordinary compounds (唖然)',
  ネトウヨ: 'political label, not an attack on a protected attribute; weak insult at best',
  パヨク: 'political label, not an attack on a protected attribute; weak insult at best',
  SM: 'too short; SM is also a size and a company suffix',
  '3P': 'too short',
  SOD: 'company name',
  リフレ: 'economic term (リフレ派)',
  イチモツ: 'ordinary idiom (腹に一物)',
  エクスタシー: 'ordinary word',
  ダブルピース: 'photo pose',
  巨乳: 'description, not harassment alone',
  SEX: 'also sex = gender in forms',
  クソ: 'used as an intensifier (クソ眠い, クソうまい) more often than as an insult; クソ野郎 etc. are in insult.contempt',
  アゲマン: 'slang, not harassment alone',
};

/** textlint entries (index < 49) that attack a protected attribute (disability, nationality) rather than just insult. */
const TEXTLINT_DISCRIMINATION = new Set([
  'いざり', 'かたわ', 'きちがい', 'ぎっちょ', 'つんぼ', 'びっこ', 'めくら', 'アスペ', 'ガイジ', 'キチガイ', '支那', '支那人', '池沼',
  '白痴', '糖質', '統失', 'ナマポ',
]);

/** The first 49 entries of the textlint list are abusive/discriminatory words; the rest (up to the masked variants) sexual. */
const TEXTLINT_ABUSIVE_COUNT = 49;
const TEXTLINT_MASKED_START = TEXTLINT_INAPPROPRIATE_WORDS.indexOf('3O');

function textlintEntries(): LexiconEntry[] {
  const insultTerms: string[] = [];
  const discriminationTerms: string[] = [];
  const sexualTerms: string[] = [];
  TEXTLINT_INAPPROPRIATE_WORDS.slice(0, TEXTLINT_MASKED_START).forEach((word, index) => {
    if (TEXTLINT_SKIPPED[word] !== undefined) return;
    if (index < TEXTLINT_ABUSIVE_COUNT) {
      (TEXTLINT_DISCRIMINATION.has(word) ? discriminationTerms : insultTerms).push(word);
    } else sexualTerms.push(word);
  });
  return [
    { rule: 'insult.textlint', category: 'insult', weight: 0.5, terms: insultTerms, except: ORDINARY_WORDS_CONTAINING_INSULTS },
    { rule: 'discrimination.textlint', category: 'discrimination', weight: 0.55, terms: discriminationTerms },
    // Sexual vocabulary alone is not harassment; it counts when aimed at someone (targets multiply it).
    { rule: 'sexual.textlint', category: 'sexual', weight: 0.3, terms: sexualTerms },
  ];
}

/** Every scored entry: mimamoru's lists followed by the categorised textlint list. */
export const ALL_ENTRIES: readonly LexiconEntry[] = [...LEXICON, ...textlintEntries()];

/** Privacy phrases: disclosing where someone lives, works or studies, or who they really are. */
export const PRIVACY_ENTRIES: readonly LexiconEntry[] = [
  { rule: 'privacy.real-name', category: 'privacy', weight: 0.5, boundary: false, terms: [
    '本名は', '本名:', '本名も', '中の人は', 'の中の人', '中の人の名前', '正体は', '実名は', '実名晒', '顔晒', '顔を晒', '顔晒し',
  ] },
  // Words that disclose only with a target (この人の本名, こいつの裏垢): below the threshold alone.
  { rule: 'privacy.real-name', category: 'privacy', weight: 0.4, boundary: false, terms: [
    '本名', 'の本名', '裏垢', '本垢', '顔写真', 'の顔写真', '卒アル', '卒業アルバム', '親の名前', '旦那の名前', '子どもの名前', '子供の名前',
    '住民票', '戸籍', 'ストリートビュー', 'ストビュー', 'グーグルマップ', 'googleマップ', '素顔晒', 'すっぴん晒',
  ], except: ['本名で活動', '本名で活動する', '本名で登録', '本名で呼', '本名と芸名', '顔写真付き'] },
  { rule: 'privacy.workplace', category: 'privacy', weight: 0.4, boundary: false, terms: [
    '職場、', 'の職場', '勤め先、', '勤務先、', '勤務先は', '勤め先は', '職場は', '働いてる会社', 'に勤めてる', 'に勤務してる', 'で働いてる', '通ってる学校', '通ってる高校', '通ってる大学',
    '通ってる中学', 'の学校は', '在籍してる', '勤務先', '勤め先', 'バイト先は', 'バイト先',
  ] },
  { rule: 'privacy.residence', category: 'privacy', weight: 0.4, boundary: false, terms: [
    '住所は', '家は', '実家は', '最寄り駅は', '最寄りは', '最寄りが', '最寄り駅が', '裏のアパート', 'のアパート', '住んでるのは', 'に住んでる', 'に住んでいる', '自宅は', '住所晒', '家晒', '家の写真',
  ] },
  { rule: 'privacy.movements', category: 'privacy', weight: 0.35, boundary: false, terms: [
    'の裏の', 'の隣の家', 'の向かいの家', '屋根の', 'シフト表', 'シフトは', '時に家を出る', '家を出る時間', '毎朝', '通勤経路', '通学路', '帰宅時間', 'でバイトしてる', 'でバイト', '制服で', '高校の制服',
    'の制服', '郵便番号', 'タワマン', '階に住', '部屋番号', '号室', '角部屋', '階の角', 'のマンション', 'に通ってる', '通ってるジム', 'から乗ってる', '駅から乗',
    '駅を使って', '駅使って', 'で降りる', 'に乗ってる', '帰宅ルート', '通勤ルート', '通学ルート', '同じ電車', '同じ車両', '時頃に家', '時に帰宅', '時に帰って', 'から乗ってくる', 'で乗ってくる', 'から乗ってく', 'あたりに住', '付近に住', '沿いを走って', '沿いを散歩', '駅から徒歩', 'から徒歩', '屋根の家', 'の家は', '通ってる塾', 'の塾は', '通ってる幼稚園', '通ってる保育園',
  ] },
  { rule: 'privacy.relations', category: 'privacy', weight: 0.2, boundary: false, terms: ['の旦那', 'の嫁', 'の娘', 'の息子', '商事の', '課長', '部長'] },
  { rule: 'privacy.identity-number', category: 'privacy', weight: 0.3, boundary: false, terms: ['マイナンバー', '個人番号', '免許証番号', '保険証番号'] },
  // Images of identity documents (免許証の画像, 学生証の写真): their owner's name, birth date, address and face.
  { rule: 'privacy.identity-document', category: 'privacy', weight: 0.45, boundary: false, terms: [
    '学生証の写真', '学生証の画像', '免許証の写真', '免許証の画像', '保険証の写真', '保険証の画像', 'パスポートの写真', 'パスポートの画像', '在留カードの写真',
    '社員証の写真', '社員証の画像', '学生証晒', '免許証晒', '生年月日も', '生年月日は',
  ], except: ['免許証の写真写り', '免許証の写真撮'] },
  // 「家特定した」, 「特定できた」: a post that says where someone lives was worked out.
  { rule: 'privacy.residence', category: 'privacy', weight: 0.3, boundary: false, terms: ['の実家', '特定できた', '特定した', '特定済み', '特定しました', '身バレしてる', '身バレした'] },
];
