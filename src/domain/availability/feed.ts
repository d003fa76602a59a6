/**
 * The availability feed: what providers report about room and walk-ins, published as a small
 * JSON document at `availability.feed` in site.yaml and read by the finder and provider pages
 * when they are viewed, so a report shows without a rebuild.
 *
 * Each record is an HSDS 3.1 `service_capacity` object (id, service_id, unit, available,
 * maximum, description, updated) with one extension, `walk_in_today`. `service_id` is the
 * provider's id in this directory, the same id the HSDS export (`/hsds/services.json`) uses,
 * so a consumer joins the two. `reported_problems` lists listings someone has reported as
 * wrong and the specialists have not yet handled: the listing's id and the date only, never
 * what was reported or by whom.
 *
 * Any system can produce the document; the local intake server does (`GET /availability.json`).
 * The reader below is written by hand, not with zod: it runs on phones, and a feed from another
 * system may be partly wrong, so a bad record is dropped and the rest kept.
 */

/** Units the site names in every language; another system's unit is shown by its own name. */
export const CAPACITY_UNITS = ['bed', 'slot'] as const;
export type CapacityUnitId = (typeof CAPACITY_UNITS)[number];

export interface CapacityUnit {
  /** `bed` (a residential or detox bed) or `slot` (a new-patient appointment); or another id. */
  id: string;
  /** The unit's name as the producer wrote it, used when `id` is not one the site knows. */
  name: string;
}

/** One provider's last report: HSDS 3.1 `service_capacity`, plus `walk_in_today`. */
export interface ServiceCapacity {
  id: string;
  /** The provider's id (its page is `/<locale>/providers/<service_id>/`). */
  service_id: string;
  unit: CapacityUnit;
  /** Units free when reported (0 is a report too: full). */
  available: number;
  maximum?: number;
  /** The provider's short note ("Women only tonight"), in their words. */
  description?: string;
  /** When it was reported, ISO 8601 with a zone. Nothing shows room without it. */
  updated: string;
  /** Whether people can walk in on the day of `updated` (the deployment's day); absent: not said. */
  walk_in_today?: boolean;
}

export interface ReportedProblem {
  service_id: string;
  /** When the first still-open report about this listing was received, ISO 8601. */
  reported: string;
}

export interface AvailabilityFeed {
  /** When the document was written, ISO 8601. */
  generated: string;
  service_capacity: ServiceCapacity[];
  reported_problems: ReportedProblem[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** A timestamp that parses and names its zone (a bare local time would be read as the phone's). */
export function isTimestamp(value: unknown): value is string {
  return (
    nonEmpty(value) &&
    /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

const count = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100_000;

function capacityOf(value: unknown): ServiceCapacity | null {
  if (!isObject(value)) return null;
  const { id, service_id, unit, available, maximum, description, updated, walk_in_today } = value;
  if (!nonEmpty(id) || !nonEmpty(service_id) || !isTimestamp(updated) || !count(available)) {
    return null;
  }
  if (!isObject(unit) || !nonEmpty(unit.id) || !nonEmpty(unit.name)) return null;
  const record: ServiceCapacity = {
    id,
    service_id,
    unit: { id: unit.id, name: unit.name },
    available,
    updated,
  };
  if (count(maximum) && maximum >= available) record.maximum = maximum;
  if (nonEmpty(description)) record.description = description.trim();
  if (typeof walk_in_today === 'boolean') record.walk_in_today = walk_in_today;
  return record;
}

function problemOf(value: unknown): ReportedProblem | null {
  if (!isObject(value) || !nonEmpty(value.service_id) || !isTimestamp(value.reported)) return null;
  return { service_id: value.service_id, reported: value.reported };
}

/**
 * The feed read from its JSON, keeping every well-formed record and dropping the others; null
 * when the document itself is not a feed. When a provider appears twice, the later report wins.
 */
export function parseFeed(json: unknown): AvailabilityFeed | null {
  if (!isObject(json) || !isTimestamp(json.generated)) return null;
  const latest = new Map<string, ServiceCapacity>();
  for (const record of Array.isArray(json.service_capacity) ? json.service_capacity : []) {
    const capacity = capacityOf(record);
    if (!capacity) continue;
    const seen = latest.get(capacity.service_id);
    if (!seen || Date.parse(seen.updated) < Date.parse(capacity.updated)) {
      latest.set(capacity.service_id, capacity);
    }
  }
  const problems = new Map<string, ReportedProblem>();
  for (const record of Array.isArray(json.reported_problems) ? json.reported_problems : []) {
    const problem = problemOf(record);
    if (problem && !problems.has(problem.service_id)) problems.set(problem.service_id, problem);
  }
  return {
    generated: json.generated,
    service_capacity: [...latest.values()],
    reported_problems: [...problems.values()],
  };
}
