import { describe, expect, it } from 'vitest';
import { formatDay, formatWhen } from '../../src/domain/sessions/format.ts';
import { nextOccurrences, onNow, upcomingSessions } from '../../src/domain/sessions/occurrences.ts';
import { calendar, session, sessions, venuePosition } from './sessions-helpers.ts';

const at = (iso: string) => new Date(iso);
const needles = session('high-street-needle-exchange');

describe('on now', () => {
  // Tuesday 2 June 2026, 10:00–12:00 British Summer Time: 09:00–11:00 UTC.
  it('is on from the first minute, not before', () => {
    expect(onNow(needles, at('2026-06-02T08:59:59.999Z'), calendar)).toBeUndefined();
    expect(onNow(needles, at('2026-06-02T09:00:00.000Z'), calendar)?.date).toBe('2026-06-02');
  });

  it('is on up to its end, not at it', () => {
    expect(onNow(needles, at('2026-06-02T10:59:59.999Z'), calendar)?.date).toBe('2026-06-02');
    expect(onNow(needles, at('2026-06-02T11:00:00.000Z'), calendar)).toBeUndefined();
  });

  it('is not on during a bank holiday or a cancelled date', () => {
    const monday = session('medical-practice-young-people');
    expect(onNow(monday, at('2026-05-04T15:30:00Z'), calendar)).toBeUndefined();
    expect(onNow(monday, at('2026-05-11T15:30:00Z'), calendar)?.date).toBe('2026-05-11');
    const family = session('community-centre-family-support');
    expect(onNow(family, at('2026-12-17T13:30:00Z'), calendar)).toBeUndefined();
  });
});

describe('sessions this week', () => {
  // Monday 1 June 2026, midnight UTC, standing at the High Street Pharmacy.
  const now = at('2026-06-01T00:00:00Z');
  const ids = (list: ReturnType<typeof upcomingSessions>) =>
    list.map((entry) => entry.occurrence.session.id);

  it('sorts by next start, then by distance', () => {
    const list = upcomingSessions(sessions, now, calendar, {
      origin: venuePosition('example-high-street-pharmacy'),
      venuePosition,
    });
    expect(ids(list)).toEqual([
      'medical-practice-young-people', // Monday 16:00
      'high-street-needle-exchange', // Tuesday 10:00, here
      'market-place-naloxone', // Tuesday 10:00, 3.3 km north
      'community-centre-family-support', // Thursday 4 June, first Thursday
      'recovery-hub-sunday-group', // Sunday 7 June
    ]);
    expect(list[1]!.distanceKm).toBe(0);
    expect(list[2]!.distanceKm).toBeCloseTo(3.34, 1);
    expect(list[0]!.distanceKm).toBeUndefined(); // the practice has no position
  });

  it('puts the nearer of two at the same start first', () => {
    const list = upcomingSessions(sessions, now, calendar, {
      origin: venuePosition('example-market-place-pharmacy'),
      venuePosition,
    });
    expect(ids(list).slice(1, 3)).toEqual(['market-place-naloxone', 'high-street-needle-exchange']);
  });

  it('lists a session under way first and marks it', () => {
    const list = upcomingSessions(sessions, at('2026-06-02T09:30:00Z'), calendar, {
      venuePosition,
    });
    expect(list[0]!.occurrence.session.id).toBe('high-street-needle-exchange');
    expect(list[0]!.underway).toBe(true);
    expect(
      list.find((e) => e.occurrence.session.id === 'community-centre-family-support')?.underway,
    ).toBe(false);
  });

  it('leaves out what starts more than 7 days ahead', () => {
    const list = upcomingSessions(sessions, now, calendar);
    expect(ids(list)).not.toContain('recovery-hub-last-friday'); // 26 June
    expect(ids(list)).not.toContain('recovery-hub-fortnightly-drop-in'); // 10 June
  });
});

describe('the next-session words', () => {
  it('are 24-hour British English and Polish, on the deployment clock', () => {
    const [summer] = nextOccurrences(needles, at('2026-06-01T00:00:00Z'), calendar);
    expect(formatWhen(summer!, 'en-GB', calendar.timeZone)).toBe('Tuesday 10:00–12:00');
    expect(formatWhen(summer!, 'pl', calendar.timeZone)).toBe('wtorek 10:00–12:00');
    expect(formatDay(summer!, 'en-GB', calendar.timeZone)).toBe('Tuesday 2 June');
    expect(formatDay(summer!, 'pl', calendar.timeZone)).toBe('wtorek, 2 czerwca');
    const [winter] = nextOccurrences(needles, at('2026-12-01T00:00:00Z'), calendar);
    expect(formatWhen(winter!, 'en-GB', calendar.timeZone)).toBe('Tuesday 10:00–12:00');
  });
});
