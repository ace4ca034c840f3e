import { createErrorFactory } from '../../errors/app-error.js';

export const createAnalysisRunNotFoundError = createErrorFactory({
  code: 'analysis.run_not_found',
  statusCode: 404,
  message: {
    ja: 'この分析は見つかりません。別の相談のものか、相談の記録とともに消去されました。',
    en: 'This analysis was not found: it belongs to another case or was erased with the case.',
  },
});

export const createAnalysisNotDoneError = createErrorFactory({
  code: 'analysis.not_done',
  statusCode: 409,
  message: {
    ja: 'この分析はまだ終わっていないか、失敗しました。状態が「完了」になってから操作してください。',
    en: 'This analysis has not finished (or it failed). Try again once its status is “done”.',
  },
});

export const createAnalysisNoInputError = createErrorFactory({
  code: 'analysis.no_input',
  statusCode: 422,
  message: {
    ja: '分析する投稿がありません。ファイルを選ぶか、投稿を1行に1件ずつ貼り付けてください。',
    en: 'There is nothing to analyse. Choose a file, or paste the posts one per line.',
  },
});

export const createAnalysisEmptyError = createErrorFactory({
  code: 'analysis.empty',
  statusCode: 422,
  message: {
    ja: 'ファイルが空です（空白しかありません）。投稿の入ったファイルを選んでください。',
    en: 'The file is empty (or holds only blank space). Choose a file that contains posts.',
  },
});

export const createAnalysisBinaryError = createErrorFactory({
  code: 'analysis.binary',
  statusCode: 422,
  message: {
    ja: 'テキストではないファイル（画像・圧縮ファイル・Excel など）は分析できません。CSV（UTF-8）、JSON Lines、またはテキストで保存し直してください。',
    en: 'This is not a text file (an image, an archive, an Excel workbook …). Save it as CSV (UTF-8), JSON Lines or plain text.',
  },
});

export const createAnalysisNotUtf8Error = createErrorFactory<{ line: string }>({
  code: 'analysis.not_utf8',
  statusCode: 422,
  message: {
    ja: 'ファイルが UTF-8 ではありません（{line} 行目で読めない文字があります）。Excel なら「CSV UTF-8」で保存し直してください。',
    en: 'The file is not UTF-8 (unreadable characters on line {line}). In Excel, save it again as “CSV UTF-8”.',
  },
});

export const createAnalysisFileTooLargeError = createErrorFactory<{ limit: string }>({
  code: 'analysis.file_too_large',
  statusCode: 413,
  message: {
    ja: 'ファイルが大きすぎます（上限 {limit}）。いくつかに分けてから分析してください。',
    en: 'The file is too large (limit {limit}). Split it into smaller files.',
  },
});

export const createAnalysisMalformedUploadError = createErrorFactory({
  code: 'analysis.malformed_upload',
  statusCode: 400,
  message: {
    ja: '送信内容を読み取れませんでした。ファイル1つと、形式・列の対応だけを送ってください。',
    en: 'The upload could not be read. Send one file with its format and column mapping only.',
  },
});

export const createAnalysisBadPatternError = createErrorFactory({
  code: 'analysis.bad_pattern',
  statusCode: 422,
  message: {
    ja: '本文の検索条件を正規表現として読めません。カッコや記号の対応を確かめてください。',
    en: 'The text search is not a valid regular expression. Check the brackets and symbols.',
  },
});

export const createAnalysisPostNotFoundError = createErrorFactory<{ ids: string }>({
  code: 'analysis.post_not_found',
  statusCode: 422,
  message: {
    ja: '選んだ投稿の一部がこの分析結果にありません（{ids}）。結果を開き直して選び直してください。',
    en: 'Some selected posts are not in this analysis ({ids}). Reload the results and select again.',
  },
});

/** Why a run failed, as the run view shows it (codes from core's ImportFatalCode, plus `internal`). */
export const ANALYSIS_FAILURES: Readonly<Record<string, { ja: string; en: string }>> = {
  empty: { ja: '分析できる投稿がありませんでした。', en: 'There was no post to analyse.' },
  binary: {
    ja: 'テキストではないファイルのため分析できませんでした。',
    en: 'The file is not text, so it could not be analysed.',
  },
  'csv-no-text-column': {
    ja: 'CSV に本文の列が見つかりませんでした。列の対応で「本文」を選んでやり直してください。',
    en: 'No text column was found in the CSV. Choose the text column in the mapping and try again.',
  },
  'csv-unknown-column': {
    ja: '列の対応に、CSV の見出しにない列名があります。見出しを確かめてやり直してください。',
    en: 'The column mapping names a header the CSV does not have. Check the headers and try again.',
  },
  internal: {
    ja: 'サーバーの内部エラーで分析が止まりました。もう一度実行してください。続く場合は管理者に連絡してください。',
    en: 'The analysis stopped on an internal server error. Run it again; if it keeps failing, tell an administrator.',
  },
};
