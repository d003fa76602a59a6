import { searchFromState, type FinderState } from '../domain/search/url-state.ts';
import type { SearchResult } from '../domain/search/engine.ts';
import { FinderResult } from './FinderResult.tsx';
import type { MessageKey, Translate } from './format.ts';

/** What each result card says (FinderResult.tsx takes an untyped `t`, so they are listed here). */
export const FINDER_RESULT_KEYS = [
  'finder.ui.away',
  'finder.ui.openBadge',
  'finder.ui.closedBadge',
  'finder.ui.matched',
  'provider.servicesUnlisted',
  'provider.servicesLabel',
  'provider.inferredTag',
] as const;

export const FINDER_RESULTS_LIST_KEYS = [
  FINDER_RESULT_KEYS,
  'pagination.label',
  'pagination.previous',
  'pagination.status',
  'pagination.next',
] as const;

export interface FinderResultsListProps {
  /** The results on this page, numbered from `start + 1`. */
  shown: SearchResult[];
  start: number;
  page: number;
  pageCount: number;
  state: FinderState;
  findPath: string;
  locale: string;
  labels: Record<string, Record<string, string>>;
  selected: string | null;
  onSelect: (id: string) => void;
  goToPage: (page: number) => void;
  t: Translate<MessageKey<typeof FINDER_RESULTS_LIST_KEYS>>;
}

/** One page of results, and the links to the pages before and after it. */
export function FinderResultsList(props: FinderResultsListProps) {
  const { shown, start, page, pageCount, state, locale, labels, selected, goToPage, t } = props;
  const setSelected = props.onSelect;
  return (
    <>
      {shown.length > 0 && (
        <ol class="rf-cards" start={start + 1} id="finder-list" tabIndex={-1}>
          {shown.map((result, index) => (
            <li key={result.doc.i}>
              <FinderResult
                result={result}
                number={start + index + 1}
                locale={locale}
                t={t}
                labels={labels}
                selected={selected === result.doc.i}
                onSelect={setSelected}
              />
            </li>
          ))}
        </ol>
      )}
      {pageCount > 1 && (
        <nav class="rf-pagination" aria-label={t('pagination.label')}>
          {page > 1 && (
            <a
              class="rf-pagination__link"
              href={`${props.findPath}${searchFromState({ ...state, page: page - 1 })}`}
              onClick={(event) => {
                event.preventDefault();
                goToPage(page - 1);
              }}
            >
              {t('pagination.previous')}
            </a>
          )}
          <span>{t('pagination.status', { current: page, last: pageCount })}</span>
          {page < pageCount && (
            <a
              class="rf-pagination__link"
              href={`${props.findPath}${searchFromState({ ...state, page: page + 1 })}`}
              onClick={(event) => {
                event.preventDefault();
                goToPage(page + 1);
              }}
            >
              {t('pagination.next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}
