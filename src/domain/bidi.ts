/**
 * Digits, phone numbers, request ids and addresses read left to right in every language. Inside
 * right-to-left text the bidirectional algorithm reorders their pieces ("617-254-1271" shown
 * as "1271-254-617"), so each such value is isolated: in markup by its own `<bdi dir="ltr">`
 * (see components/WithValue.tsx), in plain text (a text message, a copied note, an attribute)
 * by Unicode isolate marks.
 */

/** LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE. */
export const LRI = '\u2066';
export const PDI = '\u2069';

/** The value wrapped in isolate marks, so it reads left to right inside any text. */
export function isolateLtr(value: string): string {
  return `${LRI}${value}${PDI}`;
}

/**
 * The value isolated only where it is needed: in a right-to-left text. Left-to-right texts stay
 * as they were, which keeps an English text message in the phone's 7-bit alphabet (an isolate
 * mark would turn it into a 70-character one).
 */
export function ltrValue(value: string, dir: 'ltr' | 'rtl'): string {
  return dir === 'rtl' ? isolateLtr(value) : value;
}

/** Removes isolate and other invisible direction marks, e.g. before comparing or dialling. */
export function stripBidiMarks(text: string): string {
  return text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** FIRST STRONG ISOLATE: the isolated text takes the direction of its first letter. */
export const FSI = '\u2068';

const RIGHT_TO_LEFT_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * A right-to-left word inside a left-to-right value ("617-555-0100 تحويلة 12") isolated, so
 * the digits after it still follow it to the right; other words are returned as they are.
 */
export function isolateRtlWord(word: string): string {
  return RIGHT_TO_LEFT_LETTER.test(word) ? `${FSI}${word}${PDI}` : word;
}

/**
 * A link in a right-to-left text message, isolated so its closing slash stays at its end. A
 * space comes before the closing mark: phones that turn addresses into links take invisible
 * marks as part of the address, but stop at a space.
 */
export function ltrLink(url: string, dir: 'ltr' | 'rtl'): string {
  return dir === 'rtl' ? `${LRI}${url} ${PDI}` : url;
}
