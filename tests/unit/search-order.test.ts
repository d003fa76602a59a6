/**
 * Without a place, a search lists the deployment's own neighbourhoods before places far away:
 * the index is in browsing order, as the site builds it, and that order breaks the last ties.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareForBrowsing } from '../../src/domain/browse.ts';
import { buildSearchIndexFile, type FacetName } from '../../src/domain/search/documents.ts';
import { SearchEngine } from '../../src/domain/search/engine.ts';
import { loadSite } from '../../src/load-site.ts';
import { providerSchema } from '../../src/schemas/provider.ts';

const root = join(import.meta.dirname, '..', '..');
const site = loadSite(join(root, 'content'));
const providers = readdirSync(join(root, 'content', 'providers'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) =>
    providerSchema.parse(parse(readFileSync(join(root, 'content', 'providers', name), 'utf8'))),
  )
  .sort(compareForBrowsing(site));

describe.each(['en', 'es'])('a search with no place, in %s', (locale) => {
  const taxonomy = (
    JSON.parse(readFileSync(join(root, 'src', 'i18n', `${locale}.json`), 'utf8')) as {
      taxonomy: Record<FacetName, Record<string, string>>;
    }
  ).taxonomy;
  const engine = new SearchEngine(
    buildSearchIndexFile(providers, site, locale, (facet, key) => taxonomy[facet]?.[key] ?? key),
  );

  it.each(locale === 'en' ? ['heroin', 'methadone', 'drinking'] : ['heroína', 'metadona'])(
    '"%s" shows places in the city first',
    (query) => {
      const top = engine.search({ text: query }).results.slice(0, 5);
      expect(top.length).toBe(5);
      for (const result of top) expect(result.doc.a, result.doc.n).toBeDefined();
    },
  );
});
