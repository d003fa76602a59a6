import { weekdayInZone } from '../weekday-in-zone.ts';
import { intlLocale } from '../intl-locale.ts';
import type { Occurrence } from './occurrences.ts';

/** What formatting needs of an occurrence: when it starts and ends. */
type Times = Pick<Occurrence, 'start' | 'end'>;

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
export function formatTimeRange(occurrence: Times, locale: string, timeZone: string): string {
  return cached(timeFormats, locale, timeZone, { hour: 'numeric', minute: '2-digit' }).formatRange(
    occurrence.start,
    occurrence.end,
  );
}

/** "Tuesday 10:00–12:00": the words after "Next session:", which the page's own string supplies. */
export function formatWhen(occurrence: Times, locale: string, timeZone: string): string {
  return `${weekdayInZone(occurrence.start, timeZone, locale)} ${formatTimeRange(occurrence, locale, timeZone)}`;
}

/** "Tuesday 5 May" (en-GB), "wtorek, 5 maja" (pl): for a date further off than this week. */
export function formatDay(occurrence: Times, locale: string, timeZone: string): string {
  return cached(dateFormats, locale, timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(occurrence.start);
}

const SIX_DAYS_MS = 6 * 86_400_000;

/**
 * When a session is next, as few words as say it plainly: "Tuesday 10:00–12:00" within the
 * coming six days (no weekday can be mistaken for next week's), else "Tuesday 5 May,
 * 10:00–12:00" in the locale's own order of the date.
 */
export function formatNext(occurrence: Times, now: Date, locale: string, timeZone: string): string {
  if (occurrence.start.getTime() - now.getTime() < SIX_DAYS_MS)
    return formatWhen(occurrence, locale, timeZone);
  return `${formatDay(occurrence, locale, timeZone)}, ${formatTimeRange(occurrence, locale, timeZone)}`;
}
