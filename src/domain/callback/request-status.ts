import { formatIsoDate, weekdayInZone } from '../dates.ts';
import { intlLocale } from '../intl-locale.ts';
import { Open311Error } from '../open311/errors.ts';
import type { Open311ServiceRequest } from '../open311/types.ts';
import type { WeeklyInterval } from '../weekly-hours.ts';
import { expectedCall } from './expected-call.ts';

/**
 * What the status page says about a request it looked up: its status in words and when to
 * expect the call. Pure, so the page and its tests read a look-up the same way.
 */

/** When the call is expected: a start, and the end of the specialists' window when known. */
export interface ExpectedCallTime {
  start: Date;
  end: Date | null;
}

export type RequestLookup =
  | { kind: 'open'; id: string; call: ExpectedCallTime | null }
  | { kind: 'closed'; id: string }
  /** No such request: a mistyped number, or one the server has deleted after it was handled. */
  | { kind: 'unknown'; id: string }
  /** No answer to go by (offline, the server down or busy): the request may well be there. */
  | { kind: 'unreachable'; id: string };

export interface SpecialistsWeek {
  /** The specialists' week, as `toWeeklyIntervals` returns it. */
  intervals: readonly WeeklyInterval[];
  /** The deployment's IANA time zone. */
  timeZone: string;
}

function parseInstant(text: string | null | undefined): Date | null {
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time);
}

/**
 * When to expect the call for a request still open. The server's `expected_datetime` while it
 * is ahead (with the end of the window it falls in, if it falls in one); once it has passed,
 * or when the server gives none, the specialists' next window from now. The best time the
 * person chose is not public, so the window is any time the specialists are in.
 */
export function expectedCallTime(
  expectedDatetime: string | null | undefined,
  week: SpecialistsWeek,
  now: Date,
): ExpectedCallTime | null {
  const expected = parseInstant(expectedDatetime);
  if (expected && expected.getTime() > now.getTime()) {
    const window = expectedCall({ ...week, now: expected });
    const inWindow = window !== null && window.start.getTime() === expected.getTime();
    return { start: expected, end: inWindow ? window.end : null };
  }
  const window = expectedCall({ ...week, now });
  return window && { start: window.start, end: window.end };
}

/** A look-up's answer (null: the server has no such request) in the page's terms. */
export function describeLookup(
  id: string,
  answer: Open311ServiceRequest | null,
  week: SpecialistsWeek,
  now: Date,
): RequestLookup {
  if (answer === null) return { kind: 'unknown', id };
  // The server's spelling of the id is the one to read back to 311.
  const shown = answer.service_request_id || id;
  if ((answer.status ?? 'open').trim().toLowerCase() === 'closed') {
    return { kind: 'closed', id: shown };
  }
  return { kind: 'open', id: shown, call: expectedCallTime(answer.expected_datetime, week, now) };
}

/**
 * A look-up that failed. A 404, or a 400 for an id the server cannot read, means there is no
 * such request; anything else means the server could not be asked, which must never read as
 * "your request is gone".
 */
export function describeLookupError(id: string, error: unknown): RequestLookup {
  if (error instanceof Open311Error && (error.kind === 'not-found' || error.kind === 'rejected')) {
    return { kind: 'unknown', id };
  }
  return { kind: 'unreachable', id };
}

/** Which sentence says when the call comes, and what fills it. */
export interface CallTimeWords {
  key: 'todayBetween' | 'dayBetween' | 'todayFrom' | 'dayFrom';
  values: { day?: string; start: string; end?: string };
}

// Within six days a weekday names one day only; a week away, "Monday" could be this one.
const SIX_DAYS_MS = 6 * 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of an instant on the deployment's calendar. */
function calendarDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(instant);
}

/**
 * "today between 2:00 PM and 6:00 PM", "on Monday from 8:00 AM": the day and times in the
 * deployment's zone, written as the reader writes them. A day within the week is named by its
 * weekday; one further off (a city's own estimate) by its date.
 */
export function callTimeWords(
  call: ExpectedCallTime,
  now: Date,
  locale: string,
  timeZone: string,
): CallTimeWords {
  const clock = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
  });
  const start = clock.format(call.start);
  const end = call.end ? clock.format(call.end) : undefined;
  const today = calendarDate(call.start, timeZone) === calendarDate(now, timeZone);
  if (today) {
    return end === undefined
      ? { key: 'todayFrom', values: { start } }
      : { key: 'todayBetween', values: { start, end } };
  }
  const day =
    call.start.getTime() - now.getTime() < SIX_DAYS_MS
      ? weekdayInZone(call.start, timeZone, locale)
      : formatIsoDate(calendarDate(call.start, timeZone), locale);
  return end === undefined
    ? { key: 'dayFrom', values: { day, start } }
    : { key: 'dayBetween', values: { day, start, end } };
}
