/**
 * The ONS postcode files -> the tables the finder loads: every outward code's centre (the
 * mean position of its postcodes, in the same `code -> [lat, lon]` shape as the US postal
 * table) and, per outward code, its full postcodes in the compact form of
 * src/domain/places/uk-postcode-table.ts. Pure: the caller hands in CSV text; the build (or
 * `npm run import:uk-postcodes`, which measures and can write them) decides where they go.
 *
 * The files hold `Postcode,lat,long`; a postcode with a four-character outward code has no
 * space in some rows (`TS101AA`), and a few hundred rows have no position (an empty latitude
 * and a longitude of 0): those are left out and counted.
 */
import { parse } from 'csv-parse/sync';
import type { LatLon } from '../domain/geo.ts';
import {
  encodeOutwardPostcodes,
  roundTo4,
  type OutwardPostcodes,
} from '../domain/places/uk-postcode-table.ts';
import { compareOutwardCodes, parseUkPostcode } from '../domain/places/uk-postcode.ts';
import type { RowNote, SourceFile } from './pipeline/types.ts';

export interface OnsPostcode extends LatLon {
  /** Written the standard way, `TS10 1AA`. */
  postcode: string;
  outward: string;
  inward: string;
}

export interface OnsReadResult {
  postcodes: OnsPostcode[];
  /** Rows left out: no position, or not a postcode. */
  skipped: RowNote[];
}

/** Generous box around Great Britain and Northern Ireland: a position outside is an error. */
const UK_BOX = { south: 49.8, north: 60.9, west: -8.7, east: 1.8 };

/** Read ONS `Postcode,lat,long` files; a postcode named twice keeps its first row. */
export function readOnsPostcodes(files: readonly SourceFile[]): OnsReadResult {
  const postcodes: OnsPostcode[] = [];
  const skipped: RowNote[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const parsed: unknown = parse(file.text, {
      bom: true,
      columns: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
    // With `columns` and `info` every record comes as { record: { column: value }, info }.
    const rows = parsed as Array<{ record: Record<string, string>; info: { lines: number } }>;
    for (const { record, info } of rows) {
      const note = (reason: string) => skipped.push({ file: file.name, line: info.lines, reason });
      const parsed = parseUkPostcode(record.Postcode ?? '');
      if (parsed?.kind !== 'full') {
        note(`not a full postcode ("${record.Postcode ?? ''}")`);
        continue;
      }
      const lat = Number(record.lat);
      const lon = Number(record.long);
      if (!record.lat || !record.long || !Number.isFinite(lat) || !Number.isFinite(lon)) {
        note(`${parsed.postcode}: no position`);
        continue;
      }
      if (lat < UK_BOX.south || lat > UK_BOX.north || lon < UK_BOX.west || lon > UK_BOX.east) {
        note(`${parsed.postcode}: position ${lat}, ${lon} is outside the UK`);
        continue;
      }
      if (seen.has(parsed.postcode)) {
        note(`${parsed.postcode}: named again, first row kept`);
        continue;
      }
      seen.add(parsed.postcode);
      postcodes.push({ ...parsed, lat, lon });
    }
  }
  return { postcodes, skipped };
}

/** Postcodes grouped by outward code, the codes in reading order (DH1, DH2 … DH10). */
export function byOutward(postcodes: readonly OnsPostcode[]): Map<string, OnsPostcode[]> {
  const groups = new Map<string, OnsPostcode[]>();
  for (const postcode of postcodes) {
    const group = groups.get(postcode.outward);
    if (group) group.push(postcode);
    else groups.set(postcode.outward, [postcode]);
  }
  return new Map([...groups].sort(([a], [b]) => compareOutwardCodes(a, b)));
}

/** The mean position of some postcodes, rounded to 4 decimals. */
export function centroid(postcodes: readonly LatLon[]): [number, number] {
  let lat = 0;
  let lon = 0;
  for (const p of postcodes) {
    lat += p.lat;
    lon += p.lon;
  }
  return [roundTo4(lat / postcodes.length), roundTo4(lon / postcodes.length)];
}

export interface UkPostcodeTables {
  /** Outward code -> centre, [lat, lon]: the finder's first, small file. */
  outward: Record<string, [number, number]>;
  /** One compact file per outward code, loaded when a full postcode of it is typed. */
  districts: OutwardPostcodes[];
}

/**
 * Both tables, for the outward codes `keep` accepts (every one when absent). A full postcode
 * outside the kept districts is not in the tables, so it is "not found" on the phone.
 */
export function ukPostcodeTables(
  postcodes: readonly OnsPostcode[],
  keep: (outward: string) => boolean = () => true,
): UkPostcodeTables {
  const outward: Record<string, [number, number]> = {};
  const districts: OutwardPostcodes[] = [];
  for (const [code, group] of byOutward(postcodes)) {
    if (!keep(code)) continue;
    const centre = centroid(group);
    outward[code] = centre;
    const points = new Map(group.map((p) => [p.inward, { lat: p.lat, lon: p.lon }]));
    districts.push(encodeOutwardPostcodes(code, centre, points));
  }
  return { outward, districts };
}

/** Postcode -> position, for importers that place venues by their postcode. */
export function postcodeIndex(postcodes: readonly OnsPostcode[]): Map<string, LatLon> {
  return new Map(postcodes.map((p) => [p.postcode, { lat: p.lat, lon: p.lon }]));
}
