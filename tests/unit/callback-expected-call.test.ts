import { afterEach, describe, expect, it } from 'vitest';
import { expectedCall } from '../../src/domain/callback/expected-call.ts';
import { toWeeklyIntervals } from '../../src/domain/opening-hours.ts';
import { BOSTON_HOURS } from './callback-helpers.ts';

const BOSTON = 'America/New_York';
const week = toWeeklyIntervals(BOSTON_HOURS);

/** The window as UTC ISO strings, for readable expectations. */
function windowAt(now: string, bestTime?: string, extra: { minimumMinutes?: number } = {}) {
  const result = expectedCall({
    intervals: week,
    timeZone: BOSTON,
    bestTime,
    now: new Date(now),
    ...extra,
  });
  return result && { start: result.start.toISOString(), end: result.end.toISOString() };
}

// January 2026 in Boston is EST, UTC-5. Monday 12 January; Friday 16; Sunday 18.
describe('expectedCall (Boston: Mo-Fr 08–18, Sa-Su 12–16, America/New_York)', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('weekday 17:59: the last minute is no window; the call comes tomorrow from 08:00', () => {
    expect(windowAt('2026-01-12T22:59:00Z')).toEqual({
      start: '2026-01-13T13:00:00.000Z',
      end: '2026-01-13T23:00:00.000Z',
    });
  });

  it('weekday 17:59 with no minimum: now until 18:00', () => {
    expect(windowAt('2026-01-12T22:59:00Z', 'any', { minimumMinutes: 0 })).toEqual({
      start: '2026-01-12T22:59:00.000Z',
      end: '2026-01-12T23:00:00.000Z',
    });
  });

  it('weekday 17:30 (still 30 minutes): now until 18:00', () => {
    expect(windowAt('2026-01-12T22:30:00Z')).toEqual({
      start: '2026-01-12T22:30:00.000Z',
      end: '2026-01-12T23:00:00.000Z',
    });
  });

  it('weekday 18:01: tomorrow 08:00–18:00', () => {
    expect(windowAt('2026-01-12T23:01:00Z')).toEqual({
      start: '2026-01-13T13:00:00.000Z',
      end: '2026-01-13T23:00:00.000Z',
    });
  });

  it('weekday 18:01 asking for weekday afternoons: tomorrow 12:00–18:00', () => {
    expect(windowAt('2026-01-12T23:01:00Z', 'weekday-afternoon')).toEqual({
      start: '2026-01-13T17:00:00.000Z',
      end: '2026-01-13T23:00:00.000Z',
    });
  });

  it('Friday night: Saturday noon to 16:00', () => {
    expect(windowAt('2026-01-17T03:00:00Z')).toEqual({
      start: '2026-01-17T17:00:00.000Z',
      end: '2026-01-17T21:00:00.000Z',
    });
  });

  it('Friday night asking for weekday mornings: Monday 08:00–12:00', () => {
    expect(windowAt('2026-01-17T03:00:00Z', 'weekday-morning')).toEqual({
      start: '2026-01-19T13:00:00.000Z',
      end: '2026-01-19T17:00:00.000Z',
    });
  });

  it('Sunday evening: Monday 08:00–18:00', () => {
    expect(windowAt('2026-01-19T00:00:00Z')).toEqual({
      start: '2026-01-19T13:00:00.000Z',
      end: '2026-01-19T23:00:00.000Z',
    });
  });

  it('Sunday 13:00 asking for weekends: now until 16:00', () => {
    expect(windowAt('2026-01-18T18:00:00Z', 'weekend')).toEqual({
      start: '2026-01-18T18:00:00.000Z',
      end: '2026-01-18T21:00:00.000Z',
    });
  });

  it('an unknown best time means any time', () => {
    expect(windowAt('2026-01-17T03:00:00Z', 'teatime')).toEqual(windowAt('2026-01-17T03:00:00Z'));
  });

  it('crosses a daylight-saving change: Saturday evening → Sunday noon EDT', () => {
    // 7 March 2026 20:00 EST; clocks go forward at 02:00 on Sunday 8 March (UTC-4 after).
    expect(windowAt('2026-03-08T01:00:00Z')).toEqual({
      start: '2026-03-08T16:00:00.000Z',
      end: '2026-03-08T20:00:00.000Z',
    });
  });

  it('gives the same answer whatever the machine time zone', () => {
    const answers = ['UTC', 'Asia/Tokyo', 'Pacific/Kiritimati', 'America/Los_Angeles'].map((tz) => {
      process.env.TZ = tz;
      return windowAt('2026-01-17T03:00:00Z');
    });
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
  });

  it('handles hours that run past midnight into Monday', () => {
    const late = toWeeklyIntervals('Su 22:00-02:00');
    const result = expectedCall({
      intervals: late,
      timeZone: BOSTON,
      now: new Date('2026-01-19T06:00:00Z'), // Monday 01:00
    });
    expect(result?.start.toISOString()).toBe('2026-01-19T06:00:00.000Z');
    expect(result?.end.toISOString()).toBe('2026-01-19T07:00:00.000Z');
  });

  it('is null when the specialists have no hours', () => {
    expect(expectedCall({ intervals: [], timeZone: BOSTON, now: new Date() })).toBeNull();
  });
});
