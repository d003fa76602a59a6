import { dayNumberOf, daysInMonth, partsOf, weekdayOf, type DayNumber } from './civil-time.ts';

/** iCalendar's two-letter weekdays, Monday first (the index is the ISO weekday less one). */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export type Frequency = 'WEEKLY' | 'MONTHLY';

/** One part of a `byday` list: a weekday, and for monthly rules which one in the month. */
export interface ByDay {
  /** 0 for Monday … 6 for Sunday. */
  weekday: number;
  /** 1 to 5 counts from the start of the month, -1 to -5 from its end; absent: every one. */
  ordinal?: number;
}

const BYDAY_PART = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;

/**
 * Reads an HSDS / iCalendar `byday` list ("TU", "1TH,3TH", "-1FR"), or says what is wrong with
 * it. Ordinals only mean something in a monthly rule, as in RFC 5545.
 */
export function parseByDay(byday: string, freq: Frequency): ByDay[] | string {
  const parts = byday.split(',').map((part) => part.trim());
  const days: ByDay[] = [];
  for (const part of parts) {
    const match = BYDAY_PART.exec(part);
    if (!match) {
      return `"${part}" is not a weekday such as TU, or a weekday of the month such as 1TH or -1FR`;
    }
    const weekday = WEEKDAY_CODES.indexOf(match[2] as (typeof WEEKDAY_CODES)[number]);
    if (match[1] === undefined) {
      days.push({ weekday });
      continue;
    }
    if (freq !== 'MONTHLY') {
      return `"${part}" counts weekdays in a month, so freq must be MONTHLY`;
    }
    days.push({ weekday, ordinal: Number(match[1]) });
  }
  return days;
}

/** The parts of a schedule that say which dates it falls on. */
export interface DateRule {
  freq: Frequency;
  interval: number;
  byday: readonly ByDay[];
  /** The date `interval` counts from (HSDS `dtstart`); absent when interval is 1. */
  dtstart?: string;
  valid_from?: string;
  valid_to?: string;
}

function monthIndex(dayNumber: DayNumber): number {
  const { year, month } = partsOf(dayNumber);
  return year * 12 + month - 1;
}

function inInterval(rule: DateRule, dayNumber: DayNumber): boolean {
  if (rule.interval <= 1 || rule.dtstart === undefined) return true;
  const anchor = dayNumberOf(rule.dtstart);
  if (dayNumber < anchor) return false;
  if (rule.freq === 'WEEKLY') {
    // Weeks start on Monday (iCalendar's default WKST), counted from dtstart's week.
    const weeks = Math.floor((dayNumber - weekdayOf(dayNumber) - (anchor - weekdayOf(anchor))) / 7);
    return weeks % rule.interval === 0;
  }
  return (monthIndex(dayNumber) - monthIndex(anchor)) % rule.interval === 0;
}

function onByDay(rule: DateRule, dayNumber: DayNumber): boolean {
  const weekday = weekdayOf(dayNumber);
  const { year, month, day } = partsOf(dayNumber);
  const fromStart = Math.ceil(day / 7);
  const fromEnd = -Math.ceil((daysInMonth(year, month) - day + 1) / 7);
  return rule.byday.some(
    (part) =>
      part.weekday === weekday &&
      (part.ordinal === undefined || part.ordinal === fromStart || part.ordinal === fromEnd),
  );
}

/** Whether the rule falls on a calendar date, before exceptions (cancellations, bank holidays). */
export function fallsOn(rule: DateRule, dayNumber: DayNumber): boolean {
  if (rule.valid_from !== undefined && dayNumber < dayNumberOf(rule.valid_from)) return false;
  if (rule.valid_to !== undefined && dayNumber > dayNumberOf(rule.valid_to)) return false;
  return onByDay(rule, dayNumber) && inInterval(rule, dayNumber);
}
