import { intlLocale } from './domain/intl-locale.ts';
import { languageNamer } from './domain/language-names.ts';
import type { FacetOptions } from './islands/FacetFilters.tsx';
import { useTranslations } from './i18n/index.ts';
import type { Provider } from './schemas/provider.ts';
import type { PaymentKey } from './schemas/taxonomy.ts';
import { FACETS, FACET_NAMES } from './domain/search/documents.ts';
import { filterCoverage } from './domain/search/filter-coverage.ts';
import { site } from './site.ts';

/**
 * What the search islands (finder and operator view) need at build time: the filter choices
 * that some place actually has (a filter that can only empty the list helps no one) and the
 * languages staff speak, and how much of the directory each quick filter can speak for. Their translated messages come from the keys each island declares
 * (`islandMessages` in src/i18n/island-messages.ts).
 */
export function finderOptions(locale: string, providers: readonly Provider[]) {
  // Every finder page of a locale asks for the same options: work them out once per build.
  const cached = cache.get(locale);
  if (cached && cached.providers === providers) return cached.options;
  const options = computeOptions(locale, providers);
  cache.set(locale, { providers, options });
  return options;
}

const cache = new Map<
  string,
  { providers: readonly Provider[]; options: ReturnType<typeof computeOptions> }
>();

function computeOptions(locale: string, providers: readonly Provider[]) {
  const t = useTranslations(locale);
  const present: Record<string, Set<string>> = {
    service: new Set(
      providers.flatMap((p) => [...p.services, ...p.inferred_services.map((i) => i.service)]),
    ),
    medication: new Set(providers.flatMap((p) => p.medications)),
    setting: new Set(providers.flatMap((p) => p.settings)),
    payment: new Set(providers.flatMap((p) => p.payment)),
    population: new Set(providers.flatMap((p) => p.populations)),
  };
  const facets: FacetOptions[] = FACET_NAMES.map((name) => ({
    name,
    options: FACETS[name]
      .filter((key) => present[name]!.has(key))
      .map((key) => ({
        key,
        label:
          (name === 'payment' && site.payment_names[key as PaymentKey]) ||
          t(`taxonomy.${name}.${key}`),
      })),
  })).filter((facet) => facet.options.length > 0);

  const languageName = languageNamer(locale);
  const collator = new Intl.Collator(intlLocale(locale));
  const languages = [...new Set(providers.flatMap((p) => p.languages))]
    .map((code) => ({ code, label: languageName(code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return { facets, languages, coverage: filterCoverage(providers) };
}
