import i18next, { type TFunction } from 'i18next';
import { localeInfo } from './locales.ts';
import { formatNumber } from '../domain/format-number.ts';

import { deploymentStrings, withRegionalFallbacks, type Strings } from './deployment-strings.ts';
import { site } from '../site.ts';

// Every `<locale>.json` beside this file is a strings file; adding a language adds a file.
const files = import.meta.glob<Strings>('./*.json', { eager: true, import: 'default' });
const shared: Record<string, Strings> = Object.fromEntries(
  Object.entries(files).map(([path, strings]) => [path.replace(/^\.\/(.*)\.json$/, '$1'), strings]),
);
/** As this deployment shows them: its own wording and its facts (see deployment-strings.ts). */
export const stringsByLocale: Record<string, Strings> = deploymentStrings(
  withRegionalFallbacks(shared),
  site,
);

const i18n = i18next.createInstance();
// Every number a sentence is given ("{{count}} places") is written as the reader writes numbers
// ("1,000", "1 000"); plural forms are still chosen from the number itself.
i18n.use({
  type: 'formatter',
  init() {},
  format: (value: unknown, format: string | undefined, lng: string | undefined) =>
    !format && typeof value === 'number' ? formatNumber(value, lng ?? 'en') : value,
  add() {},
  addCached() {},
});
await i18n.init({
  resources: Object.fromEntries(
    Object.entries(stringsByLocale).map(([locale, strings]) => [locale, { translation: strings }]),
  ),
  lng: 'en',
  fallbackLng: 'en',
  // Astro escapes every expression it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false, alwaysFormat: true },
  returnNull: false,
  initAsync: false,
});

/** The translate function for one locale, used while rendering that locale's pages. */
export function useTranslations(locale: string): TFunction {
  return i18n.getFixedT(locale);
}

/**
 * The same, as the plain function the Preact components take: they draw the same words on
 * pages built here and inside islands, which get their strings as props.
 */
export function plainTranslations(
  locale: string,
): (key: string, values?: Record<string, string | number>) => string {
  const t = i18n.getFixedT(locale);
  return (key, values) => (values ? t(key, values) : t(key));
}

/** Names of services and medications in one locale, for the components' tags. */
export function facetLabels(
  locale: string,
): (facet: 'service' | 'medication', key: string) => string {
  const t = i18n.getFixedT(locale);
  return (facet, key) => t(`taxonomy.${facet}.${key}`);
}

export function direction(locale: string): 'ltr' | 'rtl' {
  return localeInfo(locale).dir;
}
