import { MINUTES_PER_DAY, MINUTES_PER_WEEK, type WeeklyInterval } from '../weekly-hours.ts';
import {
  BEST_TIME_ANY,
  deriveBestTimes,
  type BestTimeChoice,
  type BestTimeOptions,
} from './best-time.ts';

/** When a specialist is expected to call: a window of two instants. */
export interface CallWindow {
  start: Date;
  end: Date;
}

export interface ExpectedCallInput {
  /** The specialists' week, as `toWeeklyIntervals` returns it. */
  intervals: readonly WeeklyInterval[];
  /** The deployment's IANA time zone; the machine's zone plays no part. */
  timeZone: string;
  /** A best_time key (`weekday-morning`, `any` …); unknown or absent means any time. */
  bestTime?: string | undefined;
  now: Date;
  /**
   * A window that closes sooner than this is skipped: nobody can be called back in the last
   * minute of a shift. Defaults to 15 minutes.
   */
  minimumMinutes?: number;
  /** The same options the best-time choices were derived with. */
  bestTimeOptions?: BestTimeOptions;
}

const MINUTE_MS = 60_000;

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

// Building an Intl.DateTimeFormat costs far more than using one; the server asks per request.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

// Readings by zone and minute: a busy server asks about the same few minutes all the time.
const readings = new Map<string, number>();

/**
 * Minutes since Monday 00:00 of the deployment's week, with seconds as a fraction. The same
 * reading as weekly-hours.ts `wallClockAt`, with the formatter kept.
 */
function weekPosition(instant: Date, timeZone: string): number {
  const time = instant.getTime();
  const minuteStart = Math.floor(time / MINUTE_MS) * MINUTE_MS;
  const cacheKey = `${timeZone} ${minuteStart}`;
  let minutes = readings.get(cacheKey);
  if (minutes === undefined) {
    minutes = readWeekMinute(new Date(minuteStart), timeZone);
    if (readings.size >= 256) readings.clear();
    readings.set(cacheKey, minutes);
  }
  return minutes + (time - minuteStart) / MINUTE_MS;
}

function readWeekMinute(instant: Date, timeZone: string): number {
  let weekday = 0;
  let hour = 0;
  let minute = 0;
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type === 'weekday') weekday = WEEKDAYS[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return weekday * MINUTES_PER_DAY + hour * 60 + minute;
}

/** The signed distance from `from` to `to` on the weekly circle, in (-½ week, ½ week]. */
function circularDelta(from: number, to: number): number {
  let delta = (to - from) % MINUTES_PER_WEEK;
  if (delta > MINUTES_PER_WEEK / 2) delta -= MINUTES_PER_WEEK;
  if (delta <= -MINUTES_PER_WEEK / 2) delta += MINUTES_PER_WEEK;
  return delta;
}

/**
 * The instant `offset` week-minutes after `now` on the deployment's wall clock. A first guess
 * adds the minutes; daylight-saving changes in between make the wall clock disagree, so the
 * guess is corrected until it reads the intended time (twice is enough for any real zone).
 */
function instantAfter(now: Date, nowPosition: number, offset: number, timeZone: string): Date {
  const target = nowPosition + offset;
  let guess = now.getTime() + offset * MINUTE_MS;
  for (let i = 0; i < 3; i += 1) {
    const delta = circularDelta(weekPosition(new Date(guess), timeZone), target);
    if (Math.abs(delta) < 1 / 120) break;
    guess += delta * MINUTE_MS;
  }
  return new Date(Math.round(guess / 1000) * 1000);
}

// The choices for a week are derived once per intervals array (a deployment has one).
const derived = new WeakMap<readonly WeeklyInterval[], BestTimeChoice[]>();

/** Windows of the chosen best time; any time when the key is unknown or not given. */
function windowsFor(input: ExpectedCallInput): readonly WeeklyInterval[] {
  if (!input.bestTime || input.bestTime === BEST_TIME_ANY) return input.intervals;
  let choices = input.bestTimeOptions ? undefined : derived.get(input.intervals);
  if (!choices) {
    choices = deriveBestTimes(input.intervals, input.bestTimeOptions);
    if (!input.bestTimeOptions) derived.set(input.intervals, choices);
  }
  const found = choices.find((choice) => choice.key === input.bestTime);
  return found ? found.windows : input.intervals;
}

/** The first window (as week-minute offsets from now) that still has `minimum` minutes left. */
function nextWindow(
  windows: readonly WeeklyInterval[],
  position: number,
  minimum: number,
): { from: number; to: number } | null {
  let best: { from: number; to: number } | null = null;
  for (const [start, end] of windows) {
    // A window may be shown this week, last week (wrapping past Sunday) or next week.
    for (const shift of [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK]) {
      const from = Math.max(start + shift, position);
      const to = end + shift;
      if (to - from < minimum || to <= position) continue;
      if (!best || from < best.from) best = { from, to };
    }
  }
  return best && { from: best.from - position, to: best.to - position };
}

/**
 * The next window in which a specialist will call, given the best time the person chose:
 * now until the window's end when a window is open, otherwise the next window whole.
 * Null when the specialists have no hours at all.
 */
export function expectedCall(input: ExpectedCallInput): CallWindow | null {
  const windows = windowsFor(input);
  const position = weekPosition(input.now, input.timeZone);
  const minimum = input.minimumMinutes ?? 15;
  // Windows all shorter than the minimum still beat "never".
  const next = nextWindow(windows, position, minimum) ?? nextWindow(windows, position, 0);
  if (!next) return null;
  const start =
    next.from === 0 ? input.now : instantAfter(input.now, position, next.from, input.timeZone);
  return { start, end: instantAfter(input.now, position, next.to, input.timeZone) };
}
