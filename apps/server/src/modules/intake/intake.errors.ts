import { ATTACHMENT_LIMITS } from '@mimamoru/core';
import { createErrorFactory } from '../../errors/app-error.js';

const MAX_MB = String(ATTACHMENT_LIMITS.maxBytesPerFile / (1024 * 1024));
const MAX_FILES = String(ATTACHMENT_LIMITS.maxFiles);

export const createUnsupportedFileError = createErrorFactory({
  code: 'intake.unsupported_file',
  statusCode: 415,
  message: {
    ja: '添付できるのは PNG・JPEG・GIF・WebP の画像と PDF だけです（ファイルの中身で判定します）。スクリーンショットや PDF を添付してください。',
    en: 'Only PNG, JPEG, GIF and WebP images and PDF files can be attached (checked by the file content, not its name). Attach a screenshot or a PDF.',
  },
});

export const createFileTooLargeError = createErrorFactory({
  code: 'intake.file_too_large',
  statusCode: 413,
  message: {
    ja: `添付ファイルが大きすぎます。1 ファイル ${MAX_MB} MB までです。画像を縮小するか、分けて送ってください。`,
    en: `An attachment is too large. Each file may be at most ${MAX_MB} MB. Shrink the image or send it separately.`,
  },
});

export const createTooManyFilesError = createErrorFactory({
  code: 'intake.too_many_files',
  statusCode: 413,
  message: {
    ja: `添付ファイルは 1 件の相談につき合計 ${MAX_FILES} 個までです。大事なものを選んでください。`,
    en: `A consultation can have at most ${MAX_FILES} attachments in total. Choose the most important ones.`,
  },
});

export const createMalformedUploadError = createErrorFactory({
  code: 'intake.malformed_upload',
  statusCode: 400,
  message: {
    ja: '送信データ（multipart）を読み取れませんでした。相談内容は「consultation」欄に JSON で、ファイルはファイル欄で送ってください。',
    en: 'The upload (multipart body) could not be read. Send the consultation as JSON in the "consultation" field and files as file fields.',
  },
});

export const createConsultationMissingError = createErrorFactory({
  code: 'intake.consultation_missing',
  statusCode: 400,
  message: {
    ja: '相談内容がありません。multipart で送る場合は「consultation」欄に JSON を入れてください。',
    en: 'The consultation is missing. In a multipart body, put the JSON in the "consultation" field.',
  },
});

export const createCaseNotFoundError = createErrorFactory({
  code: 'intake.case_not_found',
  statusCode: 404,
  message: {
    ja: '相談が見つかりません。相談番号を確認してください。',
    en: 'No consultation was found. Check the case number.',
  },
});

export const createCaseClosedError = createErrorFactory({
  code: 'intake.case_closed',
  statusCode: 409,
  message: {
    ja: 'この相談は取り下げられているため、変更できません。',
    en: 'This consultation has been withdrawn and can no longer be changed.',
  },
});
