import type { SearchIndexFile } from './documents.ts';
import { normalize } from './text.ts';
import type { Place } from './types.ts';
import type { PostcodeReader } from '../places/uk-postcode-reader.ts';

/**
 * Postal code or town → [lat, lon] of its centre (postal-codes.json), loaded only when a code or
 * a place the index does not name is typed. Keys that are postal codes (see `postalCodeOf`) are
 * codes, the rest towns.
 */
export type PostalCodes = Readonly<Record<string, readonly [number, number]>>;

/**
 * The postal code `text` is, as the table keys it (the pattern's first group, in capitals), or
 * undefined. With UK postcode tables (site.yaml `places.postcodes: uk-ons`), `reader` gives a
 * full postcode in its standard form (`dh13eh` → `DH1 3EH`) or an outward code (`DH1`) once it
 * has loaded with the table. Otherwise (and until then) the shape is the deployment's
 * (site.yaml `postal_code`); without one, a code is a word with a digit in it, which no town's
 * name has.
 */
export function postalCodeOf(
  text: string,
  file: Pick<SearchIndexFile, 'postal' | 'postcodes'>,
  reader?: PostcodeReader,
): string | undefined {
  if (file.postcodes === 'uk-ons' && reader) return reader.codeOf(text);
  const typed = text.trim().toUpperCase();
  if (!file.postal) return /^[A-Z0-9]*\d[A-Z0-9]*$/.test(typed) ? typed : undefined;
  const match = new RegExp(file.postal).exec(typed);
  return match ? (match[1] ?? match[0]) : undefined;
}

/**
 * The places a person can name in a query ("detox roxbury"), by normalised name: towns (the
 * centre of their providers, until the postal table gives the town's own), the deployment's
 * neighbourhoods and the other names people use for them ("southie").
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
  for (const [alias, key] of Object.entries(file.aliases ?? {})) {
    const area = file.areas[key];
    if (area && !places.has(alias))
      places.set(alias, { name: area[0], lat: area[1], lon: area[2] });
  }
  return places;
}

/**
 * Adds the postal table's towns: a town's own centre replaces the centre of its providers, but
 * never a neighbourhood or one of its other names.
 */
export function addTowns(
  places: Map<string, Place>,
  file: SearchIndexFile,
  table: PostalCodes,
  reader?: PostcodeReader,
) {
  const areaNames = new Set(Object.values(file.areas).map(([name]) => normalize(name)));
  const aliases = new Set(Object.keys(file.aliases ?? {}));
  for (const [name, [lat, lon]] of Object.entries(table)) {
    if (postalCodeOf(name, file, reader) !== undefined) continue;
    const key = normalize(name);
    if (areaNames.has(key) || aliases.has(key)) continue;
    places.set(key, { name, lat, lon });
  }
}

/**
 * The forms of a typed place to look up, most literal first: as typed, then without a trailing
 * region code of the deployment ("Dorchester, MA" → "dorchester").
 */
export function placeKeys(text: string, regions: readonly string[]): string[] {
  const key = normalize(text);
  const words = key.split(' ');
  const last = words.at(-1);
  if (words.length > 1 && last && regions.includes(last))
    return [key, words.slice(0, -1).join(' ')];
  return [key];
}

/**
 * A few neighbourhoods to offer when a place is not known: those sharing a word or the start
 * of a word with what was typed ("Dorchester Ave" → Dorchester) first, then the first listed.
 */
export function placeSuggestions(text: string, file: SearchIndexFile, count = 3): string[] {
  const typed = normalize(text).split(' ').filter(Boolean);
  const names = Object.values(file.areas).map(([name]) => name);
  const closeness = (name: string) => {
    const words = normalize(name).split(' ');
    if (typed.some((word) => words.includes(word))) return 0;
    return typed.some((word) => words.some((w) => w.slice(0, 3) === word.slice(0, 3))) ? 1 : 2;
  };
  return names
    .map((name, index) => ({ name, index, rank: closeness(name) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, count)
    .map(({ name }) => name);
}
