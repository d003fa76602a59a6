/**
 * Registers that publish in capitals ("CHESTER-LE-STREET MEDICAL GROUP") -> the case a person
 * reads ("Chester-le-Street Medical Group"). Letters only change case: no word is expanded,
 * shortened or corrected, so the result is still what the register says.
 */
import { clean } from './text.ts';

/** Kept in capitals: initialisms that read wrongly in any other case. */
const KEEP_UPPER = new Set([
  'GP',
  'GPS',
  'NHS',
  'LLP',
  'LLC',
  'UK',
  'CIC',
  'PLC',
  'PCN',
  'ICB',
  'CCG',
  'HMP',
  'YMCA',
  'BCSS',
  'OOH',
  'PCC',
  'H&J',
]);

/** Joining words, lower case inside a name ("Stockton on Tees", "Saltburn-by-the-Sea"). */
const SMALL = new Set(['and', 'at', 'by', 'de', 'in', 'le', 'of', 'on', 'the', 'upon', 'under']);

/** "GPs" is how the plural of GP is written. */
const SPECIAL: Readonly<Record<string, string>> = { GPS: 'GPs' };

/** One word without hyphens: capitalised, with its digits, apostrophes and Mc kept right. */
function word(text: string, first: boolean): string {
  const upper = text.toUpperCase();
  const core = upper.replace(/^[("']+|[)"'.,:;]+$/g, '');
  if (SPECIAL[core]) return text.replace(core, SPECIAL[core]);
  if (KEEP_UPPER.has(core)) return upper;
  const lower = text.toLowerCase();
  if (!first && SMALL.has(core.toLowerCase())) return lower;
  // House and unit numbers keep their letters: 29A, 1D, 1-2; ordinals read 1st, 2nd.
  if (/^\d/.test(core)) return /^\d+(?:ST|ND|RD|TH)$/.test(core) ? lower : upper;
  let out = lower.replace(/[a-z]/, (c) => c.toUpperCase());
  // McDonald, O'Neill; but St John's, Bishop's: one letter after an apostrophe stays small.
  out = out.replace(/^([("']*)Mc([a-z])/, (_, p: string, c: string) => `${p}Mc${c.toUpperCase()}`);
  out = out.replace(/([A-Za-z])'([a-z])([a-z]+)/, (_, a: string, b: string, rest: string) =>
    a === 'O' ? `${a}'${b.toUpperCase()}${rest}` : `${a}'${b}${rest}`,
  );
  return out;
}

/** What joins two words inside one token ("CHESTER-LE-STREET", "M/G", "J&J", "ST.CUTHBERTS"). */
const SEPARATORS = new Set(['-', '/', '&', '.']);

/** Readable case for a name or address line written in capitals. */
export function readableCase(text: string): string {
  const words = clean(text).split(' ');
  return words
    .map((token, i) => {
      // "The" starts a name and follows a house number ("1 The Avenue"); elsewhere it joins.
      const leads = i === 0 || !/[A-Za-z]/.test(words[i - 1]!.replace(/\d+[A-Za-z]?\b/g, ''));
      return token
        .split(/(-|\/|&|\.(?=[A-Za-z]))/)
        .map((part, j) => (SEPARATORS.has(part) ? part : word(part, leads && j === 0)))
        .join('');
    })
    .join(' ');
}
