import { intlLocale } from './intl-locale.ts';

// ICU has no Haitian Creole, and its French fallback would print "lundi" on a Kreyòl page: the
// weekday names, Monday first, are written here.
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
