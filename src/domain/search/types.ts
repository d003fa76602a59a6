/**
 * The search engine's public shapes, in one module so its parts (term index, filters,
 * ranking, query words) can share them without importing the engine itself. engine.ts
 * re-exports them: callers keep importing from there.
 */
import type { FacetName, SearchDocument } from './documents.ts';
import type { LatLon } from '../geo.ts';

/** Where in a place's record a word was found; each field counts differently (FIELD_WEIGHT). */
export type Field = 'name' | 'facet' | 'narrower' | 'organisation' | 'town' | 'area' | 'street';

/** How a typed word reached an indexed term. */
export type MatchKind = 'exact' | 'prefix' | 'fuzzy';

export interface SearchQuery {
  text?: string;
  /** Facet filters: any of the values within a facet, all facets together. */
  filters?: Partial<Record<FacetName, readonly string[]>>;
  /** Languages staff speak (any of). */
  languages?: readonly string[];
  openNow?: boolean;
  walkIn?: boolean;
  openings?: boolean;
  /** Only places with a session on now or within seven days, sorted by its start, then distance. */
  thisWeek?: boolean;
  /** Sort by distance from here and show it. */
  near?: LatLon;
  /** Keep only places within this many kilometres of `near`. */
  withinKm?: number;
}

/** Why a result matched, so the list can say so when it is not obvious from the name. */
export interface MatchReason {
  /** The word as the person typed it. */
  typed: string;
  /** The indexed term it matched ("buprenorphine" for "suboxone"). */
  term: string;
  field: Field;
  kind: MatchKind;
  /** The match went through a synonym. */
  synonym: boolean;
}

export interface SearchResult {
  doc: SearchDocument;
  score: number;
  /** 0 for the best text matches, 1 and 2 for weaker ones; distance sorts within a tier. */
  tier: number;
  distanceKm?: number;
  openNow?: boolean;
  /** The services filter matched only through a service inferred from the name. */
  inferredOnly: boolean;
  reasons: MatchReason[];
}

export interface SearchOutcome {
  results: SearchResult[];
  /** Typed words that matched nothing at all (shown so the person can fix them). */
  unmatched: string[];
  /** A place named in the text that results are sorted by distance from. */
  near: Place | undefined;
  /** Path slugs the words lead to (narcan → harm-reduction), for needs places may not list. */
  paths: string[];
}

export interface Place extends LatLon {
  name: string;
}
