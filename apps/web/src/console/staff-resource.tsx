import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { LoadError, Loading } from '../components/load-state.js';
import { ApiRequestError } from '../lib/api.js';
import { useApi, type Loadable } from '../lib/use-api.js';
import { handleStaffError, useCT } from './console-app.js';

/** The server's localized message for a failed request, or the fallback (network down, no body). */
export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiRequestError && error.body ? error.body.message : fallback;
}

/** useApi for the console: a load refused because the session ended sends staff to the login page. */
export function useStaffApi<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): { readonly state: Loadable<T>; readonly reload: () => void } {
  return useApi(
    (signal) =>
      fetcher(signal).catch((error: unknown) => {
        handleStaffError(error);
        throw error;
      }),
    deps,
  );
}

export type StaffLoadStatus = 'loading' | 'ready' | 'not-found' | 'error';

/**
 * Loads one thing by id for a console page: aborts the previous request when the deps change, sends
 * an ended session to the login page, tells a 404 from other failures. `reload` refetches and keeps
 * the data shown meanwhile; `setData` takes what a write answered.
 */
export function useStaffResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): {
  readonly data: T | null;
  readonly setData: (next: T) => void;
  readonly status: StaffLoadStatus;
  readonly reload: () => void;
} {
  const [data, setData] = useState<T | null>(null);
  const [status, setStatus] = useState<StaffLoadStatus>('loading');
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (loaded) => {
        setData(loaded);
        setStatus('ready');
      },
      (error: unknown) => {
        if (controller.signal.aborted || handleStaffError(error)) return;
        setStatus(error instanceof ApiRequestError && error.status === 404 ? 'not-found' : 'error');
      },
    );
    return () => controller.abort();
    // The loader is re-created every render; the caller's deps decide when to refetch.
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, setData, status, reload };
}

/** Why a write failed: someone changed the record meanwhile (409 with its stale code), or a message. */
export type WriteProblem = { readonly kind: 'stale' } | { readonly kind: 'error'; readonly text: string };

/** The problem to show for a failed write; null when the session ended (the login page takes over). */
export function writeProblem(error: unknown, staleCode: string, networkError: string): WriteProblem | null {
  if (handleStaffError(error)) return null;
  if (error instanceof ApiRequestError && error.status === 409 && error.body?.code === staleCode)
    return { kind: 'stale' };
  return { kind: 'error', text: errorText(error, networkError) };
}

/** A write's problem, focused when it appears; a stale one offers to reload. */
export function WriteProblemNotice({
  problem,
  staleText,
  reloadText,
  onReload,
}: {
  readonly problem: WriteProblem | null;
  readonly staleText: string;
  readonly reloadText: string;
  readonly onReload: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  return (
    <div
      className={`notice ${problem.kind === 'stale' ? 'notice-hint' : 'notice-error'}`}
      role="alert"
      tabIndex={-1}
      ref={ref}
    >
      <p>{problem.kind === 'stale' ? staleText : problem.text}</p>
      {problem.kind === 'stale' ? (
        <button type="button" className="button button-secondary button-small" onClick={onReload}>
          {reloadText}
        </button>
      ) : null}
    </div>
  );
}

/** A console list's loading and failed states (403: this role may not see it). */
export function StaffLoadState({
  state,
  onRetry,
}: {
  readonly state: Loadable<unknown>;
  readonly onRetry: () => void;
}) {
  const c = useCT();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return <LoadError message={state.httpStatus === 403 ? c.forbidden : c.loadError} onRetry={onRetry} />;
  return null;
}

/** A console table: scrolls sideways in its own focusable region named by the caption. */
export function ConsoleTable({
  caption,
  className,
  children,
}: {
  readonly caption: string;
  /** Added to `console-table`. */
  readonly className?: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="console-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className={className ? `console-table ${className}` : 'console-table'}>
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** What an admin action did (announced and shown) or why it failed. */
export function ActionFeedback({
  status,
  error,
}: {
  readonly status: string;
  readonly error: string | null;
}) {
  return (
    <>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {status ? <p className="notice notice-done">{status}</p> : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
