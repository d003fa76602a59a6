import type { ServiceCapacity } from './feed.ts';

/**
 * How far to trust a report, now. A report younger than the deployment's `max_age_hours` is
 * `fresh`: it is shown as a number and counts for the "has room" filter. An older one is
 * `stale`: shown only as "last reported … – call to check", never as room. A report dated more
 * than a few minutes in the future (a producer's clock is wrong) is not trusted either.
 */
export type Freshness = 'fresh' | 'stale';

/** Clocks disagree by a little; more than this ahead of the phone is a wrong date, not a report. */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

export interface ReportState {
  freshness: Freshness;
  /** How long ago it was reported, in milliseconds (0 for one a little in the future). */
  ageMs: number;
  /** Fresh and at least one unit free: counts for "has room". */
  hasRoom: boolean;
  /**
   * Fresh, and reported on the same day, in the deployment's time zone, as now: "walk in
   * today" said yesterday says nothing about today. Undefined when the report did not say.
   */
  walkInToday: boolean | undefined;
}

/** The calendar day of a moment in a time zone, as YYYY-MM-DD. */
export function dayInZone(moment: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(moment);
}

export function reportState(
  report: ServiceCapacity,
  now: Date,
  maxAgeHours: number,
  timeZone: string,
): ReportState {
  const updated = new Date(report.updated);
  const rawAge = now.getTime() - updated.getTime();
  const fromTheFuture = rawAge < -FUTURE_TOLERANCE_MS;
  const ageMs = Math.max(0, rawAge);
  const fresh = !fromTheFuture && ageMs <= maxAgeHours * 3_600_000;
  const sameDay = dayInZone(updated, timeZone) === dayInZone(now, timeZone);
  return {
    freshness: fresh ? 'fresh' : 'stale',
    ageMs,
    hasRoom: fresh && report.available > 0,
    walkInToday:
      report.walk_in_today === undefined ? undefined : fresh && sameDay && report.walk_in_today,
  };
}

/**
 * An age in the largest whole unit a person would say ("2 hours", "3 days"), for
 * Intl.RelativeTimeFormat; `null` under a minute, which the page words as "just now".
 */
export function ageInWords(
  ageMs: number,
): { value: number; unit: 'minute' | 'hour' | 'day' } | null {
  const minutes = Math.floor(ageMs / 60_000);
  if (minutes < 1) return null;
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { value: hours, unit: 'hour' };
  return { value: Math.floor(hours / 24), unit: 'day' };
}
