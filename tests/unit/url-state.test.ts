import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  emptyState,
  isActive,
  searchFromState,
  stateFromSearch,
} from '../../src/domain/search/url-state.ts';

describe('finder state in the URL', () => {
  it('round-trips every field', () => {
    const state = emptyState();
    state.q = 'suboxone near me';
    state.filters.service = ['detox', 'residential'];
    state.filters.payment = ['medicaid'];
    state.languages = ['ht'];
    state.near = '02119';
    state.within = 5;
    state.openNow = true;
    state.walkIn = true;
    state.openings = true;
    state.page = 3;
    const search = searchFromState(state);
    expect(search).toBe(
      '?q=suboxone+near+me&service=detox,residential&payment=medicaid&language=ht&near=02119&within=5&open=1&walkin=1&openings=1&page=3',
    );
    expect(stateFromSearch(search)).toEqual(state);
  });

  it('writes nothing for the plain list', () => {
    expect(searchFromState(emptyState())).toBe('');
    expect(isActive(emptyState())).toBe(false);
    expect(isActive({ ...emptyState(), page: 4 })).toBe(false);
  });

  it('ignores malformed values instead of trusting them', () => {
    const state = stateFromSearch('?service=detox,<script>,detox&page=-2&within=7&open=yes');
    expect(state.filters.service).toEqual(['detox']);
    expect(state.page).toBe(1);
    expect(state.within).toBe(0);
    expect(state.openNow).toBe(false);
  });

  it('counts active filters', () => {
    expect(activeFilterCount(stateFromSearch('?service=detox,residential&open=1&within=5'))).toBe(
      4,
    );
  });
});
