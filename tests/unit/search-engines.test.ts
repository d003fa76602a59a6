import { describe, expect, it } from 'vitest';
import {
  isForSearchEngines,
  languageAlternates,
  robotsTxt,
  withDefaultLanguage,
} from '../../src/domain/search-engines.ts';

const locales = ['en-GB', 'pl', 'zh-Hant'];

describe('the pages for search engines', () => {
  it.each([
    '/en-GB/',
    '/pl/find/',
    '/pl/find/2/',
    '/zh-Hant/providers/a83001/',
    '/en-GB/paths/detox/',
    '/en-GB/callback/',
    '/en-GB/callback/status/',
    '/pl/compare/',
    '/pl/about/',
  ])('lists %s', (path) => {
    expect(isForSearchEngines(path, locales)).toBe(true);
  });

  it.each([
    ['the language chooser at the root', '/'],
    ['the operator view', '/en-GB/operator/'],
    ['the offline page', '/pl/offline/'],
    ['a short link', '/zh-Hant/p/4k7q2mz/'],
    ['a short link without a language', '/p/4k7q2mz/'],
    ['the page for addresses that have none', '/404/'],
    ['a manifest', '/pl/manifest.webmanifest'],
    ['the search index', '/pl/search-index.json'],
    ['an icon', '/icon-192.png'],
  ])('leaves out %s', (_what, path) => {
    expect(isForSearchEngines(path, locales)).toBe(false);
  });

  it('reads a locale only where the deployment publishes it', () => {
    // "/en/operator/" is not the operator view of a deployment without `en`.
    expect(isForSearchEngines('/en/operator/', locales)).toBe(true);
    expect(isForSearchEngines('/en/operator/', ['en'])).toBe(false);
  });
});

describe('a page’s other languages', () => {
  it('names each locale and the first as the default, on the origin', () => {
    expect(languageAlternates('https://finder.example.org', locales, 'find/')).toEqual([
      { hreflang: 'en-GB', href: 'https://finder.example.org/en-GB/find/' },
      { hreflang: 'pl', href: 'https://finder.example.org/pl/find/' },
      { hreflang: 'zh-Hant', href: 'https://finder.example.org/zh-Hant/find/' },
      { hreflang: 'x-default', href: 'https://finder.example.org/en-GB/find/' },
    ]);
  });

  it('adds the same default to a sitemap entry’s languages', () => {
    const links = [
      { url: 'https://x.org/en-GB/', lang: 'en-GB' },
      { url: 'https://x.org/pl/', lang: 'pl' },
    ];
    expect(withDefaultLanguage(links, 'en-GB')).toEqual([
      ...links,
      { url: 'https://x.org/en-GB/', lang: 'x-default' },
    ]);
    expect(withDefaultLanguage(links.slice(1), 'en-GB')).toEqual(links.slice(1));
  });
});

describe('robots.txt', () => {
  it('lets every page be crawled and points to the sitemap on the origin', () => {
    const text = robotsTxt('https://finder.example.org');
    expect(text).toMatch(/^User-agent: \*\n/);
    expect(text).toContain('\nSitemap: https://finder.example.org/sitemap-index.xml\n');
    const refused = [...text.matchAll(/^Disallow: (.*)$/gm)].map((match) => match[1]);
    expect(refused).toEqual(['/postal-codes.json', '/postal-codes/', '/*/search-index.json']);
    // A page left out of the sitemap says noindex, which a crawler must be let in to read.
    expect(refused.some((path) => path!.endsWith('/operator/') || path!.includes('/p/'))).toBe(
      false,
    );
  });
});
