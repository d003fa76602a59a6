/**
 * Runs the evaluation set against the finder's search engine, built from the real content the
 * way the site builds it (one index per locale, the same labels, the same ZIP table), and
 * scores every query. `run.ts` prints the figures; `tests/unit/search-eval-floor.test.ts` holds them to FLOORS.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import zipcodes from 'zipcodes';
import { compareForBrowsing } from '../../src/domain/browse.ts';
import { distanceKm, kmToMiles, type LatLon } from '../../src/domain/geo.ts';
import { buildSearchIndexFile, type FacetName } from '../../src/domain/search/documents.ts';
import { SearchEngine, type SearchQuery } from '../../src/domain/search/engine.ts';
import { postalTable as buildPostalTable } from '../../src/domain/search/postal-table.ts';
import { loadSite } from '../../src/load-site.ts';
import { providerSchema, type Provider } from '../../src/schemas/provider.ts';
import type { Site } from '../../src/schemas/site.ts';
import {
  NDCG_AT,
  SUCCESS_AT,
  criteriaFileSchema,
  grade,
  ndcg,
  nearestFirst,
  pathsOf,
  queryFileSchema,
  type EvalQuery,
  type NamedCriteria,
  type PlaceRef,
} from './judge.ts';

/** What the finder must reach: the floor test in tests/unit fails below it. */
export const FLOORS = { successOverall: 0.9, successPerLocale: 0.8 } as const;

const root = join(import.meta.dirname, '..', '..');
const here = import.meta.dirname;

export interface EvalData {
  site: Site;
  providers: Provider[];
  named: NamedCriteria;
  queries: EvalQuery[];
  /** The same table postal-codes.json serves to the finder. */
  postalCodes: Record<string, [number, number]>;
}

/** The deployment's providers, in the order the site indexes them (allProviders). */
export function loadEvalData(): EvalData {
  const site = loadSite(join(root, 'content', 'boston'));
  const dir = join(root, 'content', 'boston', 'providers');
  const providers = readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => providerSchema.parse(parse(readFileSync(join(dir, file), 'utf8'))))
    .sort(compareForBrowsing(site));
  const named = criteriaFileSchema.parse(parse(readFileSync(join(here, 'criteria.yaml'), 'utf8')));
  const queryDir = join(here, 'queries');
  const queries = readdirSync(queryDir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => {
      const locale = file.replace(/\.yaml$/, '');
      const parsed = queryFileSchema.safeParse(parse(readFileSync(join(queryDir, file), 'utf8')));
      if (!parsed.success) throw new Error(`queries/${file}: ${parsed.error.message}`);
      return parsed.data.map((query) => ({ ...query, locale }));
    });
  return { site, providers, named, queries, postalCodes: postalTable(site) };
}

/** The table src/pages/postal-codes.json.ts serves: ZIP codes and towns → centre. */
function postalTable(site: Site): Record<string, [number, number]> {
  return buildPostalTable(site.postal_regions);
}

/**
 * Where the resident is, for judging: worked out here from site.yaml and the ZIP package, not
 * through the engine, so a finder that misreads a place is judged against where it really is.
 */
export function goldPlace(ref: PlaceRef, site: Site): LatLon | undefined {
  if (typeof ref !== 'string') return ref;
  const area = site.neighbourhoods[ref];
  if (area) return area.center;
  if (/^\d{5}$/.test(ref)) {
    const zip = zipcodes.lookup(ref);
    return zip ? { lat: zip.latitude, lon: zip.longitude } : undefined;
  }
  for (const region of site.postal_regions) {
    const zips = zipcodes.lookupByName(ref, region);
    if (zips.length === 0) continue;
    const sum = zips.reduce(
      (acc, z) => ({ lat: acc.lat + z.latitude, lon: acc.lon + z.longitude }),
      {
        lat: 0,
        lon: 0,
      },
    );
    return { lat: sum.lat / zips.length, lon: sum.lon / zips.length };
  }
  return undefined;
}

/** The finder's labels for one locale, falling back to English as i18next does. */
function labelsFor(locale: string): (facet: FacetName, key: string) => string {
  type Strings = { taxonomy?: Record<string, Record<string, string>> };
  const read = (name: string) =>
    JSON.parse(readFileSync(join(root, 'src', 'i18n', `${name}.json`), 'utf8')) as Strings;
  const own = read(locale);
  const en = read('en');
  return (facet, key) => own.taxonomy?.[facet]?.[key] ?? en.taxonomy?.[facet]?.[key] ?? key;
}

export interface QueryResult {
  query: EvalQuery;
  success: boolean;
  ndcg: number;
  /** What went wrong, in words, for the printout. */
  problem?: string;
  /** Names of the first results, for reading failures. */
  top: string[];
}

function scoreQuery(
  engine: SearchEngine,
  query: EvalQuery,
  data: EvalData,
  byId: Map<string, Provider>,
): QueryResult {
  const nearPlace = query.near ? engine.resolvePlace(query.near) : undefined;
  const request: SearchQuery = { text: query.q };
  if (nearPlace) request.near = nearPlace;
  const outcome = engine.search(request, new Date('2026-12-02T04:00:00Z'));
  const shown = outcome.results.map((result) => byId.get(result.doc.i)!);
  const top = shown.slice(0, SUCCESS_AT).map((p) => p.name);

  const placeRef = query.place ?? query.near;
  const place = placeRef === undefined ? undefined : goldPlace(placeRef, data.site);
  if (placeRef !== undefined && !place)
    throw new Error(`unknown place ${JSON.stringify(placeRef)}`);
  const miles = (p: Provider) =>
    place && p.geo ? kmToMiles(distanceKm(place, p.geo)) : place ? Infinity : undefined;
  const gradeOf = (p: Provider) => grade(query, p, data.named, miles(p));

  const pathNamed = query.expect_path ? pathsOf(outcome).includes(query.expect_path) : true;
  if (!query.relevant) {
    return {
      query,
      success: pathNamed,
      ndcg: pathNamed ? 1 : 0,
      top,
      ...(pathNamed ? {} : { problem: `no path "${query.expect_path}" in the outcome` }),
    };
  }
  const shownGrades = shown.slice(0, NDCG_AT).map(gradeOf);
  const allGrades = data.providers.map(gradeOf);
  const hit = shownGrades.slice(0, SUCCESS_AT).some((g) => g > 0);
  let problem: string | undefined;
  if (!pathNamed) problem = `no path "${query.expect_path}" in the outcome`;
  else if (!hit) problem = `no relevant place in the first ${SUCCESS_AT}`;
  if (!problem && query.order === 'distance') {
    const shownMiles = shown
      .slice(0, NDCG_AT)
      .filter((_, i) => shownGrades[i]! > 0)
      .map((p) => miles(p)!);
    const allMiles = data.providers.filter((p) => gradeOf(p) > 0).map((p) => miles(p)!);
    // With a place, the first place shown is the nearest that meets the need, not a near miss.
    if (shownGrades[0] === 0) problem = 'the first result does not meet the need';
    else if (!nearestFirst(shownMiles, allMiles)) {
      const listed = shownMiles.map((m) => m.toFixed(1)).join(', ');
      problem = `not nearest first (relevant results at ${listed} mi)`;
    }
  }
  return {
    query,
    success: !problem,
    ndcg: ndcg(shownGrades, allGrades),
    top,
    ...(problem ? { problem } : {}),
  };
}

export interface Figures {
  queries: number;
  success: number;
  ndcg: number;
}

export interface Report {
  results: QueryResult[];
  overall: Figures;
  byLocale: Record<string, Figures>;
}

function figures(results: readonly QueryResult[]): Figures {
  const n = results.length;
  return {
    queries: n,
    success: n === 0 ? 0 : results.filter((r) => r.success).length / n,
    ndcg: n === 0 ? 0 : results.reduce((sum, r) => sum + r.ndcg, 0) / n,
  };
}

export function evaluate(data: EvalData = loadEvalData()): Report {
  const byId = new Map(data.providers.map((p) => [p.id, p]));
  const results: QueryResult[] = [];
  for (const locale of data.site.locales) {
    const queries = data.queries.filter((q) => q.locale === locale);
    if (queries.length === 0) continue;
    const file = buildSearchIndexFile(data.providers, data.site, locale, labelsFor(locale));
    const engine = new SearchEngine(file);
    engine.usePostalCodes(data.postalCodes);
    for (const query of queries) results.push(scoreQuery(engine, query, data, byId));
  }
  const byLocale = Object.fromEntries(
    data.site.locales.map((locale) => [
      locale,
      figures(results.filter((r) => r.query.locale === locale)),
    ]),
  );
  return { results, overall: figures(results), byLocale };
}
