import OpeningHours from 'opening_hours';
import { MINUTES_PER_DAY, MINUTES_PER_WEEK, type WeeklyInterval } from './weekly-hours.ts';

// A week with no daylight-saving change in any time zone and no fixed public holiday
// (Monday 8 to Monday 15 January 2024), so local clock arithmetic is exact.
const REFERENCE_MONDAY = { year: 2024, month: 0, day: 8 };

function referenceDate(minutes: number): Date {
  const { year, month, day } = REFERENCE_MONDAY;
  return new Date(
    year,
    month,
    day + Math.floor(minutes / MINUTES_PER_DAY),
    0,
    minutes % MINUTES_PER_DAY,
  );
}

function minutesSinceReference(date: Date): number {
  const monday = referenceDate(0);
  const days = Math.round(
    (Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) -
      Date.UTC(monday.getFullYear(), monday.getMonth(), monday.getDate())) /
      86_400_000,
  );
  return days * MINUTES_PER_DAY + date.getHours() * 60 + date.getMinutes();
}

/**
 * Turns an OpenStreetMap opening_hours string into a repeating week of intervals. The
 * `opening_hours` package does the parsing (overnight ranges, 24/7, "off" rules); we sample
 * one ordinary week. Intervals that run past Sunday midnight keep going (end > one week)
 * so that Sunday 22:00–02:00 stays one interval.
 */
export function toWeeklyIntervals(hours: string): WeeklyInterval[] {
  const schedule = new OpeningHours(hours);
  // Look one day past the week so an interval crossing Sunday midnight is seen whole.
  const raw = schedule.getOpenIntervals(
    referenceDate(0),
    referenceDate(MINUTES_PER_WEEK + MINUTES_PER_DAY),
  );
  const intervals: Array<[number, number]> = [];
  for (const [from, to] of raw) {
    const start = minutesSinceReference(from);
    const end = minutesSinceReference(to);
    if (start >= MINUTES_PER_WEEK) continue; // next week's copy of an interval we already have
    const last = intervals.at(-1);
    if (last && last[1] >= start) last[1] = Math.max(last[1], end);
    else intervals.push([start, end]);
  }
  // The piece at Monday 00:00 of a Sunday-night interval is already covered by its wrap.
  const last = intervals.at(-1);
  const first = intervals[0];
  if (first && last && first !== last && first[0] === 0 && last[1] >= MINUTES_PER_WEEK) {
    last[1] = Math.max(last[1], MINUTES_PER_WEEK + first[1]);
    intervals.shift();
  }
  if (intervals.length === 1 && intervals[0]![0] === 0 && intervals[0]![1] >= MINUTES_PER_WEEK) {
    return [[0, MINUTES_PER_WEEK]];
  }
  return intervals;
}
