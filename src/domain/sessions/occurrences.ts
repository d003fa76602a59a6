import type { Session } from '../../schemas/session.ts';
import { distanceKm, type LatLon } from '../geo.ts';
import { publicHoliday, type HolidayRegion } from './bank-holidays.ts';
import { dayNumberOf, instantOf, isoDateOf, minutesOf, wallClock } from './civil-time.ts';
import { fallsOn, parseByDay, type DateRule } from './rule.ts';

/** What every session question needs from the deployment: its clock and its holidays. */
export interface SessionCalendar {
  /** IANA zone the schedules' times are written in (the deployment's `time_zone`). */
  timeZone: string;
  /** Whose public holidays close sessions; absent: none are known, none are skipped. */
  holidays?: HolidayRegion;
}

/** One time a session happens. */
export interface Occurrence {
  session: Session;
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  start: Date;
  end: Date;
}

/** Why a date the schedule falls on has no session, or undefined when it goes ahead. */
export type Skip = { reason: 'cancelled' } | { reason: 'public-holiday'; holiday: string };

const rules = new WeakMap<Session, DateRule>();

/** The session's schedule as a date rule (parsed once; the schema has already checked it). */
export function ruleOf(session: Session): DateRule {
  let rule = rules.get(session);
  if (!rule) {
    const byday = parseByDay(session.schedule.byday, session.schedule.freq);
    rule = { ...session.schedule, byday: typeof byday === 'string' ? [] : byday };
    rules.set(session, rule);
  }
  return rule;
}

/** Whether an occurrence the schedule falls on is called off, and why. */
export function skipOn(
  session: Session,
  date: string,
  calendar: SessionCalendar,
): Skip | undefined {
  if (session.cancelled.some((cancellation) => cancellation.date === date)) {
    return { reason: 'cancelled' };
  }
  if (session.closed_on_bank_holidays && calendar.holidays) {
    const holiday = publicHoliday(dayNumberOf(date), calendar.holidays);
    if (holiday) return { reason: 'public-holiday', holiday };
  }
  return undefined;
}

function occurrenceOn(session: Session, dayNumber: number, calendar: SessionCalendar): Occurrence {
  const { opens_at, closes_at } = session.schedule;
  return {
    session,
    date: isoDateOf(dayNumber),
    start: instantOf(dayNumber, minutesOf(opens_at), calendar.timeZone),
    end: instantOf(dayNumber, minutesOf(closes_at), calendar.timeZone),
  };
}

/**
 * The occurrences that overlap [from, to): a session already under way at `from` is included.
 * Cancelled dates and, when the session closes on them, public holidays are left out.
 */
export function occurrencesBetween(
  session: Session,
  from: Date,
  to: Date,
  calendar: SessionCalendar,
): Occurrence[] {
  const rule = ruleOf(session);
  const first = wallClock(from, calendar.timeZone).dayNumber;
  const last = wallClock(to, calendar.timeZone).dayNumber;
  const found: Occurrence[] = [];
  for (let day = first; day <= last; day += 1) {
    if (!fallsOn(rule, day)) continue;
    if (skipOn(session, isoDateOf(day), calendar)) continue;
    const occurrence = occurrenceOn(session, day, calendar);
    if (occurrence.end > from && occurrence.start < to) found.push(occurrence);
  }
  return found;
}

const MS_PER_DAY = 86_400_000;

/**
 * The next `count` occurrences that have not ended by `after`, the one under way first. Looks
 * `horizonDays` ahead (a year and a day by default, enough for any monthly rule to come round).
 */
export function nextOccurrences(
  session: Session,
  after: Date,
  calendar: SessionCalendar,
  { count = 1, horizonDays = 366 }: { count?: number; horizonDays?: number } = {},
): Occurrence[] {
  const found: Occurrence[] = [];
  // A month at a time, so that "the next one" does not walk a whole year of dates.
  for (let offset = 0; offset < horizonDays && found.length < count; offset += 31) {
    const from = new Date(after.getTime() + offset * MS_PER_DAY);
    const to = new Date(after.getTime() + Math.min(offset + 31, horizonDays) * MS_PER_DAY);
    for (const occurrence of occurrencesBetween(session, from, to, calendar)) {
      // The window's first day can repeat the last one already seen.
      if (found.some((seen) => seen.date === occurrence.date)) continue;
      found.push(occurrence);
      if (found.length === count) break;
    }
  }
  return found;
}

/** Whether an occurrence is under way at an instant: from its start, up to (not at) its end. */
export function isUnderway(occurrence: Occurrence, at: Date): boolean {
  return occurrence.start <= at && at < occurrence.end;
}

/** The occurrence under way at `at`, if the session is on now. */
export function onNow(
  session: Session,
  at: Date,
  calendar: SessionCalendar,
): Occurrence | undefined {
  return occurrencesBetween(session, at, new Date(at.getTime() + 1), calendar).find((occurrence) =>
    isUnderway(occurrence, at),
  );
}

/** A session's next occurrence in a list, with how far its venue is from the person. */
export interface UpcomingSession {
  occurrence: Occurrence;
  /** Straight-line distance to the venue; absent without a position for either end. */
  distanceKm?: number;
  /** Whether it is under way at the moment the list was made. */
  underway: boolean;
}

/**
 * Each session's next occurrence within `days` of `at` (7: "this week"), soonest first; at the
 * same start, the nearer venue first; sessions with no known distance after those with one.
 */
export function upcomingSessions(
  sessions: readonly Session[],
  at: Date,
  calendar: SessionCalendar,
  {
    days = 7,
    origin,
    venuePosition = () => undefined,
  }: {
    days?: number;
    origin?: LatLon;
    venuePosition?: (venueId: string) => LatLon | undefined;
  } = {},
): UpcomingSession[] {
  const until = new Date(at.getTime() + days * MS_PER_DAY);
  const list: UpcomingSession[] = [];
  for (const session of sessions) {
    const occurrence = occurrencesBetween(session, at, until, calendar)[0];
    if (!occurrence) continue;
    const position = venuePosition(session.venue);
    list.push({
      occurrence,
      underway: isUnderway(occurrence, at),
      ...(origin && position ? { distanceKm: distanceKm(origin, position) } : {}),
    });
  }
  return list.sort(
    (a, b) =>
      a.occurrence.start.getTime() - b.occurrence.start.getTime() ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      a.occurrence.session.id.localeCompare(b.occurrence.session.id),
  );
}
