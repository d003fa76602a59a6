import { createEvent, type EventAttributes } from 'ics';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Session } from '../../schemas/session.ts';
import { dayNumberOf, instantOf, isoDateOf, minutesOf, wallClock } from './civil-time.ts';
import { ruleOf, skipOn, type Occurrence, type SessionCalendar } from './occurrences.ts';
import { fallsOn, WEEKDAY_CODES } from './rule.ts';

/** The words of a calendar entry, already in the reader's language (the page translates them). */
export interface IcsTexts {
  /** "Needle and syringe programme", with the venue's name if the page wants it. */
  title: string;
  /** The venue's name and address, as one line. */
  location?: string;
  description?: string;
  /** The page of the session or venue on the site. */
  url?: string;
}

export interface IcsOptions {
  /** The site's host ("finder.example.org"), which makes UIDs unique across the world. */
  uidDomain: string;
  /** When the file is made (DTSTAMP): passed in, so the same input gives the same file. */
  stamp: Date;
}

/** The library's schema takes `timestamp` (DTSTAMP), which its type declarations leave out. */
type Attributes = EventAttributes & { timestamp?: number };

function common(texts: IcsTexts, uid: string, stamp: Date): Partial<Attributes> {
  return {
    productId: '-//recovery-finder//sessions//EN',
    uid,
    title: texts.title,
    timestamp: stamp.getTime(),
    ...(texts.location ? { location: texts.location } : {}),
    ...(texts.description ? { description: texts.description } : {}),
    ...(texts.url ? { url: texts.url } : {}),
  };
}

function build(attributes: Attributes): string {
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}

/**
 * A calendar file for one occurrence. Its start and end are written in UTC: one instant needs
 * no time zone table, and every calendar shows it at the right local time wherever it is.
 */
export function occurrenceIcs(
  occurrence: Occurrence,
  texts: IcsTexts,
  options: IcsOptions,
): string {
  return build({
    ...common(
      texts,
      `${occurrence.session.id}-${occurrence.date}@${options.uidDomain}`,
      options.stamp,
    ),
    start: occurrence.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: occurrence.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 20260604T100000: a wall-clock date-time, to follow a TZID. */
function localStamp(date: string, time: string): string {
  return `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
}

function utcStamp(instant: Date): string {
  return (
    `${instant.getUTCFullYear()}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/** The RRULE value for a session's schedule: HSDS's fields are iCalendar's, so this is a copy. */
export function rruleOf(session: Session, calendar: SessionCalendar): string {
  const { freq, interval, valid_to, closes_at } = session.schedule;
  const parts = [`FREQ=${freq}`];
  // RFC 5545 counts intervals in weeks that start on WKST; say Monday, as the model counts.
  if (interval > 1) parts.push(`INTERVAL=${interval}`, 'WKST=MO');
  const days = ruleOf(session).byday.map(
    (day) => `${day.ordinal ?? ''}${WEEKDAY_CODES[day.weekday]}`,
  );
  parts.push(`BYDAY=${days.join(',')}`);
  if (valid_to !== undefined) {
    // With a TZID start, UNTIL must be UTC: the end of the last day's session.
    const last = instantOf(dayNumberOf(valid_to), minutesOf(closes_at), calendar.timeZone);
    parts.push(`UNTIL=${utcStamp(last)}`);
  }
  return parts.join(';');
}

/**
 * A calendar file for the recurring session: DTSTART with the deployment's TZID and the zone's
 * VTIMEZONE, so the series stays at 10:00 local across clock changes (a UTC start would move
 * it an hour each spring and autumn). Cancelled dates and the public holidays it closes on
 * become EXDATEs; holidays are known only so far ahead, so an open-ended series lists those
 * within `horizonDays` (a year) and the description should say "not on bank holidays".
 * Undefined when the series has ended or its rule falls on no date.
 */
export function seriesIcs(
  session: Session,
  texts: IcsTexts,
  calendar: SessionCalendar,
  options: IcsOptions & { horizonDays?: number },
): string | undefined {
  const { timeZone } = calendar;
  const { opens_at, closes_at, valid_from, dtstart } = session.schedule;
  const today = isoDateOf(wallClock(options.stamp, timeZone).dayNumber);
  // A series that has ended is nothing to add to a calendar.
  if (session.schedule.valid_to !== undefined && session.schedule.valid_to < today)
    return undefined;
  const from = [valid_from, dtstart, today].filter((d): d is string => d !== undefined).sort()[0]!;
  const rule = ruleOf(session);
  // DTSTART must be an occurrence of the rule itself, or calendars add it as an extra one.
  let first = dayNumberOf(from);
  const limit = first + 400;
  while (first < limit && !fallsOn(rule, first)) first += 1;
  if (first >= limit) return undefined;
  const firstDate = isoDateOf(first);

  const horizon = dayNumberOf(today) + (options.horizonDays ?? 366);
  const excluded: string[] = [];
  for (let day = first; day <= horizon; day += 1) {
    if (fallsOn(rule, day) && skipOn(session, isoDateOf(day), calendar)) {
      excluded.push(isoDateOf(day));
    }
  }

  const [y, m, d] = firstDate.split('-').map(Number) as [number, number, number];
  const [oh, om] = opens_at.split(':').map(Number) as [number, number];
  const [ch, cm] = closes_at.split(':').map(Number) as [number, number];
  const text = build({
    ...common(texts, `${session.id}@${options.uidDomain}`, options.stamp),
    // Written as floating local times, then given the TZID below: the ics library has no TZID.
    start: [y, m, d, oh, om],
    startInputType: 'local',
    startOutputType: 'local',
    end: [y, m, d, ch, cm],
    endInputType: 'local',
    endOutputType: 'local',
    recurrenceRule: rruleOf(session, calendar),
  });

  const vtimezone = String(tzlib_get_ical_block(timeZone)[0]).split(/\r?\n/).filter(Boolean);
  const exdates = excluded.map((date) => `EXDATE;TZID=${timeZone}:${localStamp(date, opens_at)}`);
  const lines = text.split(/\r?\n/).flatMap((line) => {
    if (/^DTSTART:\d{8}T\d{6}$/.test(line)) {
      return [`DTSTART;TZID=${timeZone}:${localStamp(firstDate, opens_at)}`];
    }
    if (/^DTEND:\d{8}T\d{6}$/.test(line)) {
      return [`DTEND;TZID=${timeZone}:${localStamp(firstDate, closes_at)}`];
    }
    // RFC 5545 wants a VTIMEZONE for every TZID the file uses, before the events.
    if (line === 'BEGIN:VEVENT') return [...vtimezone, line];
    if (line === 'END:VEVENT') return [...exdates, line];
    return [line];
  });
  return lines.join('\r\n');
}
