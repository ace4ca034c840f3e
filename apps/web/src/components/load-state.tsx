import { useT } from '../i18n/locale-context.js';

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t.common.loading}
    </p>
  );
}

export function LoadError({ message, onRetry }: { readonly message: string; readonly onRetry: () => void }) {
  const t = useT();
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t.common.retry}
      </button>
    </div>
  );
}
