import { describe, expect, it } from 'vitest';
import { buildSearchIndexFile, toSearchDocument } from '../../src/domain/search/documents.ts';
import { SearchEngine } from '../../src/domain/search/engine.ts';
import { providerSchema, type ProviderInput } from '../../src/schemas/provider.ts';
import { testSite } from './site-fixture.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };
import es from '../../src/i18n/es.json' with { type: 'json' };

const site = testSite({
  locales: ['en', 'es'],
  payment_names: { medicaid: 'MassHealth' },
  neighbourhoods: {
    roxbury: { name: 'Roxbury', center: { lat: 42.3152, lon: -71.0914 } },
    'jamaica-plain': { name: 'Jamaica Plain', center: { lat: 42.3097, lon: -71.1151 } },
  },
});

const source = [{ name: 'Test', retrieved: '2024-12-01' }];
const at = (lat: number, lon: number) => ({ lat, lon });
const address = (city: string) => ({
  street: '1 Main Street',
  city,
  region: 'MA',
  postal_code: '02119',
  country: 'US',
});

const providers = (
  [
    {
      id: 'south-end-methadone',
      name: 'South End Methadone Clinic',
      services: ['medication'],
      medications: ['methadone'],
      address: address('Boston'),
      geo: at(42.3388, -71.0765),
      payment: ['medicaid'],
    },
    {
      id: 'roxbury-bupe',
      name: 'Dudley Health Center',
      services: ['medication', 'outpatient'],
      medications: ['buprenorphine'],
      address: address('Boston'),
      neighbourhood: 'roxbury',
      geo: at(42.3152, -71.0914),
      languages: ['es', 'ht'],
      hours: 'Mo-Fr 09:00-17:00',
    },
    {
      id: 'worcester-detox',
      name: 'Worcester Detox Center',
      services: ['detox'],
      address: address('Worcester'),
      geo: at(42.2626, -71.8023),
      walk_in: true,
      hours: '24/7',
    },
    {
      id: 'quincy-detox',
      name: 'Harbor Clinical Stabilization',
      services: ['detox', 'residential'],
      address: address('Quincy'),
      geo: at(42.2529, -71.0023),
      availability: { status: 'openings' },
    },
    {
      id: 'lynn-sober',
      name: 'Lynn Recovery Home',
      inferred_services: [{ service: 'sober-housing', from: 'name says "Recovery Home"' }],
      address: address('Lynn'),
      geo: at(42.4668, -70.9495),
    },
    {
      id: 'night-owl',
      name: 'Night Owl Outreach',
      services: ['harm-reduction'],
      medications: ['naloxone'],
      address: address('Boston'),
      geo: at(42.35, -71.06),
      hours: 'Fr-Sa 22:00-04:00',
    },
  ] satisfies Array<Omit<ProviderInput, 'sources'>>
).map((p) => providerSchema.parse({ ...p, sources: source }));

type Strings = Pick<typeof en, 'taxonomy'>;
const labeller = (strings: Strings) => (facet: string, key: string) =>
  (strings.taxonomy as Record<string, Record<string, string>>)[facet]![key]!;
const engine = new SearchEngine(buildSearchIndexFile(providers, site, 'en', labeller(en)));
const engineEs = new SearchEngine(buildSearchIndexFile(providers, site, 'es', labeller(es)));
const ids = (outcome: { results: Array<{ doc: { i: string } }> }) =>
  outcome.results.map((r) => r.doc.i);
// A Wednesday at noon in Boston (17:00 UTC in winter).
const wednesdayNoon = new Date('2026-01-14T17:00:00Z');

describe('free text', () => {
  it('finds a place by a word of its name', () => {
    expect(ids(engine.search({ text: 'dudley' }))).toEqual(['roxbury-bupe']);
  });

  it('tolerates a typo and puts the right place first', () => {
    const outcome = engine.search({ text: 'worcestr detx' });
    expect(ids(outcome)[0]).toBe('worcester-detox');
    expect(outcome.results[0]!.reasons.some((r) => r.kind === 'fuzzy')).toBe(true);
  });

  it('matches the word being typed as a prefix', () => {
    expect(ids(engine.search({ text: 'methad' }))).toEqual(['south-end-methadone']);
  });

  it('maps brand and street names through synonyms, and says so', () => {
    const outcome = engine.search({ text: 'suboxone' });
    expect(ids(outcome)).toEqual(['roxbury-bupe']);
    expect(outcome.results[0]!.reasons[0]).toMatchObject({
      typed: 'suboxone',
      term: 'med:buprenorphine',
      synonym: true,
    });
    expect(ids(engine.search({ text: 'narcan' }))).toEqual(['night-owl']);
    expect(ids(engine.search({ text: 'rehab' }))).toEqual(['quincy-detox']);
  });

  it('finds places by the service they list even when the name does not say it', () => {
    expect(ids(engine.search({ text: 'detox' })).sort()).toEqual([
      'quincy-detox',
      'worcester-detox',
    ]);
  });

  it('uses Spanish labels and synonyms on Spanish pages', () => {
    expect(ids(engineEs.search({ text: 'desintoxicación' })).sort()).toEqual([
      'quincy-detox',
      'worcester-detox',
    ]);
    expect(ids(engineEs.search({ text: 'metadona' }))).toEqual(['south-end-methadone']);
  });

  it('treats a phrase synonym as one term', () => {
    const outcome = engine.search({ text: '12 step' });
    expect(outcome.results).toEqual([]);
    expect(outcome.unmatched).toEqual([]);
  });

  it('reports a word that matches nothing and keeps the rest of the search', () => {
    const outcome = engine.search({ text: 'detox xyzzyq' });
    expect(outcome.unmatched).toEqual(['xyzzyq']);
    expect(outcome.results).toHaveLength(2);
  });

  it('shows nothing, not everything, when no word matches', () => {
    expect(engine.search({ text: 'xyzzyq' }).results).toEqual([]);
  });

  it('sorts by distance from a neighbourhood named in the text', () => {
    const outcome = engine.search({ text: 'detox roxbury' });
    expect(outcome.near?.name).toBe('Roxbury');
    expect(ids(outcome)).toEqual(['quincy-detox', 'worcester-detox']);
    expect(outcome.results[0]!.distanceKm).toBeGreaterThan(0);
  });
});

describe('filters', () => {
  it('service, with places whose name only suggests it after those that list it', () => {
    const outcome = engine.search({ filters: { service: ['sober-housing'] } });
    expect(ids(outcome)).toEqual(['lynn-sober']);
    expect(outcome.results[0]!.inferredOnly).toBe(true);
  });

  it('medication', () => {
    expect(
      ids(engine.search({ filters: { medication: ['methadone', 'buprenorphine'] } })).sort(),
    ).toEqual(['roxbury-bupe', 'south-end-methadone']);
  });

  it('payment, by key (MassHealth is Medicaid)', () => {
    expect(ids(engine.search({ filters: { payment: ['medicaid'] } }))).toEqual([
      'south-end-methadone',
    ]);
    expect(ids(engine.search({ text: 'masshealth' }))).toEqual(['south-end-methadone']);
  });

  it('language spoken by staff, including regional variants', () => {
    expect(ids(engine.search({ languages: ['ht'] }))).toEqual(['roxbury-bupe']);
  });

  it('walk-in and reported openings', () => {
    expect(ids(engine.search({ walkIn: true }))).toEqual(['worcester-detox']);
    expect(ids(engine.search({ openings: true }))).toEqual(['quincy-detox']);
  });

  it('several facets together narrow the list', () => {
    expect(
      ids(engine.search({ filters: { service: ['detox'], setting: [] }, walkIn: true })),
    ).toEqual(['worcester-detox']);
    expect(
      ids(engine.search({ filters: { service: ['detox'], medication: ['methadone'] } })),
    ).toEqual([]);
  });
});

describe('open now, in the deployment time zone', () => {
  it('on a weekday at noon: the weekday clinic and the 24/7 detox', () => {
    expect(ids(engine.search({ openNow: true }, wednesdayNoon)).sort()).toEqual([
      'roxbury-bupe',
      'worcester-detox',
    ]);
  });

  it('after midnight on Saturday morning the overnight service is still open', () => {
    // Saturday 02:30 in Boston = 07:30 UTC in winter.
    const saturdayNight = new Date('2026-01-17T07:30:00Z');
    expect(ids(engine.search({ openNow: true }, saturdayNight)).sort()).toEqual([
      'night-owl',
      'worcester-detox',
    ]);
  });

  it('marks results open or not only where hours are known', () => {
    const results = engine.search({}, wednesdayNoon).results;
    expect(results.find((r) => r.doc.i === 'roxbury-bupe')?.openNow).toBe(true);
    expect(results.find((r) => r.doc.i === 'night-owl')?.openNow).toBe(false);
    expect(results.find((r) => r.doc.i === 'quincy-detox')?.openNow).toBeUndefined();
  });
});

describe('distance', () => {
  const roxbury = { lat: 42.3152, lon: -71.0914 };

  it('sorts by distance and reports it', () => {
    const results = engine.search({ near: roxbury }).results;
    expect(results[0]!.doc.i).toBe('roxbury-bupe');
    expect(results[0]!.distanceKm).toBeCloseTo(0, 3);
    const distances = results.map((r) => r.distanceKm ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('keeps only places within a radius', () => {
    expect(ids(engine.search({ near: roxbury, withinKm: 5 })).sort()).toEqual([
      'night-owl',
      'roxbury-bupe',
      'south-end-methadone',
    ]);
  });

  it('text relevance comes before distance', () => {
    const results = engine.search({
      text: 'methadone',
      near: { lat: 42.2626, lon: -71.8023 },
    }).results;
    expect(results[0]!.doc.i).toBe('south-end-methadone');
  });
});

describe('documents', () => {
  it('are compact: unknown fields are left out', () => {
    const doc = toSearchDocument(providers[4]!, site.country);
    expect(Object.keys(doc).sort()).toEqual(['c', 'f', 'g', 'i', 'k', 'n', 's']);
  });
});

describe('places typed by a person', () => {
  it('a ZIP code in the text sorts by distance from it once the ZIP table is loaded', () => {
    const local = new SearchEngine(buildSearchIndexFile(providers, site, 'en', labeller(en)));
    expect(local.resolvePlace('02169')).toBeUndefined();
    local.usePostalCodes({ '02169': [42.2529, -71.0023] });
    const outcome = local.search({ text: 'detox near 02169' });
    expect(outcome.near).toEqual({ name: '02169', lat: 42.2529, lon: -71.0023 });
    expect(outcome.unmatched).toEqual([]);
    expect(ids(outcome)).toEqual(['quincy-detox', 'worcester-detox']);
  });

  it('resolves neighbourhoods and towns by name, accents and case aside', () => {
    expect(engine.resolvePlace('JAMAICA plain')?.name).toBe('Jamaica Plain');
    expect(engine.resolvePlace('worcester')?.lat).toBeCloseTo(42.2626, 3);
    expect(engine.resolvePlace('Atlantis')).toBeUndefined();
  });
});

describe('Chinese, written without spaces', () => {
  const zhProviders = [
    providerSchema.parse({
      id: 'zh-1',
      name: '华人社区美沙酮诊所',
      services: ['medication'],
      medications: ['methadone'],
      sources: source,
    }),
    providerSchema.parse({
      id: 'zh-2',
      name: '波士顿戒毒中心',
      services: ['detox'],
      sources: source,
    }),
  ];
  const zhNames: Record<string, string> = {
    'medication:methadone': '美沙酮',
    'service:detox': '脱毒（戒断管理）',
  };
  const zhLabels = (facet: string, key: string) => zhNames[`${facet}:${key}`] ?? key;
  const zh = new SearchEngine(buildSearchIndexFile(zhProviders, site, 'zh-Hans', zhLabels));

  it('finds a word inside a name', () => {
    expect(ids(zh.search({ text: '美沙酮' }))).toEqual(['zh-1']);
    expect(ids(zh.search({ text: '戒毒' }))).toEqual(['zh-2']);
  });

  it('finds a place by a translated service label', () => {
    expect(ids(zh.search({ text: '脱毒' }))).toEqual(['zh-2']);
  });
});
