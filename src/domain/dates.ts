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

// Weekday names live apart so that a script naming weekdays does not carry the month tables.
export { ownWeekdayName, weekdayInZone } from './weekday-in-zone.ts';

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
