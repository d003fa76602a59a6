import { z } from 'zod';
import { dayNumberOf, minutesOf } from '../domain/sessions/civil-time.ts';
import { fallsOn, parseByDay } from '../domain/sessions/rule.ts';
import { isoDateSchema } from './provider.ts';
import { sourceRefSchema } from './source-ref.ts';
import { SESSION_KINDS } from '../domain/sessions/kinds.ts';

// The kinds live in the domain so the finder's script can name them without zod.
export { SESSION_KINDS, type SessionKind } from '../domain/sessions/kinds.ts';

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, -)');

/** A wall-clock time, 24-hour; the deployment's `time_zone` says where (no offset: see below). */
const localTimeSchema = z
  .string()
  .regex(
    /^(?:[01]\d|2[0-3]):[0-5]\d$/,
    'must be a local time written HH:MM (24-hour), without a time zone offset',
  );

/**
 * When a session happens: the recurrence fields of an HSDS 3.0 `schedule`. HSDS lets opens_at
 * carry a UTC offset; a fixed offset cannot follow summer time, so times here are wall-clock
 * times in the deployment's time zone, and a 10:00 session stays 10:00 after the clocks change.
 */
export const sessionScheduleSchema = z
  .object({
    /** WEEKLY ("every Tuesday") or MONTHLY ("first and third Thursday"). */
    freq: z.enum(['WEEKLY', 'MONTHLY']),
    /** Every nth week or month: 2 with WEEKLY is fortnightly. Counted from `dtstart`. */
    interval: z.number().int().min(1).max(12).default(1),
    /** iCalendar weekdays: "TU", "MO,TH"; in a monthly rule "1TH,3TH" or "-1FR" (the last). */
    byday: z.string().trim().min(1),
    /** The first date of the series, which `interval` counts from; required when interval > 1. */
    dtstart: isoDateSchema.optional(),
    opens_at: localTimeSchema,
    closes_at: localTimeSchema,
    /** The first date the schedule holds; absent: as far back as it matters. */
    valid_from: isoDateSchema.optional(),
    /** The last date the schedule holds; absent: until the content says otherwise. */
    valid_to: isoDateSchema.optional(),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    const byday = parseByDay(schedule.byday, schedule.freq);
    if (typeof byday === 'string')
      ctx.addIssue({ code: 'custom', path: ['byday'], message: byday });
    if (minutesOf(schedule.closes_at) <= minutesOf(schedule.opens_at)) {
      // Outreach sessions run in daytime venues; an overnight range is far likelier a typo.
      ctx.addIssue({
        code: 'custom',
        path: ['closes_at'],
        message: `must be later than opens_at (${schedule.opens_at}) on the same day`,
      });
    }
    if (schedule.interval > 1 && schedule.dtstart === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['dtstart'],
        message: `is required when interval is ${schedule.interval}: the date the count starts from`,
      });
    }
    if (
      schedule.valid_from !== undefined &&
      schedule.valid_to !== undefined &&
      schedule.valid_to < schedule.valid_from
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['valid_to'],
        message: `is before valid_from (${schedule.valid_from})`,
      });
    }
  });

export type SessionSchedule = z.output<typeof sessionScheduleSchema>;

const cancellationSchema = z
  .object({
    /** The date of an occurrence that will not happen. */
    date: isoDateSchema,
    /** Why, per locale, when the service says. */
    note: z.record(z.string(), z.string().trim().min(1)).optional(),
  })
  .strict();

/**
 * One outreach session: the service at a venue on a schedule (HSDS 3.0's service_at_location
 * with its schedule, flattened). Content files in `content/<deployment>/sessions/*.yaml`; only
 * a session a source confirms is published, so `sources` is required.
 */
export const sessionSchema = z
  .object({
    /** Stable slug, the file name without `.yaml`. */
    id: slugSchema,
    /** The id of the venue (a pharmacy, a GP practice, a community centre, a recovery hub). */
    venue: slugSchema,
    kind: z.enum(SESSION_KINDS),
    schedule: sessionScheduleSchema,
    /**
     * Whether the session is off on the deployment's public holidays (bank holidays).
     * Most venues close on them; set false only when the source says the session still runs.
     */
    closed_on_bank_holidays: z.boolean().default(true),
    /** Occurrences that will not happen; each must be a date the schedule falls on. */
    cancelled: z.array(cancellationSchema).default([]),
    /** A plain-language description, per locale (`en-GB`, `pl` …), where one is written. */
    description: z.record(z.string(), z.string().trim().min(1)).default({}),
    /** The public sources that confirm the session: its time, place and kind. */
    sources: z.array(sourceRefSchema).min(1, 'must name at least one source'),
  })
  .strict()
  .superRefine((session, ctx) => {
    const byday = parseByDay(session.schedule.byday, session.schedule.freq);
    if (typeof byday === 'string') return; // already reported on schedule.byday
    const rule = { ...session.schedule, byday };
    session.cancelled.forEach((cancellation, index) => {
      if (!fallsOn(rule, dayNumberOf(cancellation.date))) {
        // A cancellation on a day without a session would silently change nothing.
        ctx.addIssue({
          code: 'custom',
          path: ['cancelled', index, 'date'],
          message: `${cancellation.date} is not a date this schedule falls on`,
        });
      }
    });
  });

export type Session = z.output<typeof sessionSchema>;
export type SessionInput = z.input<typeof sessionSchema>;
