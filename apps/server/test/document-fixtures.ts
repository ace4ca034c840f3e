import type { DocumentModel } from '@mimamoru/core';

/**
 * Hand-written document models that use every block type, for the renderers' tests (independent of the
 * builders in core, which have their own fixture case). The hidden runs use characters that occur nowhere
 * else in the document, so a test can prove they left no trace in the file.
 */
export const HIDDEN_NAME = '鶴亀鷺梟';
export const HIDDEN_REASONS = '裏庭猫騒蝉';
export const HIDDEN_EVIDENCE = '甍燕蛍蜻蛉';

const posts = Array.from({ length: 20 }, (_, i) => [
  [`https://x.com/example_poster/status/18${String(i).padStart(6, '0')}0000001`],
  [
    `2026年10月${(i % 28) + 1}日 21:0${i % 10} (JST) の投稿。「○○さんは詐欺師だ。会社の金を横領している」と書かれています 😡`,
  ],
  ['名誉権'],
]);

export const modelWithEveryBlock: DocumentModel = {
  kind: 'disclosure-request',
  title: '発信者情報開示請求書',
  font: 'serif',
  vertical: false,
  redactable: true,
  blocks: [
    { kind: 'paragraph', text: ['令和8年11月29日'], align: 'end' },
    { kind: 'paragraph', text: ['株式会社エグザンプル 御中'] },
    { kind: 'title', text: '発信者情報開示請求書' },
    {
      kind: 'fields',
      rows: [
        { label: '住所', value: ['東京都千代田区霞が関一丁目1番1号'] },
        { label: '氏名', value: [{ text: HIDDEN_NAME, hideable: 'name' }] },
        { label: '連絡先', value: ['03-0000-0000 / taro@example.jp'] },
      ],
    },
    {
      kind: 'paragraph',
      text: [
        '貴社が管理する特定電気通信設備等に掲載された下記の情報の流通により、私の権利が侵害されたので、情報流通プラットフォーム対処法第5条第1項に基づき、貴社が保有する、下記記載の、侵害情報の発信者の特定に資する情報（以下「発信者情報」といいます）を開示下さるよう請求します。',
      ],
    },
    { kind: 'heading', text: '記' },
    {
      kind: 'table',
      columns: [
        { label: '掲載場所', width: 0.34 },
        { label: '掲載された情報', width: 0.46 },
        { label: '侵害された権利', width: 0.2 },
      ],
      rows: posts,
    },
    {
      kind: 'fields',
      rows: [
        {
          label: '権利が明らかに侵害されたとする理由',
          value: [
            '投稿は事実を摘示して私の社会的評価を低下させるものであり、真実ではない。',
            { text: HIDDEN_REASONS, hideable: 'reasons' },
          ],
        },
        { label: '証拠', value: ['別紙のとおり ', { text: HIDDEN_EVIDENCE, hideable: 'evidence' }] },
      ],
    },
    {
      kind: 'checkboxes',
      label: '発信者情報の開示を受けるべき正当理由',
      options: [
        { label: '損害賠償請求権の行使のために必要であるため', checked: true },
        { label: '謝罪広告等の名誉回復措置の要請のために必要であるため', checked: false },
        { label: 'その他', checked: true, detail: '刑事告訴のため' },
      ],
    },
    {
      kind: 'signature',
      lines: ['請求者', { text: HIDDEN_NAME, hideable: 'name' }, '氏名 ＿＿＿＿＿＿＿＿ 印'],
    },
    { kind: 'pageBreak' },
    { kind: 'heading', text: '第1 補足' },
    { kind: 'paragraph', text: ['改ページの後の段落です。', { text: '強調された文', emphasis: true }, '。'] },
    {
      kind: 'grid',
      layout: { columns: 20, rows: 26, vertical: true },
      lines: [
        '通知書',
        '',
        '私は、令和八年十月一日、貴殿が「ｘ」に',
        '投稿した記事（以下「本件投稿」）により、',
        '名誉を毀損されました。ー―っ、。',
      ],
    },
  ],
  annexes: [
    {
      title: '別紙1 投稿記事目録',
      blocks: [{ kind: 'paragraph', text: ['1 https://x.com/example_poster/status/1800000000000000001'] }],
    },
  ],
  errors: [],
  warnings: [],
};
