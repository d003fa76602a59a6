/**
 * What components need of the page's language. Pages pass i18next's translate function (see
 * `plainTranslations`), islands the small one built from the strings they were given, so
 * one component draws the same words in both.
 */
export type Translate<K extends string = string> = (
  key: K,
  values?: Record<string, string | number>,
) => string;

/** A facet key's name in the page's language ("detox-outpatient" → "Outpatient or medication-supported detox"). */
export type FacetLabel = (facet: 'service' | 'medication', key: string) => string;
