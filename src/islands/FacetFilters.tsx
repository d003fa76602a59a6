import type { FacetName } from '../domain/search/documents.ts';
import { WITHIN_CHOICES, type FinderState } from '../domain/search/url-state.ts';
import './FacetFilters.css';
import type { MessageKey, Translate } from './format.ts';

export const FACET_FILTERS_KEYS = [
  'finder.ui.facet.service',
  'finder.ui.facet.medication',
  'finder.ui.facet.setting',
  'finder.ui.facet.payment',
  'finder.ui.facet.population',
  'finder.ui.facet.language',
  'finder.ui.facet.within',
  'finder.ui.anyLanguage',
  'finder.ui.anyDistance',
  'finder.ui.withinMiles',
] as const;
// Fields drawn by hand here share the form components' styles.
import '../components/form/Field.css';
import '../components/form/TextInput.css';
import '../components/form/Choice.css';

export interface FacetOptions {
  name: FacetName;
  options: Array<{ key: string; label: string }>;
}

export interface FacetFiltersProps {
  /** Prefix for element ids, so two forms on a page never share one. */
  idPrefix: string;
  facets: FacetOptions[];
  languages: Array<{ code: string; label: string }>;
  state: FinderState;
  update: (change: Partial<FinderState>) => void;
  t: Translate<MessageKey<typeof FACET_FILTERS_KEYS>>;
}

/** Checkboxes per facet, the staff language and the distance: the finder's and operator's filters. */
export function FacetFilters({ idPrefix, facets, languages, state, update, t }: FacetFiltersProps) {
  const toggle = (facet: FacetName, key: string, on: boolean) => {
    const current = state.filters[facet];
    const values = on ? [...current, key] : current.filter((value) => value !== key);
    update({ filters: { ...state.filters, [facet]: values } });
  };
  return (
    <>
      {facets.map((facet) => (
        <fieldset class="rf-finder__facet" key={facet.name}>
          <legend>{t(`finder.ui.facet.${facet.name}`)}</legend>
          {facet.options.map((option) => (
            <label class="rf-check" key={option.key}>
              <input
                type="checkbox"
                name={facet.name}
                value={option.key}
                checked={state.filters[facet.name].includes(option.key)}
                onChange={(event) => toggle(facet.name, option.key, event.currentTarget.checked)}
              />{' '}
              {option.label}
            </label>
          ))}
        </fieldset>
      ))}
      <div class="rf-field">
        <label class="rf-field__label" for={`${idPrefix}-language`}>
          {t('finder.ui.facet.language')}
        </label>
        <select
          class="rf-input"
          id={`${idPrefix}-language`}
          value={state.languages[0] ?? ''}
          onChange={(event) =>
            update({ languages: event.currentTarget.value ? [event.currentTarget.value] : [] })
          }
        >
          <option value="">{t('finder.ui.anyLanguage')}</option>
          {languages.map((language) => (
            <option value={language.code} key={language.code}>
              {language.label}
            </option>
          ))}
        </select>
      </div>
      <div class="rf-field">
        <label class="rf-field__label" for={`${idPrefix}-within`}>
          {t('finder.ui.facet.within')}
        </label>
        <select
          class="rf-input"
          id={`${idPrefix}-within`}
          value={String(state.within)}
          onChange={(event) => update({ within: Number(event.currentTarget.value) })}
        >
          {WITHIN_CHOICES.map((miles) => (
            <option value={String(miles)} key={miles}>
              {miles === 0 ? t('finder.ui.anyDistance') : t.plural('finder.ui.withinMiles', miles)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
