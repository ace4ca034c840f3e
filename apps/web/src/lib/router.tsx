import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const NAVIGATE_EVENT = 'mimamoru:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** Current pathname; re-renders on navigation and on browser back/forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Current query string (`?a=1`, or ''); re-renders when it changes, e.g. a link to the same page with other filters. */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

export function navigate(to: string, options: { readonly replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

type Match =
  | { readonly name: 'home' }
  | { readonly name: 'guide' }
  | { readonly name: 'result' }
  | { readonly name: 'saved' }
  | { readonly name: 'windows' }
  | { readonly name: 'consult' }
  | { readonly name: 'case' }
  | { readonly name: 'case-reset' }
  | { readonly name: 'case-documents' }
  | { readonly name: 'privacy' }
  | { readonly name: 'verify' }
  | { readonly name: 'evidence-guide' }
  | { readonly name: 'analyze' }
  | { readonly name: 'window'; readonly id: string }
  | { readonly name: 'console'; readonly path: string }
  | { readonly name: 'not-found' };

/** Maps a pathname to a route of the public site. */
export function matchRoute(pathname: string): Match {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/guide') return { name: 'guide' };
  if (path === '/result') return { name: 'result' };
  if (path === '/saved') return { name: 'saved' };
  if (path === '/windows') return { name: 'windows' };
  if (path === '/consult') return { name: 'consult' };
  if (path === '/case') return { name: 'case' };
  if (path === '/case/reset') return { name: 'case-reset' };
  if (path === '/case/documents') return { name: 'case-documents' };
  if (path === '/privacy') return { name: 'privacy' };
  if (path === '/verify') return { name: 'verify' };
  if (path === '/evidence-guide') return { name: 'evidence-guide' };
  if (path === '/analyze') return { name: 'analyze' };
  // The staff console routes its own sub-paths (loaded on demand, outside the public layout).
  if (path === '/console' || path.startsWith('/console/')) return { name: 'console', path };
  const detail = /^\/windows\/([A-Za-z0-9-]{1,64})$/.exec(path);
  if (detail?.[1]) return { name: 'window', id: detail[1] };
  return { name: 'not-found' };
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { readonly to: string };

/** An in-app link: a real <a href> that navigates without a page load. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
