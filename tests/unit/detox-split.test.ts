/**
 * Detox is two services: withdrawal management with a stay and medical care (`detox`) and
 * outpatient or medication-supported detox (`detox-outpatient`). These tests hold the split
 * from the SAMHSA codes through labels and the Detox path to what a search for "detox" shows
 * first, on the real Massachusetts content.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pathRank } from '../../src/domain/browse.ts';
import { buildSearchIndexFile, type FacetName } from '../../src/domain/search/documents.ts';
import { SearchEngine, type SearchResult } from '../../src/domain/search/engine.ts';
import {
  importSamhsa,
  inferServicesFromName,
  mapKeys,
  type SourceFile,
} from '../../src/importers/samhsa.ts';
import { loadSite } from '../../src/load-site.ts';
import { providerSchema, type Provider } from '../../src/schemas/provider.ts';
import { SERVICE_KEYS } from '../../src/schemas/taxonomy.ts';

const root = join(import.meta.dirname, '..', '..');
const site = loadSite(join(root, 'content', 'boston'));

type Messages = { taxonomy: Record<FacetName, Record<string, string>> };
const messages = (locale: string) =>
  JSON.parse(readFileSync(join(root, 'src', 'i18n', `${locale}.json`), 'utf8')) as Messages;

describe('SAMHSA detox codes', () => {
  it('maps hospital and residential detox to detox with a stay', () => {
    expect(mapKeys('HID/')).toMatchObject({ services: ['detox'], settings: ['hospital'] });
    expect(mapKeys('RD/')).toMatchObject({ services: ['detox'], settings: [] });
  });

  it('maps outpatient, methadone and buprenorphine detox to the outpatient kind', () => {
    expect(mapKeys('OD/')).toMatchObject({
      services: ['detox-outpatient'],
      settings: ['outpatient'],
    });
    expect(mapKeys('DM/')).toMatchObject({
      services: ['medication', 'detox-outpatient'],
      medications: ['methadone'],
    });
    expect(mapKeys('DB/')).toMatchObject({
      services: ['medication', 'detox-outpatient'],
      medications: ['buprenorphine'],
    });
  });

  it('reads DT ("detoxification") alone as neither kind, rather than guess', () => {
    expect(mapKeys('SA/DT/').services).toEqual([]);
    expect(mapKeys('DT/HID/OD/').services).toEqual(['detox', 'detox-outpatient']);
  });

  it('maps every detoxification code of the 2017 directory to one kind', () => {
    const codes = JSON.parse(
      readFileSync(join(root, 'content/boston/sources/samhsa/service-codes.json'), 'utf8'),
    ) as Record<string, unknown>;
    const detoxCodes = Object.values(codes).flatMap((group) =>
      typeof group === 'object' && group !== null
        ? Object.entries(group as Record<string, string>)
            .filter(([code, meaning]) => /detoxification/i.test(meaning) && code !== 'DT')
            .map(([code]) => code)
        : [],
    );
    expect(detoxCodes.sort()).toEqual(['DB', 'DM', 'HID', 'OD', 'RD']);
    for (const code of detoxCodes) {
      const services = mapKeys(code).services.filter((s) => s.startsWith('detox'));
      expect(services, code).toHaveLength(1);
    }
  });
});

describe('the importer on the fixtures', () => {
  const fixtures = join(root, 'tests/fixtures/samhsa');
  const files: SourceFile[] = [
    'treatment-locator.csv',
    'methadone-directory-2017.csv',
    'otp-directory.csv',
  ].map((name) => ({ name, text: readFileSync(join(fixtures, name), 'utf8') }));
  const { providers } = importSamhsa(files, {});
  const named = (start: string) => {
    const found = providers.filter((p) => p.name.startsWith(start));
    expect(found, start).toHaveLength(1);
    return found[0]!;
  };

  it('gives a hospital with inpatient detox both kinds (it also tapers methadone)', () => {
    expect(named('Bournewood Hospital').services).toEqual(
      expect.arrayContaining(['detox', 'detox-outpatient', 'hospital-inpatient']),
    );
  });

  it('gives a residential detox the detox with a stay', () => {
    expect(named('Mens Addiction Treatment Center').services).toContain('detox');
  });

  it('gives methadone clinics only the outpatient or medication-supported kind', () => {
    for (const clinic of [
      named('Bay Cove Human Services'),
      ...providers.filter((p) => p.name === 'Habit OPCO'),
    ]) {
      expect(clinic.services, clinic.id).toContain('detox-outpatient');
      expect(clinic.services, clinic.id).not.toContain('detox');
    }
  });

  it('leaves a locator listing that says nothing as it was', () => {
    const impact = named('IMPACT');
    expect(impact.services).toEqual([]);
    expect(impact.inferred_services).toBeUndefined();
  });
});

describe('services stated by a name', () => {
  it('reads "Detox" as the detox with a stay, and "Outpatient Detox" as the outpatient kind', () => {
    expect(inferServicesFromName('Washburn House Detox')).toEqual([
      { service: 'detox', from: 'name says "Detox"' },
    ]);
    expect(inferServicesFromName('Ambulatory Detoxification Clinic')).toEqual([
      { service: 'detox-outpatient', from: 'name says "Ambulatory Detoxification"' },
    ]);
  });

  it('infers a kind a source does not list, even beside the other kind', () => {
    // A detox unit that tapers with buprenorphine (DB) is still a stay (NERC Detox Services).
    expect(inferServicesFromName('NERC Detox Services', ['detox-outpatient'])).toEqual([
      { service: 'detox', from: 'name says "Detox"' },
    ]);
    expect(inferServicesFromName('Sunrise Detox', ['detox'])).toEqual([]);
  });
});

describe('labels', () => {
  it('names both kinds, differently, in every locale', () => {
    for (const locale of site.locales) {
      const service = messages(locale).taxonomy.service;
      expect(
        SERVICE_KEYS.filter((key) => !service[key]?.trim()),
        locale,
      ).toEqual([]);
      expect(service.detox, locale).not.toBe(service['detox-outpatient']);
    }
    const en = messages('en').taxonomy.service;
    expect(en.detox).toBe('Detox: a stay with medical care (withdrawal management)');
    expect(en['detox-outpatient']).toBe('Outpatient or medication-supported detox');
  });
});

// The real Massachusetts content, as the site indexes it.
const realProviders: Provider[] = readdirSync(join(root, 'content', 'boston', 'providers'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) =>
    providerSchema.parse(
      parse(readFileSync(join(root, 'content', 'boston', 'providers', file), 'utf8')),
    ),
  );
const offers = (provider: Provider, service: string) =>
  provider.services.some((s) => s === service) ||
  provider.inferred_services.some((i) => i.service === service);

describe('the Detox path', () => {
  const paths = readdirSync(join(root, 'content', 'boston', 'paths'));

  it('lists detox with a stay first, then the outpatient kind, in every locale', () => {
    expect(paths.sort()).toEqual([...site.locales].sort());
    for (const locale of paths) {
      const text = readFileSync(
        join(root, 'content', 'boston', 'paths', locale, 'detox.md'),
        'utf8',
      );
      const front = parse(text.split(/^---$/m)[1]!) as { services: string[] };
      expect(front.services, locale).toEqual(['detox', 'detox-outpatient']);
    }
  });

  it('puts every place with a stay, listed or inferred, before the outpatient kind', () => {
    const path = { services: ['detox', 'detox-outpatient'] as const, medications: [] };
    const ranked = realProviders
      .map((provider) => ({ provider, rank: pathRank(provider, path) }))
      .filter((item) => item.rank !== null)
      .sort((a, b) => a.rank! - b.rank!);
    const firstOutpatientOnly = ranked.findIndex((item) => !offers(item.provider, 'detox'));
    expect(firstOutpatientOnly).toBeGreaterThan(0);
    expect(ranked.slice(firstOutpatientOnly).every((item) => !offers(item.provider, 'detox'))).toBe(
      true,
    );
    // The listed stays come before the inferred ones.
    expect(ranked[0]!.provider.services).toContain('detox');
  });
});

describe('searching "detox" on the real content', () => {
  const engineFor = (locale: string) => {
    const taxonomy = messages(locale).taxonomy;
    return new SearchEngine(
      buildSearchIndexFile(
        realProviders,
        site,
        locale,
        (facet, key) => taxonomy[facet]?.[key] ?? key,
      ),
    );
  };
  const en = engineFor('en');
  const byId = new Map(realProviders.map((p) => [p.id, p]));
  const withStay = (result: SearchResult) => offers(byId.get(result.doc.i)!, 'detox');

  /** Every place with a stay comes before every place with only the outpatient kind. */
  const expectStaysFirst = (results: SearchResult[]) => {
    const firstWithout = results.findIndex((r) => !withStay(r));
    expect(firstWithout).toBeGreaterThan(0);
    expect(
      results
        .slice(firstWithout)
        .filter(withStay)
        .map((r) => r.doc.i),
    ).toEqual([]);
  };

  it('ranks withdrawal management with a stay above outpatient detox', () => {
    const { results } = en.search({ text: 'detox' });
    expect(results.some((r) => offers(byId.get(r.doc.i)!, 'detox-outpatient'))).toBe(true);
    expectStaysFirst(results);
  });

  it('near Dorchester, gives the nearest detox with a stay first', () => {
    const dorchester = { lat: 42.3016, lon: -71.0676 };
    const near = en.search({ text: 'detox', near: dorchester }).results;
    expect(near[0]!.doc.n).toBe('Andrew House Detoxification Center');
    expect(near[0]!.distanceKm).toBeLessThan(3);
    expectStaysFirst(near);
    // The same when the place is typed.
    const typed = en.search({ text: 'detox dorchester' });
    expect(typed.near?.name).toBe('Dorchester');
    expect(typed.results[0]!.doc.n).toBe('Andrew House Detoxification Center');
  });

  it('does the same for the words for detox in English and Spanish', () => {
    expectStaysFirst(en.search({ text: 'withdrawal' }).results);
    const es = engineFor('es');
    expectStaysFirst(es.search({ text: 'desintoxicación' }).results);
    expectStaysFirst(es.search({ text: 'abstinencia' }).results);
    expectStaysFirst(es.search({ text: 'detox' }).results);
  });

  it('in every locale, for "detox" and for the first word of the label', () => {
    for (const locale of site.locales) {
      const engine = engineFor(locale);
      const word = messages(locale).taxonomy.service.detox!.split(/[\s:：（(]/)[0]!;
      expectStaysFirst(engine.search({ text: 'detox' }).results);
      expectStaysFirst(engine.search({ text: word }).results);
    }
  });

  it('finds only the outpatient kind when that is what is asked for', () => {
    for (const text of ['outpatient detox', 'methadone detox', 'suboxone detox']) {
      const { results } = en.search({ text });
      expect(results.length, text).toBeGreaterThan(0);
      expect(
        results.filter((r) => !offers(byId.get(r.doc.i)!, 'detox-outpatient')).map((r) => r.doc.i),
        text,
      ).toEqual([]);
    }
  });
});
