/**
 * What the site tells search engines, decided in one place: which pages are for them (listed in
 * the sitemap, with a canonical address and their other languages) and which are not (left out
 * of the sitemap and marked `noindex`), and what robots.txt says. The sitemap
 * (src/integrations/sitemap.ts), the page layout and robots.txt (src/pages/robots.txt.ts) all
 * ask this module, so a page is never listed and refused at once.
 */
import { absolute, localized, rootFile } from './urls.ts';

/**
 * Pages under every locale that are not for search engines, as paths after the locale; a path
 * ending in `*` stands for everything under it.
 */
const NOT_FOR_SEARCH_IN_EVERY_LOCALE = [
  // For 311 operators during a call: a resident who searches is better served by the finder.
  'operator/',
  // What the service worker shows when a page cannot be loaded offline; nothing on its own.
  'offline/',
  // Short links for texts, which move on at once to a provider's page, listed in its own right.
  'p/*',
];

/** Pages at the root of the site that are not for search engines, as above. */
const NOT_FOR_SEARCH_AT_ROOT = [
  // The bare address only sends a browser on to the home page in its language.
  '',
  // The short links without a language: they too move on at once.
  'p/*',
  // Served for any address that has no page.
  '404/',
];

/**
 * Files crawlers need not fetch: data the finder loads when a person searches or types a place.
 * Pages are never refused here: a crawler must read a page to see its `noindex`.
 */
const DATA_FOR_THE_FINDER = ['/postal-codes.json', '/postal-codes/', '/*/search-index.json'];

/** The sitemap's index, written by @astrojs/sitemap, which robots.txt points crawlers to. */
export const SITEMAP_INDEX = 'sitemap-index.xml';

function named(patterns: readonly string[], path: string): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern,
  );
}

/**
 * Whether the page at `pathname` ("/es/providers/x/") is one a search engine should list.
 * Only pages (addresses ending in a slash) are; files (the manifest, the search index) are not.
 */
export function isForSearchEngines(pathname: string, locales: readonly string[]): boolean {
  if (!pathname.endsWith('/')) return false;
  const [first = '', ...rest] = pathname.replace(/^\/+/, '').split('/');
  return locales.includes(first)
    ? !named(NOT_FOR_SEARCH_IN_EVERY_LOCALE, rest.join('/'))
    : !named(NOT_FOR_SEARCH_AT_ROOT, pathname.replace(/^\/+/, ''));
}

/** A page's other languages, with the first locale as the one for any other language. */
export function languageAlternates(
  origin: string,
  locales: readonly string[],
  path: string,
): Array<{ hreflang: string; href: string }> {
  const alternates = locales.map((locale) => ({
    hreflang: locale,
    href: absolute(origin, localized(locale, path)),
  }));
  return [...alternates, { hreflang: 'x-default', href: alternates[0]!.href }];
}

/** robots.txt: every page may be crawled; the sitemap says which to list. */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    ...DATA_FOR_THE_FINDER.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${absolute(origin, rootFile(SITEMAP_INDEX))}`,
    '',
  ].join('\n');
}

/**
 * A sitemap entry's languages (as @astrojs/sitemap lists them) with `x-default` added: the
 * first locale's page, as the page itself says (`languageAlternates`).
 */
export function withDefaultLanguage<Link extends { url: string; lang: string }>(
  links: readonly Link[],
  firstLocale: string,
): Array<{ url: string; lang: string }> {
  const first = links.find((link) => link.lang === firstLocale);
  return first ? [...links, { url: first.url, lang: 'x-default' }] : [...links];
}
