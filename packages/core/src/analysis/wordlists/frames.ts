/**
 * Lexicon organised by MEANING rather than by phrase: each list names verbs (in dictionary form) or nouns of one
 * kind of abuse, and the grammar frames that make them an attack — the 命令形 of a harm verb, 〜てやる / 〜に行く,
 * 〜ばいいのに, a comparison (豚みたい, 猿レベル, 小学生以下), a body part with a request (胸 + 触らせて), a
 * misconduct verb asserted as done (横領した, 盗用してる, 〜で逮捕). Surface forms are generated once when the matcher
 * is compiled (wordlists/conjugation.ts), so a new verb gets every ending without listing phrases.
 *
 * Source: written by the mimamoru project (2026-11-29) from Japanese grammar and the categories of 刑法222条
 * (脅迫), 230条 (名誉毀損), 231条 (侮辱), 202条 (自殺関与) as summarised in DOMAIN.md §4; no third-party text.
 * Weights follow wordlists/lexicon.ts (probability that the form alone, aimed at nobody, is that kind of abuse);
 * frames that are ambiguous without a target stay below the label threshold so that only a target (お前,
 * @mention, a named person) lifts them over it. Licence: same as mimamoru.
 */
import { combine, conjugate, harmForms, urgeForms } from './conjugation.js';
import type { LexiconEntry } from './lexicon.js';

/** Verbs of bodily harm aimed at a person: every intent form is a threat. */
const HARM_VERBS = [
  '殺す', 'ぶっ殺す', 'ぶち殺す', '刺し殺す', '殴り殺す', '殴る', 'ぶん殴る', '刺す', '襲う', '轢く', 'しばく', 'ボコる', 'ボコす',
  'ぶちのめす', '叩きのめす', 'ぶっ飛ばす', '1:痛めつける', '蹴り飛ばす', '拉致する', '監禁する', '始末する',
];
/** Harm verbs with ordinary uses too (ゴミを燃やす, 穴を埋める): only 〜てやる / 〜たる / 〜に行く count. */
const HARM_VERBS_AMBIGUOUS = ['消す', '燃やす', '潰す', '壊す', '1:埋める', '1:沈める', '焼く', '爆破する', '放火する'];
/** Verbs of exposure (honour, privacy): 晒してやる, ばらまくぞ. */
const EXPOSE_VERBS = ['晒す', 'ばらす', 'バラす', 'ばらまく', 'ばら撒く', '拡散する'];

const harmAll = HARM_VERBS.flatMap(harmForms);
const harmIntent = (spec: string): string[] => {
  const f = conjugate(spec);
  const teBase = f.te.slice(0, -1);
  return [`${f.te}やる`, `${teBase}${f.te.endsWith('で') ? 'だる' : 'たる'}`, `${f.te}やろうか`, `${f.stem}に行く`, `${f.stem}にいく`, `${f.plain}ぞ`, `${f.plain}からな`];
};

/** Verbs the abuser urges on the reader: dying, hanging, jumping (self-harm incitement). */
const DIE_VERBS = ['死ぬ', 'くたばる', '首吊る', '首を吊る', '首くくる', '首をくくる', '1:飛び降りる', '自殺する'];
/** Leaving the world or the platform: strong when the world is named (この世から消えろ), a dismissal otherwise. */
const VANISH_VERBS = ['1:消える', '1:失せる', 'いなくなる'];
const DISMISS_VERBS = ['黙る', '引っ込む', '引退する', '1:やめる', '1:辞める'];

/** Animals, vermin and children: comparing a person to them is contempt (法務省: 昆虫・動物に例えて見下す). */
const COMPARISON_NOUNS = ['豚', 'ブタ', '猿', 'サル', 'ゴリラ', 'ゴキブリ', '虫けら', 'ウジ虫', '家畜', 'チンパンジー', '幼稚園児', '小学生', '赤ちゃん', '犬', 'ミジンコ'];
const COMPARISON_FRAMES = ['みたい', 'みたいな顔', '並み', '並', '以下', 'レベル', '同然', '顔', 'の脳みそ', 'の知能', 'かよ'];

/** Mind, skill and worth: a head that is empty, a talent that is nil. */
const MIND_NOUNS = ['頭', '脳みそ', '脳', '知能', '読解力', 'オツム', 'おつむ', '理解力', '才能', 'センス', '能力', '学習能力'];
const MIND_FRAMES = ['お花畑', '悪', 'おかしい', '弱', '湧いて', '沸いて', '腐って', '腐ってん', '空っぽ', 'ゼロ', 'ない', 'なさすぎ', 'が低', '低', '足りてない', '足りない', 'ついてる?', '大丈夫?', '猿', '小学生', 'スカスカ'];

/** Body parts, clothing and sex: with a request or a comment on them, sexual harassment. */
const SEXUAL_PARTS = ['胸', 'おっぱい', '尻', 'ケツ', 'お尻', '太もも', 'ふともも', '谷間', '股', '下着', 'ブラ'];
/** Words with ordinary uses (体, パンツ = trousers): only with a request. */
const BODY_NOUNS = ['体', '身体', 'カラダ', '脚', '生足', '唇', '裸', 'パンツ'];
const REQUEST_FRAMES = [
  '触らせ', '触りたい', '触らして', '揉ませ', '揉みたい', '揉ま', '見せて', '見せろ', '見たい', '舐めたい', '舐めさせ', 'エロ', 'えろ', '写真送', '写真ちょうだい',
  '何色', '嗅ぎたい', '撫でたい', 'にぶっかけ', '吸わせ', '吸いたい', 'つけてるの', 'つけてる?', '履いてるの', '履いてる?', '脱がせ',
];
const COMMENT_FRAMES = ['でかい', 'デカい', 'でかすぎ', 'デカすぎ', '最高', 'たまらん', 'たまらない', 'のサイズ', 'サイズ教え', 'の匂い', '踏まれたい', 'エッチ'];

/** Misconduct and crime verbs (名誉毀損): asserted as done (〜した, 〜してる, 〜してた). */
const MISCONDUCT_VERBS = [
  '盗む', '盗用する', '横領する', '着服する', '使い込む', 'ネコババする', '不倫する', '浮気する', '脱税する', '虐待する', '万引きする', '盗撮する',
  '詐欺る', 'パクる', '改ざんする', '捏造する', '偽装する', '水増しする', '隠蔽する', '踏み倒す', '買春する', '売春する', '援交する', 'パパ活する',
];
/** Consequences that presuppose an offence (〜で逮捕された, 補導されてた). */
const CONSEQUENCES = [
  'で逮捕', 'で捕ま', 'で訴えられ', 'で補導', '補導され', 'で左遷', '左遷され', 'でクビ', 'で懲戒', 'で示談', '示談にして', 'で書類送検', 'で処分', '追徴課税',
  'で解雇', '出禁になっ', '児相に保護', '前科あ', '前科が', '逮捕されたこと', '捕まったこと', '訴えられてる', '訴えられた',
];
const FACT_PHRASES = [
  '無資格で', '無許可で', '返さずに逃げ', '返さないで逃げ', '払ってない', '払わない', '金を返さない', '給料払って', '全身整形', '整形して', '経歴も嘘', '経歴が嘘',
  '経歴詐称', '裏口入学', '裏口で', '情報商材', '詐欺まがい', 'マルチ商法', 'マルチやって', '闇バイト', '生徒に手を出', '未成年に手を出', '教え子に手を出', '淫行', '二股', '隠し子', '借金踏み倒', '踏み倒して', '不正請求', '不正受給して', '傷害事件', '暴走族', 'いじめて自殺', '自殺に追い込', '教え子と付き合', '生徒と付き合', '会社の金で', '会社の金を',
  '店の金', '客の金', '公金を', '経費で私物', '隠してる', '隠蔽してる', 'もみ消し', '揉み消し', 'ネズミ出る', 'ゴキブリ出る店', '産地偽装', '替え玉', '寝て仕事もら', '寝て役もら', '寝て仕事取', '体で仕事', '体で取っ', '枕で取', '枕で仕事', 'して逃げた',
];

/**
 * The た and て forms (盗んだ, 使い込んで: the て form covers 〜てる / 〜てた / 〜ている); for a サ変 verb its noun
 * (横領, 盗用), which every form contains, so the highlight stays on the word itself.
 */
const asserted = (spec: string): string[] => {
  if (spec.endsWith('する')) return [spec.slice(0, -2)];
  const f = conjugate(spec);
  return [f.ta, f.te];
};

export const FRAME_ENTRIES: readonly LexiconEntry[] = [
  // ── threat ──
  { rule: 'threat.harm-verb', category: 'threat', weight: 0.7, terms: harmAll, variants: true,
    // 刺すような寒さ, 殴るような音: a simile, not an intent.
    except: [...HARM_VERBS, ...HARM_VERBS_AMBIGUOUS].map((v) => `${conjugate(v).plain}よう`) },
  { rule: 'threat.harm-verb', category: 'threat', weight: 0.62, terms: HARM_VERBS_AMBIGUOUS.flatMap(harmIntent) },
  { rule: 'threat.honour', category: 'threat', weight: 0.55, terms: EXPOSE_VERBS.flatMap(harmIntent) },
  { rule: 'threat.implied', category: 'threat', weight: 0.6, terms: [
    ...combine(['家', '住所', '学校', '職場', '会社', '実家', '居場所', '勤務先', 'バイト先', '家の場所', '住んでる所', '住んでるとこ'], ['わかってるから', '知ってるから', '特定した', '特定済み', '突き止めた', 'わかったから']),
    '今夜行く', '今夜行くから', '今から行くから', '明日行くから', '会いに行くからな',
    '住所特定', '家特定', 'どこにいるかわかって', 'どこにいるか知って', 'どこに住んでるか知って', 'どこに住んでるかわかって', '逃げても無駄', '逃げられると思うな',
    '首洗って', '首を洗って', '痛い目見ないと', '痛い目みないと', '痛い目にあいたい', '痛い目に遭いたい', '痛い目見たい', '次は家', '次は本気', '爆破予告してや', '殺害予告してや',
    '命の保証はない', '命の保証はしない', '無事で済むと思', '無事でいられ', '後ろに気をつけ', '帰り道に気をつけ', '夜道気をつけ', '家族に何かあっても', '子供に何かあっても',
    '子どもに何かあっても', '家族も同じ目', '凸って', '凸るから', '凸りに行く', '燃やされても',
  ] },
  { rule: 'threat.implied', category: 'threat', weight: 0.6, terms: [
    '刺されても知', '殺されても知', '襲われても知', '燃やされても知', 'されても知らない', 'されても知らん', 'ガソリン持って', 'ガソリン撒', '灯油撒', '頭かち割', '土下座させ',
    '鳴らしに行く', '押しかけてやる', '待ち伏せしてやる', '後をつけ', '尾行してやる',
  ] },
  { rule: 'threat.implied', category: 'threat', weight: 0.45, terms: ['次はない', '次はお前', 'ナイフ持って', '包丁持って', 'バット持って', '知ってるからね', 'わかってるからね'] },
  // ── self-harm incitement ──
  { rule: 'self-harm-incitement.die', category: 'self-harm-incitement', weight: 0.72, variants: true, terms: DIE_VERBS.flatMap(urgeForms),
    except: ['死ねる', '死ねない', '死ねた', '死んでくれる人', '死なないで'] },
  { rule: 'self-harm-incitement.vanish', category: 'self-harm-incitement', weight: 0.7, terms: [
    ...combine(['この世から', 'この世界から', '地球上から'], ['消えろ', '消えて', 'いなくなれ', 'いなくなって', '消え失せろ']),
    ...combine(['線路に', '電車に', 'ホームから', '屋上から', 'ビルから', '橋から', '崖から'], ['飛び込め', '飛び込んで', '飛び降りろ', '飛び降りて', '飛べ', '飛んだら', '飛んで']),
    'ロープ送', 'ロープあげ', 'ロープ用意', '練炭送', '練炭あげ', '樹海で待', '樹海行', '樹海に行', '葬式いつ', '葬式楽しみ', '葬式には行', '自殺配信', '遺書書', '遺書まだ',
    '生きてる意味ある?', '生きてる意味あんの', '生きてる意味ない', '生きてる意味ねえ', '生きる意味ない', '生きてる価値', '死んだ方が世のため', '死んだほうが世のため', '死んだ方がいい', '死んだほうがいい',
    '死んで詫び', '死ねば', '生まれてこなければよかった',
  ], except: ['死ねばいいのにって'] },
  { rule: 'self-harm-incitement.vanish', category: 'self-harm-incitement', weight: 0.7, terms: ['ならロープ', 'ロープ貸す', 'ロープ貸そう', '練炭貸す', 'リスカして死', 'odして死'] },
  // Ambiguous alone (「もう死ぬしかない」 is often the writer's own despair): a target (お前は) lifts it over the threshold.
  { rule: 'self-harm-incitement.vanish', category: 'self-harm-incitement', weight: 0.45, terms: ['死ぬしかない', '死ぬしかねえ', '死ぬしかないね'] },
  { rule: 'self-harm-incitement.vanish', category: 'self-harm-incitement', weight: 0.45, terms: [...combine(['いなくなってくれ', 'いなくなれ', '消えてくれ'], ['', 'よ', '永遠に']), '早く楽になれば', '楽になったら?'] },
  // ── insult ──
  // 命令形, 〜ばいいのに, 〜たら？ of leaving verbs (消えろ, 黙れ, 引退すれば, やめたら？).
  { rule: 'insult.dismissal', category: 'insult', weight: 0.45, terms: [...VANISH_VERBS, ...DISMISS_VERBS].flatMap((v) => urgeForms(v).slice(0, 5)),
    except: ['やめろって', 'やめろよ', '消えればいい'] },
  { rule: 'insult.comparison', category: 'insult', weight: 0.45, terms: combine(COMPARISON_NOUNS, COMPARISON_FRAMES), except: ['小学生みたい', '小学生以下の子', '犬みたい', '赤ちゃんみたい', '犬顔'] },
  { rule: 'insult.mind', category: 'insult', weight: 0.45, terms: combine(MIND_NOUNS, MIND_FRAMES),
    except: ['才能ないかも', '才能ないなぁ', 'センスないなぁ', '才能ない私', 'センスない私', '頭悪いから', '頭弱いから', '能力ない私', '頭がおかしいくらい'] },
  { rule: 'insult.mind', category: 'insult', weight: 0.55, terms: [
    '頭お花畑', '頭湧いて', '頭沸いて', '脳みそ腐', '脳みそ空', '脳みそない', '知能が猿', '知能猿', '知能が低', '小学生以下', '幼稚園児以下', '低脳', '低能', '池沼', 'チー牛', 'キモオタ', '陰キャ', '弱者男性', 'こどおじ', '顔面偏差値',
    '生きてるだけで迷惑', '存在が迷惑', '存在自体が', '迷惑なやつ', '迷惑な奴', '誰にも必要とされて', '誰からも必要とされて', '親が可哀想', '親も可哀想', '親がかわいそう',
    'ヘタすぎ', '下手すぎ', 'へたくそ', 'つまらなすぎ', 'つまんなすぎ', '耳が腐る', '目が腐る', '草も生えない', '粋がって', 'イキってん', 'イキるな', '調子乗んな', '調子に乗るな',
    '調子乗ってんじゃ', '必死すぎ', 'イタい', '痛いやつ', '痛い奴', 'クソガキ', 'ガキが', '乙w', '乙ww', 'ブサ', 'ブッサ', 'キモすぎ', 'キモいんだよ',
    'おばさん必死', 'ババア', 'ジジイ', 'ジジィ', 'クソ野郎', 'クソが', 'クズが', 'カスが', 'ゴミが', 'あたおか', '頭イカれ', 'イカれてる', 'いかれてる', 'イキって',
    '何やってもダメ', '何やってもだめ', 'ダメ人間', '社会に必要ない', '社会に要らない', '社会にいらない', 'いらない人間', '要らない人間', '救いようがない', '救いようのない',
  ] },
  // ── sexual ──
  { rule: 'sexual.body-request', category: 'sexual', weight: 0.58, terms: [
    ...combine(SEXUAL_PARTS, [...REQUEST_FRAMES, ...COMMENT_FRAMES]), ...combine(BODY_NOUNS, REQUEST_FRAMES), 'バストサイズ', 'カップ数', 'スリーサイズ', '生理いつ', '生理中?', '経験人数', '何人とヤ', '何人とや', 'ヤったの', 'シコった', 'シコれる',
    'シコる', 'オカズにし', 'ホテル代出す', '今夜会お', '今夜どう', 'ヤれそう', '誘ってるとしか', '誘ってるの?', '誘ってんの', 'エロい格好', 'エロい体', '脱いだ写真',
    '下着でね', '下着でお願い', '下着姿', 'ぶっかけたい', 'ぶっかけ', '風呂の写真送', 'お風呂の写真送', '風呂上がりの写真', 'シャワー中の写真', 'キスしてほしい', 'キスさせて',
    'それ以上も', '添い寝して', '一緒にお風呂', '処女っぽ', '童貞っぽ', '最初の男', '援交してそう', 'パパ活してそう', 'いくらでやらせ', 'いくらでヤらせ', 'ヤらせて',
    'ヤらせろ', '夜の相手', '抱かせ', '抱いてやる', '孕ませ', '襲われても文句', '犯され',
  ], except: ['水着の試着', '下着の通販', 'パンツのサイズ', '裸眼', '体が痛', '体調', '身体測定', '体重', '体型が変わ', '胸が痛', '胸がいっぱい', '胸が熱', '胸を張', 'やらせてください', 'やらせていただ', 'やらせてもら', 'やらせてあげ', '脱いで洗', '靴を脱いで', '上着を脱いで', 'コートを脱いで', '体を動か', '体を大事', '身体を大事', '脚本', '脚を組', '脚が痛', 'おっぱいアイス', 'お尻が痛', '尻もち'] },
  // ── defamation ──
  { rule: 'defamation.misconduct', category: 'defamation', weight: 0.5, terms: [...MISCONDUCT_VERBS.flatMap(asserted), ...CONSEQUENCES, ...FACT_PHRASES],
    except: ['盗まれた', '盗まれて', '盗撮された', '盗撮されて', '盗用された', '盗用されて', '横領された', '横領されて', '詐欺にあ', '詐欺に遭', '浮気された', '浮気されて', '不倫された', '虐待された', '虐待されて', 'パクった料理', 'パクってみた'] },
];
