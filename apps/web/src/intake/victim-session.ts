import { useSyncExternalStore } from 'react';

/**
 * The open case page: its number and the CSRF token for writes. The session itself is an HttpOnly
 * cookie; this is kept in sessionStorage so a reload keeps the page open (never the access key).
 * Quick exit clears sessionStorage, and so this too.
 */
export interface CaseSession {
  readonly caseNumber: string;
  readonly csrfToken: string;
}

const STORAGE_KEY = 'mimamoru.case-session';
const listeners = new Set<() => void>();
let current: CaseSession | null | undefined;

function read(): CaseSession | null {
  if (current !== undefined) return current;
  try {
    const parsed = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    current =
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as CaseSession).caseNumber === 'string' &&
      typeof (parsed as CaseSession).csrfToken === 'string'
        ? { caseNumber: (parsed as CaseSession).caseNumber, csrfToken: (parsed as CaseSession).csrfToken }
        : null;
  } catch {
    current = null;
  }
  return current;
}

export function setCaseSession(session: CaseSession | null): void {
  current = session;
  try {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Kept in memory only.
  }
  listeners.forEach((listener) => listener());
}

export function useCaseSession(): CaseSession | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, read);
}
