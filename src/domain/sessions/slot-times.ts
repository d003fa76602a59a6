import { SESSION_KINDS, type SessionKind } from './kinds.ts';

/**
 * A venue's sessions as the finder carries them: the times they happen, worked out at build
 * time, so the browser needs neither the rules nor the holiday tables to say "Next session:
 * Tuesday 10:00–12:00" or "on now". A site is rebuilt far more often than `SLOT_DAYS`, and a
 * card whose slots have all passed simply shows none (the venue page has the dates).
 */
export interface SessionSlot {
  /** Start and end instants, in milliseconds since the epoch. */
  start: number;
  end: number;
  kind: SessionKind;
  /** The session's id: its page section and calendar file. */
  session: string;
}

/** How far ahead the finder's slots reach: long enough for a monthly session to come round twice. */
export const SLOT_DAYS = 63;

/** How near "this week" is: the next seven days from the moment of the search. */
export const WEEK_MS = 7 * 86_400_000;

const MS_PER_MINUTE = 60_000;

/** The slot under way at `now`, else the next to start; undefined when none is left. */
export function nextSlot(
  slots: readonly SessionSlot[] | undefined,
  now: number,
): SessionSlot | undefined {
  return slots?.find((slot) => slot.end > now);
}

/** Whether a slot is under way: from its start, up to (not at) its end. */
export function isOn(slot: SessionSlot, now: number): boolean {
  return slot.start <= now && now < slot.end;
}

/** Whether the slot is on now or starts within the next seven days. */
export function isThisWeek(slot: SessionSlot, now: number): boolean {
  return slot.end > now && slot.start < now + WEEK_MS;
}

/**
 * Slots in the search index, compactly: [start in minutes since the epoch, length in minutes,
 * kind's index in SESSION_KINDS] for each, one flat list. The session id stays out: a card
 * links to the venue page, where each session has its own section.
 */
export function encodeSlots(slots: readonly SessionSlot[]): number[] {
  return slots.flatMap((slot) => [
    Math.round(slot.start / MS_PER_MINUTE),
    Math.round((slot.end - slot.start) / MS_PER_MINUTE),
    SESSION_KINDS.indexOf(slot.kind),
  ]);
}

export function decodeSlots(flat: readonly number[]): SessionSlot[] {
  const slots: SessionSlot[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const start = flat[i]! * MS_PER_MINUTE;
    const kind = SESSION_KINDS[flat[i + 2]!];
    if (kind) slots.push({ start, end: start + flat[i + 1]! * MS_PER_MINUTE, kind, session: '' });
  }
  return slots;
}
