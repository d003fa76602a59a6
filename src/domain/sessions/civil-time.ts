/**
 * Calendar dates and wall-clock times in a named time zone, with nothing but Intl. A session is
 * written as local time ("10:00 on the first Thursday"), so it must stay 10:00 on both sides of
 * a clock change; the machine's own zone (a build server, a phone abroad) must never leak in.
 */

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** A calendar date as a count of days since 1970-01-01; arithmetic on it has no time zone. */
export type DayNumber = number;

export function dayNumberOf(isoDate: string): DayNumber {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isoDateOf(dayNumber: DayNumber): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday (ISO order; 1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** Year, month (1–12) and day of the month of a calendar date. */
export function partsOf(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Minutes since midnight of a "HH:MM" time. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The calendar date and wall-clock minute of an instant in a time zone. */
export function wallClock(
  instant: Date,
  timeZone: string,
): { dayNumber: DayNumber; minutes: number } {
  const parts: Record<string, number> = {};
  for (const part of zoneFormat(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const dayNumber = Math.round(Date.UTC(parts.year!, parts.month! - 1, parts.day) / MS_PER_DAY);
  return { dayNumber, minutes: parts.hour! * 60 + parts.minute! };
}

/** How far the zone's clocks are ahead of UTC at an instant, in minutes (60 in a summer time one hour ahead). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const { dayNumber, minutes } = wallClock(instant, timeZone);
  const wallAsUtc = dayNumber * MS_PER_DAY + minutes * MS_PER_MINUTE;
  const whole = Math.floor(instant.getTime() / MS_PER_MINUTE) * MS_PER_MINUTE;
  return Math.round((wallAsUtc - whole) / MS_PER_MINUTE);
}

/**
 * The instant a wall-clock time on a date happens in a zone. A time that the spring clock change
 * skips (01:30 on a night the clocks go forward from 01:00 to 02:00) comes out an hour later, as a clock that
 * was not moved would show; a time that the autumn change repeats is its first, summer, one.
 */
export function instantOf(dayNumber: DayNumber, minutes: number, timeZone: string): Date {
  const wallAsUtc = dayNumber * MS_PER_DAY + minutes * MS_PER_MINUTE;
  // The offset an hour or so either side can differ; try the earlier one first.
  const before = offsetMinutes(new Date(wallAsUtc - MS_PER_DAY / 2), timeZone);
  const after = offsetMinutes(new Date(wallAsUtc + MS_PER_DAY / 2), timeZone);
  for (const offset of [Math.max(before, after), Math.min(before, after)]) {
    const candidate = new Date(wallAsUtc - offset * MS_PER_MINUTE);
    const seen = wallClock(candidate, timeZone);
    if (seen.dayNumber === dayNumber && seen.minutes === minutes) return candidate;
  }
  return new Date(wallAsUtc - before * MS_PER_MINUTE);
}
