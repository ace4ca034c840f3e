import { useSyncExternalStore } from 'react';
import type { StaffLoginResponse } from './staff-api.js';

/**
 * The signed-in staff member and the CSRF token for writes. The session itself is the HttpOnly
 * `mm_staff` cookie; this copy lives in sessionStorage so a reload keeps the console open.
 */
export type StaffSession = Pick<StaffLoginResponse, 'account' | 'csrfToken'>;

const STORAGE_KEY = 'mimamoru.staff-session';
const listeners = new Set<() => void>();
let current: StaffSession | null | undefined;

function read(): StaffSession | null {
  if (current !== undefined) return current;
  try {
    const parsed = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? 'null') as StaffSession | null;
    current =
      parsed && typeof parsed.csrfToken === 'string' && typeof parsed.account?.id === 'string'
        ? parsed
        : null;
  } catch {
    current = null;
  }
  return current;
}

export function setStaffSession(session: StaffSession | null): void {
  current = session;
  try {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Kept in memory only.
  }
  for (const listener of listeners) listener();
}

export function useStaffSession(): StaffSession | null {
  return useSyncExternalStore((onChange) => {
    listeners.add(onChange);
    return () => listeners.delete(onChange);
  }, read);
}
