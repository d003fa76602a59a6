import { intlLocale } from '../domain/intl-locale.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { FACET_NAMES } from '../domain/search/documents.ts';
import {
  activeFilterCount,
  isActive,
  searchFromState,
  queryFromState,
  stateFromSearch,
  type FinderState,
} from '../domain/search/url-state.ts';
import type { LatLon } from '../domain/geo.ts';
import { FinderResult } from './FinderResult.tsx';
import { ShareView } from './ShareView.tsx';
import { FacetFilters, type FacetOptions } from './FacetFilters.tsx';
import { useSearchEngine } from './use-search-engine.ts';
import { useHydrated } from './use-hydrated.ts';
import { translator, type Strings } from './format.ts';
import { QuickFilters } from './QuickFilters.tsx';
import type { ResultsMapProps } from './ResultsMap.tsx';
// Fields drawn by hand here share the form components' styles.
import '../components/form/Field.css';
import '../components/form/TextInput.css';

export interface FinderProps {
  locale: string;
  /** `/en/find/`: the canonical address of every finder view. */
  findPath: string;
  providerPath: string;
  indexUrl: string;
  postalUrl: string;
  pageSize: number;
  strings: Strings;
  facets: FacetOptions[];
  languages: Array<{ code: string; label: string }>;
  hotline: { dial: string; display: string };
  callbackUrl: string;
  map: ResultsMapProps['map'];
}

const TYPING_DELAY_MS = 200;

/**
 * The finder: search and filters over the server-rendered list, which it replaces while a
 * search is active. Every state lives in the URL, so back, forward, reload and a shared link
 * all show the same view.
 */
export default function Finder(props: FinderProps) {
  const { locale, strings, pageSize } = props;
  const t = useMemo(() => translator(strings, locale), [strings, locale]);
  const hydrated = useHydrated();
  // The first render matches the HTML drawn at build time (the plain view); the address's own
  // state is applied once the island runs, below.
  const [state, setState] = useState<FinderState>(() => stateFromSearch(''));
  const [draft, setDraft] = useState(state.q);
  const [nearDraft, setNearDraft] = useState(state.near === 'me' ? '' : state.near);
  const [myPosition, setMyPosition] = useState<LatLon | null>(null);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'denied'>('idle');
  const [selected, setSelected] = useState<string | null>(null);
  const [mapOpen, setMapOpen] = useState(false);
  const [MapView, setMapView] = useState<ComponentType<ResultsMapProps> | null>(null);
  const [mapFailed, setMapFailed] = useState(false);
  const typingTimer = useRef<number | undefined>(undefined);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const active = isActive(state);

  const {
    load,
    engine,
    ensure: ensureEngine,
    postalSettled,
    postalReady,
  } = useSearchEngine({
    indexUrl: props.indexUrl,
    postalUrl: props.postalUrl,
    // A link that already asks for a search loads the index at once; otherwise on first use.
    eager: active,
    zipText: `${state.q} ${state.near}`,
  });

  // The server-rendered list stays for the plain view and whenever the search cannot run.
  useEffect(() => {
    const showStatic = !active || load.status === 'failed';
    for (const element of document.querySelectorAll<HTMLElement>('[data-finder-static]')) {
      element.hidden = !showStatic;
    }
  }, [active, load.status]);

  /** Records a new state in the history (a new entry, or the current one while typing). */
  const commit = useCallback(
    (next: FinderState, mode: 'push' | 'replace' = 'push') => {
      setState(next);
      const url = `${props.findPath}${searchFromState(next)}`;
      if (`${location.pathname}${location.search}` === url) return;
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    },
    [props.findPath],
  );

  useEffect(() => {
    const onPop = () => {
      const next = stateFromSearch(location.search);
      setState(next);
      setDraft(next.q);
      setNearDraft(next.near === 'me' ? '' : next.near);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const onTextInput = (value: string) => {
    setDraft(value);
    ensureEngine();
    window.clearTimeout(typingTimer.current);
    typingTimer.current = window.setTimeout(
      () => commit({ ...state, q: value, page: 1 }, 'replace'),
      TYPING_DELAY_MS,
    );
  };

  const update = (change: Partial<FinderState>) => {
    ensureEngine();
    commit({
      ...state,
      q: draft,
      near: nearDraft || (state.near === 'me' ? 'me' : ''),
      ...change,
      page: change.page ?? 1,
    });
  };

  const locate = () => {
    if (!('geolocation' in navigator)) return setLocating('denied');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        // Rounded to about 100 m: enough to sort by distance, and it never leaves the phone.
        const round = (value: number) => Math.round(value * 1000) / 1000;
        setMyPosition({
          lat: round(position.coords.latitude),
          lon: round(position.coords.longitude),
        });
        setLocating('idle');
        setNearDraft('');
        update({ near: 'me' });
      },
      () => setLocating('denied'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  };

  const nearPlace = useMemo(() => {
    if (!engine || !state.near) return undefined;
    if (state.near === 'me')
      return myPosition ? { ...myPosition, name: t('finder.ui.myLocation') } : undefined;
    return engine.resolvePlace(state.near);
    // postalReady: a ZIP that was unknown resolves once the table arrives.
  }, [engine, state.near, myPosition, postalReady, t]);

  const outcome = useMemo(() => {
    if (!engine || !active) return null;
    return engine.search(queryFromState(state, nearPlace));
  }, [engine, active, state, nearPlace, postalReady]);

  const results = outcome?.results ?? [];
  const pageCount = Math.max(1, Math.ceil(results.length / pageSize));
  const page = Math.min(state.page, pageCount);
  const start = (page - 1) * pageSize;
  const shown = results.slice(start, start + pageSize);
  const sortedFrom = nearPlace ?? outcome?.near;
  const distanceFormat = useMemo(
    () =>
      new Intl.NumberFormat(intlLocale(locale), {
        style: 'unit',
        unit: 'mile',
        maximumFractionDigits: 1,
      }),
    [locale],
  );
  const labels = useMemo(
    () =>
      Object.fromEntries(
        props.facets.map((facet) => [
          facet.name,
          Object.fromEntries(facet.options.map((o) => [o.key, o.label])),
        ]),
      ),
    [props.facets],
  );
  const filterCount = activeFilterCount(state);
  // A shared link with filters opens with them in view; after that the person decides.
  const [moreOpenAtStart, setMoreOpenAtStart] = useState(false);
  useEffect(() => {
    const fromAddress = stateFromSearch(location.search);
    setState(fromAddress);
    setDraft(fromAddress.q);
    setNearDraft(fromAddress.near === 'me' ? '' : fromAddress.near);
    setMoreOpenAtStart(activeFilterCount(fromAddress) > 0);
  }, []);

  const goToPage = (next: number) => {
    commit({ ...state, page: next });
    resultsHeading.current?.focus();
  };

  /** Filters that are on, each with what to say and how to drop it, for the no-results advice. */
  const activeFilters: Array<{ label: string; drop: Partial<FinderState> }> = [];
  for (const facet of FACET_NAMES) {
    for (const key of state.filters[facet]) {
      activeFilters.push({
        label: labels[facet]?.[key] ?? key,
        drop: {
          filters: { ...state.filters, [facet]: state.filters[facet].filter((k) => k !== key) },
        },
      });
    }
  }
  if (state.languages.length > 0)
    activeFilters.push({ label: t('finder.ui.facet.language'), drop: { languages: [] } });
  if (state.openNow)
    activeFilters.push({ label: t('finder.ui.openNow'), drop: { openNow: false } });
  if (state.walkIn) activeFilters.push({ label: t('finder.ui.walkIn'), drop: { walkIn: false } });
  if (state.openings)
    activeFilters.push({ label: t('finder.ui.openings'), drop: { openings: false } });
  if (state.within > 0)
    activeFilters.push({ label: t('finder.ui.facet.within'), drop: { within: 0 } });

  return (
    <div class="rf-finder" inert={!hydrated} data-hydrated={hydrated ? '' : undefined}>
      <form
        class="rf-finder__form"
        role="search"
        aria-label={t('finder.ui.formLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          window.clearTimeout(typingTimer.current);
          update({});
          resultsHeading.current?.focus();
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
            aria-describedby="finder-q-hint"
            value={draft}
            onFocus={ensureEngine}
            onInput={(event) => onTextInput(event.currentTarget.value)}
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
              onFocus={ensureEngine}
              onInput={(event) => setNearDraft(event.currentTarget.value)}
              onChange={(event) => update({ near: event.currentTarget.value.trim() })}
            />
            <button type="button" class="rf-button rf-button--secondary" onClick={locate}>
              {t('finder.ui.useLocation')}
            </button>
          </div>
          <p class="rf-field__hint" id="finder-near-status" aria-live="polite">
            {locating === 'busy' && t('finder.ui.locating')}
            {locating === 'denied' && t('finder.ui.locationDenied')}
            {locating === 'idle' && state.near === 'me' && t('finder.ui.locationPrivacy')}
            {engine &&
              state.near &&
              state.near !== 'me' &&
              !nearPlace &&
              postalSettled &&
              t('finder.ui.nearUnknown', { near: state.near })}
          </p>
        </div>
        <QuickFilters state={state} update={update} t={t} />
        <details class="rf-finder__more" open={moreOpenAtStart}>
          <summary>
            {filterCount > 0
              ? t('finder.ui.moreFiltersCount', { count: filterCount })
              : t('finder.ui.moreFilters')}
          </summary>
          <FacetFilters
            idPrefix="finder"
            facets={props.facets}
            languages={props.languages}
            state={state}
            update={update}
            t={t}
          />
        </details>
        <div class="rf-actions">
          <button type="submit" class="rf-button">
            {t('finder.ui.submit')}
          </button>
          {active && (
            <a
              class="rf-button rf-button--secondary"
              href={props.findPath}
              onClick={(event) => {
                event.preventDefault();
                setDraft('');
                setNearDraft('');
                commit(stateFromSearch(''));
              }}
            >
              {t('finder.ui.clear')}
            </a>
          )}
        </div>
      </form>

      {active && (
        <section class="rf-finder__results" aria-labelledby="finder-results-title">
          <h2 id="finder-results-title" tabIndex={-1} ref={resultsHeading}>
            {t('finder.resultsTitle')}
          </h2>
          <div role="status" class="rf-finder__status">
            {load.status === 'loading' && <p>{t('finder.ui.loading')}</p>}
            {load.status === 'failed' && <p>{t('finder.ui.loadFailed')}</p>}
            {outcome && (
              <p>
                {results.length === 0
                  ? t('finder.ui.noResults')
                  : t.plural('finder.ui.count', results.length, {
                      start: start + 1,
                      end: start + shown.length,
                    })}
                {results.length > 0 &&
                  sortedFrom &&
                  ` ${t('finder.ui.sortedFrom', { place: sortedFrom.name })}`}
                {outcome.unmatched.length > 0 &&
                  ` ${t('finder.ui.unmatched', { words: outcome.unmatched.join(', ') })}`}
              </p>
            )}
          </div>
          {outcome && results.length === 0 && (
            <div class="rf-panel">
              <ul>
                {state.q.trim() && (
                  <li>
                    <button
                      type="button"
                      class="rf-link-button"
                      onClick={() => {
                        setDraft('');
                        update({ q: '' });
                      }}
                    >
                      {t('finder.ui.dropText', { words: state.q.trim() })}
                    </button>
                  </li>
                )}
                {activeFilters.map((filter) => (
                  <li key={filter.label}>
                    <button
                      type="button"
                      class="rf-link-button"
                      onClick={() => update(filter.drop)}
                    >
                      {t('finder.ui.dropFilter', { filter: filter.label })}
                    </button>
                  </li>
                ))}
              </ul>
              <p>{t('finder.ui.noResultsHelp')}</p>
              <div class="rf-actions">
                <a class="rf-button" href={`tel:${props.hotline.dial}`}>
                  {t('call.button', { number: props.hotline.display })}
                </a>
                <a class="rf-button rf-button--secondary" href={props.callbackUrl}>
                  {t('nav.callback')}
                </a>
              </div>
            </div>
          )}
          {results.length > 0 && (
            <div class="rf-actions rf-finder__tools">
              <ShareView url={location.href} title={document.title} t={t} />
              <button
                type="button"
                class="rf-button rf-button--secondary"
                aria-expanded={mapOpen}
                onClick={() => {
                  const open = !mapOpen;
                  setMapOpen(open);
                  if (open && !MapView) {
                    import('./ResultsMap.tsx')
                      .then((module) => setMapView(() => module.ResultsMap))
                      .catch(() => setMapFailed(true));
                  }
                }}
              >
                {mapOpen ? t('finder.ui.hideMap') : t('finder.ui.showMap')}
              </button>
            </div>
          )}
          {mapOpen && results.length > 0 && (
            <div class="rf-finder__map">
              {mapFailed ? (
                <p>{t('finder.ui.mapFailed')}</p>
              ) : MapView ? (
                <MapView
                  map={props.map}
                  shown={shown}
                  all={results}
                  firstNumber={start + 1}
                  selected={selected}
                  onSelect={setSelected}
                  t={t}
                />
              ) : (
                <p>{t('finder.ui.mapLoading')}</p>
              )}
            </div>
          )}
          {shown.length > 0 && (
            <ol class="rf-cards" start={start + 1} id="finder-list" tabIndex={-1}>
              {shown.map((result, index) => (
                <li key={result.doc.i}>
                  <FinderResult
                    result={result}
                    number={start + index + 1}
                    providerPath={props.providerPath}
                    t={t}
                    labels={labels}
                    distanceFormat={distanceFormat}
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
        </section>
      )}
    </div>
  );
}
