/** A tel: URI for a Japanese number as written on official pages ("0570-783-556", "#9110"). */
export function telHref(number: string): string {
  const dialable = number.replace(/[^0-9#*+]/g, '');
  return `tel:${dialable.replace(/#/g, '%23')}`;
}

/** Formats a YYYY-MM-DD calendar date for display, with the weekday. */
export function formatDate(isoDate: string, intlLocale: string, withWeekday = true): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    ...(withWeekday ? { weekday: 'short' as const } : {}),
  }).format(date);
}
