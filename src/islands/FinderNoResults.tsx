import { wideningSteps, type WideningStep } from '../domain/search/filter-summary.ts';
import type { LineNumbers } from '../domain/reach.ts';
import type { FinderState } from '../domain/search/url-state.ts';
import type { FacetName } from '../domain/search/documents.ts';
import type { MessageKey, Translate } from './format.ts';
import { VALUE_MARK, WithValue } from '../components/WithValue.tsx';

export const FINDER_NO_RESULTS_KEYS = [
  'finder.ui.dropText',
  'finder.ui.dropFilter',
  'finder.ui.facet.language',
  'finder.ui.openNow',
  'finder.ui.walkIn',
  'finder.ui.openings',
  'finder.ui.facet.within',
  'finder.ui.lineHelp',
  'call.button',
  'nav.callback',
] as const;

export interface FinderNoResultsProps {
  state: FinderState;
  /** Each facet's option labels, by key. */
  labels: Partial<Record<FacetName, Readonly<Record<string, string>>>>;
  line: LineNumbers;
  callbackUrl: string;
  /** Drops one part of the search. */
  onDrop: (step: WideningStep) => void;
  t: Translate<MessageKey<typeof FINDER_NO_RESULTS_KEYS>>;
}

/**
 * When nothing matches: an offer to drop each part of the search, and the people who can help
 * find a place anyway (the phone line and a callback).
 */
export function FinderNoResults({
  state,
  labels,
  line,
  callbackUrl,
  onDrop,
  t,
}: FinderNoResultsProps) {
  const steps = wideningSteps(state, {
    options: labels,
    language: t('finder.ui.facet.language'),
    openNow: t('finder.ui.openNow'),
    walkIn: t('finder.ui.walkIn'),
    openings: t('finder.ui.openings'),
    within: t('finder.ui.facet.within'),
    dropWords: t.template('finder.ui.dropText'),
    dropFilter: t.template('finder.ui.dropFilter'),
  });
  return (
    <div class="rf-panel">
      <ul>
        {steps.map((step) => (
          <li key={step.text}>
            <button type="button" class="rf-link-button" onClick={() => onDrop(step)}>
              {step.text}
            </button>
          </li>
        ))}
      </ul>
      <p>{t('finder.ui.lineHelp')}</p>
      <div class="rf-actions">
        <a class="rf-button" href={`tel:${line.local.dial}`}>
          <WithValue text={t('call.button', { number: VALUE_MARK })} value={line.local.display} />
        </a>
        <a class="rf-button rf-button--secondary" href={callbackUrl}>
          {t('nav.callback')}
        </a>
      </div>
    </div>
  );
}
