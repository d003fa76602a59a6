import { formatNext, formatWhen } from '../domain/sessions/format.ts';
import { isOn, nextSlot, type SessionSlot } from '../domain/sessions/slot-times.ts';
import type { Translate } from './types.ts';
import type { MessageKey } from '../i18n/message-keys.ts';

export const SESSION_KIND_KEYS = [
  'session.kind.drop-in',
  'session.kind.appointment-only',
  'session.kind.needle-and-syringe-programme',
  'session.kind.naloxone',
  'session.kind.family-support',
  'session.kind.young-people',
  'session.kind.recovery-group',
] as const;

export const NEXT_SESSION_KEYS = ['session.next', 'session.onNow', SESSION_KIND_KEYS] as const;

export interface NextSessionProps {
  slots: readonly SessionSlot[];
  /** The zone the deployment's times are written in, wherever the reader is. */
  timeZone: string;
  locale: string;
  t: Translate<MessageKey<typeof NEXT_SESSION_KEYS>>;
  /** The moment to count from; the page's build, or the search in the finder. */
  now: number;
  /** The element it is drawn as: a card's list item, or a paragraph. */
  as?: 'li' | 'p';
}

/**
 * "Next session: Tuesday 10:00–12:00 (Drop-in)", or "On now: …" while one is under way; nothing
 * when every slot the build knew of has passed (the venue page lists the dates).
 */
export function NextSession({ slots, timeZone, locale, t, now, as = 'li' }: NextSessionProps) {
  const slot = nextSlot(slots, now);
  if (!slot) return null;
  const Tag = as;
  const times = { start: new Date(slot.start), end: new Date(slot.end) };
  const on = isOn(slot, now);
  const when = on
    ? formatWhen(times, locale, timeZone)
    : formatNext(times, new Date(now), locale, timeZone);
  return (
    <Tag class={on ? 'rf-status--open' : undefined}>
      {t(on ? 'session.onNow' : 'session.next', { when, kind: t(`session.kind.${slot.kind}`) })}
    </Tag>
  );
}
