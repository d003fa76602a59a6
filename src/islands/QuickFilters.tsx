import { intlLocale } from '../domain/intl-locale.ts';
import type { Coverage, QuickFilter } from '../domain/search/filter-coverage.ts';
import type { FinderState } from '../domain/search/url-state.ts';
import './QuickFilters.css';
import type { MessageKey, Translate } from './format.ts';
// Fields drawn by hand here share the form components' styles.
import '../components/form/Choice.css';

export const QUICK_FILTER_LABELS = {
  openNow: 'finder.ui.openNow',
  walkIn: 'finder.ui.walkIn',
  openings: 'finder.ui.openings',
} as const satisfies Record<QuickFilter, string>;

/** Only a deployment with sessions offers "sessions this week"; others leave these out. */
export const SESSIONS_FILTER_KEYS = ['finder.ui.thisWeek'] as const;

export const QUICK_FILTERS_KEYS = [
  'finder.ui.quickFilters',
  'finder.ui.openNow',
  'finder.ui.walkIn',
  'finder.ui.openings',
  'finder.ui.coverage.openNow',
  'finder.ui.coverage.walkIn',
  'finder.ui.coverage.openings',
  SESSIONS_FILTER_KEYS,
] as const;

/** "Hours known for 1 of 438 places", with the counts in the locale's digits. */
export function coverageText(
  filter: QuickFilter,
  { known, total }: Coverage,
  locale: string,
  t: Translate<MessageKey<typeof QUICK_FILTERS_KEYS>>,
): string {
  const number = new Intl.NumberFormat(intlLocale(locale));
  return t(`finder.ui.coverage.${filter}`, {
    known: number.format(known),
    total: number.format(total),
  });
}

export interface QuickFiltersProps {
  state: FinderState;
  /** Counted at build time from the providers (filter-coverage.ts). */
  coverage: Readonly<Record<QuickFilter, Coverage>>;
  locale: string;
  update: (change: Partial<FinderState>) => void;
  t: Translate<MessageKey<typeof QUICK_FILTERS_KEYS>>;
  /** The deployment publishes sessions: offer "sessions this week". */
  sessions?: boolean | undefined;
}

/**
 * The three filters people reach for first: open now, walk-in, has room. Each says how much
 * of the directory it can speak for, so an empty list is not taken to mean "nowhere is open".
 */
export function QuickFilters({ state, coverage, locale, update, t, sessions }: QuickFiltersProps) {
  return (
    <fieldset class="rf-finder__toggles">
      <legend class="rf-visually-hidden">{t('finder.ui.quickFilters')}</legend>
      {(Object.keys(QUICK_FILTER_LABELS) as QuickFilter[]).map((field) => (
        <div class="rf-finder__toggle" key={field}>
          <label class="rf-check">
            <input
              type="checkbox"
              checked={state[field]}
              aria-describedby={`finder-${field}-coverage`}
              onChange={(event) => update({ [field]: event.currentTarget.checked })}
            />{' '}
            {t(QUICK_FILTER_LABELS[field])}
          </label>
          <span class="rf-finder__coverage" id={`finder-${field}-coverage`}>
            {coverageText(field, coverage[field], locale, t)}
          </span>
        </div>
      ))}
      {sessions && (
        <div class="rf-finder__toggle">
          <label class="rf-check">
            <input
              type="checkbox"
              checked={state.week}
              onChange={(event) => update({ week: event.currentTarget.checked })}
            />{' '}
            {t('finder.ui.thisWeek')}
          </label>
        </div>
      )}
    </fieldset>
  );
}
