import { createErrorFactory } from '../errors/app-error.js';

export const createRouteNotFoundError = createErrorFactory<{ method: string; path: string }>({
  code: 'not_found',
  statusCode: 404,
  message: {
    ja: '{method} {path} という API はありません。URL とメソッドを確認してください。',
    en: 'There is no API at {method} {path}. Check the URL and the method.',
  },
});

export const createMalformedJsonError = createErrorFactory({
  code: 'malformed_json',
  statusCode: 400,
  message: {
    ja: '送られた本文が正しい JSON ではありません。括弧や引用符、カンマを確認してください。',
    en: 'The request body is not valid JSON. Check brackets, quotes and commas.',
  },
});

export const createEmptyBodyError = createErrorFactory({
  code: 'empty_body',
  statusCode: 400,
  message: {
    ja: '本文が空です。JSON の本文を送ってください。',
    en: 'The request body is empty. Send a JSON body.',
  },
});

export const createPayloadTooLargeError = createErrorFactory<{ limit: string }>({
  code: 'payload_too_large',
  statusCode: 413,
  message: {
    ja: '本文が大きすぎます（上限 {limit}）。内容を減らしてください。',
    en: 'The request body is too large (limit {limit}). Send less data.',
  },
});

export const createUnsupportedMediaTypeError = createErrorFactory({
  code: 'unsupported_media_type',
  statusCode: 415,
  message: {
    ja: 'この形式の本文は受け付けていません。Content-Type: application/json で送ってください。',
    en: 'This body format is not accepted. Send it with Content-Type: application/json.',
  },
});

export const createBadRequestError = createErrorFactory({
  code: 'bad_request',
  statusCode: 400,
  message: {
    ja: 'リクエストを処理できませんでした。送った内容を確認してください。',
    en: 'The request could not be processed. Check what was sent.',
  },
});

export const createInternalError = createErrorFactory({
  code: 'internal_error',
  statusCode: 500,
  message: {
    ja: 'サーバーで問題が起きました。時間をおいてもう一度お試しください。',
    en: 'Something went wrong on the server. Please try again later.',
  },
});

export const VALIDATION_FAILED = {
  code: 'validation_failed',
  message: {
    ja: (count: number) =>
      `入力内容に ${count} 件の問題があります。各項目のメッセージを確認して直してください。`,
    en: (count: number) =>
      `The input has ${count} problem${count === 1 ? '' : 's'}. Check each field's message and correct it.`,
  },
} as const;
