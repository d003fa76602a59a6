/** The three quick filters, by their field in the finder's state. */
export type QuickFilter = 'openNow' | 'walkIn' | 'openings';

export const QUICK_FILTERS: readonly QuickFilter[] = ['openNow', 'walkIn', 'openings'];

/** How much of the directory a filter can speak for. */
export interface Coverage {
  /** Places whose listing says what the filter asks about (hours given, walk-in yes or no …). */
  known: number;
  total: number;
  /** So few places are known that choosing the filter would hide nearly every place. */
  sparse: boolean;
}

/** Below this share of places known, a filter is said to be too sparse to help. */
export const SPARSE_SHARE = 0.1;

/** What a provider listing tells about the quick filters (a subset of the provider schema). */
export interface CoverageFacts {
  hours?: unknown;
  walk_in?: boolean | undefined;
  availability: { status: string };
}

/**
 * For each quick filter, how many places it can speak for, counted at build time: a place whose
 * hours are not listed is neither open nor closed to the filter, only unknown.
 */
export function filterCoverage(
  providers: readonly CoverageFacts[],
  sparseShare = SPARSE_SHARE,
): Record<QuickFilter, Coverage> {
  const total = providers.length;
  const count = (known: (p: CoverageFacts) => boolean) => {
    const n = providers.filter(known).length;
    return { known: n, total, sparse: n < total * sparseShare || n === 0 };
  };
  return {
    openNow: count((p) => p.hours !== undefined),
    walkIn: count((p) => p.walk_in !== undefined),
    openings: count((p) => p.availability.status !== 'unknown'),
  };
}
