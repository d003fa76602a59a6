// The basic build: plain fuzzy matching is all we use (no extended or logical queries).
import Fuse from 'fuse.js/basic';
import { trigrams } from './text.ts';

/** At most this many vocabulary terms go to Fuse.js for one typed word. */
const FUZZY_CANDIDATES = 24;
const FUZZY_THRESHOLD = 0.35;

/** Terms spelled close to a typed word, best first, with Fuse.js's score (0 is a perfect match). */
export type FuzzyTerms = (token: string) => Array<{ term: number; score: number }>;

/**
 * Typo tolerance over the vocabulary: trigram overlap proposes a few terms and Fuse.js scores
 * only those, never whole documents. Apart from exact and prefix lookup because it is the one
 * approximate step, the one user of Fuse.js, and owns the only index that serves it (trigrams).
 * What a near spelling is worth is the term index's business, not this one's. A closure rather
 * than a class: nothing else reads its index, and the finder's bundle stays smaller.
 */
export function fuzzyTerms(vocabulary: readonly string[]): FuzzyTerms {
  /** Trigram → the vocabulary terms that contain it. */
  const gramIndex = new Map<string, number[]>();
  vocabulary.forEach((term, index) => {
    if (term.includes(':')) return; // canonical tokens are reached through synonyms only
    for (const gram of trigrams(term)) {
      let list = gramIndex.get(gram);
      if (!list) gramIndex.set(gram, (list = []));
      list.push(index);
    }
  });
  return (token) => {
    const shared = new Map<number, number>();
    for (const gram of trigrams(token)) {
      for (const term of gramIndex.get(gram) ?? []) shared.set(term, (shared.get(term) ?? 0) + 1);
    }
    const candidates = [...shared]
      .filter(
        ([term, count]) => count >= 2 && Math.abs(vocabulary[term]!.length - token.length) <= 3,
      )
      .sort((a, b) => b[1] - a[1])
      .slice(0, FUZZY_CANDIDATES)
      .map(([term]) => term);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(
      candidates.map((term) => vocabulary[term]!),
      {
        includeScore: true,
        threshold: FUZZY_THRESHOLD,
        ignoreLocation: true,
        isCaseSensitive: true,
      },
    );
    return fuse
      .search(token)
      .map((hit) => ({ term: candidates[hit.refIndex]!, score: hit.score ?? 0 }));
  };
}
