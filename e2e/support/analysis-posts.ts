/**
 * 50 posts for the analysis journey (written for this test, in the style of SNS replies): 6 clearly abusive ones,
 * two of them spelled to evade filters (half-width katakana, separators), and 44 harmless everyday posts.
 */
export interface FixturePost {
  readonly text: string;
  readonly author: string;
  readonly postedAt: string;
  readonly url: string;
}

export const ABUSIVE_POSTS: readonly string[] = [
  'お前みたいなクズは死ね',
  '@hanako_mimamoru ｼﾈよ、ブス',
  '家に行くからな。火をつけて燃やしてやる',
  'あいつは前科者で、詐欺で逮捕されたことがある',
  '住所は東京都新宿区西新宿2丁目8-1、電話は090-1234-5678だってさ',
  'し.ね　ゴミ女',
];

const HARMLESS: readonly string[] = [
  '今日のランチはカレーでした',
  '新しい本を買ったので週末に読みます',
  '駅前のパン屋さん、クロワッサンがおいしかった',
  '雨が降ってきたので傘を買いました',
  '明日は早起きしてジョギングする予定',
  '猫が膝の上で寝ています',
  'この動画の編集、すごく丁寧で見やすい',
  '久しぶりに友だちと電話した',
  '映画の続編が楽しみ',
  '朝の電車が少し遅れていました',
  '図書館で勉強してきた',
  'ベランダのトマトが赤くなった',
  '新しいカフェを見つけた',
  '今日は一日中いい天気だった',
  '晩ごはんは鍋にしよう',
  '夜の散歩が気持ちいい季節',
  '仕事が早く終わったのでゆっくりします',
  'ライブの配信、最高でした',
  '引っ越しの片付けがやっと終わった',
  '子どもの運動会で写真をたくさん撮った',
  '紅葉がきれいな公園に行ってきた',
  'コーヒー豆を変えてみた',
  '誕生日プレゼントを選ぶのが楽しい',
  'ゲームの新しいステージをクリアした',
  '花屋さんでチューリップを買った',
  '今週は読書週間にする',
  '自転車のタイヤを交換した',
  '料理教室でパンを焼いた',
  '旅行の計画を立てています',
  '毎朝のストレッチを続けて一か月',
  'このアプリ便利ですね',
  'お弁当に卵焼きを入れた',
  '近所の神社でお祭りがあった',
  '新しいイヤホンの音がいい',
  '日曜日は家でのんびり',
  'お気に入りのマグカップが割れてしまった',
  '週末は海を見に行きたい',
  '資格の勉強、今日は2時間できた',
  '写真の現像をしてみた',
  '冬用のコートを出しました',
  'ラジオを聞きながら作業中',
  '朝焼けがとてもきれいだった',
  '植物に水をあげ忘れないように',
  'みなさん、おやすみなさい',
];

/** Harmless and abusive posts interleaved (the abusive ones are not at the top of the pasted text). */
export function fixturePosts(): FixturePost[] {
  const texts = [...HARMLESS];
  ABUSIVE_POSTS.forEach((text, i) => texts.splice(7 * i + 5, 0, text));
  return texts.map((text, i) => ({
    text,
    author: `@user${String(i % 17).padStart(2, '0')}`,
    postedAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')} ${String(8 + (i % 12)).padStart(2, '0')}:15`,
    url: `https://x.com/user${String(i % 17).padStart(2, '0')}/status/${1900000000000000000n + BigInt(i)}`,
  }));
}

/** The posts as CSV with a Japanese header row, as a victim would paste it from a spreadsheet. */
export function fixtureCsv(posts: readonly FixturePost[] = fixturePosts()): string {
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return ['本文,投稿者,投稿日時,URL', ...posts.map((p) => [p.text, p.author, p.postedAt, p.url].map(q).join(','))].join('\n');
}
