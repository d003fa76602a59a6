import { buildSearchIndexFile } from '../../src/domain/search/documents.ts';
import { providerSchema, type ProviderInput } from '../../src/schemas/provider.ts';
import { testSite } from './site-fixture.ts';
import { facetLabels } from '../../src/i18n/index.ts';

/** A small deployment for views and cards: every kind of fact a card can show. */
export const site = testSite({
  locales: ['en', 'ar'],
  neighbourhoods: {
    roxbury: { name: 'Roxbury', center: { lat: 42.3152, lon: -71.0914 } },
    boston: { name: 'Boston', center: { lat: 42.36, lon: -71.06 } },
  },
});

const address = (city: string) => ({
  street: '1 Main Street',
  city,
  region: 'MA',
  postal_code: '02119',
  country: 'US',
});

export const providers = (
  [
    {
      id: 'roxbury-bupe',
      name: 'Dudley Health Center',
      services: ['outpatient', 'medication'],
      medications: ['naloxone', 'buprenorphine'],
      inferred_services: [{ service: 'outpatient', from: 'name says "Health"' }],
      address: address('Boston'),
      neighbourhood: 'roxbury',
      geo: { lat: 42.315234567, lon: -71.091456789 },
      phones: [
        { number: '+16175550100', kind: 'fax' },
        { number: '+16175550101', extension: '12', label: 'Intake' },
      ],
      hours: 'Mo-Fr 09:00-17:00',
    },
    {
      id: 'lynn-recovery-home',
      name: 'Lynn Recovery Home',
      inferred_services: [{ service: 'sober-housing', from: 'name says "Recovery Home"' }],
      address: address('Lynn'),
    },
    {
      // A neighbourhood that is also the town's name adds nothing to the address.
      id: 'downtown-detox',
      name: 'Downtown Detox',
      services: ['detox'],
      address: address('Boston'),
      neighbourhood: 'boston',
      phones: [{ number: '+16175550102' }],
    },
    { id: 'phone-only', name: 'Help by Phone', phones: [{ number: '+16175550103', kind: 'text' }] },
  ] satisfies Array<Omit<ProviderInput, 'sources'>>
).map((p) => providerSchema.parse({ ...p, sources: [{ name: 'Test', retrieved: '2024-12-01' }] }));

export function indexFile(locale: string) {
  const label = facetLabels(locale);
  return buildSearchIndexFile(providers, site, locale, (facet, key) =>
    facet === 'service' || facet === 'medication' ? label(facet, key) : key,
  );
}
