import { interpolate } from '../interpolate.ts';
import { FACET_NAMES, type FacetName } from './documents.ts';
import type { FinderState } from './url-state.ts';

/** What each filter is called on the page, and the sentences that offer to drop one. */
export interface FilterWords {
  /** Each facet's option labels, by option key; a key with no label is shown as itself. */
  options: Partial<Record<FacetName, Readonly<Record<string, string>>>>;
  language: string;
  openNow: string;
  walkIn: string;
  openings: string;
  within: string;
  /** "Search without the words “{{words}}”" */
  dropWords: string;
  /** "Search without “{{filter}}”" */
  dropFilter: string;
}

/** One way to widen a search: the sentence that offers it, and the change that makes it. */
export interface WideningStep {
  /** `words`: drop the typed text; `filter`: drop one filter that is on. */
  kind: 'words' | 'filter';
  text: string;
  drop: Partial<FinderState>;
}

/**
 * What narrows a search, as offers to drop each part ("Search without …"), in the order the
 * form shows them: the words typed, each facet option, staff language, open now, walk-in,
 * reported room and distance. A search with no results lists them.
 */
export function wideningSteps(state: FinderState, words: FilterWords): WideningStep[] {
  const steps: WideningStep[] = [];
  const typed = state.q.trim();
  if (typed)
    steps.push({
      kind: 'words',
      text: interpolate(words.dropWords, { words: typed }),
      drop: { q: '' },
    });
  const filter = (label: string, drop: Partial<FinderState>) =>
    steps.push({ kind: 'filter', text: interpolate(words.dropFilter, { filter: label }), drop });
  for (const facet of FACET_NAMES) {
    for (const key of state.filters[facet]) {
      filter(words.options[facet]?.[key] ?? key, {
        filters: { ...state.filters, [facet]: state.filters[facet].filter((k) => k !== key) },
      });
    }
  }
  if (state.languages.length > 0) filter(words.language, { languages: [] });
  if (state.openNow) filter(words.openNow, { openNow: false });
  if (state.walkIn) filter(words.walkIn, { walkIn: false });
  if (state.openings) filter(words.openings, { openings: false });
  if (state.within > 0) filter(words.within, { within: 0 });
  return steps;
}
