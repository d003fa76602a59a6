import { getCollection, type CollectionEntry } from 'astro:content';
import { compareForBrowsing } from './domain/browse.ts';
import type { Provider } from './schemas/provider.ts';
import type { SourceRef } from './schemas/source-ref.ts';
import { defaultLocale, site } from './site.ts';

let sortedProviders: Promise<Provider[]> | undefined;

/**
 * Every provider, in browsing order (the city's neighbourhoods first). Thousands of pages ask
 * for it during a build, so it is sorted once; `astro dev` sorts afresh to see edits.
 */
export function allProviders(): Promise<Provider[]> {
  if (sortedProviders && !import.meta.env.DEV) return sortedProviders;
  sortedProviders = getCollection('providers').then((entries) =>
    entries.map((entry) => entry.data).sort(compareForBrowsing(site)),
  );
  return sortedProviders;
}

export type PathEntry = CollectionEntry<'paths'>;
export type PageEntry = CollectionEntry<'pages'>;

/** `en/detox` → { locale: 'en', slug: 'detox' }: content ids carry their locale folder. */
export function splitId(id: string): { locale: string; slug: string } {
  const [locale = '', ...rest] = id.split('/');
  return { locale, slug: rest.join('/') };
}

/** The paths to recovery in one locale, in their editorial order. */
export async function pathsIn(locale: string): Promise<PathEntry[]> {
  const entries = await getCollection('paths', (entry) => splitId(entry.id).locale === locale);
  return entries.sort((a, b) => a.data.order - b.data.order);
}

export async function pagesIn(locale: string): Promise<PageEntry[]> {
  return getCollection('pages', (entry) => splitId(entry.id).locale === locale);
}

/**
 * The sources a path or page rests on. Translations carry the original's list (the
 * deployment's first locale), so a source is written once for every language.
 */
export async function sourcesOf(entry: PathEntry | PageEntry): Promise<SourceRef[]> {
  if (entry.data.sources) return entry.data.sources;
  const { slug } = splitId(entry.id);
  const original = await getCollection(entry.collection, (candidate: PathEntry | PageEntry) => {
    const id = splitId(candidate.id);
    return id.locale === defaultLocale && id.slug === slug;
  });
  return original[0]?.data.sources ?? [];
}
