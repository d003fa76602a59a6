/**
 * The two data files the finder fetches, each served under a URL that carries its content's
 * version (`search-index.json?v=…`, `postal-codes.json?v=…`). A page asks for exactly the data
 * it was built with: the service worker saves that URL, so a page from the network never gets
 * an older index an older worker saved, and a saved page never gets a newer one.
 * Each body is built once per build, for the endpoint and for every page that links to it.
 */
import { allProviders, venueSlots } from './collections.ts';
import { buildSearchIndexFile } from './domain/search/documents.ts';
import { versionedUrl } from './domain/offline/precache.ts';
import { localized } from './domain/urls.ts';
import { useTranslations } from './i18n/index.ts';
import { placeTables } from './place-tables.ts';
import { site } from './site.ts';

const indexBodies = new Map<string, Promise<string>>();

/** The search index of one locale, as the endpoint serves it. */
export function searchIndexBody(locale: string): Promise<string> {
  let body = indexBodies.get(locale);
  if (!body || import.meta.env.DEV) {
    const t = useTranslations(locale);
    body = allProviders().then((providers) =>
      JSON.stringify(
        buildSearchIndexFile(
          providers,
          site,
          locale,
          (facet, key) => t(`taxonomy.${facet}.${key}`),
          venueSlots(),
        ),
      ),
    );
    indexBodies.set(locale, body);
  }
  return body;
}

/** The URL a page fetches the locale's search index from. */
export async function searchIndexUrl(locale: string): Promise<string> {
  return versionedUrl(localized(locale, 'search-index.json'), await searchIndexBody(locale));
}

let postalBody: string | undefined;

/** Postal code or town → [lat, lon], as /postal-codes.json serves it. */
export function postalTableBody(): string {
  postalBody ??= JSON.stringify(placeTables(site).table);
  return postalBody;
}

/** The URL a page fetches the postal table from. */
export function postalTableUrl(): string {
  return versionedUrl('/postal-codes.json', postalTableBody());
}
