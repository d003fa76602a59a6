/**
 * Towns → a point, derived from where real places are: every record that names its town and
 * has a position (a register's pharmacies and GP practices placed by their postcodes) counts
 * once, and a town's point is the mean of its records'. No coordinate is ever typed by hand:
 * a town the records do not name is not in the table. Pure, for the build.
 */
import type { LatLon } from '../geo.ts';
import { normalize } from '../search/text.ts';

export interface TownRecord {
  /** The town as the record writes it ("Chester-le-Street", "Chester le Street"). */
  town: string;
  point: LatLon;
}

/** Rounded to about 100 m: a town's centre, not an address, and a smaller table. */
const round = (value: number) => Math.round(value * 1e3) / 1e3;

/**
 * Town name → [lat, lon]. Spellings that differ only in case, accents, hyphens or spaces are
 * one town ("Chester-le-Street" and "Chester le Street"), named by its most frequent spelling
 * (the first in sorted order on a tie, so the table does not depend on the records' order).
 * `accept` leaves out names that would read as something else (a postal code).
 */
export function townTable(
  records: Iterable<TownRecord>,
  accept: (name: string) => boolean = () => true,
): Record<string, [number, number]> {
  const towns = new Map<
    string,
    { spellings: Map<string, number>; lat: number; lon: number; count: number }
  >();
  for (const { town, point } of records) {
    const name = town.trim();
    const key = normalize(name);
    if (!key || !accept(name)) continue;
    const entry = towns.get(key) ?? { spellings: new Map(), lat: 0, lon: 0, count: 0 };
    entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
    entry.lat += point.lat;
    entry.lon += point.lon;
    entry.count += 1;
    towns.set(key, entry);
  }
  const named = [...towns.values()].map((entry) => {
    const [name] = [...entry.spellings].sort(
      ([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0),
    )[0]!;
    return [name, [round(entry.lat / entry.count), round(entry.lon / entry.count)]] as const;
  });
  named.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(named.map(([name, point]) => [name, [point[0], point[1]]]));
}

/**
 * Words that make an address line a street or a building rather than a place's name ("Front
 * Street", "Pease Way Medical Centre", "Westlea Estate"). A line naming a village stands
 * before the post town in a register's address ("Chapel Street, Willington, Crook"): the
 * villages people live in are often not post towns.
 */
const STREET_WORDS = new Set(
  (
    'street st road rd lane ln way crescent terrace avenue ave drive close place square court ' +
    'centre center estate est yard chare parade grove walk row house gardens mews precinct ' +
    'arcade wynd surgery practice pharmacy chemist chemists building buildings unit units ' +
    'industrial ind business bus enterprise retail shopping ctr prk health medical clinic ' +
    'hospital hos council shop shops'
  ).split(' '),
);

/**
 * The locality of an address, when the line just before its post town names one: no digits
 * and no street or building word after its first (St Helen Auckland is a village, St Johns
 * Square a street). Undefined when that line is a street, a building, or the town again.
 */
export function localityOf(lines: readonly string[], town: string): string | undefined {
  const line = lines.at(-1)?.trim();
  if (!line || normalize(line) === normalize(town)) return undefined;
  return isPlaceName(line) ? line : undefined;
}

/**
 * Whether a register's town or locality line reads as the name of a place: no digits, no
 * street or building word after the first, and not one word ending in "way" (Kingsway).
 * A heuristic over registers' address lines: a street name it lets through ("Cheapside") is a
 * real name at a real point, only one nobody is likely to type.
 */
export function isPlaceName(line: string): boolean {
  // Split at spaces only: in "Chester-le-Street" the street is part of the town's name.
  const words = line.split(/\s+/).map(normalize).filter(Boolean);
  if (words.length === 0 || /\d/.test(line)) return false;
  if (words.slice(1).some((word) => STREET_WORDS.has(word))) return false;
  return !(words.length === 1 && (STREET_WORDS.has(words[0]!) || words[0]!.endsWith('way')));
}
