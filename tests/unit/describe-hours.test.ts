import { describe, expect, it } from 'vitest';
import {
  availability,
  clockTime,
  describeWeek,
  weekdayName,
} from '../../src/domain/describe-hours.ts';
import { toWeeklyIntervals } from '../../src/domain/opening-hours.ts';
import { MINUTES_PER_DAY as DAY, statusAt } from '../../src/domain/weekly-hours.ts';

const specialists = toWeeklyIntervals('Mo-Fr 08:00-18:00; Sa,Su 12:00-16:00');
const at = (weekday: number, hour: number, minute = 0) => weekday * DAY + hour * 60 + minute;

describe('describeWeek', () => {
  it('groups days with the same hours, in English', () => {
    expect(describeWeek(specialists, 'en')).toEqual([
      { days: 'Monday–Friday', hours: '8:00 AM–6:00 PM', allDay: false },
      { days: 'Saturday–Sunday', hours: '12:00 PM–4:00 PM', allDay: false },
    ]);
  });

  it('writes days and times the Spanish way', () => {
    const rows = describeWeek(specialists, 'es');
    expect(rows[0]?.days).toBe('lunes–viernes');
    expect(rows[0]?.hours).toMatch(/^8:00.*–18:00$/);
  });

  it('marks closed days and all-day days', () => {
    const rows = describeWeek(toWeeklyIntervals('Mo-Sa 00:00-24:00'), 'en');
    expect(rows).toEqual([
      { days: 'Monday–Saturday', hours: '24h', allDay: true },
      { days: 'Sunday', hours: null, allDay: false },
    ]);
  });

  it('shows an overnight range on both days', () => {
    const rows = describeWeek(toWeeklyIntervals('Fr 20:00-02:00'), 'en');
    expect(rows.find((r) => r.days === 'Friday')?.hours).toBe('8:00 PM–12:00 AM');
    expect(rows.find((r) => r.days === 'Saturday')?.hours).toBe('12:00 AM–2:00 AM');
  });
});

describe('availability', () => {
  it('open until closing', () => {
    expect(availability(statusAt(specialists, at(0, 9)), at(0, 9))).toEqual({
      kind: 'open',
      minutes: 540,
    });
  });

  it('back later today, before opening', () => {
    expect(availability(statusAt(specialists, at(1, 7)), at(1, 7))).toEqual({
      kind: 'opens-today',
      minutes: 60,
    });
  });

  it('back tomorrow after closing', () => {
    expect(availability(statusAt(specialists, at(1, 18, 1)), at(1, 18, 1)).kind).toBe(
      'opens-tomorrow',
    );
  });

  it('Sunday evening looks ahead to Monday as tomorrow', () => {
    expect(availability(statusAt(specialists, at(6, 17)), at(6, 17))).toEqual({
      kind: 'opens-tomorrow',
      minutes: 15 * 60,
    });
  });

  it('a weekly schedule that opens in several days says which day', () => {
    const mondays = toWeeklyIntervals('Mo 09:00-10:00');
    expect(availability(statusAt(mondays, at(2, 12)), at(2, 12)).kind).toBe('opens-later');
  });

  it('round the clock and never', () => {
    expect(availability(statusAt(toWeeklyIntervals('24/7'), 0), 0).kind).toBe('always');
    expect(availability(statusAt([], 0), 0).kind).toBe('never');
  });
});

describe('names', () => {
  it('weekday names and clock times come from Intl', () => {
    expect(weekdayName('en', 0)).toBe('Monday');
    expect(weekdayName('es', 6)).toBe('domingo');
    expect(clockTime('en', 13 * 60 + 5)).toBe('1:05 PM');
  });
});
