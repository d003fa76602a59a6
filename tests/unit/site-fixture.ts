import { siteSchema, type Site } from '../../src/schemas/site.ts';

/**
 * A small deployment for unit tests: the fields every site needs, with the test's own
 * locales, neighbourhoods and any other field laid over them.
 */
export function testSite(overrides: Record<string, unknown> = {}): Site {
  return siteSchema.parse({
    name: { en: 'Finder' },
    city: 'Boston',
    origin: 'https://example.org',
    country: 'US',
    time_zone: 'America/New_York',
    locales: ['en'],
    hotline: {
      name: '311',
      local: { dial: '311', display: '311' },
      anywhere: { dial: '+16176354500', display: '617-635-4500' },
      hours: '24/7',
    },
    emergency: { dial: '911', display: '911' },
    specialists: {
      name: 'PAATHS',
      hours: 'Mo-Fr 08:00-18:00',
      hours_source: {
        title: 'Hours',
        publisher: 'City',
        url: 'https://example.org/hours',
        checked: '2026-12-01',
      },
      after_hours: { en: 'Outside these hours 311 still answers.' },
    },
    intake: { endpoint: 'http://127.0.0.1:8311/open311/v2', service_code: 'x', api_key: 'k' },
    map: {
      center: { lat: 42.33, lon: -71.08 },
      zoom: 12,
      tiles: 'https://t/{z}/{x}/{y}.png',
      attribution: 'a',
    },
    search_examples: { en: 'suboxone, detox, Roxbury' },
    listings_source: { en: 'Listings come from a public register: call before you go.' },
    neighbourhoods: {},
    ...overrides,
  });
}
