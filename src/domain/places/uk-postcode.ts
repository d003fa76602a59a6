/**
 * UK postcodes as people type them: `dh13eh`, `DH1 3EH`, ` dh1 `, `TS101AA`. Pure, so the
 * finder can run it on the phone and the importers at build time.
 *
 * A full postcode is an outward code (the area letters and district, 2–4 characters: `DH1`,
 * `TS10`, `SW1A`) and an inward code (a digit and two letters: `3EH`), written with one space
 * between. The outward code alone names a postcode district, which is what people often give
 * ("somewhere in DH1"). The rules below are Royal Mail's published format: which letters may
 * stand in which position. They tell a well-formed code from a typo; whether the code is in use
 * only a postcode table can say.
 */

/** What a piece of text is, read as a postcode. */
export type UkPostcode =
  | { kind: 'full'; postcode: string; outward: string; inward: string }
  | { kind: 'outward'; outward: string };

// Letters allowed in each position, per Royal Mail's format rules.
const FIRST = '[A-PR-UWYZ]'; // not Q, V, X
const SECOND = '[A-HK-Y]'; // not I, J, Z
const THIRD = '[A-HJKPSTUW]'; // the letter of A9A districts (W1A, EC1A)
const FOURTH = '[ABEHMNPRVWXY]'; // the letter of AA9A districts (SW1A, EC2M)
const INWARD_LETTER = '[ABD-HJLNP-UW-Z]'; // not C, I, K, M, O, V

/** The six outward shapes: A9, A99, AA9, AA99, A9A, AA9A. */
const OUTWARD = new RegExp(
  `^(?:${FIRST}\\d{1,2}|${FIRST}${SECOND}\\d{1,2}|${FIRST}\\d${THIRD}|${FIRST}${SECOND}\\d${FOURTH})$`,
);
const INWARD = new RegExp(`^\\d${INWARD_LETTER}{2}$`);

/** The one postcode outside the rules, kept by Girobank's successors. */
const GIRO = { outward: 'GIR', inward: '0AA' };

/** Upper case, without the spaces, dots and dashes people put in. */
function compact(text: string): string {
  return text.toUpperCase().replace(/[\s.\-–—]+/g, '');
}

/** Whether `code` (already upper case, no spaces) is a well-formed outward code. */
export function isOutwardCode(code: string): boolean {
  return OUTWARD.test(code);
}

/** Whether `code` (upper case, no spaces) is a well-formed inward code. */
export function isInwardCode(code: string): boolean {
  return INWARD.test(code);
}

/**
 * Read what someone typed as a postcode: a full postcode (written `TS10 1AA`), an outward
 * code alone (`DH1`), or undefined when it is neither. Case, spaces and stray punctuation do
 * not matter, and a space typed in the wrong place is ignored: the inward code is always the
 * last three characters, so `TS101AA` and `TS1 01AA` are both `TS10 1AA`.
 */
export function parseUkPostcode(text: string): UkPostcode | undefined {
  const code = compact(text);
  if (code.length < 2 || code.length > 7 || !/^[A-Z0-9]+$/.test(code)) return undefined;
  if (code.length >= 5) {
    const outward = code.slice(0, -3);
    const inward = code.slice(-3);
    const giro = outward === GIRO.outward && inward === GIRO.inward;
    if (giro || (isOutwardCode(outward) && isInwardCode(inward))) {
      return { kind: 'full', postcode: `${outward} ${inward}`, outward, inward };
    }
  }
  // Five characters can also be an outward code only if it were four long: never. Two to
  // four characters that fit an outward shape are a district.
  if (code.length <= 4 && isOutwardCode(code)) return { kind: 'outward', outward: code };
  return undefined;
}

/** A full postcode written the standard way (`DH1 3EH`), or undefined when it is not one. */
export function normaliseUkPostcode(text: string): string | undefined {
  const parsed = parseUkPostcode(text);
  return parsed?.kind === 'full' ? parsed.postcode : undefined;
}

/** The postcode area: the letters an outward code starts with (`TS` of `TS10`). */
export function postcodeArea(outward: string): string {
  return /^[A-Z]{1,2}/.exec(outward.toUpperCase())?.[0] ?? '';
}

/** The district number of an outward code (10 of `TS10`, 1 of `SW1A`); NaN when none. */
export function districtNumber(outward: string): number {
  const digits = /^[A-Z]{1,2}(\d{1,2})/.exec(outward.toUpperCase());
  return digits ? Number(digits[1]) : Number.NaN;
}

/** Outward codes in the order people read them: by area, then district number, then letter. */
export function compareOutwardCodes(a: string, b: string): number {
  const area = postcodeArea(a).localeCompare(postcodeArea(b));
  if (area !== 0) return area;
  const number = districtNumber(a) - districtNumber(b);
  if (number !== 0 && !Number.isNaN(number)) return number;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether an outward code falls within a list written the way people write them: whole areas
 * (`DH`), single districts (`SR7`) and ranges of one area (`TS21-TS29`).
 */
export function outwardInList(outward: string, list: readonly string[]): boolean {
  const code = outward.toUpperCase();
  return list.some((entry) => {
    const item = entry.toUpperCase().replace(/\s+/g, '');
    const range = /^([A-Z]{1,2})(\d{1,2})[-–]([A-Z]{1,2})?(\d{1,2})$/.exec(item);
    if (range) {
      const [, area, from, toArea, to] = range;
      if (toArea && toArea !== area) return false;
      const n = districtNumber(code);
      return postcodeArea(code) === area && n >= Number(from) && n <= Number(to);
    }
    if (/^[A-Z]{1,2}$/.test(item)) return postcodeArea(code) === item;
    return code === item;
  });
}
