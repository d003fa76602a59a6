/**
 * Places a person names, in the Near box or among the words, on the real content: the
 * deployment's nicknames (site.yaml `aliases`), a trailing region code, towns from the postal
 * table, a ZIP alone, and places the finder does not know; then the order they ask for, nearest
 * first.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildSearchIndexFile, type FacetName } from '../../src/domain/search/documents.ts';
import { SearchEngine, type SearchResult } from '../../src/domain/search/engine.ts';
import { placeKeys } from '../../src/domain/search/places.ts';
import { postalTable } from '../../src/domain/search/postal-table.ts';
import { loadSite } from '../../src/load-site.ts';
import { providerSchema, type Provider } from '../../src/schemas/provider.ts';

const root = join(import.meta.dirname, '..', '..');
const site = loadSite(join(root, 'content', 'boston'));
const providers: Provider[] = readdirSync(join(root, 'content', 'boston', 'providers'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) =>
    providerSchema.parse(
      parse(readFileSync(join(root, 'content', 'boston', 'providers', file), 'utf8')),
    ),
  );
const byId = new Map(providers.map((provider) => [provider.id, provider]));
const taxonomy = (
  JSON.parse(readFileSync(join(root, 'src', 'i18n', 'en.json'), 'utf8')) as {
    taxonomy: Record<FacetName, Record<string, string>>;
  }
).taxonomy;
const file = buildSearchIndexFile(
  providers,
  site,
  'en',
  (facet, key) => taxonomy[facet]?.[key] ?? key,
);
const table = postalTable(site.postal_regions);
const engine = new SearchEngine(file);
engine.usePostalCodes(table);
const area = (key: string) => site.neighbourhoods[key]!;

const distances = (results: readonly SearchResult[]) =>
  results.map((result) => result.distanceKm ?? Infinity);
const nonDecreasing = (values: readonly number[]) =>
  values.every((value, index) => index === 0 || value >= values[index - 1]!);

describe('place parsing', () => {
  it('understands the nicknames the deployment lists', () => {
    expect(engine.resolvePlace('JP')?.name).toBe(area('jamaica-plain').name);
    expect(engine.resolvePlace('southie')?.name).toBe(area('south-boston').name);
    expect(engine.resolvePlace('Eastie')?.name).toBe(area('east-boston').name);
    expect(engine.resolvePlace('Rozzie')?.name).toBe(area('roslindale').name);
    expect(engine.resolvePlace('dot')?.name).toBe(area('dorchester').name);
    expect(engine.search({ text: 'methadone eastie' }).near?.name).toBe(area('east-boston').name);
  });

  it('takes off a trailing region code of the deployment', () => {
    expect(placeKeys('Dorchester, MA', ['ma'])).toEqual(['dorchester ma', 'dorchester']);
    expect(placeKeys('MA', ['ma'])).toEqual(['ma']);
    expect(engine.resolvePlace('Dorchester, MA')?.name).toBe('Dorchester');
    expect(engine.resolvePlace('roxbury ma')?.name).toBe('Roxbury');
    expect(engine.search({ text: 'detox dorchester ma' }).near?.name).toBe('Dorchester');
  });

  it('knows towns without providers from the postal table, at their own centre', () => {
    const towns = Object.keys(table).filter((key) => !/^\d{5}$/.test(key));
    expect(towns.length).toBeGreaterThan(300);
    const withProviders = new Set(providers.map((provider) => provider.address?.city));
    const quiet = towns.find((town) => !withProviders.has(town));
    expect(quiet).toBeDefined();
    expect(engine.resolvePlace(quiet!)?.name).toBe(quiet);
    // Without the table the index knows only towns with providers.
    expect(new SearchEngine(file).resolvePlace(quiet!)).toBeUndefined();
    // A neighbourhood is never replaced by a town of the same name.
    expect(engine.resolvePlace('Dorchester')).toMatchObject(area('dorchester').center);
  });

  it('reads a ZIP code typed in the main box, alone or after words', () => {
    const alone = engine.search({ text: '02124' });
    expect(alone.near?.name).toBe('02124');
    expect(alone.results.length).toBe(engine.size);
    expect(nonDecreasing(distances(alone.results))).toBe(true);
    const after = engine.search({ text: 'detox 02124' });
    expect(after.near?.name).toBe('02124');
    expect(after.results.length).toBeGreaterThan(0);
  });

  it('does not pretend to know other places, and suggests some', () => {
    for (const unknown of ['10001', 'zzzz', 'Dorchester Ave']) {
      expect(engine.resolvePlace(unknown)).toBeUndefined();
    }
    expect(engine.suggestPlaces('Dorchester Ave')[0]).toBe('Dorchester');
    expect(engine.suggestPlaces('zzzz')).toHaveLength(3);
  });
});

describe('distance ordering', () => {
  const dorchester = area('dorchester').center;

  it('detox near Dorchester: the nearest place that meets the need first, then nearer to farther', () => {
    const { results } = engine.search({ text: 'detox', near: dorchester });
    const offersStay = (result: SearchResult) => {
      const provider = byId.get(result.doc.i)!;
      return (
        provider.services.includes('detox') ||
        provider.inferred_services.some((inferred) => inferred.service === 'detox')
      );
    };
    expect(offersStay(results[0]!)).toBe(true);
    expect(results[0]!.distanceKm).toBe(Math.min(...distances(results.filter(offersStay))));
    expect(results[0]!.distanceKm).toBeLessThan(3);
    const meeting = results.filter((result) => !result.reasons.some((r) => r.field === 'narrower'));
    expect(nonDecreasing(distances(meeting))).toBe(true);
    // Near misses (outpatient detox only) come after, nearest first too.
    const misses = results.slice(meeting.length);
    expect(misses.every((result) => result.reasons.some((r) => r.field === 'narrower'))).toBe(true);
    expect(nonDecreasing(distances(misses))).toBe(true);
  });

  it('methadone near a nickname or a town is in non-decreasing distance', () => {
    for (const near of ['JP', 'Framingham', 'Dorchester, MA']) {
      const place = engine.resolvePlace(near)!;
      const { results } = engine.search({ text: 'methadone', near: place });
      expect(results.length).toBeGreaterThan(1);
      expect(nonDecreasing(distances(results))).toBe(true);
    }
    const typed = engine.search({ text: 'suboxone southie' });
    expect(nonDecreasing(distances(typed.results))).toBe(true);
  });
});
