import { useCallback, useEffect, useState } from 'react';

export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly httpStatus: number }
  | { readonly status: 'ready'; readonly data: T };

/** Runs a fetcher when its dependencies change; aborts the previous request; `reload` retries. */
export function useApi<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): { readonly state: Loadable<T>; readonly reload: () => void } {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetcher(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const httpStatus =
          typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
            ? error.status
            : 0;
        setState({ status: 'error', httpStatus });
      },
    );
    return () => controller.abort();
    // The fetcher is re-created every render; the caller's deps decide when to refetch.
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
