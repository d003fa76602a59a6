import {
  MINUTES_PER_DAY,
  hoursByDay,
  type DayHours,
  type WeeklyInterval,
} from '../weekly-hours.ts';

/**
 * The "best time to call" choices, derived from the specialists' weekly hours so that another
 * city's hours give other choices. The week is split into weekdays and the weekend, each day
 * into parts (night, morning, afternoon, evening); a part the specialists barely work (under
 * two hours) is folded into its neighbour, and a group worked in one part only is offered as a
 * whole. Boston's "Mo-Fr 08:00-18:00; Sa,Su 12:00-16:00" gives weekday-morning (8–12),
 * weekday-afternoon (12–18), weekend (12–16) and any.
 */

export const BEST_TIME_ANY = 'any';

export interface BestTimeChoice {
  /** Stable value key: `weekday-morning`, `weekend`, `morning`, `any` … */
  key: string;
  /** English label (the Open311 value name); the form translates by key. */
  name: string;
  /** Days the choice covers, 0 = Monday … 6 = Sunday. */
  days: number[];
  /** The span shown to people, minutes since midnight: earliest start and latest end. */
  start: number;
  end: number;
  /** Exactly when the specialists work within this choice, as week intervals. */
  windows: WeeklyInterval[];
}

export interface BestTimeOptions {
  /** Days that count as the weekend; Saturday and Sunday unless a deployment says otherwise. */
  weekend?: readonly number[];
  /** A part shorter than this is folded into the part next to it. */
  minimumPartMinutes?: number;
}

interface DayPart {
  name: string;
  start: number;
  end: number;
}

const DAY_PARTS: readonly DayPart[] = [
  { name: 'night', start: 0, end: 6 * 60 },
  { name: 'morning', start: 6 * 60, end: 12 * 60 },
  { name: 'afternoon', start: 12 * 60, end: 17 * 60 },
  { name: 'evening', start: 17 * 60, end: MINUTES_PER_DAY },
];

const PART_LABELS: Record<string, string> = {
  night: 'nights',
  morning: 'mornings',
  afternoon: 'afternoons',
  evening: 'evenings',
};

/** A part of the day as the specialists work it in one group of days. */
interface Piece {
  name: string;
  start: number;
  end: number;
  windows: WeeklyInterval[];
}

function clockText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Each part of the day the group's days are open in, with the exact open windows. */
function piecesFor(days: readonly number[], week: readonly DayHours[]): Piece[] {
  const pieces: Piece[] = [];
  for (const part of DAY_PARTS) {
    const windows: WeeklyInterval[] = [];
    let start = Infinity;
    let end = -Infinity;
    for (const day of days) {
      for (const [open, close] of week[day] ?? []) {
        const from = Math.max(open, part.start);
        const to = Math.min(close, part.end);
        if (from >= to) continue;
        windows.push([day * MINUTES_PER_DAY + from, day * MINUTES_PER_DAY + to]);
        start = Math.min(start, from);
        end = Math.max(end, to);
      }
    }
    if (windows.length > 0) pieces.push({ name: part.name, start, end, windows });
  }
  return pieces;
}

/** Joins two touching pieces; the longer one gives the name. */
function join(a: Piece, b: Piece): Piece {
  const name = a.end - a.start >= b.end - b.start ? a.name : b.name;
  const windows = [...a.windows, ...b.windows].sort((x, y) => x[0] - y[0]);
  return { name, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), windows };
}

/** Folds pieces shorter than `minimum` into a touching neighbour, the previous one first. */
function foldShortPieces(pieces: Piece[], minimum: number): Piece[] {
  const result = [...pieces];
  let index = 0;
  while (index < result.length && result.length > 1) {
    const piece = result[index]!;
    if (piece.end - piece.start >= minimum) {
      index += 1;
      continue;
    }
    const before = result[index - 1];
    const after = result[index + 1];
    if (before && before.end === piece.start) {
      result.splice(index - 1, 2, join(before, piece));
      index -= 1;
    } else if (after && piece.end === after.start) {
      result.splice(index, 2, join(piece, after));
    } else {
      index += 1;
    }
  }
  return mergeWindows(result);
}

/** Windows that meet (Monday 06:00 morning after Monday 05:00 night) become one. */
function mergeWindows(pieces: Piece[]): Piece[] {
  return pieces.map((piece) => {
    const merged: Array<[number, number]> = [];
    for (const [start, end] of piece.windows) {
      const last = merged.at(-1);
      if (last && last[1] === start) last[1] = end;
      else merged.push([start, end]);
    }
    return { ...piece, windows: merged };
  });
}

function sameShape(a: readonly Piece[], b: readonly Piece[]): boolean {
  return (
    a.length === b.length &&
    a.every((piece, i) => {
      const other = b[i];
      return other !== undefined && piece.start === other.start && piece.end === other.end;
    })
  );
}

interface Group {
  /** '' when every day has the same hours: the choices are then just "morning", "evening" … */
  key: string;
  /** English, plural: "weekdays", "weekends". */
  label: string;
  /** English, as an adjective: "weekday" in "weekday mornings". */
  adjective: string;
  pieces: Piece[];
}

function choiceFor(group: Group, piece: Piece): BestTimeChoice {
  const whole = group.pieces.length === 1;
  const span = `${clockText(piece.start)}–${clockText(piece.end)}`;
  const part = PART_LABELS[piece.name] ?? piece.name;
  let key: string;
  let label: string;
  if (whole) {
    key = group.key || BEST_TIME_ANY;
    label = group.label || 'every day';
  } else {
    key = group.key ? `${group.key}-${piece.name}` : piece.name;
    label = group.adjective ? `${group.adjective} ${part}` : part;
  }
  const days = [...new Set(piece.windows.map(([s]) => Math.floor(s / MINUTES_PER_DAY) % 7))];
  return {
    key,
    name: `${label.charAt(0).toUpperCase()}${label.slice(1)} (${span})`,
    days: days.sort((x, y) => x - y),
    start: piece.start,
    end: piece.end,
    windows: piece.windows,
  };
}

/** Weekday and weekend pieces together, for a week with the same hours every day. */
function combine(weekdays: readonly Piece[], weekend: readonly Piece[]): Piece[] {
  return weekdays.map((piece, i) => ({
    ...piece,
    windows: [...piece.windows, ...(weekend[i]?.windows ?? [])].sort((a, b) => a[0] - b[0]),
  }));
}

/** The best-time choices for a week of hours, `any` last. No hours, or one shape: only `any`. */
export function deriveBestTimes(
  intervals: readonly WeeklyInterval[],
  options: BestTimeOptions = {},
): BestTimeChoice[] {
  const weekendDays = options.weekend ?? [5, 6];
  const minimum = options.minimumPartMinutes ?? 120;
  const week = hoursByDay(intervals);
  const allDays = [0, 1, 2, 3, 4, 5, 6];
  const weekdays = allDays.filter((day) => !weekendDays.includes(day));
  const weekend = allDays.filter((day) => weekendDays.includes(day));
  const weekdayPieces = foldShortPieces(piecesFor(weekdays, week), minimum);
  const weekendPieces = foldShortPieces(piecesFor(weekend, week), minimum);

  const groups: Group[] =
    weekdayPieces.length > 0 && sameShape(weekdayPieces, weekendPieces)
      ? [{ key: '', label: '', adjective: '', pieces: combine(weekdayPieces, weekendPieces) }]
      : [
          { key: 'weekday', label: 'weekdays', adjective: 'weekday', pieces: weekdayPieces },
          { key: 'weekend', label: 'weekends', adjective: 'weekend', pieces: weekendPieces },
        ];
  const choices = groups.flatMap((group) => group.pieces.map((p) => choiceFor(group, p)));
  // A single choice covers every hour the specialists work: it would only repeat "any".
  const useful = choices.length === 1 ? [] : choices;
  return [...useful, anyChoice(intervals)];
}

function anyChoice(intervals: readonly WeeklyInterval[]): BestTimeChoice {
  const week = hoursByDay(intervals);
  const days = week.flatMap((hours, day) => (hours.length > 0 ? [day] : []));
  const starts = week.flatMap((hours) => hours.map(([s]) => s));
  const ends = week.flatMap((hours) => hours.map(([, e]) => e));
  return {
    key: BEST_TIME_ANY,
    name: 'Any time the specialists are in',
    days,
    start: starts.length ? Math.min(...starts) : 0,
    end: ends.length ? Math.max(...ends) : 0,
    windows: intervals.map(([s, e]) => [s, e] as const),
  };
}
