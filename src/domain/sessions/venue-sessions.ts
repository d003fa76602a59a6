import type { Session, SessionKind } from '../../schemas/session.ts';
import { localizedText } from '../localized-text.ts';
import { formatDay, formatTimeRange } from './format.ts';
import { nextOccurrences, type SessionCalendar } from './occurrences.ts';

/** One coming date of a session, as the venue page lists it. */
export interface SessionDate {
  /** "Tuesday 2 June" (en-GB), in the deployment's time zone. */
  day: string;
  /** "10:00–12:00": 24-hour in en-GB, the locale's own way elsewhere. */
  time: string;
  /** Instants in milliseconds, for the page's script to mark "on now" and drop past dates. */
  start: number;
  end: number;
}

/** A session as its venue's page shows it. */
export interface SessionView {
  id: string;
  kind: SessionKind;
  /** The service's description in the page's locale, or its original; absent when none. */
  description?: string;
  /** The next dates from `at`, the one under way first. */
  dates: SessionDate[];
  /** Whether the page should say "not on public holidays". */
  offOnHolidays: boolean;
}

/** Where a venue's "Sessions here" stands: its sessions, or why there are none to show. */
export type VenueSessions =
  | { state: 'none-published' }
  | { state: 'none-here' }
  | { state: 'listed'; sessions: SessionView[] };

/**
 * The sessions held at a venue, for its page: each with its next `count` dates from `at` in
 * the deployment's clock, soonest session first. A deployment with no session at all says so
 * differently from a venue without one, so the page can tell "none published" from "none here".
 */
export function venueSessions(
  all: readonly Session[],
  venueId: string,
  at: Date,
  calendar: SessionCalendar,
  locale: string,
  count = 4,
): VenueSessions {
  if (all.length === 0) return { state: 'none-published' };
  const here = all.filter((session) => session.venue === venueId);
  if (here.length === 0) return { state: 'none-here' };
  const views = here.map((session): SessionView => {
    const occurrences = nextOccurrences(session, at, calendar, { count });
    const description = Object.keys(session.description).length
      ? localizedText(session.description, locale)
      : undefined;
    return {
      id: session.id,
      kind: session.kind,
      ...(description ? { description } : {}),
      dates: occurrences.map((occurrence) => ({
        day: formatDay(occurrence, locale, calendar.timeZone),
        time: formatTimeRange(occurrence, locale, calendar.timeZone),
        start: occurrence.start.getTime(),
        end: occurrence.end.getTime(),
      })),
      offOnHolidays: session.closed_on_bank_holidays && calendar.holidays !== undefined,
    };
  });
  const first = (view: SessionView) => view.dates[0]?.start ?? Infinity;
  views.sort((a, b) => first(a) - first(b) || a.id.localeCompare(b.id));
  return { state: 'listed', sessions: views };
}
