/**
 * The locale to hand to Intl for a site language. Most have their own data in every
 * browser; Haitian Creole has none in ICU, so dates and times would come out in English.
 * Haiti's French conventions (lundi, 13 h 05) are the closest a Kreyòl reader meets daily.
 */
const FALLBACKS: Readonly<Record<string, string>> = { ht: 'fr-HT' };

export function intlLocale(locale: string): string {
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0) return locale;
  } catch {
    // An invalid tag falls through to the fallback.
  }
  return FALLBACKS[locale] ?? FALLBACKS[locale.split('-')[0] ?? ''] ?? 'en';
}
