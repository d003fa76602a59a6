import { describe, expect, it } from 'vitest';
import { wideningSteps, type FilterWords } from '../../src/domain/search/filter-summary.ts';
import { stateFromSearch } from '../../src/domain/search/url-state.ts';

const WORDS: FilterWords = {
  options: {
    service: { detox: 'Withdrawal management', residential: 'Residential care' },
    payment: { medicaid: 'MassHealth' },
  },
  language: 'Language spoken by staff',
  openNow: 'Open now',
  walkIn: 'Walk in without an appointment',
  openings: 'Reported having room',
  within: 'Distance',
  dropWords: 'Search without the words “{{words}}”',
  dropFilter: 'Search without “{{filter}}”',
};

describe('what narrows a search', () => {
  it('says nothing for a search with nothing to drop', () => {
    expect(wideningSteps(stateFromSearch(''), WORDS)).toEqual([]);
    expect(wideningSteps(stateFromSearch('?q=%20%20&near=02119&page=3'), WORDS)).toEqual([]);
  });

  it('offers to drop each part, in the order of the form', () => {
    const state = stateFromSearch(
      '?q=+suboxone+&service=detox,residential&payment=medicaid&language=ht&within=5&open=1&walkin=1&openings=1',
    );
    expect(wideningSteps(state, WORDS).map((step) => [step.kind, step.text])).toEqual([
      ['words', 'Search without the words “suboxone”'],
      ['filter', 'Search without “Withdrawal management”'],
      ['filter', 'Search without “Residential care”'],
      ['filter', 'Search without “MassHealth”'],
      ['filter', 'Search without “Language spoken by staff”'],
      ['filter', 'Search without “Open now”'],
      ['filter', 'Search without “Walk in without an appointment”'],
      ['filter', 'Search without “Reported having room”'],
      ['filter', 'Search without “Distance”'],
    ]);
  });

  it('drops exactly one part, keeping the rest', () => {
    const state = stateFromSearch('?q=detox&service=detox,residential&open=1&within=5');
    const [words, detox, residential, open, within] = wideningSteps(state, WORDS);
    expect(words!.drop).toEqual({ q: '' });
    expect(detox!.drop).toEqual({ filters: { ...state.filters, service: ['residential'] } });
    expect(residential!.drop).toEqual({ filters: { ...state.filters, service: ['detox'] } });
    expect(open!.drop).toEqual({ openNow: false });
    expect(within!.drop).toEqual({ within: 0 });
    // The state itself is left as it was.
    expect(state.filters.service).toEqual(['detox', 'residential']);
  });

  it('names an option with no label by its key', () => {
    const steps = wideningSteps(stateFromSearch('?medication=naltrexone'), WORDS);
    expect(steps.map((step) => step.text)).toEqual(['Search without “naltrexone”']);
    expect(steps[0]!.drop).toEqual({
      filters: { ...stateFromSearch('').filters },
    });
  });
});
