import type { SearchResult } from './types.ts';

/** Matches within 80% of the best are equally good answers; distance then decides. */
export function relevanceTier(score: number, max: number): number {
  if (max === 0 || score >= max * 0.8) return 0;
  return score >= max * 0.5 ? 1 : 2;
}

/** Ties once the main key has spoken: the exact score, open now, a listed service, the name. */
function tieBreak(a: SearchResult, b: SearchResult): number {
  return (
    b.score - a.score ||
    Number(b.openNow ?? false) - Number(a.openNow ?? false) ||
    Number(b.doc.v === 'o') - Number(a.doc.v === 'o') ||
    a.doc.n.localeCompare(b.doc.n)
  );
}

/**
 * Without a place: text relevance first (in tiers), then places the source lists before those
 * only inferred, then the exact score and the ties.
 */
export function compareResults(a: SearchResult, b: SearchResult): number {
  return (
    a.tier - b.tier ||
    Number(a.inferredOnly) - Number(b.inferredOnly) ||
    (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
    tieBreak(a, b)
  );
}

/**
 * A place reached only through a narrower form of what was asked (outpatient detox for
 * "detox") is a near miss, not a place that meets the need.
 */
const nearMiss = (result: SearchResult) =>
  result.reasons.some((reason) => reason.field === 'narrower');

/**
 * With a place: the text has decided which places meet the need, and a person asked for the
 * nearest of them, so distance comes first (places without a known position last); near misses
 * follow, nearest first too. Relevance only breaks ties between places equally far, such as two
 * programmes at one address.
 */
export function compareByDistance(a: SearchResult, b: SearchResult): number {
  return (
    Number(nearMiss(a)) - Number(nearMiss(b)) ||
    (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
    a.tier - b.tier ||
    Number(a.inferredOnly) - Number(b.inferredOnly) ||
    tieBreak(a, b)
  );
}
