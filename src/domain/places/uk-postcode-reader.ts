/**
 * What the finder needs to read UK postcodes, in one module it loads only for a deployment
 * with UK postcode tables (site.yaml `places.postcodes: uk-ons`), together with the outward
 * table: the rules of the postcode format and the district files' decoding are then never part
 * of the finder's first download, which every deployment shares.
 */
import type { LatLon } from '../geo.ts';
import type { Place } from '../search/types.ts';
import { normalize } from '../search/text.ts';
import { parseUkPostcode } from './uk-postcode.ts';
import { decodeOutwardPostcodes, type OutwardPostcodes } from './uk-postcode-table.ts';

/** Postal code or town → [lat, lon], as postal-codes.json serves it. */
type PostalTable = Readonly<Record<string, readonly [number, number]>>;

export interface PostcodeReader {
  /** The code `text` is as the tables key it (`DH1 3EH`, `DH1`), or undefined. */
  codeOf(text: string): string | undefined;
  /**
   * Where a code (from `codeOf`) is: a full postcode's own point once its district's file is
   * in, else its district's centre in `table`; undefined for a district the table lacks.
   */
  place(code: string, table: PostalTable): Place | undefined;
  /** The districts of the full postcodes in `text` whose files have not been added. */
  wanted(text: string): string[];
  /** A district's file, as postal-codes/<OUTWARD>.json serves it. */
  add(file: OutwardPostcodes): void;
  /**
   * Fetches the files (`url` + `DH1.json`) of the districts `text` names full postcodes of,
   * each once, found or not; undefined when there is none to fetch, else settles when all
   * have arrived or failed.
   */
  fetchDistricts(text: string, url: string): Promise<void> | undefined;
}

/**
 * The districts (outward codes) of the full UK postcodes in `text`, written with or without
 * their space (`dh1 3eh`, `DH13EH`): the district files worth loading.
 */
export function fullPostcodeDistricts(text: string): string[] {
  const words = normalize(text).split(' ').filter(Boolean);
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (const length of [2, 1]) {
      const parsed = parseUkPostcode(words.slice(i, i + length).join(' '));
      if (parsed?.kind === 'full') {
        found.add(parsed.outward);
        break;
      }
    }
  }
  return [...found];
}

/** A reader for one engine: it keeps the district files added to it. */
export function createUkPostcodeReader(): PostcodeReader {
  const districts = new Map<string, Map<string, LatLon>>();
  const requested = new Set<string>();
  const add = (file: OutwardPostcodes) => {
    districts.set(file.outward, decodeOutwardPostcodes(file));
  };
  return {
    codeOf(text) {
      const parsed = parseUkPostcode(text);
      return parsed?.kind === 'full' ? parsed.postcode : parsed?.outward;
    },
    place(code, table) {
      const [outward = code, inward] = code.split(' ');
      const point = inward ? districts.get(outward)?.get(inward) : undefined;
      if (point) return { name: code, ...point };
      const centre = Object.hasOwn(table, outward) ? table[outward] : undefined;
      return centre ? { name: outward, lat: centre[0], lon: centre[1] } : undefined;
    },
    wanted: (text) => fullPostcodeDistricts(text).filter((outward) => !districts.has(outward)),
    add,
    fetchDistricts(text, url) {
      const codes = fullPostcodeDistricts(text).filter((code) => !requested.has(code));
      if (codes.length === 0) return undefined;
      const loads = codes.map((code) => {
        requested.add(code);
        return fetch(`${url}${code}.json`)
          .then((response) =>
            response.ok ? (response.json() as Promise<OutwardPostcodes>) : undefined,
          )
          .then((file) => {
            if (file?.outward === code) add(file);
          })
          .catch(() => undefined);
      });
      return Promise.all(loads).then(() => undefined);
    },
  };
}
