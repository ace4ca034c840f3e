import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePost } from './analyze.js';
import { isValidMyNumber } from './detectors/privacy.js';
import type { AnalysisCategory } from './types.js';

const victim = { victimNames: ['山田太郎'], victimHandles: ['@taro_y'] };

/** [post, category expected to be labelled, the visible phrase that must be highlighted] */
const positives: readonly [string, AnalysisCategory, string][] = [
  ['お前ほんとバカだな', 'insult', 'バカ'],
  ['@taro_y 無能すぎて草も生えない', 'insult', '無能'],
  ['このブスまだ配信してんの', 'insult', 'ブス'],
  ['バ力じゃねーの', 'insult', 'バ力じゃねーの'],
  ['ばーーーか', 'insult', 'ばーーーか'],
  ['山田太郎は前科者', 'defamation', '前科者'],
  ['あいつ実は不倫してるらしい', 'defamation', '不倫して'],
  ['@taro_y って横領して会社クビになったんでしょ', 'defamation', '横領'],
  ['お前の家に行くからな', 'threat', '家に行くから'],
  ['夜道に気をつけろよ', 'threat', '夜道に気をつけ'],
  ['次来たら殺す', 'threat', '殺す'],
  ['お前の家燃やしてやる', 'threat', '燃やしてやる'],
  ['家族がどうなっても知らないよ', 'threat', '家族がどうなっても'],
  ['090-1234-5678 に電話してみ', 'privacy', '090-1234-5678'],
  ['住所は 東京都渋谷区神宮前1-2-3', 'privacy', '東京都渋谷区神宮前1-2-3'],
  ['住所は東京都新宿区西新宿2丁目8-1だってさ', 'privacy', '東京都新宿区西新宿2丁目8-1'],
  ['@taro_y の本名は山田太郎', 'privacy', '山田太郎'],
  ['連絡先 taro.yamada@example.com', 'privacy', 'taro.yamada@example.com'],
  ['お前ヤらせろよ', 'sexual', 'ヤらせろ'],
  ['お前ら国に帰れ', 'discrimination', '国に帰れ'],
  ['在日は出ていけ', 'discrimination', '在日は出ていけ'],
  ['ゲイは気持ち悪い', 'discrimination', 'ゲイは気持ち悪い'],
  ['ｼﾈ', 'self-harm-incitement', 'ｼﾈ'],
  ['お前氏ね', 'self-harm-incitement', '氏ね'],
  ['タヒね', 'self-harm-incitement', 'タヒね'],
  ['し　ね', 'self-harm-incitement', 'し　ね'],
  ['死ねええええ', 'self-harm-incitement', '死ねええええ'],
  ['さっさと自殺しろ', 'self-harm-incitement', '自殺しろ'],
  ['お前し○', 'self-harm-incitement', 'し○'],
  // Conjugated and dialect forms generated from one verb, indirect forms, cue + request a few words apart.
  ['しばき回したろか', 'threat', 'しばき回したろか'],
  ['お前の家族がどうなるかな', 'threat', '家族がどうなるかな'],
  ['手首切ってみたら？', 'self-harm-incitement', '手首切ってみたら'],
  ['その太ももで顔挟んでほしい', 'sexual', '太ももで顔挟んで'],
  ['本名：佐藤花子 住所：非公開 生年月日：2000/1/1', 'privacy', '本名：佐藤花子 住所：非公開 生年月日'],
];

/** Hard negatives: no label expected. */
const negatives: readonly string[] = [
  '今日は楽しかった！',
  'そればかり言ってる',
  '机を動かすの手伝って',
  'カスタムPC組んだ',
  '死ねとは言ってない',
  '「死ね」と言われた、つらい',
  '昨日DMで死ねって言われた',
  '容疑者が詐欺の疑いで逮捕されたと報道されています',
  '私ってほんとバカw',
  'ババ抜きしよう',
  '統一地方選挙の投票に行く',
  '会議は03月の予定',
  '注文番号 123456789012',
  'ゴキブリ出た最悪',
  '豚汁うまい',
  '尊くて死ねる',
  '早く死にたい',
  'タバコに火をつけた',
  '恥を晒すようだけど聞いて',
  '山田氏ね、あの人は来るかな',
  '三角形の底辺の長さを求める',
  '『ガイジ』は差別語だから使うのはやめよう',
  'よかったわ、ありがとう',
  'ご予約はお電話で 03-1234-5678（受付10時〜18時）',
  '住所と電話番号と生年月日を記入してください',
  'バーベキューの炭に火をつけるの難しい',
  '思い切って飛び込んでみたら？楽しいよ',
  '黒いパンツ欲しい',
];

describe('analyzePost labels abusive posts and highlights the visible phrase', () => {
  it.each(positives)('%s → %s', (post, category, phrase) => {
    const r = analyzePost(post, victim);
    expect(r.labels).toContain(category);
    const highlighted = r.spans.filter((s) => s.category === category).map((s) => post.slice(s.start, s.end));
    expect(highlighted).toContain(phrase);
    expect(r.explanation.ja).toContain('可能性があります');
    expect(r.explanation.en.length).toBeGreaterThan(10);
  });

  it.each(negatives)('hard negative: %s', (post) => {
    expect(analyzePost(post).labels).toEqual([]);
  });

  it.each([
    // Conjugated forms generated from one verb (wordlists/frames.ts), not listed as phrases.
    ['次会ったら刺すからな', 'threat'],
    ['てめえの顔面ぶん殴ってやる', 'threat'],
    ['お前の娘の学校知ってるからな', 'threat'],
    ['ビルから飛び降りたら？', 'self-harm-incitement'],
    ['さっさと首吊れよ', 'self-harm-incitement'],
    ['ｼﾈｼﾈｼﾈ', 'self-harm-incitement'],
    ['おまえの顔、豚みたいだな', 'insult'],
    ['こいつほんまアホやな', 'insult'],
    ['おっぱいでかいね、揉ませて', 'sexual'],
    ['あの教授、論文データ捏造してる', 'defamation'],
    ['このNPOは寄付金を代表が私的に使い込んでる', 'defamation'],
    ['女なんかに政治ができるわけない', 'discrimination'],
    ['山下って子、北高校の2年3組だよ', 'privacy'],
  ] as const)('generalised frame: %s → %s', (post, category) => {
    expect(analyzePost(post).labels).toContain(category);
  });

  it.each([
    '刺すような寒さ',
    'ゴミ燃やすよ',
    '一晩中雨が降ってた',
    'このパンツ最高、履き心地がいい',
    '卒アル見返してたら懐かしい',
    '生きてる意味あるのかなって落ち込む日もある',
    'おっ○いしい',
    '社会のお荷物にはなりたくない',
    '前科があっても働ける職場を',
    '容疑者が詐欺の疑いで逮捕されたと報道されています',
  ])('ordinary use of a flagged word stays unlabelled: %s', (post) => {
    expect(analyzePost(post).labels).toEqual([]);
  });

  it('cites the legal notion and the phrase in the explanation', () => {
    const r = analyzePost('山田太郎は前科者', victim);
    expect(r.explanation.ja).toBe('『前科者』は社会的評価を下げる具体的な事実の摘示にあたる可能性があります（名誉毀損、刑法230条／民法709条）。');
  });

  it('glosses emoji used as words', () => {
    const r = analyzePost('@taro_y 🔪🔪 待ってろよ', victim);
    expect(r.labels).toContain('threat');
    expect(r.explanation.ja).toContain('（刃物）');
    expect(r.explanation.en).toContain('(knife)');
  });

  it('does not repeat personal data in the explanation', () => {
    const r = analyzePost('090-1234-5678 に電話してみ');
    expect(r.explanation.ja).not.toContain('1234');
  });

  it('the victim named or addressed raises the score; negation and reported speech lower it', () => {
    const plain = analyzePost('バカ').categories.insult;
    expect(analyzePost('お前バカ').categories.insult).toBeGreaterThan(plain);
    expect(analyzePost('山田太郎バカ', victim).categories.insult).toBeGreaterThan(analyzePost('お前バカ').categories.insult);
    expect(analyzePost('死ねとは言ってない').categories['self-harm-incitement']).toBeLessThan(analyzePost('死ね').categories['self-harm-incitement']);
  });

  it('threshold option moves labels', () => {
    expect(analyzePost('バカ', { threshold: 0.9 }).labels).toEqual([]);
    expect(analyzePost('バカ', { threshold: 0.1 }).labels).toEqual(['insult']);
  });

  it('ranks a threat above a mild insult', () => {
    expect(analyzePost('お前殺すぞ').score).toBeGreaterThan(analyzePost('ばか').score);
  });

  it('マイナンバー check digit', () => {
    expect(isValidMyNumber('123456789018')).toBe(true);
    expect(isValidMyNumber('123456789012')).toBe(false);
    expect(analyzePost('こいつのマイナンバー 1234 5678 9018').labels).toContain('privacy');
  });

  it('fuzz: never throws; spans are inside the original with start < end; scores in 0..1', () => {
    const words = fc.constantFrom('死ね', 'ｼﾈ', 'バカ', 'お前', '殺す', '「', '」', 'って言われた', '090-1234-5678', '🔪', '○', 'ー', '\u3099', '\ud83d');
    const post = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.array(fc.oneof(words, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(post, (text) => {
        const r = analyzePost(text, victim);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        for (const s of r.spans) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(s.start).toBeLessThan(s.end);
        }
        for (const v of Object.values(r.categories)) expect(v >= 0 && v <= 1).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
