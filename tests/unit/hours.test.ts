import { describe, expect, it } from 'vitest';
import { toWeeklyIntervals } from '../../src/domain/opening-hours.ts';
import {
  MINUTES_PER_DAY as DAY,
  MINUTES_PER_WEEK as WEEK,
  hoursByDay,
  statusAt,
  statusAtInstant,
  wallClockAt,
} from '../../src/domain/weekly-hours.ts';

const at = (weekday: number, hour: number, minute = 0) => weekday * DAY + hour * 60 + minute;
const BOSTON = 'America/New_York';

describe('toWeeklyIntervals', () => {
  it('reads the specialists hours: weekdays 8–18, weekends 12–16', () => {
    const intervals = toWeeklyIntervals('Mo-Fr 08:00-18:00; Sa,Su 12:00-16:00');
    expect(intervals).toHaveLength(7);
    expect(intervals[0]).toEqual([at(0, 8), at(0, 18)]);
    expect(intervals[5]).toEqual([at(5, 12), at(5, 16)]);
    expect(intervals[6]).toEqual([at(6, 12), at(6, 16)]);
  });

  it('reads 24/7 as one interval covering the week', () => {
    expect(toWeeklyIntervals('24/7')).toEqual([[0, WEEK]]);
  });

  it('keeps an overnight range as one interval, including Sunday night into Monday', () => {
    const intervals = toWeeklyIntervals('Fr-Su 22:00-02:00');
    expect(intervals).toEqual([
      [at(4, 22), at(5, 2)],
      [at(5, 22), at(6, 2)],
      [at(6, 22), WEEK + 120],
    ]);
  });

  it('respects "off" rules', () => {
    expect(toWeeklyIntervals('Mo-Su 09:00-17:00; We off')).toHaveLength(6);
  });
});

describe('statusAt', () => {
  const specialists = toWeeklyIntervals('Mo-Fr 08:00-18:00; Sa,Su 12:00-16:00');

  it('is open at 17:59 on a weekday, closing in a minute', () => {
    expect(statusAt(specialists, at(2, 17, 59))).toEqual({
      open: true,
      closesIn: 1,
      alwaysOpen: false,
    });
  });

  it('is closed at 18:01 on a weekday and opens the next morning', () => {
    expect(statusAt(specialists, at(2, 18, 1))).toEqual({ open: false, opensIn: 14 * 60 - 1 });
  });

  it('on Friday evening the next opening is Saturday noon', () => {
    expect(statusAt(specialists, at(4, 19))).toEqual({ open: false, opensIn: 17 * 60 });
  });

  it('on Sunday evening the next opening wraps to Monday 8:00', () => {
    expect(statusAt(specialists, at(6, 20))).toEqual({ open: false, opensIn: 12 * 60 });
  });

  it('is open at Monday 01:00 under a Sunday-night interval that wraps', () => {
    const late = toWeeklyIntervals('Su 22:00-03:00');
    expect(statusAt(late, at(0, 1))).toEqual({ open: true, closesIn: 120, alwaysOpen: false });
  });

  it('says a 24/7 place is always open', () => {
    expect(statusAt([[0, WEEK]], at(3, 3))).toMatchObject({ open: true, alwaysOpen: true });
  });

  it('says a place with no hours never opens', () => {
    expect(statusAt([], 0)).toEqual({ open: false, opensIn: null });
  });
});

describe('wall clock in the deployment time zone', () => {
  it('reads Boston time whatever the machine zone (winter, UTC−5)', () => {
    // 2026-01-14 is a Wednesday; 22:59 UTC is 17:59 in Boston.
    expect(wallClockAt(new Date('2026-01-14T22:59:00Z'), BOSTON)).toEqual({
      weekday: 2,
      hour: 17,
      minute: 59,
    });
  });

  it('reads Boston time in summer (UTC−4)', () => {
    expect(wallClockAt(new Date('2026-07-15T22:01:00Z'), BOSTON)).toEqual({
      weekday: 2,
      hour: 18,
      minute: 1,
    });
  });

  it('is open at 17:59 and closed at 18:01 Boston time', () => {
    const specialists = toWeeklyIntervals('Mo-Fr 08:00-18:00; Sa,Su 12:00-16:00');
    expect(statusAtInstant(specialists, new Date('2026-01-14T22:59:00Z'), BOSTON).open).toBe(true);
    expect(statusAtInstant(specialists, new Date('2026-01-14T23:01:00Z'), BOSTON).open).toBe(false);
  });
});

describe('hoursByDay', () => {
  it('splits an overnight interval across the two days', () => {
    const days = hoursByDay(toWeeklyIntervals('Sa 20:00-02:00'));
    expect(days[5]).toEqual([[20 * 60, DAY]]);
    expect(days[6]).toEqual([[0, 120]]);
  });

  it('puts the Monday-morning part of a Sunday-night interval on Monday', () => {
    const days = hoursByDay(toWeeklyIntervals('Su 22:00-03:00'));
    expect(days[6]).toEqual([[22 * 60, DAY]]);
    expect(days[0]).toEqual([[0, 180]]);
  });
});
