import type { EvidenceItem } from '../evidence/item.js';
import type { DocumentKind } from './document-model.js';
import type { DocumentInput } from './input.js';

/**
 * A realistic, fictional case for tests and sample renders: a shop owner named in two X posts (one shown in UTC,
 * as X's disclosed records are) and a 5ちゃんねる post giving her address; the poster is not identified.
 * People, addresses and accounts are invented; file digests are SHA-256 of short fixture strings, not of real files.
 */
export const FIXTURE_EVIDENCE: readonly EvidenceItem[] = [
  {
    id: '0191f0a0-0000-7000-8000-000000000001',
    platform: 'x',
    postUrl: 'https://x.com/kuchikomi_chosa/status/1896543210987654321',
    accountId: '@kuchikomi_chosa',
    displayName: '口コミ調査隊',
    postedAt: { asShown: '2026-03-01 12:04:00 UTC', iso: '2026-03-01T12:04:00Z', timeZone: 'UTC' },
    capturedAt: '2026-03-02T01:30:00Z',
    capturedBy: 'victim',
    text: '世田谷の山田花子（やまだ雑貨店の店主）は客の金を盗んで店を続けている泥棒。警察にも目をつけられている。',
    legal: {
      rights: ['honor'],
      identifiability: '投稿が私の氏名と店名を挙げているため、読む人には私のことだと分かります。',
      context:
        '私が客の金を盗んだ事実はなく、警察の捜査を受けたこともありません。虚偽の事実を不特定多数の人に示すもので、私と店の社会的評価を低下させています。',
    },
    files: [
      {
        sha256: '08d976221d7f9d3b4a398cb1f91b87b77db43d401b5b5d09f7407e765436dd52',
        size: 482_113,
        contentType: 'image/png',
        name: 'x-post-1.png',
        role: 'screenshot',
      },
      {
        sha256: 'd098bab4ea8f417e1426fc0e080a082cfc005bbf9c49b607512f74cf3e8f7ff5',
        size: 91_204,
        contentType: 'text/html',
        name: 'x-post-1.html',
        role: 'html',
      },
      {
        sha256: 'ba44cb899a8e15f00b80cfd3fb8e5b52af48242b21eb7e3bed67c494dd737276',
        size: 1_877,
        contentType: 'application/json',
        name: 'provenance.json',
        role: 'provenance',
      },
    ],
  },
  {
    id: '0191f0a0-0000-7000-8000-000000000002',
    platform: 'x',
    postUrl: 'https://x.com/kuchikomi_chosa/status/1896700000000000000',
    accountId: '@kuchikomi_chosa',
    displayName: '口コミ調査隊',
    postedAt: { asShown: '2026年3月2日 8:15', iso: '2026-03-01T23:15:00Z', timeZone: 'Asia/Tokyo' },
    capturedAt: '2026-03-02T01:32:00Z',
    capturedBy: 'victim',
    text: 'やまだ雑貨店の山田花子みたいなブスは店に立つな。消えろ。',
    legal: {
      rights: ['sentiment'],
      identifiability: '店名と私の氏名が書かれています。',
      context: '容姿をおとしめ、店に立つなと命じる内容で、社会通念上許される限度を超えた侮辱です。',
    },
    files: [
      {
        sha256: '143e94a10c43264f62bc38f078cbd149aadcb98a863b0e86ffd43404957f8894',
        size: 398_551,
        contentType: 'image/png',
        name: 'x-post-2.png',
        role: 'screenshot',
      },
    ],
  },
  {
    id: '0191f0a0-0000-7000-8000-000000000003',
    platform: '5ch',
    postUrl: 'https://egg.5ch.net/test/read.cgi/shop/1767225600/123',
    accountId: 'ID:Ab3dE9fG0',
    displayName: '名無しさん＠お腹いっぱい。',
    postedAt: { asShown: '2026/03/03(火) 22:41:07.12', iso: '2026-03-03T13:41:07.120Z', timeZone: 'Asia/Tokyo' },
    capturedAt: '2026-03-04T00:05:00Z',
    capturedBy: 'consultant',
    text: 'やまだ雑貨店の山田の自宅は世田谷区桜丘一丁目2番3号。夜道に気をつけろよ',
    legal: {
      rights: ['privacy'],
      identifiability: '店名と姓、自宅の住所が書かれています。',
      context: '公開していない自宅の住所を明かし、危害を加えるかのような言葉を添えており、私生活の平穏を害しています。',
    },
    files: [
      {
        sha256: 'be2628821b923a2c49f4ed1abddb712092c185e7586af9165d53ae85364aac05',
        size: 512_730,
        contentType: 'image/png',
        name: '5ch-123.png',
        role: 'screenshot',
      },
      {
        sha256: 'b398ba748e8b43d20d6aeec636941b35957de54664e75348b00041dded8cff78',
        size: 204_118,
        contentType: 'application/pdf',
        name: '5ch-123.pdf',
        role: 'pdf',
      },
    ],
  },
];

const [X1, X2] = FIXTURE_EVIDENCE as [EvidenceItem, EvidenceItem, EvidenceItem];

/** The case: everything every kind needs (each kind reads its own options). */
export const FIXTURE_CASE: DocumentInput = {
  date: '2026-03-10',
  dateStyle: 'wareki',
  requester: {
    name: '山田 花子',
    address: '東京都世田谷区桜丘一丁目2番3号',
    phone: '03-1234-5678',
    email: 'hanako@example.jp',
  },
  addressee: { name: 'X Corp.', address: '1355 Market Street, Suite 900, San Francisco, CA 94103, U.S.A.' },
  caseNumber: 'MM-2026-00042',
  facts:
    '2026年3月1日から3日にかけて、Xと5ちゃんねるに、私が店の客の金を盗んでいるという虚偽の投稿、容姿をおとしめる投稿、自宅の住所をさらして危害をほのめかす投稿がされました。\n投稿者は分かっていません。店の売上が落ち、夜に外出するのが怖くなっています。',
  wishes: '投稿を削除してほしい。投稿者を特定して、慰謝料を請求したい。',
  categories: ['defamation', 'insult', 'privacy', 'threat'],
  triage: {
    facts: ['reputation-facts', 'name-calling', 'personal-info', 'threat-other'],
    identifiable: 'real-name',
    platforms: ['x', '5ch'],
    postedAt: '2026-03-01',
    ongoing: true,
    offender: { known: false },
    goals: ['delete', 'identify', 'compensation'],
    victim: { business: true, prefecture: '東京都' },
  },
  evidence: FIXTURE_EVIDENCE,
  takedown: { consentToShowName: false },
  disclosure: {
    basis: '5-1',
    reasons: ['damages', 'deletion-request', 'other'],
    otherReason: '刑事告訴のために必要であるため',
    senderInfo: ['name', 'address', 'phone', 'email', 'ip-port', 'timestamp'],
    hide: ['name', 'reasons'],
  },
  demandLetter: {
    recipient: { name: '佐藤 一郎', address: '神奈川県川崎市中原区小杉町三丁目4番5号' },
    demands: { deletion: true, apology: true, damagesJpy: 500_000 },
    deadlineDays: 14,
    layout: 'vertical-20x26',
  },
  evidenceList: { party: '甲', firstNumber: 1, court: '東京地方裁判所民事第9部', caseTitle: '令和8年（モ）第1234号 発信者情報開示命令申立事件' },
  criminalComplaint: {
    addressee: '警視庁世田谷警察署長',
    offences: ['defamation', 'insult', 'threat'],
    items: [
      { itemId: '0191f0a0-0000-7000-8000-000000000001', offences: ['defamation'] },
      { itemId: '0191f0a0-0000-7000-8000-000000000002', offences: ['insult'] },
      { itemId: '0191f0a0-0000-7000-8000-000000000003', offences: ['threat'] },
    ],
  },
  postList: {},
  caseSummary: {
    preparedBy: '相談員 鈴木',
    timeline: [
      { date: '2026-03-04', text: 'Xの報告フォームと5ちゃんねるの削除窓口に削除を申し出た' },
      { date: '2026-03-05', text: 'みまもるに相談' },
    ],
  },
};

/**
 * The fixture case as a document of `kind` is built from: a request to X covers the X posts only; the other
 * kinds cover all three.
 */
export function fixtureInput(kind: DocumentKind): DocumentInput {
  if (kind === 'takedown-request' || kind === 'disclosure-request') return { ...FIXTURE_CASE, evidence: [X1, X2] };
  return FIXTURE_CASE;
}
