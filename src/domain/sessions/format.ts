import { weekdayInZone } from '../dates.ts';
import { intlLocale } from '../intl-locale.ts';
import type { Occurrence } from './occurrences.ts';

const timeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone });
    cache.set(key, format);
  }
  return format;
}

/**
 * "10:00–12:00" as the reader's locale writes a range of times: 24-hour in en-GB and pl,
 * "10:00 AM – 12:00 PM" in en-US. The clock is the deployment's, wherever the reader is.
 */
export function formatTimeRange(occurrence: Occurrence, locale: string, timeZone: string): string {
  return cached(timeFormats, locale, timeZone, { hour: 'numeric', minute: '2-digit' }).formatRange(
    occurrence.start,
    occurrence.end,
  );
}

/** "Tuesday 10:00–12:00": the words after "Next session:", which the page's own string supplies. */
export function formatWhen(occurrence: Occurrence, locale: string, timeZone: string): string {
  return `${weekdayInZone(occurrence.start, timeZone, locale)} ${formatTimeRange(occurrence, locale, timeZone)}`;
}

/** "Tuesday 5 May" (en-GB), "wtorek, 5 maja" (pl): for a date further off than this week. */
export function formatDay(occurrence: Occurrence, locale: string, timeZone: string): string {
  return cached(dateFormats, locale, timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(occurrence.start);
}
