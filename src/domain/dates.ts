import { intlLocale } from './intl-locale.ts';

// ICU has no Haitian Creole, and its French fallback would print "1 décembre" on a Kreyòl
// page; the month names are few and stable, so they are written here.
const MONTHS: Readonly<Record<string, readonly string[]>> = {
  ht: [
    'janvye',
    'fevriye',
    'mas',
    'avril',
    'me',
    'jen',
    'jiyè',
    'out',
    'septanm',
    'oktòb',
    'novanm',
    'desanm',
  ],
};

// The same for weekdays, Monday first: Intl's French fallback would print "lundi".
const WEEKDAYS: Readonly<Record<string, Readonly<Record<'long' | 'short', readonly string[]>>>> = {
  ht: {
    long: ['lendi', 'madi', 'mèkredi', 'jedi', 'vandredi', 'samdi', 'dimanch'],
    short: ['len.', 'mad.', 'mèk.', 'jed.', 'van.', 'sam.', 'dim.'],
  },
};

/** A weekday's name written here for a language ICU lacks (0 is Monday), else undefined. */
export function ownWeekdayName(
  locale: string,
  weekday: number,
  width: 'long' | 'short' = 'long',
): string | undefined {
  return WEEKDAYS[locale]?.[width][weekday];
}

const ENGLISH_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The weekday of a moment in a time zone, named in the reader's language. */
export function weekdayInZone(date: Date, timeZone: string, locale: string): string {
  const own = WEEKDAYS[locale];
  if (own) {
    const english = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(date);
    const name = own.long[ENGLISH_WEEKDAYS.indexOf(english)];
    if (name) return name;
  }
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone }).format(date);
}

/** A calendar date (YYYY-MM-DD) written out in the reader's language: "1 December 2026". */
export function formatIsoDate(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const months = MONTHS[locale];
  if (months) return `${day} ${months[month - 1]} ${year}`;
  // Noon UTC keeps the date the same in every time zone the formatter might assume.
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day, 12)),
  );
}

/** Whole days from one calendar date to another (later minus earlier). */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  return Math.round((at(toIsoDate) - at(fromIsoDate)) / 86_400_000);
}
