import { createErrorFactory } from '../../errors/app-error.js';

export const createEvidenceItemNotFoundError = createErrorFactory({
  code: 'evidence.item_not_found',
  statusCode: 404,
  message: {
    ja: 'この証拠は見つかりません。すでに取り下げられたか、別の相談のものです。ページを開き直してください。',
    en: 'This evidence item was not found: it was removed or belongs to another case. Reload the page.',
  },
});

export const createEvidenceFileNotFoundError = createErrorFactory({
  code: 'evidence.file_not_found',
  statusCode: 404,
  message: {
    ja: 'このファイルはこの相談の証拠にありません。',
    en: 'This file is not part of this case’s evidence.',
  },
});

export const createEvidenceUnsupportedFileError = createErrorFactory({
  code: 'evidence.unsupported_file',
  statusCode: 415,
  message: {
    ja: '証拠として受け付けるのは PNG・JPEG・GIF・WebP の画像、PDF、MP4・MOV・WebM の動画です（ファイルの中身で判定します）。スクリーンショットは撮ったままの形で添付してください。',
    en: 'Evidence files can be PNG, JPEG, GIF or WebP images, PDF files, or MP4, MOV or WebM videos (checked by the content, not the name). Attach screenshots as they were taken.',
  },
});

export const createEvidenceMalformedError = createErrorFactory({
  code: 'evidence.malformed',
  statusCode: 400,
  message: {
    ja: '送信内容を読み取れませんでした。フォームから送り直してください。',
    en: 'The request could not be read. Send it again from the form.',
  },
});

export const createEvidenceTooManyFilesError = createErrorFactory({
  code: 'evidence.too_many_files',
  statusCode: 413,
  message: {
    ja: '1つの証拠に添付できるファイルは10個までです。分けて追加してください。',
    en: 'An evidence item can hold at most 10 files. Add the rest as another item.',
  },
});

export const createEvidenceNoFilesError = createErrorFactory({
  code: 'evidence.no_files',
  statusCode: 400,
  message: {
    ja: '証拠にはスクリーンショットなどのファイルが少なくとも1つ必要です。',
    en: 'An evidence item needs at least one file, such as a screenshot.',
  },
});

export const createEvidenceItemChangedError = createErrorFactory({
  code: 'evidence.item_changed',
  statusCode: 409,
  message: {
    ja: 'この証拠は、画面を開いた後に別の訂正が加えられました。最新の内容を読み込みました。入力した内容は消えていませんので、確かめてからもう一度保存してください。',
    en: 'This evidence item was corrected by someone else after you opened it. The latest version has been loaded; what you typed is still here. Check it and save again.',
  },
});
