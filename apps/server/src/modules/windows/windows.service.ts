import {
  filterWindows,
  getWindow,
  localizeWindow,
  WINDOWS,
  type ChannelType,
  type Locale,
  type Service,
  type WindowView,
} from '@mimamoru/core';
import { createWindowNotFoundError } from './windows.errors.js';

export interface WindowFilters {
  readonly service?: Service;
  readonly channel?: ChannelType;
  /** Primary language tag the window must serve. */
  readonly language?: string;
  readonly openNow?: boolean;
}

/** Read-only use cases over the consultation windows directory in core (no database). */
export function createWindowsService({ clock }: { clock: () => Date }) {
  return {
    /** Windows matching every given filter, in directory order, localized as of now. */
    listWindows({ filters, locale }: { filters: WindowFilters; locale: Locale }): { windows: WindowView[] } {
      const now = clock();
      // "Open now" lists only windows known to be open; hours that vary by area are left out.
      const windows = filterWindows(WINDOWS, { ...filters, now, includeUncertain: false }).map((window) =>
        localizeWindow(window, locale, now),
      );
      return { windows };
    },

    /** One window by id, or windows.not_found naming the id. */
    getWindowById({ id, locale }: { id: string; locale: Locale }): { window: WindowView } {
      const window = getWindow(id);
      if (!window) throw createWindowNotFoundError({ id: id.slice(0, 64) });
      return { window: localizeWindow(window, locale, clock()) };
    },
  };
}

export type WindowsService = ReturnType<typeof createWindowsService>;
