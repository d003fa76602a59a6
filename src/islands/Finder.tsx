import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LineNumbers } from '../domain/reach.ts';
import { callbackPath, localized } from '../domain/urls.ts';
import type { Coverage, QuickFilter } from '../domain/search/filter-coverage.ts';
import {
  ignoredFilterCount,
  isActive,
  queryFromState,
  stateFromSearch,
  type FinderState,
} from '../domain/search/url-state.ts';
import type { WideningStep } from '../domain/search/filter-summary.ts';
import { ShareView } from './ShareView.tsx';
import type { FacetOptions } from './FacetFilters.tsx';
import { FinderForm } from './FinderForm.tsx';
import { FinderMap } from './FinderMap.tsx';
import { FinderNoResults } from './FinderNoResults.tsx';
import { FinderPaths } from './FinderPaths.tsx';
import { FinderResultsList } from './FinderResultsList.tsx';
import { FinderSparse, sparseFiltersOn } from './FinderSparse.tsx';
import { FinderStatus } from './FinderStatus.tsx';
import { useSearchEngine } from './use-search-engine.ts';
import { useHydrated } from './use-hydrated.ts';
import { useUrlState } from './use-url-state.ts';
import { useGeolocation } from './use-geolocation.ts';
import { useMapToggle } from './use-map-toggle.ts';
import { translator, type Messages } from './format.ts';
import type { ResultsMapProps } from './ResultsMap.tsx';
import type { FINDER_KEYS } from './finder-keys.ts';
import './Finder.css';
// Fields drawn by hand here share the form components' styles.
import '../components/form/Field.css';
import '../components/form/TextInput.css';

export interface FinderProps {
  locale: string;
  /** `/en/find/`: the canonical address of every finder view. */
  findPath: string;
  indexUrl: string;
  postalUrl: string;
  /** Where one postcode district's full postcodes are: `/postal-codes/` + `DH1.json`. */
  districtUrl: string;
  pageSize: number;
  strings: Messages<typeof FINDER_KEYS>;
  facets: FacetOptions[];
  languages: Array<{ code: string; label: string }>;
  coverage: Record<QuickFilter, Coverage>;
  /** The deployment publishes sessions: offer "sessions this week". */
  sessions?: boolean;
  line: LineNumbers;
  /** Path titles by slug, for words that lead to a path (narcan → harm reduction). */
  pathTitles: Record<string, string>;
  map: ResultsMapProps['map'];
}

const TYPING_DELAY_MS = 200;

/**
 * The finder: search and filters over the server-rendered list, which it replaces while a
 * search is active. Every state lives in the URL (use-url-state.ts).
 */
export default function Finder(props: FinderProps) {
  const { locale, strings, pageSize } = props;
  const t = useMemo(() => translator(strings, locale), [strings, locale]);
  const hydrated = useHydrated();
  const [draft, setDraft] = useState('');
  const [nearDraft, setNearDraft] = useState('');
  // After a search the filters fold away, so that the results start on the first screen.
  const [folded, setFolded] = useState(false);
  // The address named filters this finder does not have (`?service=xyz`); they were dropped.
  const [ignored, setIgnored] = useState(false);
  // A search was asked for (on arrival from a link or the home page, or by the button): once its
  // results are drawn they are brought to the top of the screen, the form just above them.
  const [reveal, setReveal] = useState<'scroll' | 'focus' | null>(null);
  const { state, commit } = useUrlState(props.findPath, (restored, atStart) => {
    setDraft(restored.q);
    setNearDraft(restored.near === 'me' ? '' : restored.near);
    setFolded(isActive(restored));
    if (atStart) setIgnored(ignoredFilterCount(location.search) > 0);
    if (atStart && isActive(restored)) setReveal('scroll');
  });
  const geo = useGeolocation();
  const map = useMapToggle();
  const [selected, setSelected] = useState<string | null>(null);
  const typingTimer = useRef<number | undefined>(undefined);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const active = isActive(state);

  const {
    load,
    engine,
    ensure: ensureEngine,
    postalSettled,
    placesVersion,
  } = useSearchEngine({
    indexUrl: props.indexUrl,
    postalUrl: props.postalUrl,
    districtUrl: props.districtUrl,
    // A link that already asks for a search loads the index at once; otherwise on first use.
    eager: active,
    zipText: `${state.q} ${state.near}`,
    placeText: state.near === 'me' ? '' : state.near,
  });

  // The server-rendered list stays for the plain view and whenever the search cannot run.
  useEffect(() => {
    const showStatic = !active || load.status === 'failed';
    for (const element of document.querySelectorAll<HTMLElement>('[data-finder-static]')) {
      element.hidden = !showStatic;
    }
  }, [active, load.status]);

  const onText = (value: string) => {
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

  const nearPlace = useMemo(() => {
    if (!engine || !state.near) return undefined;
    if (state.near === 'me')
      return geo.position ? { ...geo.position, name: t('finder.ui.myLocation') } : undefined;
    return engine.resolvePlace(state.near);
    // placesVersion: a postal code that was unknown (or only its district's centre) resolves
    // once its table arrives.
  }, [engine, state.near, geo.position, placesVersion, t]);

  const outcome = useMemo(() => {
    if (!engine || !active) return null;
    return engine.search(queryFromState(state, nearPlace, engine.distanceUnit));
  }, [engine, active, state, nearPlace, placesVersion]);

  useEffect(() => {
    const heading = resultsHeading.current;
    if (!outcome || !heading || !reveal) return;
    // Moving focus is for the person who pressed the button; arriving, it stays at the top.
    if (reveal === 'focus') heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
    setReveal(null);
  }, [outcome, reveal]);

  const results = outcome?.results ?? [];
  const pageCount = Math.max(1, Math.ceil(results.length / pageSize));
  const page = Math.min(state.page, pageCount);
  const start = (page - 1) * pageSize;
  const shown = results.slice(start, start + pageSize);
  const sortedFrom = nearPlace ?? outcome?.near;
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

  const sparse = sparseFiltersOn(state, props.coverage);
  // Said on paper, where the form is not printed: what this list is the answer to.
  const searched = [state.q.trim(), sortedFrom?.name ?? (state.near === 'me' ? '' : state.near)]
    .filter(Boolean)
    .join(' · ');

  const goToPage = (next: number) => {
    commit({ ...state, page: next });
    resultsHeading.current?.focus();
  };

  const drop = (step: WideningStep) => {
    if (step.kind === 'words') setDraft('');
    update(step.drop);
  };

  return (
    <div class="rf-finder" inert={!hydrated} data-hydrated={hydrated ? '' : undefined}>
      <FinderForm
        state={state}
        draft={draft}
        nearDraft={nearDraft}
        locating={geo.status}
        nearUnknown={
          engine && state.near && state.near !== 'me' && !nearPlace && postalSettled
            ? engine.suggestPlaces(state.near)
            : undefined
        }
        folded={folded}
        active={active}
        findPath={props.findPath}
        facets={props.facets}
        languages={props.languages}
        coverage={props.coverage}
        sessions={props.sessions}
        locale={locale}
        onStart={ensureEngine}
        onText={onText}
        onNearInput={setNearDraft}
        update={update}
        onLocate={() =>
          geo.locate(() => {
            setNearDraft('');
            update({ near: 'me' });
          })
        }
        onSubmit={() => {
          window.clearTimeout(typingTimer.current);
          setFolded(true);
          setReveal('focus');
          update({});
        }}
        onClear={() => {
          setDraft('');
          setNearDraft('');
          setFolded(false);
          setIgnored(false);
          commit(stateFromSearch(''));
        }}
        t={t}
      />

      {active && (
        <section class="rf-finder__results" aria-labelledby="finder-results-title">
          <h2 id="finder-results-title" tabIndex={-1} ref={resultsHeading}>
            {t('finder.resultsTitle')}
          </h2>
          <FinderStatus
            load={load.status}
            outcome={outcome}
            start={start}
            shownCount={shown.length}
            sortedFrom={sortedFrom}
            t={t}
          />
          {searched && (
            <p class="rf-print-only rf-finder__searched">
              {t('finder.ui.searched', { search: searched })}
            </p>
          )}
          {ignored && <p class="rf-muted">{t('finder.ui.ignoredFilter')}</p>}
          {sparse.length > 0 && (
            <FinderSparse
              filters={sparse}
              coverage={props.coverage}
              locale={locale}
              line={props.line}
              callbackUrl={localized(locale, callbackPath())}
              onDrop={(filter) => update({ [filter]: false })}
              t={t}
            />
          )}
          {outcome && (
            <FinderPaths
              slugs={outcome.paths}
              titles={props.pathTitles}
              locale={props.locale}
              t={t}
            />
          )}
          {outcome && results.length === 0 && sparse.length === 0 && (
            <FinderNoResults
              state={state}
              labels={labels}
              line={props.line}
              callbackUrl={localized(locale, callbackPath())}
              onDrop={drop}
              t={t}
            />
          )}
          {results.length > 0 && (
            <div class="rf-actions rf-finder__tools">
              <ShareView url={location.href} title={document.title} t={t} />
              <button
                type="button"
                class="rf-button rf-button--secondary"
                aria-expanded={map.open}
                onClick={map.toggle}
              >
                {map.open ? t('finder.ui.hideMap') : t('finder.ui.showMap')}
              </button>
            </div>
          )}
          {map.open && results.length > 0 && (
            <FinderMap
              View={map.View}
              failed={map.failed}
              map={props.map}
              shown={shown}
              all={results}
              firstNumber={start + 1}
              selected={selected}
              onSelect={setSelected}
              t={t}
            />
          )}
          <FinderResultsList
            shown={shown}
            start={start}
            page={page}
            pageCount={pageCount}
            state={state}
            findPath={props.findPath}
            engine={engine}
            locale={locale}
            labels={labels}
            line={props.line}
            hoursAsked={state.openNow}
            selected={selected}
            onSelect={setSelected}
            goToPage={goToPage}
            t={t}
          />
        </section>
      )}
    </div>
  );
}
