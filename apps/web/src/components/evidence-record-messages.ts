import type { EvidenceEntryType, Locale } from '@mimamoru/core';

/** Who appended an entry, as the victim's page and the console name them. */
type Actors = Readonly<Record<'victim' | 'staff' | 'system', string>>;

const ja = {
  itemLabel: (n: number) => `証拠${n}`,
  correct: '訂正する',
  correctLabel: (n: number) => `証拠${n}を訂正する`,
  correctTitle: (n: number) => `証拠${n}の訂正`,
  correctNote: '訂正は新しい記録として追加されます。前の内容は消えずに記録に残ります。',
  reasonLabel: '訂正の理由',
  reasonHelp: '例：URLの書き間違いを直しました。',
  reasonMissing: '理由を書いてください。',
  keepLegend: '残すファイル',
  keepHelp: 'チェックを外したファイルはこの証拠から外れますが、前の記録には残ります。',
  newFilesLabel: '追加するファイル（任意）',
  save: '訂正を保存する',
  saving: '保存しています…',
  cancel: 'やめる',
  corrected: '訂正を追加しました。前の内容も記録に残っています。',
  noFilesLeft: 'ファイルを1つ以上残すか、新しく追加してください。',
  remove: '取り下げる',
  removeLabel: (n: number) => `証拠${n}を取り下げる`,
  removeTitle: (n: number) => `証拠${n}の取り下げ`,
  removeNote: '取り下げても、追加したこと・取り下げたことは記録に残ります。',
  removeReasonLabel: '取り下げの理由',
  removeConfirm: '取り下げる',
  removed: '証拠を取り下げました。記録には残っています。',
  history: (count: number) => `この証拠の記録（${count}件）`,
  allHistory: 'すべての記録（取り下げたものを含む）',
  entryTypes: { add: '追加', correct: '訂正', remove: '取り下げ', document: '書類の作成' } satisfies Record<
    EvidenceEntryType,
    string
  >,
  reason: (text: string) => `理由：${text}`,
  victimActors: { victim: 'あなた', staff: '相談員', system: 'サーバーでの自動保存' } satisfies Actors,
  staffActors: { victim: '被害者', staff: '相談員', system: 'サーバーでの自動保存' } satisfies Actors,
  chainOk: (entries: number) => `記録に改ざんは見つかりませんでした（${entries}件の記録と署名を確認）。`,
  failed: '保存できませんでした。少し時間をおいてもう一度お試しください。',
};

export type EvidenceRecordMessages = typeof ja;

const en: EvidenceRecordMessages = {
  itemLabel: (n: number) => `Item ${n}`,
  correct: 'Correct',
  correctLabel: (n: number) => `Correct item ${n}`,
  correctTitle: (n: number) => `Correcting item ${n}`,
  correctNote:
    'A correction is added as a new record. The earlier version is not erased: it stays in the record.',
  reasonLabel: 'Why you are correcting it',
  reasonHelp: 'For example: I fixed a typo in the URL.',
  reasonMissing: 'Write a reason.',
  keepLegend: 'Files to keep',
  keepHelp: 'An unticked file leaves this item but stays in the earlier records.',
  newFilesLabel: 'Files to add (optional)',
  save: 'Save the correction',
  saving: 'Saving…',
  cancel: 'Cancel',
  corrected: 'Correction added. The earlier version stays in the record.',
  noFilesLeft: 'Keep at least one file or add a new one.',
  remove: 'Remove',
  removeLabel: (n: number) => `Remove item ${n}`,
  removeTitle: (n: number) => `Removing item ${n}`,
  removeNote: 'After removal, the record still shows that it was added and removed.',
  removeReasonLabel: 'Why you are removing it',
  removeConfirm: 'Remove',
  removed: 'Item removed. It stays in the record.',
  history: (count: number) => `This item's record (${count})`,
  allHistory: 'The whole record (removed items included)',
  entryTypes: { add: 'Added', correct: 'Corrected', remove: 'Removed', document: 'Document generated' },
  reason: (text: string) => `Reason: ${text}`,
  victimActors: { victim: 'You', staff: 'A consultant', system: 'Server capture' },
  staffActors: { victim: 'The victim', staff: 'A consultant', system: 'Server capture' },
  chainOk: (entries: number) =>
    `No tampering found in the record (${entries} records and the signature checked).`,
  failed: 'It could not be saved. Try again in a little while.',
};

export function evidenceRecordMessages(locale: Locale): EvidenceRecordMessages {
  return locale === 'en' ? en : ja;
}
