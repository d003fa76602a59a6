import type { SearchResult } from './types.ts';

/** Matches within 80% of the best are equally good answers; distance then decides. */
export function relevanceTier(score: number, max: number): number {
  if (max === 0 || score >= max * 0.8) return 0;
  return score >= max * 0.5 ? 1 : 2;
}

/**
 * Text relevance first (in tiers); then places the source lists before those only inferred;
 * then distance; then the exact score; open now and reported openings break ties; then the
 * name, for a stable order.
 */
export function compareResults(a: SearchResult, b: SearchResult): number {
  return (
    a.tier - b.tier ||
    Number(a.inferredOnly) - Number(b.inferredOnly) ||
    (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
    b.score - a.score ||
    Number(b.openNow ?? false) - Number(a.openNow ?? false) ||
    Number(b.doc.v === 'o') - Number(a.doc.v === 'o') ||
    a.doc.n.localeCompare(b.doc.n)
  );
}
