/**
 * The compact form of a postcode district's full postcodes, as the phone loads it: one small
 * file per outward code, fetched only when someone types a full postcode of that district.
 * Pure: the build encodes (src/importers/uk-postcodes.ts), the finder decodes.
 *
 * Positions are whole numbers of 1/10 000 of a degree (about 11 m north–south, 7 m east–west
 * here): finer than a postcode needs. Inward codes are sorted, and each one's position is
 * written as the change from the one before (the first from the district's centre), because
 * neighbouring postcodes are close together and small numbers compress well:
 *
 *     "1AA+12-34,1AB+3+5,1AD-140+0"
 */
import type { LatLon } from '../geo.ts';
import type { UkPostcode } from './uk-postcode.ts';

/** One district's file: its centre and its postcodes, delta-encoded as above. */
export interface OutwardPostcodes {
  outward: string;
  /** The mean position of the district's postcodes, [lat, lon], 4 decimals. */
  centre: [number, number];
  postcodes: string;
}

const SCALE = 1e4;

/** A coordinate as the table stores it: rounded to 4 decimals. */
export function roundTo4(degrees: number): number {
  return Math.round(degrees * SCALE) / SCALE;
}

/** Encode a district's postcodes: `points` maps each inward code to its position. */
export function encodeOutwardPostcodes(
  outward: string,
  centre: [number, number],
  points: ReadonlyMap<string, LatLon>,
): OutwardPostcodes {
  let lat = Math.round(centre[0] * SCALE);
  let lon = Math.round(centre[1] * SCALE);
  const parts: string[] = [];
  for (const inward of [...points.keys()].sort()) {
    const point = points.get(inward)!;
    const nextLat = Math.round(point.lat * SCALE);
    const nextLon = Math.round(point.lon * SCALE);
    parts.push(`${inward}${signed(nextLat - lat)}${signed(nextLon - lon)}`);
    lat = nextLat;
    lon = nextLon;
  }
  return { outward, centre, postcodes: parts.join(',') };
}

function signed(n: number): string {
  return n < 0 ? String(n) : `+${n}`;
}

const ENTRY = /^(\d[A-Z]{2})([+-]\d+)([+-]\d+)$/;

/** Decode a district's file into inward code → position; malformed entries are skipped. */
export function decodeOutwardPostcodes(table: OutwardPostcodes): Map<string, LatLon> {
  const points = new Map<string, LatLon>();
  let lat = Math.round(table.centre[0] * SCALE);
  let lon = Math.round(table.centre[1] * SCALE);
  for (const entry of table.postcodes ? table.postcodes.split(',') : []) {
    const match = ENTRY.exec(entry);
    if (!match) continue;
    lat += Number(match[2]);
    lon += Number(match[3]);
    points.set(match[1]!, { lat: lat / SCALE, lon: lon / SCALE });
  }
  return points;
}

/** The position of one inward code in a district's file, without decoding all of it. */
export function findInward(table: OutwardPostcodes, inward: string): LatLon | undefined {
  return decodeOutwardPostcodes(table).get(inward.toUpperCase());
}

/** Where typed text places someone, and how precisely. */
export interface UkPostcodePlace extends LatLon {
  /** The code as written back to the person (`DH1 3EH`, `DH1`). */
  label: string;
  /** `postcode` from the postcode's own point; `district` from its district's centre. */
  precision: 'postcode' | 'district';
}

/**
 * The point for a parsed postcode: a full postcode's own point when its district's file is at
 * hand and names it, else the district's centre (an outward code, or a full postcode whose
 * file is not loaded yet or does not know it); undefined for a district the table lacks.
 */
export function placeUkPostcode(
  parsed: UkPostcode,
  outward: Readonly<Record<string, readonly [number, number]>>,
  district?: OutwardPostcodes,
): UkPostcodePlace | undefined {
  if (parsed.kind === 'full' && district?.outward === parsed.outward) {
    const point = findInward(district, parsed.inward);
    if (point) return { ...point, label: parsed.postcode, precision: 'postcode' };
  }
  const centre = outward[parsed.outward];
  if (!centre) return undefined;
  return { lat: centre[0], lon: centre[1], label: parsed.outward, precision: 'district' };
}
