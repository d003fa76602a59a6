import { FACETS, FACET_NAMES, type FacetName } from './documents.ts';
import type { SearchQuery } from './engine.ts';
import type { DistanceUnit } from '../format-distance.ts';
import { milesToKm, type LatLon } from '../geo.ts';

/**
 * Everything that decides what the finder shows, so that a link opens the same view for
 * everyone: `/{locale}/find/?q=detox&service=detox,residential&near=02119&open=1&page=2`.
 */
export interface FinderState {
  q: string;
  filters: Record<FacetName, string[]>;
  languages: string[];
  /** A ZIP code, a neighbourhood or town name, or `me` (the browser's location, never in the URL). */
  near: string;
  /** Radius in the deployment's unit (site.yaml `distance_unit`); 0 means any distance. */
  within: number;
  openNow: boolean;
  walkIn: boolean;
  openings: boolean;
  /** Only venues with a session on now or in the next seven days, the soonest first. */
  week: boolean;
  /** 1-based page of results. */
  page: number;
}

export const WITHIN_CHOICES = [0, 1, 2, 5, 10, 25, 50] as const;

/** The longest query kept: more is no search anyone means, and the box says so by its maxlength. */
export const QUERY_MAX = 200;

export function emptyState(): FinderState {
  return {
    q: '',
    filters: Object.fromEntries(FACET_NAMES.map((facet) => [facet, []])) as unknown as Record<
      FacetName,
      string[]
    >,
    languages: [],
    near: '',
    within: 0,
    openNow: false,
    walkIn: false,
    openings: false,
    week: false,
    page: 1,
  };
}

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => /^[a-z0-9-]{1,40}$/i.test(item));

const known = (facet: FacetName, value: string) =>
  (FACETS[facet] as readonly string[]).includes(value);

/** Reads a query string; anything unknown or malformed is ignored rather than trusted. */
export function stateFromSearch(search: string): FinderState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = [...(params.get('q') ?? '')].slice(0, QUERY_MAX).join('');
  for (const facet of FACET_NAMES)
    state.filters[facet] = [...new Set(list(params.get(facet)))].filter((v) => known(facet, v));
  state.languages = [...new Set(list(params.get('language')))];
  state.near = (params.get('near') ?? '').slice(0, 80);
  const within = Number(params.get('within'));
  state.within = (WITHIN_CHOICES as readonly number[]).includes(within) ? within : 0;
  state.openNow = params.get('open') === '1';
  state.walkIn = params.get('walkin') === '1';
  state.openings = params.get('openings') === '1';
  state.week = params.get('week') === '1';
  const page = Number(params.get('page'));
  state.page = Number.isInteger(page) && page > 1 && page < 10_000 ? page : 1;
  return state;
}

/**
 * How many filter values in a query string `stateFromSearch` dropped as unknown (`?service=xyz`),
 * so the finder can say it ignored them instead of showing a code no one can read.
 */
export function ignoredFilterCount(search: string): number {
  const params = new URLSearchParams(search);
  return FACET_NAMES.reduce(
    (sum, facet) =>
      sum +
      (params.get(facet) ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item && !known(facet, item)).length,
    0,
  );
}

/** Writes only what differs from the empty state, in a fixed order, so equal views have equal links. */
export function searchFromState(state: FinderState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of FACET_NAMES) {
    if (state.filters[facet].length > 0) params.set(facet, state.filters[facet].join(','));
  }
  if (state.languages.length > 0) params.set('language', state.languages.join(','));
  if (state.near.trim()) params.set('near', state.near.trim());
  if (state.within > 0) params.set('within', String(state.within));
  if (state.openNow) params.set('open', '1');
  if (state.walkIn) params.set('walkin', '1');
  if (state.openings) params.set('openings', '1');
  if (state.week) params.set('week', '1');
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** True when the state asks for anything beyond the plain list. */
export function isActive(state: FinderState): boolean {
  return searchFromState({ ...state, page: 1 }) !== '';
}

/** How many filters are on, for the "Filters (3)" label. */
export function activeFilterCount(state: FinderState): number {
  return (
    FACET_NAMES.reduce((sum, facet) => sum + state.filters[facet].length, 0) +
    state.languages.length +
    Number(state.within > 0) +
    Number(state.openNow) +
    Number(state.walkIn) +
    Number(state.openings) +
    Number(state.week)
  );
}

/**
 * What the engine is asked for a state, once its `near` has been resolved to a place; the
 * radius is in the deployment's unit (site.yaml `distance_unit`).
 */
export function queryFromState(
  state: FinderState,
  near: LatLon | undefined,
  unit: DistanceUnit = 'mile',
): SearchQuery {
  const query: SearchQuery = {
    text: state.q,
    filters: state.filters,
    languages: state.languages,
    openNow: state.openNow,
    walkIn: state.walkIn,
    openings: state.openings,
  };
  if (state.week) query.thisWeek = true;
  if (near) {
    query.near = near;
    if (state.within > 0) query.withinKm = unit === 'mile' ? milesToKm(state.within) : state.within;
  }
  return query;
}
