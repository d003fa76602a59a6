import { describe, expect, it } from 'vitest';
import {
  availability,
  availabilitySentence,
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

describe('availabilitySentence, in the deployment time zone whatever the reader’s', () => {
  const templates = {
    always: 'Always.',
    open: 'Available now, until {{time}}.',
    'opens-today': 'Back today at {{time}}.',
    'opens-tomorrow': 'Back tomorrow at {{time}}.',
    'opens-later': 'Back {{day}} at {{time}}.',
    never: 'Never.',
  } as const;
  const say = (iso: string, locale = 'en') =>
    availabilitySentence({
      week: specialists,
      timeZone: 'America/New_York',
      locale,
      templates,
      now: new Date(iso),
    });

  it('17:59 on a weekday: open until 6 p.m.', () => {
    // Wednesday 14 January 2026, 17:59 in Boston is 22:59 UTC.
    expect(say('2026-01-14T22:59:00Z')).toEqual({
      text: 'Available now, until 6:00 PM.',
      open: true,
    });
  });

  it('18:01 on a weekday: back tomorrow at 8 a.m.', () => {
    expect(say('2026-01-14T23:01:00Z')).toEqual({ text: 'Back tomorrow at 8:00 AM.', open: false });
  });

  it('Friday evening: back Saturday at noon', () => {
    expect(say('2026-01-16T23:30:00Z').text).toBe('Back tomorrow at 12:00 PM.');
    // Friday 23:30 Boston is already Saturday in UTC; the answer must not change.
    expect(say('2026-01-17T04:30:00Z').text).toBe('Back tomorrow at 12:00 PM.');
  });

  it('Sunday after 4 p.m.: back Monday at 8 a.m., and in summer time too', () => {
    expect(say('2026-01-18T21:30:00Z').text).toBe('Back tomorrow at 8:00 AM.');
    expect(say('2026-07-19T20:30:00Z').text).toBe('Back tomorrow at 8:00 AM.');
  });

  it('Saturday at 11:00: back today at noon, written the Spanish way on Spanish pages', () => {
    expect(say('2026-01-17T16:00:00Z').text).toBe('Back today at 12:00 PM.');
    expect(say('2026-01-17T16:00:00Z', 'es').text).toMatch(/^Back today at 12:00/);
  });

  it('a mid-week evening with a gap of days names the day', () => {
    const mondays = toWeeklyIntervals('Mo 09:00-10:00');
    const text = availabilitySentence({
      week: mondays,
      timeZone: 'America/New_York',
      locale: 'en',
      templates,
      now: new Date('2026-01-14T17:00:00Z'),
    }).text;
    expect(text).toBe('Back Monday at 9:00 AM.');
  });
});
