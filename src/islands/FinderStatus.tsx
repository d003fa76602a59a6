import type { SearchOutcome } from '../domain/search/engine.ts';
import type { MessageKey, Translate } from './format.ts';
import type { EngineLoad } from './use-search-engine.ts';

export const FINDER_STATUS_KEYS = [
  'finder.ui.loading',
  'finder.ui.loadFailed',
  'finder.ui.noResults',
  'finder.ui.count',
  'finder.ui.range',
  'finder.ui.sortedFrom',
  'finder.ui.unmatched',
] as const;

export interface FinderStatusProps {
  load: EngineLoad['status'];
  /** The search's answer, once the index has loaded. */
  outcome: SearchOutcome | null;
  /** The results shown on this page: `shownCount` of them, after the first `start`. */
  start: number;
  shownCount: number;
  /** The place results are sorted from, if any. */
  sortedFrom: { name: string } | undefined;
  t: Translate<MessageKey<typeof FINDER_STATUS_KEYS>>;
}

/** What the search is doing or found, read out as it changes: loading, the count, the order. */
export function FinderStatus({
  load,
  outcome,
  start,
  shownCount,
  sortedFrom,
  t,
}: FinderStatusProps) {
  const count = outcome?.results.length ?? 0;
  return (
    <div role="status" class="rf-finder__status">
      {load === 'loading' && <p>{t('finder.ui.loading')}</p>}
      {load === 'failed' && <p>{t('finder.ui.loadFailed')}</p>}
      {outcome && (
        <p>
          {count === 0 ? t('finder.ui.noResults') : t.plural('finder.ui.count', count)}
          {shownCount < count &&
            ` ${t('finder.ui.range', { start: start + 1, end: start + shownCount })}`}
          {count > 0 && sortedFrom && ` ${t('finder.ui.sortedFrom', { place: sortedFrom.name })}`}
          {outcome.unmatched.length > 0 &&
            ` ${t('finder.ui.unmatched', { words: outcome.unmatched.join(', ') })}`}
        </p>
      )}
    </div>
  );
}
