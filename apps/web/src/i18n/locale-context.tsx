import { DEFAULT_LOCALE, isLocale, type Locale } from '@mimamoru/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.js';
import { ja, type Messages } from './ja.js';

const CATALOGS: Readonly<Record<Locale, Messages>> = { ja, en };
const STORAGE_KEY = 'mimamoru.locale';

interface LocaleState {
  readonly locale: Locale;
  readonly t: Messages;
  readonly setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState | null>(null);

/** The locale saved by the language switch, else Japanese (the reference locale). */
export function initialLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be blocked (private mode, policies): fall back to the default.
  }
  return DEFAULT_LOCALE;
}

export function LocaleProvider({ children }: { readonly children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = CATALOGS[locale].meta.htmlLang;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still applies to this visit.
    }
  }, []);

  const value = useMemo(() => ({ locale, t: CATALOGS[locale], setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

function useLocaleState(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useT/useLocale must be used inside <LocaleProvider>');
  return state;
}

/** The message catalog of the current locale. */
export function useT(): Messages {
  return useLocaleState().t;
}

export function useLocale(): { readonly locale: Locale; readonly setLocale: (locale: Locale) => void } {
  const { locale, setLocale } = useLocaleState();
  return { locale, setLocale };
}
