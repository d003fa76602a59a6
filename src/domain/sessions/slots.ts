import type { Session } from '../../schemas/session.ts';
import { occurrencesBetween, type SessionCalendar } from './occurrences.ts';
import { SLOT_DAYS, type SessionSlot } from './slot-times.ts';

const MS_PER_DAY = 86_400_000;

/**
 * The slots of each venue's sessions that have not ended by `at`, within `days`, soonest
 * first; cancelled dates and the bank holidays a session closes on are already left out.
 */
export function slotsByVenue(
  sessions: readonly Session[],
  at: Date,
  calendar: SessionCalendar,
  days = SLOT_DAYS,
): Map<string, SessionSlot[]> {
  const until = new Date(at.getTime() + days * MS_PER_DAY);
  const byVenue = new Map<string, SessionSlot[]>();
  for (const session of sessions) {
    const slots = byVenue.get(session.venue) ?? [];
    for (const occurrence of occurrencesBetween(session, at, until, calendar)) {
      slots.push({
        start: occurrence.start.getTime(),
        end: occurrence.end.getTime(),
        kind: session.kind,
        session: session.id,
      });
    }
    byVenue.set(session.venue, slots);
  }
  for (const slots of byVenue.values()) slots.sort(compareSlots);
  return byVenue;
}

function compareSlots(a: SessionSlot, b: SessionSlot): number {
  return a.start - b.start || a.end - b.end || a.session.localeCompare(b.session);
}
