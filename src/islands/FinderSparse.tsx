import type { LineNumbers } from '../domain/reach.ts';
import {
  QUICK_FILTERS,
  type Coverage,
  type QuickFilter,
} from '../domain/search/filter-coverage.ts';
import type { FinderState } from '../domain/search/url-state.ts';
import type { MessageKey, Translate } from './format.ts';
import { QUICK_FILTER_LABELS, QUICK_FILTERS_KEYS, coverageText } from './QuickFilters.tsx';

export const FINDER_SPARSE_KEYS = [
  'finder.ui.sparse',
  'finder.ui.lineHelp',
  'finder.ui.dropFilter',
  QUICK_FILTERS_KEYS,
  'call.button',
  'nav.callback',
] as const;

/** The quick filters that are on but too sparse to help. */
export function sparseFiltersOn(
  state: FinderState,
  coverage: Readonly<Record<QuickFilter, Coverage>>,
): QuickFilter[] {
  return QUICK_FILTERS.filter((filter) => state[filter] && coverage[filter].sparse);
}

export interface FinderSparseProps {
  filters: readonly QuickFilter[];
  coverage: Readonly<Record<QuickFilter, Coverage>>;
  locale: string;
  line: LineNumbers;
  callbackUrl: string;
  onDrop: (filter: QuickFilter) => void;
  t: Translate<MessageKey<typeof FINDER_SPARSE_KEYS>>;
}

/**
 * A filter the directory cannot answer (hours listed for 1 place in 400) would show an empty
 * list that reads as "nowhere": it says so instead, and offers the line and the list without it.
 */
export function FinderSparse(props: FinderSparseProps) {
  const { filters, coverage, locale, line, onDrop, t } = props;
  return (
    <div class="rf-panel" data-sparse-filter>
      {filters.map((filter) => {
        const name = t(QUICK_FILTER_LABELS[filter]);
        return (
          <p key={filter}>
            {t('finder.ui.sparse', {
              filter: name,
              coverage: coverageText(filter, coverage[filter], locale, t),
            })}{' '}
            <button type="button" class="rf-link-button" onClick={() => onDrop(filter)}>
              {t('finder.ui.dropFilter', { filter: name })}
            </button>
          </p>
        );
      })}
      <p>{t('finder.ui.lineHelp')}</p>
      <div class="rf-actions">
        <a class="rf-button" href={`tel:${line.local.dial}`}>
          {t('call.button', { number: line.local.display })}
        </a>
        <a class="rf-button rf-button--secondary" href={props.callbackUrl}>
          {t('nav.callback')}
        </a>
      </div>
    </div>
  );
}
