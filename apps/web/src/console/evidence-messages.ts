import type { CapturedBy, EvidenceEntryType } from '@mimamoru/core';
import type { Locale } from '@mimamoru/core';

/** Chain problems as the evidence panel names them (contracts EvidenceVerificationSchema). */
type Problem =
  | 'hash-mismatch'
  | 'broken-link'
  | 'seq-gap'
  | 'wrong-case'
  | 'bad-entry'
  | 'unknown-item'
  | 'duplicate-item'
  | 'removed-item'
  | 'file-hashes-mismatch'
  | 'unreadable-entry'
  | 'head-mismatch'
  | 'bad-signature';

const ja = {
  title: '証拠',
  intro: '被害者と相談員が追加した証拠です。追加・訂正・取り下げはすべて記録として積み重なり、上書きされません。',
  none: 'まだ証拠はありません。',
  items: '証拠の一覧',
  chainOk: (entries: number) => `改ざんは見つかりませんでした（${entries}件の記録と署名を確認）。`,
  chainBroken: (seq: number | undefined, problem: string) =>
    `証拠の記録が壊れています：${seq === undefined ? '' : `${seq}番目の記録で`}${problem}。この相談の証拠を外部に出す前に管理者に連絡してください。`,
  problems: {
    'hash-mismatch': '記録の内容がハッシュと一致しません（書き換えの疑い）',
    'broken-link': '前の記録とのつながりが切れています',
    'seq-gap': '記録が抜けているか順番が入れ替わっています',
    'wrong-case': '別の相談の記録が混ざっています',
    'bad-entry': '記録の形式が正しくありません',
    'unknown-item': '存在しない証拠への訂正・取り下げがあります',
    'duplicate-item': '同じ証拠が二重に追加されています',
    'removed-item': '取り下げ済みの証拠が変更されています',
    'file-hashes-mismatch': 'ファイルのハッシュ一覧が一致しません',
    'unreadable-entry': '記録を復号できません',
    'head-mismatch': '署名されていない記録が追加されています',
    'bad-signature': '署名を検証できません',
  } satisfies Record<Problem, string>,
  platform: 'サービス',
  url: '投稿のURL',
  account: 'アカウント',
  postedAt: '投稿日時（表示どおり）',
  capturedAt: '保存日時',
  capturedBy: '保存した人',
  capturedByNames: { victim: '被害者', consultant: '相談員', server: 'サーバーでの自動保存' } satisfies Record<CapturedBy, string>,
  text: '投稿の文面',
  files: 'ファイル',
  download: (name: string) => `${name} をダウンロード`,
  sha256: 'SHA-256',
  history: '記録の履歴',
  entryTypes: { add: '追加', correct: '訂正', remove: '取り下げ', document: '書類の作成' } satisfies Record<EvidenceEntryType, string>,
  actorNames: { victim: '被害者', staff: '相談員', system: 'システム' },
  key: 'サーバーの署名鍵のフィンガープリント',
  keyHelp: 'エクスポートした証拠一式の keyFingerprint と一致すれば、このサーバーが署名したものです。',
  addTitle: '証拠を追加（相談員）',
  urlLabel: '書き込みのURL',
  urlInvalid: 'https:// から始まるURLを入れてください。',
  accountLabel: 'アカウント（@IDなど）',
  postedAtLabel: '書き込みの日時（表示どおり）',
  textLabel: '書き込みの文面（書き写し）',
  filesLabel: 'ファイル（スクリーンショット・PDF・動画。切り取らず撮ったままのもの）',
  noFiles: 'ファイルを1つ以上選んでください。',
  add: '追加する',
  added: '証拠を追加しました。',
  failed: '追加できませんでした。',
  exportBundle: '証拠一式を書き出す',
  exported: (name: string) => `${name} を保存しました。検証ページ（/verify）で確かめられます。`,
  exportFailed: '書き出せませんでした。',
  timestampsTitle: 'タイムスタンプ（RFC 3161）',
  timestampsNone: 'まだタイムスタンプはありません（時刻認証局が設定されていないか、取得待ちです）。',
  timestampsFailed: 'タイムスタンプを読み込めませんでした。',
  timestampEntry: (seq: number) => `${seq}番目の記録`,
  timestampTime: '認証局の時刻',
  timestampTsa: '時刻認証局',
  timestampOk: 'トークンの署名と記録のハッシュを確認しました',
  timestampAnchored: '（認証局の証明書も信頼点まで確認）',
  timestampProblems: {
    'imprint-mismatch': 'トークンが対象の記録のハッシュと一致しません',
    'imprint-algorithm': 'SHA-256 以外で作られたトークンです',
    malformed: 'トークンを読み取れません',
    signature: 'トークンの署名が正しくありません',
    chain: '認証局の証明書が信頼点につながりません',
  } as Partial<Record<string, string>>,
  timestampBad: (problem: string) => `確認できません（${problem}）`,
  headSigned: (seq: number, at: string) => `最新の記録（${seq}番目）に ${at} に署名`,
  guideLink: '良いスクリーンショットの撮り方（図解・新しいタブ）',
};

type EvidenceMessages = typeof ja;

const en: EvidenceMessages = {
  title: 'Evidence',
  intro: 'Evidence added by the victim and by consultants. Additions, corrections and removals are all kept as records; nothing is overwritten.',
  none: 'No evidence yet.',
  items: 'Evidence items',
  chainOk: (entries: number) => `No tampering found (${entries} records and the signature checked).`,
  chainBroken: (seq: number | undefined, problem: string) =>
    `The evidence record is broken${seq === undefined ? '' : ` at record ${seq}`}: ${problem}. Tell an administrator before this case's evidence leaves the service.`,
  problems: {
    'hash-mismatch': 'a record does not match its hash (it may have been edited)',
    'broken-link': 'a record no longer links to the one before it',
    'seq-gap': 'a record is missing or out of order',
    'wrong-case': 'a record of another case is mixed in',
    'bad-entry': 'a record is malformed',
    'unknown-item': 'a correction or removal refers to an unknown item',
    'duplicate-item': 'an item was added twice',
    'removed-item': 'a removed item was changed',
    'file-hashes-mismatch': 'the file hashes of a record do not match',
    'unreadable-entry': 'a record cannot be decrypted',
    'head-mismatch': 'a record was added without the server’s signature',
    'bad-signature': 'the signature does not verify',
  },
  platform: 'Service',
  url: 'Post URL',
  account: 'Account',
  postedAt: 'Posted (as shown)',
  capturedAt: 'Saved at',
  capturedBy: 'Saved by',
  capturedByNames: { victim: 'The victim', consultant: 'A consultant', server: 'Server capture' },
  text: 'Post text',
  files: 'Files',
  download: (name: string) => `Download ${name}`,
  sha256: 'SHA-256',
  history: 'Record history',
  entryTypes: { add: 'Added', correct: 'Corrected', remove: 'Removed', document: 'Document generated' },
  actorNames: { victim: 'Victim', staff: 'Staff', system: 'System' },
  key: 'Fingerprint of the server’s signing key',
  keyHelp: 'If an exported bundle’s keyFingerprint matches it, this server signed the bundle.',
  addTitle: 'Add evidence (consultant)',
  urlLabel: 'Post URL',
  urlInvalid: 'Enter a URL that starts with https://.',
  accountLabel: 'Account (@ID)',
  postedAtLabel: 'Time of the post (as shown)',
  textLabel: 'Text of the post (copied)',
  filesLabel: 'Files (screenshots, PDF, video; uncropped, as taken)',
  noFiles: 'Choose at least one file.',
  add: 'Add',
  added: 'Evidence added.',
  failed: 'It could not be added.',
  exportBundle: 'Export the evidence bundle',
  exported: (name: string) => `${name} saved. The verification page (/verify) can check it.`,
  exportFailed: 'It could not be exported.',
  timestampsTitle: 'Timestamps (RFC 3161)',
  timestampsNone: 'No timestamps yet (no Time Stamping Authority is configured, or one is on its way).',
  timestampsFailed: 'The timestamps could not be loaded.',
  timestampEntry: (seq: number) => `Record ${seq}`,
  timestampTime: 'TSA time',
  timestampTsa: 'Time Stamping Authority',
  timestampOk: 'Token signature and record hash checked',
  timestampAnchored: ' (TSA certificate checked up to a trust anchor)',
  timestampProblems: {
    'imprint-mismatch': 'the token does not match the record’s hash',
    'imprint-algorithm': 'the token was not made with SHA-256',
    malformed: 'the token cannot be read',
    signature: 'the token’s signature is wrong',
    chain: 'the TSA certificate does not chain to a trust anchor',
  },
  timestampBad: (problem: string) => `Does not check out (${problem})`,
  headSigned: (seq: number, at: string) => `Latest record (${seq}) signed at ${at}`,
  guideLink: 'What a useful screenshot shows (illustrated, new tab)',
};

export function evidenceMessages(locale: Locale): EvidenceMessages {
  return locale === 'en' ? en : ja;
}
