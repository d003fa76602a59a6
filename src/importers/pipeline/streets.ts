/**
 * Street lines: splitting the street from what is written around it, and a key under which
 * two spellings of one street compare equal. Merging and ids rest on these, so they are
 * shared by every source.
 */
import { ascii, clean } from './text.ts';

/**
 * Split a one-line address into the street and the rest ("66 Canal St., First Floor",
 * "VA Boston Healthcare System, 150 South Huntington Avenue", "365 East Street - Saunders
 * Building"). The street is the first part that starts with a house number.
 */
export function splitStreetLine(line: string): { street: string; street2?: string } {
  const parts = clean(line)
    .split(/\s*,\s*|\s+-\s+/)
    .filter((part) => part !== '');
  const at = parts.findIndex((part) => /^(?:\d|one\b)/i.test(part));
  if (at < 0) return { street: clean(line) };
  const rest = [...parts.slice(0, at), ...parts.slice(at + 1)].join(', ');
  return rest ? { street: parts[at]!, street2: rest } : { street: parts[at]! };
}

/** Street words written in full, so "77 Warren St." and "77 Warren Street" compare equal. */
const STREET_WORDS: Readonly<Record<string, string>> = {
  av: 'avenue',
  ave: 'avenue',
  blvd: 'boulevard',
  cir: 'circle',
  ct: 'court',
  ctr: 'center',
  dr: 'drive',
  e: 'east',
  expy: 'expressway',
  ft: 'fort',
  hwy: 'highway',
  ln: 'lane',
  mt: 'mount',
  n: 'north',
  ne: 'northeast',
  nw: 'northwest',
  pk: 'park',
  pkwy: 'parkway',
  pl: 'place',
  rd: 'road',
  rt: 'route',
  rte: 'route',
  s: 'south',
  se: 'southeast',
  sq: 'square',
  sw: 'southwest',
  ter: 'terrace',
  terr: 'terrace',
  tpke: 'turnpike',
  w: 'west',
  one: '1',
};

/**
 * A comparison key for a street line: lower case, no punctuation, abbreviations written out,
 * suite/floor/building dropped. "St" is "street" at the end and "saint" elsewhere
 * ("12 St Marys St"). House-number letters stay: 155 and 155A Oak Street are two places.
 */
export function streetKey(street: string): string {
  const main = splitStreetLine(street).street;
  const words = ascii(main)
    .toLowerCase()
    .replace(/\b(?:suite|ste|unit|apt|room|rm|floor|fl|bldg|building)\b.*$/, '')
    .replace(/#.*$/, '')
    .replace(/\./g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  return words
    .map((word, i) => {
      if (word === 'st') return i === words.length - 1 ? 'street' : 'saint';
      return STREET_WORDS[word] ?? word;
    })
    .join(' ');
}
