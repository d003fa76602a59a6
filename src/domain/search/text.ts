/**
 * Text normalisation shared by the index builder and the query: the same word typed with or
 * without accents, capitals or punctuation must land on the same term.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words too common to tell places apart; per locale, because "de" is noise in Spanish. */
const STOPWORDS: Record<string, ReadonlySet<string>> = {
  en: new Set([
    'a',
    'an',
    'and',
    'at',
    'for',
    'in',
    'inc',
    'llc',
    'near',
    'of',
    'on',
    'the',
    'to',
    'me',
    'my',
  ]),
  es: new Set([
    'a',
    'al',
    'cerca',
    'con',
    'de',
    'del',
    'el',
    'en',
    'la',
    'las',
    'los',
    'para',
    'por',
    'un',
    'una',
    'y',
    'mi',
  ]),
};

export function isStopword(word: string, locale: string): boolean {
  return (STOPWORDS[locale] ?? STOPWORDS.en!).has(word);
}

const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * Chinese is written without spaces, so a run of Han characters becomes its overlapping
 * two-character pieces (美沙酮 → 美沙, 沙酮): a query matches wherever all its pieces occur.
 */
function splitHan(token: string): string[] {
  if (!/\p{Script=Han}/u.test(token)) return [token];
  const pieces: string[] = [];
  for (const run of token.match(HAN_RUN) ?? []) {
    if (run.length === 1) pieces.push(run);
    for (let i = 0; i + 2 <= run.length; i++) pieces.push(run.slice(i, i + 2));
  }
  const rest = token.replace(HAN_RUN, ' ').trim();
  return rest ? [...pieces, ...rest.split(/\s+/)] : pieces;
}

export function tokenize(text: string, locale = 'en'): string[] {
  return normalize(text)
    .split(' ')
    .flatMap(splitHan)
    .filter((token) => token.length > 0 && !isStopword(token, locale));
}

/** Trigrams of a term padded with spaces, so short words and word starts still share some. */
export function trigrams(term: string): string[] {
  const padded = `  ${term} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}
