import { createErrorFactory } from '../../errors/app-error.js';

export const createWindowNotFoundError = createErrorFactory<{ id: string }>({
  code: 'windows.not_found',
  statusCode: 404,
  message: {
    ja: '相談窓口「{id}」は見つかりません。GET /api/windows で一覧を確認してください。',
    en: 'There is no consultation window "{id}". See GET /api/windows for the list.',
  },
});
