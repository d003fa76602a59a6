import { describe, expect, it } from 'vitest';
import { LINE_SLOT_MARKS, callPart, deploymentLine, lineSentence } from '../../src/domain/reach.ts';
import { filterCoverage } from '../../src/domain/search/filter-coverage.ts';
import {
  QUERY_MAX,
  ignoredFilterCount,
  searchFromState,
  stateFromSearch,
} from '../../src/domain/search/url-state.ts';
import { interpolate } from '../../src/domain/interpolate.ts';
import { smsText } from '../../src/domain/share/sms.ts';
import { useTranslations } from '../../src/i18n/index.ts';
import { finderOptions } from '../../src/finder-options.ts';
import { islandMessages } from '../../src/i18n/island-messages.ts';
import { translator } from '../../src/islands/format.ts';
import { QUICK_FILTERS_KEYS, coverageText } from '../../src/islands/QuickFilters.tsx';
import { providers } from './result-view-helpers.ts';

const LOCALES = ['en', 'es', 'ht', 'kea', 'pt', 'vi', 'zh-Hans', 'zh-Hant', 'ar', 'ru', 'so', 'fr'];

const line = deploymentLine({
  city: 'Springfield',
  hotline: {
    name: 'Springfield Help',
    local: { dial: '211', display: '211' },
    anywhere: { dial: '+15555550100', display: '555-555-0100' },
  },
});

describe('a place without a number is still reachable', () => {
  const templates = { call: 'Call {{number}}', viaLine: 'Call {{hotline}} at {{number}}' };

  it("a message carries the place's own number when it has one", () => {
    expect(callPart(templates, '617-555-0100', line)).toBe('Call 617-555-0100');
  });

  it('and otherwise the line, by the number that works from any phone', () => {
    expect(callPart(templates, undefined, line)).toBe('Call Springfield Help at 555-555-0100');
  });

  it('so a text about such a place always has a number in it', () => {
    const text = smsText({
      name: 'A place with a very long name that goes on and on and on and on and on and on',
      call: callPart(templates, undefined, line),
      url: 'https://example.org/en/p/abc1234/',
    });
    expect(text).toContain('555-555-0100');
  });

  it('splits the sentence where the language puts each number', () => {
    const marked = interpolate('Call {{hotline}} ({{number}} from outside {{city}}).', {
      ...LINE_SLOT_MARKS,
      city: line.city,
    });
    expect(lineSentence(marked)).toEqual([
      'Call ',
      { slot: 'hotline' },
      ' (',
      { slot: 'number' },
      ' from outside Springfield).',
    ]);
    // Another order, and a sentence that starts with a number.
    expect(lineSentence(interpolate('{{number}} / {{hotline}}', LINE_SLOT_MARKS))).toEqual([
      { slot: 'number' },
      ' / ',
      { slot: 'hotline' },
    ]);
  });

  it('every locale says it with both numbers and no number of its own', () => {
    for (const locale of LOCALES) {
      const t = useTranslations(locale);
      const marked = t('provider.reachLine', { ...LINE_SLOT_MARKS, city: 'X' });
      const slots = lineSentence(marked).filter((part) => typeof part !== 'string');
      expect(slots, locale).toHaveLength(2);
      expect(marked, locale).not.toMatch(/\d/);
    }
  });
});

describe('how much of the directory a quick filter can speak for', () => {
  const place = (facts: Partial<Parameters<typeof filterCoverage>[0][number]> = {}) => ({
    availability: { status: 'unknown' },
    ...facts,
  });

  it('counts the places whose listing answers each filter', () => {
    const coverage = filterCoverage([
      place({ hours: 'Mo-Fr 09:00-17:00' }),
      place({ walk_in: false }),
      place({ walk_in: true, availability: { status: 'waitlist' } }),
      place(),
    ]);
    expect(coverage.openNow).toEqual({ known: 1, total: 4, sparse: false });
    expect(coverage.walkIn).toEqual({ known: 2, total: 4, sparse: false });
    expect(coverage.openings).toEqual({ known: 1, total: 4, sparse: false });
  });

  it('calls a filter sparse when under a tenth of places are known, or none', () => {
    const many = Array.from({ length: 30 }, () => place());
    many[0] = place({ hours: 'Mo-Fr 09:00-17:00' });
    const coverage = filterCoverage(many);
    expect(coverage.openNow).toEqual({ known: 1, total: 30, sparse: true });
    expect(coverage.walkIn.sparse).toBe(true);
    expect(filterCoverage([]).openNow.sparse).toBe(true);
  });

  it('is counted at build time for the islands, and said in the page language', () => {
    const { coverage } = finderOptions('en', providers);
    expect(coverage).toEqual(filterCoverage(providers));
    const t = translator(islandMessages('en', QUICK_FILTERS_KEYS), 'en');
    expect(coverageText('openNow', { known: 1, total: 1438, sparse: true }, 'en', t)).toBe(
      'Hours known for 1 of 1,438 places',
    );
  });
});

describe('bad input in the address', () => {
  it(`keeps at most ${QUERY_MAX} characters of a query`, () => {
    const state = stateFromSearch(`?q=${'a'.repeat(5000)}`);
    expect(state.q).toHaveLength(QUERY_MAX);
    // Counted in characters, so a cap never cuts a character in half.
    expect([...stateFromSearch(`?q=${'🙂'.repeat(300)}`).q]).toHaveLength(QUERY_MAX);
  });

  it('drops filter values it does not know, and says how many', () => {
    const search = '?service=xyz,detox&medication=buprenorphine,nope&population=';
    const state = stateFromSearch(search);
    expect(state.filters.service).toEqual(['detox']);
    expect(state.filters.medication).toEqual(['buprenorphine']);
    expect(searchFromState(state)).toBe('?service=detox&medication=buprenorphine');
    expect(ignoredFilterCount(search)).toBe(2);
    expect(ignoredFilterCount('?service=detox')).toBe(0);
    expect(ignoredFilterCount('?service=<script>')).toBe(1);
  });
});
