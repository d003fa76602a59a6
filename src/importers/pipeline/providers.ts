/**
 * Build step: one provider from a cluster of listings. The first listing (in the adapter's
 * merge priority) gives name, address and position; services, phones and the rest are the
 * union of what the sources state. Keys are written in the schema's order so files are
 * stable and diff well.
 */
import type { Cluster } from './merge.ts';
import { collectPhones } from './phones.ts';
import { combineOfferings, inferServicesFromName } from './services.ts';
import type { Draft, RowNote } from './types.ts';

export interface BuildContext {
  displayName: (names: readonly string[]) => { name: string; organization?: string };
  /** When the data was collected, written on every source entry. */
  retrieved: string;
  /** Postal code -> site.yaml neighbourhood key. */
  neighbourhoods: ReadonlyMap<string, string> | undefined;
  /** Where to report what the listings held that could not be used. */
  warnings: RowNote[];
}

export function buildProvider(cluster: Cluster, context: BuildContext): Draft {
  const { listings } = cluster;
  const primary = listings[0]!;
  const { name, organization } = context.displayName(primary.names);
  const what = combineOfferings(listings.map((l) => l.offering));
  const phones = collectPhones(listings, context.warnings);
  const geo = listings.find((l) => l.geo)?.geo;
  const neighbourhood = context.neighbourhoods?.get(primary.postalCode);
  const inferred = inferServicesFromName(name, what.services);

  return {
    id: '',
    name,
    ...(organization ? { organization } : {}),
    address: {
      street: primary.street,
      ...(primary.street2 ? { street2: primary.street2 } : {}),
      city: primary.city,
      region: primary.state,
      postal_code: primary.postalCode,
      country: 'US',
    },
    ...(geo
      ? {
          geo: geo.approximate
            ? { lat: geo.lat, lon: geo.lon, precision: 'approximate' as const }
            : { lat: geo.lat, lon: geo.lon },
        }
      : {}),
    ...(neighbourhood ? { neighbourhood } : {}),
    ...(phones.length ? { phones } : {}),
    // Always written, even empty: an empty list is the source saying nothing ("call to ask").
    services: what.services,
    ...(inferred.length ? { inferred_services: inferred } : {}),
    ...(what.medications.length ? { medications: what.medications } : {}),
    ...(what.settings.length ? { settings: what.settings } : {}),
    ...(what.payment.length ? { payment: what.payment } : {}),
    ...(what.populations.length ? { populations: what.populations } : {}),
    ...(what.languages.length ? { languages: what.languages } : {}),
    sources: listings.map((listing) => ({
      name: listing.source.name,
      url: listing.source.url,
      retrieved: context.retrieved,
      vintage: listing.source.vintage,
      ...(listing.record ? { record: listing.record } : {}),
    })),
  };
}
