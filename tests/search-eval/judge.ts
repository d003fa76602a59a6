/**
 * The evaluation set's judgements: what a query's relevant places are, written as criteria a
 * reviewer can read against the provider files, and how a result list is scored against them.
 * Nothing here names a provider id, so a ranking cannot pass by being copied into the set.
 */
import { z } from 'zod';
import type { Provider } from '../../src/schemas/provider.ts';
import {
  MEDICATION_KEYS,
  PAYMENT_KEYS,
  POPULATION_KEYS,
  SERVICE_KEYS,
  SETTING_KEYS,
} from '../../src/schemas/taxonomy.ts';

const services = z.array(z.enum(SERVICE_KEYS)).min(1);

/** One set of conditions; every condition given must hold (AND). */
const conditionsSchema = z
  .object({
    /** Offers one of these services, listed or stated by its name (as the service filter does). */
    services_any: services.optional(),
    /** Offers every one of these services (listed or stated by its name). */
    services_all: services.optional(),
    medications_any: z.array(z.enum(MEDICATION_KEYS)).min(1).optional(),
    /** Lists none of these medications ("not a methadone clinic" for alcohol or stimulants). */
    medications_none: z.array(z.enum(MEDICATION_KEYS)).min(1).optional(),
    settings_any: z.array(z.enum(SETTING_KEYS)).min(1).optional(),
    /** Lists none of these settings (a place with no settings listed passes). */
    settings_none: z.array(z.enum(SETTING_KEYS)).min(1).optional(),
    populations_any: z.array(z.enum(POPULATION_KEYS)).min(1).optional(),
    payment_any: z.array(z.enum(PAYMENT_KEYS)).min(1).optional(),
    /** Staff speak one of these languages (BCP 47 primary tags). */
    languages_any: z
      .array(z.string().regex(/^[a-z]{2,3}$/))
      .min(1)
      .optional(),
    /** Any place at all: for a query that gives only a place ("02124", "Southie"). */
    any: z.literal(true).optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'needs at least one condition' });
export type Conditions = z.infer<typeof conditionsSchema>;

/** Criteria: the name of a need in criteria.yaml, one set of conditions, or several (OR). */
const criteriaSchema = z.union([
  z.string().regex(/^[a-z0-9-]+$/),
  conditionsSchema,
  z.array(z.union([z.string().regex(/^[a-z0-9-]+$/), conditionsSchema])).min(1),
]);
export type Criteria = z.infer<typeof criteriaSchema>;

/** A place: a neighbourhood key of site.yaml, a five-digit ZIP, a town, or a point. */
const placeSchema = z.union([
  z.string().min(2),
  z.object({ name: z.string(), lat: z.number(), lon: z.number() }).strict(),
]);
export type PlaceRef = z.infer<typeof placeSchema>;

export const evalQuerySchema = z
  .object({
    /** What the resident types in the main box, as they would type it. */
    q: z.string(),
    /** What they type in the Near box, if anything (given to the finder's place lookup). */
    near: z.string().optional(),
    /**
     * Where the resident is, for judging distance: defaults to `near`. Given on its own when the
     * place is typed in the main box ("detox 02124") or as a nickname ("JP").
     */
    place: placeSchema.optional(),
    /** Places that meet the need (grade 1 or more). */
    relevant: criteriaSchema.optional(),
    /** Relevant places that meet it best (grade 2), e.g. inpatient withdrawal management. */
    ideal: criteriaSchema.optional(),
    /** Places that must not count even if they match `relevant`. */
    exclude: criteriaSchema.optional(),
    /** With a place, grade 2 also needs this distance or less (miles). */
    within_miles: z.number().positive().optional(),
    /** `distance`: the relevant results shown must come nearest first. */
    order: z.literal('distance').optional(),
    /** A need with no listing: the outcome must point to this path (its slug). */
    expect_path: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    /** Why the judgement is what it is, when it is not obvious. */
    note: z.string().optional(),
  })
  .strict()
  .refine((q) => q.relevant !== undefined || q.expect_path !== undefined, {
    message: 'needs `relevant` or `expect_path`',
  })
  .refine((q) => q.order === undefined || q.near !== undefined || q.place !== undefined, {
    message: '`order: distance` needs `near` or `place`',
  });
export type EvalQuery = z.infer<typeof evalQuerySchema> & { locale: string };

export const queryFileSchema = z.array(evalQuerySchema).min(1);
export const criteriaFileSchema = z.record(z.string().regex(/^[a-z0-9-]+$/), criteriaSchema);
export type NamedCriteria = z.infer<typeof criteriaFileSchema>;

/** Distances are judged in miles, the deployment's unit. */
export const DEFAULT_WITHIN_MILES = 5;
/** Slack for place centres worked out slightly differently by the finder and the judge. */
export const ORDER_TOLERANCE_MILES = 0.5;
/** Results scored: success counts the first 5, nDCG the first 10. */
export const SUCCESS_AT = 5;
export const NDCG_AT = 10;

function conditionsHold(c: Conditions, p: Provider): boolean {
  const offered = new Set<string>([
    ...p.services,
    ...p.inferred_services.map((entry) => entry.service),
  ]);
  const some = (wanted: readonly string[] | undefined, own: readonly string[]) =>
    !wanted || wanted.some((value) => own.includes(value));
  if (c.services_any && !c.services_any.some((s) => offered.has(s))) return false;
  if (c.services_all && !c.services_all.every((s) => offered.has(s))) return false;
  if (!some(c.medications_any, p.medications)) return false;
  if (c.medications_none?.some((m) => p.medications.includes(m))) return false;
  if (!some(c.settings_any, p.settings)) return false;
  if (c.settings_none?.some((s) => p.settings.includes(s))) return false;
  if (!some(c.populations_any, p.populations)) return false;
  if (!some(c.payment_any, p.payment)) return false;
  const spoken = p.languages.map((tag) => tag.split('-')[0]!);
  if (!some(c.languages_any, spoken)) return false;
  return true;
}

/** Whether a provider meets criteria; named needs are looked up (and may nest). */
export function meets(
  criteria: Criteria,
  p: Provider,
  named: NamedCriteria,
  seen: readonly string[] = [],
): boolean {
  if (typeof criteria === 'string') {
    const found = named[criteria];
    if (!found) throw new Error(`unknown need "${criteria}" (not in criteria.yaml)`);
    if (seen.includes(criteria)) throw new Error(`need "${criteria}" refers to itself`);
    return meets(found, p, named, [...seen, criteria]);
  }
  if (Array.isArray(criteria)) return criteria.some((c) => meets(c, p, named, seen));
  return conditionsHold(criteria, p);
}

/** 0 not relevant, 1 meets the need, 2 meets it best (and, with a place, is within reach). */
export function grade(
  query: EvalQuery,
  p: Provider,
  named: NamedCriteria,
  miles: number | undefined,
): 0 | 1 | 2 {
  if (!query.relevant || !meets(query.relevant, p, named)) return 0;
  if (query.exclude && meets(query.exclude, p, named)) return 0;
  if (query.ideal && !meets(query.ideal, p, named)) return 1;
  const hasPlace = query.near !== undefined || query.place !== undefined;
  if (hasPlace && !(miles !== undefined && miles <= (query.within_miles ?? DEFAULT_WITHIN_MILES)))
    return 1;
  return 2;
}

/** Normalised discounted cumulative gain over the first `k` results, gains 2^grade − 1. */
export function ndcg(shown: readonly number[], best: readonly number[], k = NDCG_AT): number {
  const dcg = (grades: readonly number[]) =>
    grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...best].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(shown) / ideal;
}

/**
 * Nearest first: the relevant results among the first `k`, in the order shown, are no farther
 * than the relevant places that exist, rank for rank (the i-th relevant result shown is within
 * tolerance of the i-th nearest relevant place), and never farther than the one after them.
 */
export function nearestFirst(
  shownMiles: readonly number[],
  allMiles: readonly number[],
  tolerance = ORDER_TOLERANCE_MILES,
): boolean {
  if (shownMiles.length === 0) return false;
  const nearest = [...allMiles].sort((a, b) => a - b);
  return shownMiles.every(
    (miles, i) =>
      miles <= (nearest[i] ?? Infinity) + tolerance &&
      (i === 0 || shownMiles[i - 1]! <= miles + tolerance),
  );
}

/** Path slugs an outcome points to, however the engine spells them (strings or { slug }). */
export function pathsOf(outcome: object): string[] {
  const paths = (outcome as { paths?: unknown }).paths;
  if (!Array.isArray(paths)) return [];
  return paths.flatMap((entry: unknown) => {
    if (typeof entry === 'string') return [entry];
    if (entry && typeof entry === 'object') {
      const { slug, path, id } = entry as { slug?: unknown; path?: unknown; id?: unknown };
      const value = [slug, path, id].find((v) => typeof v === 'string');
      return typeof value === 'string' ? [value] : [];
    }
    return [];
  });
}
