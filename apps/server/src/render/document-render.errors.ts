import { createErrorFactory } from '../errors/app-error.js';

export const createDocumentHasErrorsError = createErrorFactory<{ count: string }>({
  code: 'documents.has_errors',
  statusCode: 422,
  message: {
    ja: '書類に未入力や誤りが {count} 件あるため、作成できません。すべて直してから出力してください。',
    en: 'The document has {count} missing or invalid field(s), so it cannot be produced. Fix them all first.',
  },
});

export const createDocumentMissingGlyphsError = createErrorFactory<{ list: string }>({
  code: 'documents.missing_glyphs',
  statusCode: 422,
  message: {
    ja: '書類の文字のうち、埋め込むフォントにない文字があります（四角で印刷されるのを防ぐため作成を止めました）: {list}。別の文字に置き換えてください。',
    en: 'Some characters are not in the embedded fonts (stopped so they are not printed as boxes): {list}. Replace them with other characters.',
  },
});
