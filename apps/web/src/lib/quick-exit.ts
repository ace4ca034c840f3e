import { useEffect } from 'react';

/** A neutral page that does not hint at what the person was reading. */
export const QUICK_EXIT_URL = 'https://www.google.com/search?q=weather';
const ESCAPE_PRESSES = 3;
const ESCAPE_WINDOW_MS = 3000;

/** Forgets the wizard answers and leaves for a neutral site, replacing the current history entry. */
export function quickExit(): void {
  try {
    window.sessionStorage.clear();
  } catch {
    // Storage may be blocked; leaving matters more.
  }
  try {
    // Make the entry we leave from point at the neutral home page, in case replace() is blocked.
    window.history.replaceState(null, '', '/');
  } catch {
    // Ignore: replace() below still swaps the entry.
  }
  document.title = 'weather';
  window.location.replace(QUICK_EXIT_URL);
}

/** Pressing Escape 3 times within 3 seconds triggers the quick exit. */
export function useQuickExitShortcut(): void {
  useEffect(() => {
    let presses: number[] = [];
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const now = Date.now();
      presses = [...presses.filter((t) => now - t < ESCAPE_WINDOW_MS), now];
      if (presses.length >= ESCAPE_PRESSES) quickExit();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
