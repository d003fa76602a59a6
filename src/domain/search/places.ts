import type { SearchIndexFile } from './documents.ts';
import { normalize } from './text.ts';
import type { Place } from './types.ts';

/** ZIP code → [lat, lon] of its centre (postal-codes.json), loaded only when a ZIP is typed. */
export type PostalCodes = Readonly<Record<string, readonly [number, number]>>;

/**
 * The places a person can name in a query ("detox roxbury"), by normalised name: towns (the
 * centre of their providers, since the index has no town table) and the deployment's
 * neighbourhoods.
 */
export function placesOf(file: SearchIndexFile): Map<string, Place> {
  const places = new Map<string, Place>();
  const towns = new Map<string, { name: string; lat: number; lon: number; count: number }>();
  for (const doc of file.docs) {
    if (!doc.c || !doc.g) continue;
    const key = normalize(doc.c);
    const town = towns.get(key) ?? { name: doc.c, lat: 0, lon: 0, count: 0 };
    town.lat += doc.g[0];
    town.lon += doc.g[1];
    town.count += 1;
    towns.set(key, town);
  }
  for (const [key, town] of towns) {
    places.set(key, { name: town.name, lat: town.lat / town.count, lon: town.lon / town.count });
  }
  // Neighbourhoods win over a town of the same name: the deployment named them.
  for (const [name, lat, lon] of Object.values(file.areas))
    places.set(normalize(name), { name, lat, lon });
  return places;
}
