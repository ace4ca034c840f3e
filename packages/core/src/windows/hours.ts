import type { Locale } from '../i18n/locale.js';
import type { ConsultationWindow, WindowView } from './window.js';
// @TODO(#2) helper A implements.
export declare function localizeWindow(window: ConsultationWindow, locale: Locale, now: Date): WindowView;
