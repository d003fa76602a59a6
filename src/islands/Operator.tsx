import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PhoneLink } from '../components/PhoneLink.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { formatDistance } from '../domain/format-distance.ts';
import { ltrLink, ltrValue } from '../domain/bidi.ts';
import { localeInfo } from '../i18n/locales.ts';
import { callPart, type DeploymentLine } from '../domain/reach.ts';
import type { Coverage, QuickFilter } from '../domain/search/filter-coverage.ts';
import {
  queryFromState,
  searchFromState,
  stateFromSearch,
  type FinderState,
} from '../domain/search/url-state.ts';
import { smsText } from '../domain/share/sms.ts';
import { absolute, callbackPath, finderPath, localized, shortLinkPath } from '../domain/urls.ts';
import { FacetFilters, type FacetOptions } from './FacetFilters.tsx';
import { translator, type Messages } from './format.ts';
import { QuickFilters } from './QuickFilters.tsx';
import { useSearchEngine } from './use-search-engine.ts';
import type { OPERATOR_KEYS } from './operator-keys.ts';
import './Operator.css';
// Fields drawn by hand here share the form components' styles.
import '../components/form/Field.css';
import '../components/form/TextInput.css';

export interface OperatorProps {
  locale: string;
  strings: Messages<typeof OPERATOR_KEYS>;
  facets: FacetOptions[];
  languages: Array<{ code: string; label: string }>;
  /** Published site languages, named in themselves, for the caller's language. */
  locales: Array<{ code: string; name: string }>;
  /**
   * "Call {{number}}" and "Call {{hotline}} at {{number}} to reach it" in each site language,
   * for texts in the caller's language: a place without a number is reached through the line.
   */
  smsCall: Record<string, { call: string; viaLine: string }>;
  line: DeploymentLine;
  coverage: Record<QuickFilter, Coverage>;
  origin: string;
  operatorPath: string;
  indexUrl: string;
  postalUrl: string;
  /** Where one postcode district's full postcodes are: `/postal-codes/` + `DH1.json`. */
  districtUrl: string;
}

const ROWS_PER_PAGE = 25;

/**
 * The operator view: a dense, keyboard-first search over the same index as the finder, with
 * links and texts ready in the caller's language. Public data only, so it needs no login.
 */
export default function Operator(props: OperatorProps) {
  const { locale, strings } = props;
  const t = useMemo(() => translator(strings, locale), [strings, locale]);
  const initialParams = new URLSearchParams(location.search);
  const [state, setState] = useState<FinderState>(() => stateFromSearch(location.search));
  const [caller, setCaller] = useState(() => {
    const wanted = initialParams.get('caller') ?? '';
    return props.locales.some((l) => l.code === wanted) ? wanted : locale;
  });
  const [message, setMessage] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const { load, engine, ensure } = useSearchEngine({
    indexUrl: props.indexUrl,
    postalUrl: props.postalUrl,
    districtUrl: props.districtUrl,
    eager: true,
    zipText: `${state.q} ${state.near}`,
  });

  // The operator's own address keeps the search too, so a reload loses nothing mid-call.
  useEffect(() => {
    const query = searchFromState(state).replace(/^\?/, '');
    const params = new URLSearchParams(query);
    if (caller !== locale) params.set('caller', caller);
    const text = params.toString().replace(/%2C/g, ',');
    history.replaceState(null, '', `${props.operatorPath}${text ? `?${text}` : ''}`);
  }, [state, caller, locale, props.operatorPath]);

  // "/" jumps back to the search box from anywhere, as in many tools operators already use.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
      if (event.key === '/' && !typing) {
        event.preventDefault();
        search.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const update = (change: Partial<FinderState>) =>
    setState({ ...state, ...change, page: change.page ?? 1 });
  const near = engine && state.near ? engine.resolvePlace(state.near) : undefined;
  const results = useMemo(() => {
    if (!engine) return [];
    return engine.search(queryFromState(state, near, engine.distanceUnit)).results;
  }, [engine, state, near]);

  const callerName = props.locales.find((l) => l.code === caller)?.name ?? caller;
  const pages = Math.max(1, Math.ceil(results.length / ROWS_PER_PAGE));
  const page = Math.min(state.page, pages);
  const rows = results.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);

  const copy = (text: string, done: string) => {
    navigator.clipboard.writeText(text).then(
      () => setMessage(done),
      () => setMessage(text),
    );
  };
  const linkFor = (code: string) => absolute(props.origin, localized(caller, shortLinkPath(code)));
  const viewLink = absolute(
    props.origin,
    localized(caller, finderPath(searchFromState({ ...state, page: 1 }))),
  );

  return (
    <div class="rf-operator">
      <form
        class="rf-operator__form"
        role="search"
        aria-label={t('finder.ui.formLabel')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div class="rf-field">
          <label class="rf-field__label" for="operator-caller">
            {t('operator.callerLanguage')}
          </label>
          <select
            class="rf-input"
            id="operator-caller"
            value={caller}
            onChange={(e) => setCaller(e.currentTarget.value)}
          >
            {props.locales.map((l) => (
              <option value={l.code} key={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div class="rf-field">
          <label class="rf-field__label" for="operator-q">
            {t('operator.searchLabel')}
          </label>
          <input
            ref={search}
            class="rf-input"
            id="operator-q"
            type="search"
            autocomplete="off"
            value={state.q}
            onFocus={ensure}
            onInput={(e) => update({ q: e.currentTarget.value })}
          />
        </div>
        <div class="rf-field">
          <label class="rf-field__label" for="operator-near">
            {t('finder.ui.nearLabel')}
          </label>
          <input
            class="rf-input"
            id="operator-near"
            value={state.near}
            aria-describedby="operator-near-hint"
            onChange={(e) => update({ near: e.currentTarget.value.trim() })}
          />
          <p class="rf-field__hint" id="operator-near-hint">
            {t('finder.ui.nearHint')}
          </p>
        </div>
        <QuickFilters
          state={state}
          coverage={props.coverage}
          locale={locale}
          update={update}
          t={t}
        />
        <details class="rf-finder__more">
          <summary>{t('finder.ui.moreFilters')}</summary>
          <FacetFilters
            idPrefix="operator"
            facets={props.facets}
            languages={props.languages}
            state={state}
            update={update}
            t={t}
          />
        </details>
      </form>

      <p role="status" class="rf-operator__status">
        {load.status === 'loading' && t('finder.ui.loading')}
        {load.status === 'failed' && t('finder.ui.loadFailed')}
        {engine && t.plural('finder.ui.count', results.length)}
        {engine &&
          rows.length < results.length &&
          ` ${t('finder.ui.range', {
            start: (page - 1) * ROWS_PER_PAGE + 1,
            end: (page - 1) * ROWS_PER_PAGE + rows.length,
          })}`}
        {message && ` ${message}`}
      </p>
      <p>
        <button
          type="button"
          class="rf-button rf-button--secondary"
          onClick={() => copy(viewLink, t('operator.copiedView', { language: callerName }))}
        >
          {t('operator.copyView', { language: callerName })}
        </button>
      </p>

      {engine && rows.length > 0 && (
        <div class="rf-operator__table-wrap">
          <table class="rf-operator__table">
            <caption class="rf-visually-hidden">{t('finder.resultsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operator.place')}</th>
                <th scope="col">{t('operator.phone')}</th>
                <th scope="col">{t('operator.where')}</th>
                <th scope="col">{t('operator.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((result) => {
                const view = engine.view(result);
                const { phone, distanceKm } = view;
                // The copied text is in the caller's language: in a right-to-left one the
                // number, the address and the link are isolated so they keep their order.
                const dir = localeInfo(caller).dir;
                const call = callPart(
                  props.smsCall[caller] ?? { call: '{{number}}', viaLine: '{{number}}' },
                  phone && ltrValue(phone.display, dir),
                  {
                    name: props.line.name,
                    anywhere: {
                      ...props.line.anywhere,
                      display: ltrValue(props.line.anywhere.display, dir),
                    },
                  },
                );
                const address = view.address && `${view.address.street}, ${view.address.city}`;
                const text = smsText({
                  name: view.name,
                  call,
                  address: address && ltrValue(address, dir),
                  url: ltrLink(linkFor(view.shortCode), dir),
                });
                return (
                  <tr key={view.id}>
                    <th scope="row">
                      <a href={localized(locale, view.path)}>{view.name}</a>
                    </th>
                    <td class="rf-ltr">{phone ? <PhoneLink phone={phone} t={t} /> : '—'}</td>
                    <td>
                      {address}
                      {distanceKm !== undefined &&
                        ` (${formatDistance(distanceKm, locale, view.distanceUnit)})`}
                    </td>
                    <td>
                      <div class="rf-operator__actions">
                        <button
                          type="button"
                          class="rf-link-button"
                          onClick={() =>
                            copy(
                              linkFor(view.shortCode),
                              t('operator.copiedLink', { language: callerName }),
                            )
                          }
                        >
                          {t('operator.copyLink', { language: callerName })}
                          <span class="rf-visually-hidden">: {view.name}</span>
                        </button>
                        <button
                          type="button"
                          class="rf-link-button"
                          onClick={() =>
                            copy(text, t('operator.copiedText', { language: callerName }))
                          }
                        >
                          {t('operator.copyText')}
                          <span class="rf-visually-hidden">: {view.name}</span>
                        </button>
                        <a
                          href={localized(
                            locale,
                            callbackPath({ for: 'someone-else', provider: view.id, lang: caller }),
                          )}
                        >
                          {t('operator.callback')}
                          <span class="rf-visually-hidden">: {view.name}</span>
                        </a>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination current={page} last={pages} t={t} onPage={(number) => update({ page: number })} />
    </div>
  );
}
