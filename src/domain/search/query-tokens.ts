import { isStopword, normalize, tokenize } from './text.ts';
import type { Place } from './types.ts';

/** One word (or known phrase) of the query, as the term index will look it up. */
export interface QueryToken {
  typed: string;
  lookup: string;
  /** Place words add to the score but do not exclude places that lack them. */
  optional: boolean;
}

/**
 * Words of the query, with known phrases ("12 step", "sober house") joined into one token and
 * the first place named in it picked out. Apart from the engine because it only reads the text:
 * which words are places (`resolvePlace`) and phrases (`phrases`, longest first) is passed in.
 */
export function queryTokens(
  text: string,
  locale: string,
  phrases: ReadonlyArray<readonly [string[], string]>,
  resolvePlace: (text: string) => Place | undefined,
): { tokens: QueryToken[]; place: Place | undefined } {
  const words = normalize(text).split(' ').filter(Boolean);
  const tokens: QueryToken[] = [];
  let place: Place | undefined;
  for (let i = 0; i < words.length; i++) {
    // A place name ("jamaica plain", "worcester") sorts by distance from it and adds to the
    // score of places named after it, but is not required: "detox roxbury" should still
    // show the nearest detox when none is in Roxbury itself.
    const placeMatch = [3, 2, 1]
      .map((length) => [length, resolvePlace(words.slice(i, i + length).join(' '))] as const)
      .find(([length, found]) => found && i + length <= words.length);
    if (placeMatch && !place) {
      const [length, found] = placeMatch;
      place = found;
      for (const word of words.slice(i, i + length))
        tokens.push({ typed: word, lookup: word, optional: true });
      i += length - 1;
      continue;
    }
    const phrase = phrases.find(([parts]) => parts.every((part, k) => words[i + k] === part));
    if (phrase) {
      // Look up the canonical token (svc:mutual-help) but report what was typed.
      tokens.push({ typed: phrase[0].join(' '), lookup: phrase[1], optional: false });
      i += phrase[0].length - 1;
    } else if (!isStopword(words[i]!, locale)) {
      for (const piece of tokenize(words[i]!, locale))
        tokens.push({ typed: piece, lookup: piece, optional: false });
    }
  }
  return { tokens, place };
}
