import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Pagination } from '../../src/components/Pagination.tsx';
import { ProviderCard } from '../../src/components/ProviderCard.tsx';
import { ProviderList } from '../../src/components/ProviderList.tsx';
import { deploymentLine } from '../../src/domain/reach.ts';
import { documentView } from '../../src/domain/search/documents.ts';
import { SearchEngine } from '../../src/domain/search/engine.ts';
import { resultViewOf } from '../../src/domain/search/result-view.ts';
import { finderOptions } from '../../src/finder-options.ts';
import { facetLabels, plainTranslations } from '../../src/i18n/index.ts';
import { islandMessages } from '../../src/i18n/island-messages.ts';
import { FINDER_KEYS } from '../../src/islands/finder-keys.ts';
import { translator } from '../../src/islands/format.ts';
import { indexFile, providers, site } from './result-view-helpers.ts';

/** What an island has: the strings and facet names it was given as props, nothing more. */
function islandKit(locale: string) {
  const { facets } = finderOptions(locale, providers);
  const strings = islandMessages(locale, FINDER_KEYS);
  const names = Object.fromEntries(
    facets.map((facet) => [
      facet.name,
      Object.fromEntries(facet.options.map((o) => [o.key, o.label])),
    ]),
  );
  return {
    t: translator(strings, locale),
    label: (facet: 'service' | 'medication', key: string) => names[facet]?.[key] ?? key,
    line: deploymentLine(site),
  };
}

describe.each(['en', 'ar'])('the result card in %s', (locale) => {
  const file = indexFile(locale);
  const engine = new SearchEngine(file);
  const island = islandKit(locale);
  const page = {
    t: plainTranslations(locale),
    label: facetLabels(locale),
    line: deploymentLine(site),
  };

  it.each(providers.map((p) => [p.id, p] as const))(
    '%s: the static page and the island draw the same markup',
    (id, provider) => {
      const staticHtml = renderToString(
        h(ProviderCard, { view: resultViewOf(provider, site), locale, ...page }),
      );
      const doc = file.docs.find((entry) => entry.i === id)!;
      const islandHtml = renderToString(
        h(ProviderCard, { view: documentView(doc, file.areas), locale, ...island }),
      );
      expect(islandHtml).toEqual(staticHtml);
      expect(staticHtml).toContain(`href="/${locale}/providers/${id}/"`);
    },
  );

  it('draws the same list of places both ways', () => {
    const staticHtml = renderToString(
      h(ProviderList, {
        views: providers.map((provider) => resultViewOf(provider, site)),
        start: 21,
        locale,
        ...page,
      }),
    );
    const islandHtml = renderToString(
      h(ProviderList, {
        views: file.docs.map((doc) => documentView(doc, file.areas)),
        start: 21,
        locale,
        ...island,
      }),
    );
    expect(islandHtml).toEqual(staticHtml);
    expect(staticHtml).toMatch(/^<ol class="rf-cards" start="21"><li><article /);
  });

  it('shows what the search adds: number, distance, open now, why it matched', () => {
    const [result] = engine.search(
      { text: 'suboxone', near: { lat: 42.36, lon: -71.06 } },
      new Date('2026-01-14T17:00:00Z'), // a Wednesday at noon in Boston
    ).results;
    const html = renderToString(
      h(ProviderCard, {
        view: engine.view(result!),
        locale,
        ...island,
        number: 3,
        selected: true,
        onSelect: () => undefined,
      }),
    );
    expect(html).toContain('class="rf-card rf-provider-card rf-provider-card--selected"');
    expect(html).toContain('data-result-id="roxbury-bupe"');
    expect(html).toContain('<span class="rf-provider-card__number" aria-hidden="true">3</span>');
    expect(html).toContain('class="rf-status--open"');
    expect(html).toContain(
      island.t('finder.ui.matched', {
        typed: 'suboxone',
        term: island.label('medication', 'buprenorphine'),
      }),
    );
    // The distance, and open now on the same line.
    expect(html).toMatch(/<li>[^<]*3[.,٫]\d[^<]*( · <span|<\/li>)/);
  });
});

describe('pagination', () => {
  const t = plainTranslations('en');

  it('links to the pages beside this one, as prev and next, for the static list and the finder', () => {
    const html = renderToString(
      h(Pagination, { current: 2, last: 3, t, href: (page: number) => `/en/find/${page}/` }),
    );
    expect(html).toBe(
      '<nav class="rf-pagination" aria-label="Pages">' +
        '<a class="rf-pagination__link" href="/en/find/1/" rel="prev">Previous page</a>' +
        '<span>Page 2 of 3</span>' +
        '<a class="rf-pagination__link" href="/en/find/3/" rel="next">Next page</a></nav>',
    );
  });

  it('offers buttons where the view has no address of its own', () => {
    const html = renderToString(h(Pagination, { current: 1, last: 2, t, onPage: () => undefined }));
    expect(html).toContain('<button type="button" class="rf-link-button">Next page</button>');
    expect(html).not.toContain('Previous page');
  });

  it('says nothing when everything fits on one page', () => {
    expect(renderToString(h(Pagination, { current: 1, last: 1, t }))).toBe('');
  });
});
