import {
  FACETS,
  FACET_NAMES,
  weeklyIntervalsOf,
  type FacetName,
  type SearchDocument,
} from './documents.ts';
import type { SearchQuery } from './types.ts';
import { statusAt, weekMinute, wallClockAt } from '../weekly-hours.ts';
import { distanceKm } from '../geo.ts';

/** The bits a facet's keys have in the documents' masks; unknown keys add nothing. */
export function facetBits(facet: FacetName, keys: readonly string[]): number {
  return keys.reduce((bits, key) => {
    const bit = (FACETS[facet] as readonly string[]).indexOf(key);
    return bit >= 0 ? bits | (1 << bit) : bits;
  }, 0);
}

/**
 * The non-text half of a query: facets, languages, walk-in, openings, open now and distance,
 * worked out over all documents before any text matching, so the term index only scores
 * places that can be shown. Facets are bit masks, one typed array per facet, tested first:
 * they are the cheapest and the most selective.
 */
export interface DocumentFilter {
  /** Documents that pass every filter, and those open now, as 0/1 arrays over documents. */
  apply(query: SearchQuery, now: Date): { pass: Uint8Array; open: Uint8Array };
  /** The source itself lists one of these service bits for document `d` (not only inferred). */
  listsService(d: number, bits: number): boolean;
}

/** A closure rather than a class: the masks stay private and the minified bundle smaller. */
export function documentFilter(docs: readonly SearchDocument[], timeZone: string): DocumentFilter {
  const count = docs.length;
  /** Per facet (in FACET_NAMES order), each document's bits. */
  const facetMasks = FACET_NAMES.map((_, f) => Uint32Array.from(docs, (doc) => doc.f[f] ?? 0));
  /** Services inferred from a place's name only (the sixth mask of a document). */
  const inferredMasks = Uint32Array.from(docs, (doc) => doc.f[5] ?? 0);

  /**
   * Open now at the deployment's wall clock. Worked out for every place, filter or not:
   * ranking uses it to break ties.
   */
  const openAt = (now: Date): Uint8Array => {
    const open = new Uint8Array(count);
    const minute = weekMinute(wallClockAt(now, timeZone));
    for (let d = 0; d < count; d++) {
      const hours = docs[d]!.h;
      if (hours && statusAt(weeklyIntervalsOf(hours), minute).open) open[d] = 1;
    }
    return open;
  };

  return {
    listsService: (d, bits) => (facetMasks[0]![d]! & bits) !== 0, // services are the first facet
    apply(query, now) {
      const pass = new Uint8Array(count).fill(1);
      FACET_NAMES.forEach((facet, f) => {
        const wanted = query.filters?.[facet];
        if (!wanted || wanted.length === 0) return;
        const want = facetBits(facet, wanted);
        const masks = facetMasks[f]!;
        // A service filter also admits places whose name states the service (marked inferred).
        const alsoInferred = facet === 'service' ? inferredMasks : null;
        for (let d = 0; d < count; d++) {
          if (pass[d] && !(masks[d]! & want) && !(alsoInferred && alsoInferred[d]! & want))
            pass[d] = 0;
        }
      });
      const languages = query.languages?.filter(Boolean) ?? [];
      if (languages.length > 0) {
        for (let d = 0; d < count; d++) {
          if (!pass[d]) continue;
          const spoken = docs[d]!.l ?? [];
          if (!languages.some((lang) => spoken.some((s) => s === lang || s.startsWith(`${lang}-`))))
            pass[d] = 0;
        }
      }
      if (query.walkIn) for (let d = 0; d < count; d++) if (docs[d]!.w !== 1) pass[d] = 0;
      if (query.openings) for (let d = 0; d < count; d++) if (docs[d]!.v !== 'o') pass[d] = 0;
      const open = openAt(now);
      if (query.openNow) for (let d = 0; d < count; d++) if (!open[d]) pass[d] = 0;
      if (query.near && query.withinKm !== undefined) {
        for (let d = 0; d < count; d++) {
          const g = docs[d]!.g;
          if (pass[d] && (!g || distanceKm(query.near, { lat: g[0], lon: g[1] }) > query.withinKm))
            pass[d] = 0;
        }
      }
      return { pass, open };
    },
  };
}
