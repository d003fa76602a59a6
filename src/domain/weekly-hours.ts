/**
 * Opening hours as a repeating week, small enough to ship to the browser. Times are
 * wall-clock minutes since Monday 00:00 in the deployment's time zone, so "open now" is the
 * same answer for everyone who opens the page, wherever their phone thinks it is.
 * Built from opening_hours strings at build time (see opening-hours.ts); public holidays and
 * date-specific rules are not represented, so pages state them in words where they matter.
 */

export const MINUTES_PER_DAY = 24 * 60;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** [start, end) in minutes since Monday 00:00; end may pass MINUTES_PER_WEEK when it wraps. */
export type WeeklyInterval = readonly [start: number, end: number];

export interface WallClock {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAY_INDEX: Record<string, number> = {
  Mon: 0,
  Tue: 1,
  Wed: 2,
  Thu: 3,
  Fri: 4,
  Sat: 5,
  Sun: 6,
};

/** The wall clock in `timeZone` at `instant`, read with Intl so the machine's zone is irrelevant. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: WEEKDAY_INDEX[part('weekday')] ?? 0,
    hour: Number(part('hour')) % 24,
    minute: Number(part('minute')),
  };
}

export function weekMinute({ weekday, hour, minute }: WallClock): number {
  return weekday * MINUTES_PER_DAY + hour * 60 + minute;
}

export type WeeklyStatus =
  | { open: true; /** minutes from now until closing */ closesIn: number; alwaysOpen: boolean }
  | {
      open: false;
      /** minutes from now until the next opening; null if never open */ opensIn: number | null;
    };

/**
 * Whether the week's hours are open at `now` (a week minute), and how long until that changes.
 * Intervals are sorted and non-overlapping, as `toWeeklyIntervals` returns them.
 */
export function statusAt(intervals: readonly WeeklyInterval[], now: number): WeeklyStatus {
  if (intervals.length === 0) return { open: false, opensIn: null };
  // Try each interval in this week and, for wrapping ones, shifted back a week.
  for (const [start, end] of intervals) {
    for (const shift of [0, -MINUTES_PER_WEEK]) {
      if (now >= start + shift && now < end + shift) {
        const alwaysOpen = intervals.length === 1 && start === 0 && end >= MINUTES_PER_WEEK;
        return { open: true, closesIn: end + shift - now, alwaysOpen };
      }
    }
  }
  let opensIn = Infinity;
  for (const [start] of intervals) {
    const wait = (start - now + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
    opensIn = Math.min(opensIn, wait);
  }
  return { open: false, opensIn };
}

/** Status at a real instant in the deployment's time zone. */
export function statusAtInstant(
  intervals: readonly WeeklyInterval[],
  instant: Date,
  timeZone: string,
): WeeklyStatus {
  return statusAt(intervals, weekMinute(wallClockAt(instant, timeZone)));
}

/** A day's opening times as [start, end) minutes since that day's midnight; end ≤ 1440. */
export type DayHours = Array<readonly [number, number]>;

/** The week as seven days (Monday first), splitting intervals that run past midnight. */
export function hoursByDay(intervals: readonly WeeklyInterval[]): DayHours[] {
  const days: DayHours[] = Array.from({ length: 7 }, () => []);
  for (const [start, end] of intervals) {
    let cursor = start;
    while (cursor < end) {
      const day = Math.floor(cursor / MINUTES_PER_DAY);
      const dayEnd = (day + 1) * MINUTES_PER_DAY;
      const stop = Math.min(end, dayEnd);
      days[day % 7]!.push([cursor - day * MINUTES_PER_DAY, stop - day * MINUTES_PER_DAY]);
      cursor = stop;
    }
  }
  for (const day of days) day.sort((a, b) => a[0] - b[0]);
  return days;
}
