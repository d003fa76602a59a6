import type { FinderState } from '../domain/search/url-state.ts';
import './QuickFilters.css';
import type { MessageKey, Translate } from './format.ts';
// Fields drawn by hand here share the form components' styles.
import '../components/form/Choice.css';

const TOGGLES = [
  ['openNow', 'finder.ui.openNow'],
  ['walkIn', 'finder.ui.walkIn'],
  ['openings', 'finder.ui.openings'],
] as const;

export const QUICK_FILTERS_KEYS = [
  'finder.ui.quickFilters',
  'finder.ui.openNow',
  'finder.ui.walkIn',
  'finder.ui.openings',
] as const;

export interface QuickFiltersProps {
  state: FinderState;
  update: (change: Partial<FinderState>) => void;
  t: Translate<MessageKey<typeof QUICK_FILTERS_KEYS>>;
}

/** The three filters people reach for first, always in view: open now, walk-in, has room. */
export function QuickFilters({ state, update, t }: QuickFiltersProps) {
  return (
    <fieldset class="rf-finder__toggles">
      <legend class="rf-visually-hidden">{t('finder.ui.quickFilters')}</legend>
      {TOGGLES.map(([field, label]) => (
        <label class="rf-check" key={field}>
          <input
            type="checkbox"
            checked={state[field]}
            onChange={(event) => update({ [field]: event.currentTarget.checked })}
          />{' '}
          {t(label)}
        </label>
      ))}
    </fieldset>
  );
}
