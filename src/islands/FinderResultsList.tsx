import { PAGINATION_KEYS, Pagination } from '../components/Pagination.tsx';
import { PROVIDER_LIST_KEYS, ProviderList } from '../components/ProviderList.tsx';
import type { LineNumbers } from '../domain/reach.ts';
import type { SearchEngine, SearchResult } from '../domain/search/engine.ts';
import { searchFromState, type FinderState } from '../domain/search/url-state.ts';
import type { MessageKey, Translate } from './format.ts';

export const FINDER_RESULTS_LIST_KEYS = [PROVIDER_LIST_KEYS, PAGINATION_KEYS] as const;

export interface FinderResultsListProps {
  /** The results on this page, numbered from `start + 1`. */
  shown: SearchResult[];
  start: number;
  page: number;
  pageCount: number;
  state: FinderState;
  findPath: string;
  engine: SearchEngine | null;
  locale: string;
  labels: Record<string, Record<string, string>>;
  line: LineNumbers;
  hoursAsked: boolean;
  selected: string | null;
  onSelect: (id: string) => void;
  goToPage: (page: number) => void;
  t: Translate<MessageKey<typeof FINDER_RESULTS_LIST_KEYS>>;
}

/**
 * One page of results, and the links to the pages before and after it: the same list and
 * pagination the pages without JavaScript draw.
 */
export function FinderResultsList(props: FinderResultsListProps) {
  const { shown, start, page, pageCount, state, engine, locale, labels, goToPage, t } = props;
  const label = (facet: 'service' | 'medication', key: string) => labels[facet]?.[key] ?? key;
  return (
    <>
      {engine && shown.length > 0 && (
        <ProviderList
          views={shown.map((result) => engine.view(result))}
          start={start + 1}
          locale={locale}
          t={t}
          label={label}
          line={props.line}
          hoursAsked={props.hoursAsked}
          numbered
          id="finder-list"
          selected={props.selected}
          onSelect={props.onSelect}
        />
      )}
      <Pagination
        current={page}
        last={pageCount}
        t={t}
        href={(number) => `${props.findPath}${searchFromState({ ...state, page: number })}`}
        onPage={goToPage}
      />
    </>
  );
}
