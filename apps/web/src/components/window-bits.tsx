import type { Locale, WindowView } from '@mimamoru/core';
import { WIZARD_LANGUAGES, type Messages, type WizardLanguage } from '../i18n/ja.js';
import { useT } from '../i18n/locale-context.js';

/** "Open now" as text and colour (never colour alone). */
export function OpenNowBadge({ openNow }: { readonly openNow: boolean | null }) {
  const t = useT();
  const [key, icon] =
    openNow === true
      ? (['open', '●'] as const)
      : openNow === false
        ? (['closed', '○'] as const)
        : (['unknown', '?'] as const);
  return (
    <span className={`badge badge-open-${key}`}>
      <span aria-hidden="true" className="status-icon">
        {icon}
      </span>
      {t.windows.openNow[key]}
    </span>
  );
}

/** A language tag's name in the UI locale: from the catalog when known, else from Intl. */
export function languageName(tag: string, t: Messages, locale: Locale): string {
  if ((WIZARD_LANGUAGES as readonly string[]).includes(tag))
    return t.guide.languageOptions[tag as WizardLanguage];
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The channel to show first on a card: a phone line if there is one. */
export function mainChannel(window: WindowView): WindowView['channels'][number] | undefined {
  return window.channels.find((c) => c.type === 'phone') ?? window.channels[0];
}
