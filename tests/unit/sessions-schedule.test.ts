import { describe, expect, it } from 'vitest';
import {
  nextOccurrences,
  occurrencesBetween,
  skipOn,
} from '../../src/domain/sessions/occurrences.ts';
import { publicHoliday } from '../../src/domain/sessions/bank-holidays.ts';
import { dayNumberOf, instantOf } from '../../src/domain/sessions/civil-time.ts';
import { sessionSchema } from '../../src/schemas/session.ts';
import { calendar, session, sessions, starts } from './sessions-helpers.ts';

const at = (iso: string) => new Date(iso);

describe('the fixture deployment', () => {
  it('loads every session without a problem', () => {
    expect(sessions.map((s) => s.id)).toHaveLength(7);
  });
});

describe('monthly rules with ordinals', () => {
  it('finds the first and third Thursday, skipping a cancelled date', () => {
    const found = nextOccurrences(
      session('community-centre-family-support'),
      at('2026-11-01T00:00:00Z'),
      calendar,
      { count: 4 },
    );
    // November 2026: Thursdays 5, 12, 19, 26. December: 3, 10, 17 (cancelled), 24, 31.
    expect(found.map((o) => o.date)).toEqual([
      '2026-11-05',
      '2026-11-19',
      '2026-12-03',
      '2027-01-07',
    ]);
    expect(starts(found)[0]).toBe('2026-11-05T13:00:00.000Z');
  });

  it('finds the last Friday, off on Christmas Day, and stops after valid_to', () => {
    const found = nextOccurrences(
      session('recovery-hub-last-friday'),
      at('2026-11-01T00:00:00Z'),
      calendar,
      { count: 10 },
    );
    // 25 December 2026 is the last Friday and a bank holiday, and so is 26 March 2027 (Good
    // Friday); the series ends on 31 March 2027, so April's last Friday is not in it.
    expect(found.map((o) => o.date)).toEqual(['2026-11-27', '2027-01-29', '2027-02-26']);
    expect(skipOn(session('recovery-hub-last-friday'), '2026-12-25', calendar)).toEqual({
      reason: 'public-holiday',
      holiday: 'Christmas',
    });
    expect(skipOn(session('recovery-hub-last-friday'), '2027-03-26', calendar)).toEqual({
      reason: 'public-holiday',
      holiday: 'Good Friday',
    });
  });

  it('counts a fortnightly rule from dtstart and ends on valid_to', () => {
    const found = nextOccurrences(
      session('recovery-hub-fortnightly-drop-in'),
      at('2026-11-30T00:00:00Z'),
      calendar,
      { count: 5 },
    );
    expect(found.map((o) => o.date)).toEqual(['2026-12-09', '2026-12-23']);
    const first = nextOccurrences(
      session('recovery-hub-fortnightly-drop-in'),
      at('2026-01-01T00:00:00Z'),
      calendar,
      { count: 3 },
    );
    expect(first.map((o) => o.date)).toEqual(['2026-01-07', '2026-01-21', '2026-02-04']);
  });
});

describe('summer time', () => {
  const sunday = session('recovery-hub-sunday-group');

  it('keeps a 10:00 session at 10:00 local over the March clock change', () => {
    const found = nextOccurrences(sunday, at('2026-03-21T00:00:00Z'), calendar, { count: 3 });
    // 29 March 2026: clocks go forward at 01:00 GMT. Easter Sunday (5 April) is no bank holiday.
    expect(starts(found)).toEqual([
      '2026-03-22T10:00:00.000Z',
      '2026-03-29T09:00:00.000Z',
      '2026-04-05T09:00:00.000Z',
    ]);
    expect(found[1]!.end.toISOString()).toBe('2026-03-29T11:00:00.000Z');
    const tuesday = nextOccurrences(
      session('high-street-needle-exchange'),
      at('2026-03-23T00:00:00Z'),
      calendar,
      { count: 2 },
    );
    expect(starts(tuesday)).toEqual(['2026-03-24T10:00:00.000Z', '2026-03-31T09:00:00.000Z']);
  });

  it('keeps it at 10:00 local over the October clock change', () => {
    const found = nextOccurrences(sunday, at('2026-10-17T00:00:00Z'), calendar, { count: 3 });
    expect(starts(found)).toEqual([
      '2026-10-18T09:00:00.000Z',
      '2026-10-25T10:00:00.000Z',
      '2026-11-01T10:00:00.000Z',
    ]);
  });

  it('puts a skipped hour after the gap and a repeated hour in summer time', () => {
    expect(instantOf(dayNumberOf('2026-03-29'), 90, 'Europe/London').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(instantOf(dayNumberOf('2026-10-25'), 90, 'Europe/London').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });
});

describe('bank holidays', () => {
  const region = calendar.holidays!;

  it("reads England's from the opening_hours library", () => {
    expect(publicHoliday(dayNumberOf('2026-05-04'), region)).toBe('Early May bank holiday');
    expect(publicHoliday(dayNumberOf('2026-12-25'), region)).toBe('Christmas');
    expect(publicHoliday(dayNumberOf('2026-12-28'), region)).toBe('Boxing Day (substitute day)');
    expect(publicHoliday(dayNumberOf('2026-05-05'), region)).toBeUndefined();
  });

  it('closes a session that closes on them, and not one that runs', () => {
    const monday = session('medical-practice-young-people');
    const found = nextOccurrences(monday, at('2026-05-01T00:00:00Z'), calendar, { count: 3 });
    // 4 May is the Early May bank holiday and 25 May the Spring bank holiday.
    expect(found.map((o) => o.date)).toEqual(['2026-05-11', '2026-05-18', '2026-06-01']);
    const runs = sessionSchema.parse({
      ...monday,
      id: 'runs-on-holidays',
      closed_on_bank_holidays: false,
    });
    expect(nextOccurrences(runs, at('2026-05-01T00:00:00Z'), calendar)[0]!.date).toBe('2026-05-04');
  });

  it('skips the Boxing Day substitute Tuesday of 2027', () => {
    const found = nextOccurrences(
      session('high-street-needle-exchange'),
      at('2027-12-20T00:00:00Z'),
      calendar,
      { count: 2 },
    );
    expect(found.map((o) => o.date)).toEqual(['2027-12-21', '2028-01-04']);
  });

  it('skips none where the deployment names no holiday region', () => {
    const found = nextOccurrences(
      session('medical-practice-young-people'),
      at('2026-05-01T00:00:00Z'),
      { timeZone: 'Europe/London' },
    );
    expect(found[0]!.date).toBe('2026-05-04');
  });
});

describe('occurrencesBetween', () => {
  it('includes the one under way at the start of the window', () => {
    const found = occurrencesBetween(
      session('high-street-needle-exchange'),
      at('2026-06-02T10:30:00Z'),
      at('2026-06-10T00:00:00Z'),
      calendar,
    );
    expect(found.map((o) => o.date)).toEqual(['2026-06-02', '2026-06-09']);
  });

  it('starts no earlier than valid_from', () => {
    const found = occurrencesBetween(
      session('high-street-needle-exchange'),
      at('2025-12-28T00:00:00Z'),
      at('2026-01-14T00:00:00Z'),
      calendar,
    );
    expect(found.map((o) => o.date)).toEqual(['2026-01-06', '2026-01-13']);
  });
});
