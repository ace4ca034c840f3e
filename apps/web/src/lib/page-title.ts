import { useEffect } from 'react';
import { useT } from '../i18n/locale-context.js';

/** Sets document.title to "<page> | みまもる" in the current locale. */
export function usePageTitle(title: string): void {
  const t = useT();
  useEffect(() => {
    document.title = `${title} | ${t.meta.titleSuffix}`;
  }, [title, t]);
}
