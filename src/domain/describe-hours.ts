import { ownWeekdayName, weekdayInZone } from './dates.ts';
import { intlLocale } from './intl-locale.ts';
import { interpolate } from './interpolate.ts';
import {
  MINUTES_PER_DAY,
  hoursByDay,
  statusAt,
  wallClockAt,
  weekMinute,
  type DayHours,
  type WeeklyInterval,
  type WeeklyStatus,
} from './weekly-hours.ts';

// 8 January 2024 was a Monday; dates from it give weekday names and clock times via Intl.
const REFERENCE_MONDAY_UTC = Date.UTC(2024, 0, 8);

export function weekdayName(
  locale: string,
  weekday: number,
  width: 'long' | 'short' = 'long',
): string {
  const own = ownWeekdayName(locale, weekday, width);
  if (own) return own;
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: width, timeZone: 'UTC' }).format(
    new Date(REFERENCE_MONDAY_UTC + weekday * 86_400_000),
  );
}

/** "8:00 AM" / "8:00" for minutes since midnight, in the locale's own way of writing time. */
export function clockTime(locale: string, minutes: number): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(REFERENCE_MONDAY_UTC + minutes * 60_000));
}

function formatDay(locale: string, day: DayHours): string {
  return day
    .map(([start, end]) =>
      start === 0 && end === MINUTES_PER_DAY
        ? null
        : `${clockTime(locale, start)}–${clockTime(locale, end % MINUTES_PER_DAY)}`,
    )
    .map((text) => text ?? '24h')
    .join(', ');
}

export interface DayRow {
  /** "Monday" or "Monday–Friday". */
  days: string;
  /** "8:00 AM–6:00 PM", or null when closed. */
  hours: string | null;
  /** Open around the clock that day. */
  allDay: boolean;
}

/**
 * The week as rows of consecutive days that share the same hours, for a table a person can
 * read at a glance ("Monday–Friday 8:00 AM–6:00 PM").
 */
export function describeWeek(intervals: readonly WeeklyInterval[], locale: string): DayRow[] {
  const days = hoursByDay(intervals);
  const rows: DayRow[] = [];
  let first = 0;
  for (let day = 1; day <= 7; day++) {
    const same = day < 7 && JSON.stringify(days[day]) === JSON.stringify(days[first]);
    if (same) continue;
    const hours = days[first]!;
    const allDay = hours.length === 1 && hours[0]![0] === 0 && hours[0]![1] === MINUTES_PER_DAY;
    rows.push({
      days:
        day - 1 === first
          ? weekdayName(locale, first)
          : `${weekdayName(locale, first)}–${weekdayName(locale, day - 1)}`,
      hours: hours.length === 0 ? null : formatDay(locale, hours),
      allDay,
    });
    first = day;
  }
  return rows;
}

export type AvailabilityKind =
  'always' | 'open' | 'opens-today' | 'opens-tomorrow' | 'opens-later' | 'never';

/**
 * What to tell a person about a schedule now: open until when, or back when. `minutes` is
 * the time from now to the change, so the caller can turn it into a clock time in the zone.
 */
export function availability(
  status: WeeklyStatus,
  nowWeekMinute: number,
): { kind: AvailabilityKind; minutes: number } {
  if (status.open) {
    return status.alwaysOpen
      ? { kind: 'always', minutes: 0 }
      : { kind: 'open', minutes: status.closesIn };
  }
  if (status.opensIn === null) return { kind: 'never', minutes: 0 };
  const today = Math.floor(nowWeekMinute / MINUTES_PER_DAY);
  const then = Math.floor((nowWeekMinute + status.opensIn) / MINUTES_PER_DAY);
  const kind =
    then === today ? 'opens-today' : then === today + 1 ? 'opens-tomorrow' : 'opens-later';
  return { kind, minutes: status.opensIn };
}

export interface AvailabilitySentence {
  text: string;
  open: boolean;
}

/**
 * The sentence a page shows about a weekly schedule at `now` ("…available now, until 6:00 PM",
 * "…back Saturday at 12:00 PM"), from translated templates with {{time}} and {{day}}. Times are
 * written in the deployment's zone, whatever zone the reader's phone is in.
 */
export function availabilitySentence(options: {
  week: readonly WeeklyInterval[];
  timeZone: string;
  locale: string;
  templates: Readonly<Record<AvailabilityKind, string>>;
  now: Date;
}): AvailabilitySentence {
  const { week, timeZone, locale, templates, now } = options;
  const minuteNow = weekMinute(wallClockAt(now, timeZone));
  const { kind, minutes } = availability(statusAt(week, minuteNow), minuteNow);
  const then = new Date(now.getTime() + minutes * 60_000);
  const time = new Intl.DateTimeFormat(intlLocale(locale), {
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(then);
  const day = weekdayInZone(then, timeZone, locale);
  return {
    text: interpolate(templates[kind], { time, day }),
    open: kind === 'open' || kind === 'always',
  };
}
