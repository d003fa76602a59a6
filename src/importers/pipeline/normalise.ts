/**
 * Normalise step: one adapter's `RawListing` -> a checked `Listing`, or the reason it cannot
 * be used. Every way a row can be unusable is a reason for the report, not an exception, so
 * one bad row never stops an import.
 */
import { distanceKm, type LatLon } from '../../domain/geo.ts';
import { splitStreetLine } from './streets.ts';
import { clean } from './text.ts';
import type { Listing, RawListing } from './types.ts';

/**
 * Five-digit ZIP from what the files hold: `2118` (leading zero lost in a spreadsheet),
 * `605` (two lost, Puerto Rico), `99654-8525` and `021182717` (ZIP+4, the +4 dropped).
 */
export function normalisePostalCode(zip: string): string | undefined {
  const match = /^(\d{3,5})-?(\d{4})?$/.exec(clean(zip));
  return match ? match[1]!.padStart(5, '0') : undefined;
}

interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

/**
 * Rough boxes a state's positions must fall in. Massachusetts is the deployment, so it gets
 * its own (padded a little beyond Nantucket and the New York line); for other states we only
 * check that the point is somewhere in the United States and its territories.
 */
const STATE_BOXES: Readonly<Record<string, Box>> = {
  MA: { south: 41.18, north: 42.9, west: -73.55, east: -69.85 },
};
const US_BOX: Box = { south: 17.5, north: 71.6, west: -179.2, east: -64.5 };

export function boxForState(state: string): Box {
  return STATE_BOXES[state] ?? US_BOX;
}

function inBox(lat: number, lon: number, box: Box): boolean {
  return lat >= box.south && lat <= box.north && lon >= box.west && lon <= box.east;
}

export function distanceMetres(a: LatLon, b: LatLon): number {
  return distanceKm(a, b) * 1000;
}

/** Six decimals is 11 cm: more digits (one SAMHSA file has 15) only add noise to diffs. */
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** "3230 Warning Court": a house number, words, and a street type at the end. */
const STREET_TYPES = [
  ...['avenue', 'ave', 'boulevard', 'blvd', 'circle', 'court', 'ct', 'drive', 'dr', 'highway'],
  ...['hwy', 'lane', 'ln', 'parkway', 'pkwy', 'pike', 'place', 'road', 'rd', 'route', 'street'],
  ...['st', 'way'],
];
const LOOKS_LIKE_STREET = new RegExp(
  `^\\d+[a-z]? (?:[\\w.' -]+ )?(?:${STREET_TYPES.join('|')})\\.?$`,
  'i',
);

/** A listing as checked, before the pipeline gives it its place in the import. */
export type CheckedListing = Omit<
  Listing,
  'kind' | 'source' | 'priority' | 'file' | 'line' | 'order'
>;

export type ListingOutcome =
  { ok: true; listing: CheckedListing } | { ok: false; reason: string; outsideState?: boolean };

/** Check and normalise one row; the checks run in a fixed order, so the reason is stable. */
export function checkListing(raw: RawListing, stateFilter: string | undefined): ListingOutcome {
  const state = clean(raw.state).toUpperCase();
  if (!/^[A-Z]{2}$/.test(state)) return { ok: false, reason: `no usable state ("${raw.state}")` };
  if (stateFilter && state !== stateFilter) {
    return {
      ok: false,
      reason: `state ${state} is outside --state ${stateFilter}`,
      outsideState: true,
    };
  }
  const names = raw.names.map(clean);
  const name = names[0] ?? '';
  const streetLine = clean(raw.streetLine);
  if (!name) return { ok: false, reason: 'missing name' };
  // Some source rows are shifted: the street sits in the name column, the name is lost.
  if (LOOKS_LIKE_STREET.test(name)) {
    return { ok: false, reason: `missing name (the name column holds the street "${name}")` };
  }
  if (!streetLine) return { ok: false, reason: 'missing street' };
  const city = clean(raw.city);
  if (!city) return { ok: false, reason: 'missing city' };
  const postalCode = normalisePostalCode(raw.postalCode);
  if (!postalCode) {
    return { ok: false, reason: `unreadable ZIP code ("${clean(raw.postalCode)}")` };
  }
  const position = readPosition(raw, state);
  if (typeof position === 'string') return { ok: false, reason: position };
  const { street, street2: streetRest } = splitStreetLine(streetLine);
  const street2 = [streetRest, clean(raw.street2)].filter(Boolean).join(', ');
  return {
    ok: true,
    listing: {
      names,
      street,
      ...(street2 ? { street2 } : {}),
      city,
      state,
      postalCode,
      ...(position ? { geo: position } : {}),
      ...(raw.contact ? { contact: raw.contact } : {}),
      offering: raw.offering,
      ...(clean(raw.record) ? { record: clean(raw.record) } : {}),
    },
  };
}

/**
 * The row's position, undefined when it has none, or a reason to reject the row when the
 * position contradicts the address: then we cannot tell which of the two is wrong.
 */
function readPosition(raw: RawListing, state: string): Listing['geo'] | string | undefined {
  const latText = clean(raw.latitude);
  const lonText = clean(raw.longitude);
  if (!latText && !lonText) return undefined;
  const lat = Number(latText);
  const lon = Number(lonText);
  if (!latText || !lonText || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    return `unreadable coordinates ("${latText}", "${lonText}")`;
  }
  if (!inBox(lat, lon, boxForState(state))) {
    const where = state in STATE_BOXES ? state : 'the United States';
    return `coordinates ${lat}, ${lon} are outside ${where}`;
  }
  return { lat: round6(lat), lon: round6(lon), approximate: raw.approximate };
}
