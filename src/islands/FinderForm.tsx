import type { Coverage, QuickFilter } from '../domain/search/filter-coverage.ts';
import { QUERY_MAX, activeFilterCount, type FinderState } from '../domain/search/url-state.ts';
import { FACET_FILTERS_KEYS, FacetFilters, type FacetOptions } from './FacetFilters.tsx';
import type { MessageKey, Translate } from './format.ts';
import { QUICK_FILTERS_KEYS, QuickFilters } from './QuickFilters.tsx';
import type { LocateStatus } from './use-geolocation.ts';

export const FINDER_FORM_KEYS = [
  'finder.ui.formLabel',
  'finder.ui.searchLabel',
  'finder.ui.searchHint',
  'finder.ui.nearLabel',
  'finder.ui.nearHint',
  'finder.ui.myLocation',
  'finder.ui.useLocation',
  'finder.ui.locating',
  'finder.ui.locationDenied',
  'finder.ui.locationPrivacy',
  'finder.ui.nearUnknown',
  'finder.ui.nearSuggestions',
  'finder.ui.moreFilters',
  'finder.ui.filters',
  'finder.ui.filtersCount',
  'finder.ui.submit',
  'finder.ui.clear',
  QUICK_FILTERS_KEYS,
  FACET_FILTERS_KEYS,
] as const;

export interface FinderFormProps {
  state: FinderState;
  /** The words in the search box, ahead of the state while the person types. */
  draft: string;
  /** The place in the "near" box, likewise. */
  nearDraft: string;
  locating: LocateStatus;
  /**
   * The place asked for is one the finder does not know (said once the ZIP table has answered):
   * places to suggest instead; undefined when the place is known.
   */
  nearUnknown: string[] | undefined;
  /**
   * A search has been made (or a link opened one): every filter folds into one disclosure that
   * says how many are on, so the results start on the first screen. Ticking a filter before
   * searching does not fold them away from under the person's finger.
   */
  folded: boolean;
  /** A search is on: the form offers to clear it. */
  active: boolean;
  findPath: string;
  facets: FacetOptions[];
  languages: Array<{ code: string; label: string }>;
  coverage: Readonly<Record<QuickFilter, Coverage>>;
  /** The deployment publishes sessions: the quick filters offer "sessions this week". */
  sessions?: boolean | undefined;
  locale: string;
  /** The person is about to search: the index starts loading. */
  onStart: () => void;
  onText: (value: string) => void;
  onNearInput: (value: string) => void;
  update: (change: Partial<FinderState>) => void;
  onLocate: () => void;
  onSubmit: () => void;
  onClear: () => void;
  t: Translate<MessageKey<typeof FINDER_FORM_KEYS>>;
}

/**
 * The finder's search form: words, place, the quick filters and the rest behind "More filters";
 * after a search, all of the filters behind "Filters (2)".
 */
export function FinderForm(props: FinderFormProps) {
  const { state, nearDraft, update, t } = props;
  const filterCount = activeFilterCount(state);
  const quick = (
    <QuickFilters
      state={state}
      coverage={props.coverage}
      sessions={props.sessions}
      locale={props.locale}
      update={update}
      t={t}
    />
  );
  const facets = (
    <FacetFilters
      idPrefix="finder"
      facets={props.facets}
      languages={props.languages}
      state={state}
      update={update}
      t={t}
    />
  );
  // "Filters (2)" whenever some are on, folded or not: the count is what a closed list must say.
  const count = filterCount > 0 ? t('finder.ui.filtersCount', { count: filterCount }) : undefined;
  return (
    <form
      class="rf-finder__form"
      role="search"
      aria-label={t('finder.ui.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <div class="rf-field">
        <label class="rf-field__label" for="finder-q">
          {t('finder.ui.searchLabel')}
        </label>
        <p class="rf-field__hint" id="finder-q-hint">
          {t('finder.ui.searchHint')}
        </p>
        <input
          class="rf-input"
          id="finder-q"
          type="search"
          name="q"
          autocomplete="off"
          maxLength={QUERY_MAX}
          aria-describedby="finder-q-hint"
          value={props.draft}
          onFocus={props.onStart}
          onInput={(event) => props.onText(event.currentTarget.value)}
        />
      </div>
      <div class="rf-field">
        <label class="rf-field__label" for="finder-near">
          {t('finder.ui.nearLabel')}
        </label>
        <p class="rf-field__hint" id="finder-near-hint">
          {t('finder.ui.nearHint')}
        </p>
        <div class="rf-finder__near">
          <input
            class="rf-input"
            id="finder-near"
            name="near"
            autocomplete="postal-code"
            aria-describedby="finder-near-hint finder-near-status"
            value={state.near === 'me' && !nearDraft ? t('finder.ui.myLocation') : nearDraft}
            onFocus={props.onStart}
            onInput={(event) => props.onNearInput(event.currentTarget.value)}
            onChange={(event) => update({ near: event.currentTarget.value.trim() })}
          />
          <button type="button" class="rf-button rf-button--secondary" onClick={props.onLocate}>
            {t('finder.ui.useLocation')}
          </button>
        </div>
        <p class="rf-field__hint" id="finder-near-status" aria-live="polite">
          {props.locating === 'busy' && t('finder.ui.locating')}
          {props.locating === 'denied' && t('finder.ui.locationDenied')}
          {props.locating === 'idle' && state.near === 'me' && t('finder.ui.locationPrivacy')}
          {props.nearUnknown && t('finder.ui.nearUnknown', { near: state.near })}
          {props.nearUnknown &&
            props.nearUnknown.length > 0 &&
            ` ${t('finder.ui.nearSuggestions', { places: props.nearUnknown.join(', ') })}`}
        </p>
      </div>
      {props.folded ? (
        <details class="rf-finder__more" key="folded">
          <summary>{count ?? t('finder.ui.filters')}</summary>
          {quick}
          {facets}
        </details>
      ) : (
        <>
          {quick}
          <details class="rf-finder__more" key="more">
            <summary>{count ?? t('finder.ui.moreFilters')}</summary>
            {facets}
          </details>
        </>
      )}
      <div class="rf-actions">
        <button type="submit" class="rf-button">
          {t('finder.ui.submit')}
        </button>
        {props.active && (
          <a
            class="rf-button rf-button--secondary"
            href={props.findPath}
            onClick={(event) => {
              event.preventDefault();
              props.onClear();
            }}
          >
            {t('finder.ui.clear')}
          </a>
        )}
      </div>
    </form>
  );
}
