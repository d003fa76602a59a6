import type { Site } from '../../schemas/site.ts';
import type { VenueKind } from '../../schemas/venue.ts';
import { postcodeTableOf } from '../places/kinds.ts';
import { decodeSlots, encodeSlots, type SessionSlot } from '../sessions/slot-times.ts';
import type { Listing } from '../venue-listing.ts';
import {
  type PaymentKey,
  MEDICATION_KEYS,
  PAYMENT_KEYS,
  POPULATION_KEYS,
  SERVICE_KEYS,
  SETTING_KEYS,
} from '../../schemas/taxonomy.ts';
import type { DistanceUnit } from '../format-distance.ts';
import { roundCoordinate } from '../geo.ts';
import { toWeeklyIntervals } from '../opening-hours.ts';
import { displayPhone, telHref } from '../phone.ts';
import { shortCode } from '../share/short-code.ts';
import { providerPath } from '../urls.ts';
import type { WeeklyInterval } from '../weekly-hours.ts';
import type { SearchResult } from './engine.ts';
import type { ResultView } from './result-view.ts';
import { needsFor } from './needs/index.ts';
import type { NeedTable } from './needs/targets.ts';
import { normalize } from './text.ts';

/**
 * The search index file: one compact record per provider plus what the browser needs to
 * index them (labels in the page's language). Built once per locale at build time; the
 * browser builds its term index from it when the finder first needs it.
 */
export const FACETS = {
  service: SERVICE_KEYS,
  medication: MEDICATION_KEYS,
  setting: SETTING_KEYS,
  payment: PAYMENT_KEYS,
  population: POPULATION_KEYS,
} as const;
export type FacetName = keyof typeof FACETS;
export const FACET_NAMES = Object.keys(FACETS) as FacetName[];

export type AvailabilityCode = 'o' | 'w' | 'f';

export interface SearchDocument {
  /** Provider id. */
  i: string;
  /** Short code for texted links (`/{locale}/p/{k}/`). */
  k: string;
  /** Name. */
  n: string;
  /** Organisation, when different from the name. */
  o?: string;
  /** Town. */
  c?: string;
  /** Neighbourhood key (site.yaml). */
  a?: string;
  /** Street line. */
  s?: string;
  /** First voice number: [tel: target, as written for people], for one tap to call. */
  p?: [string, string];
  /** Position [lat, lon], rounded to about a metre. */
  g?: [number, number];
  /**
   * Facet bit masks in FACET_NAMES order (service, medication, setting, payment, population),
   * then the services only inferred from the name. Bit k is the k-th key of that facet.
   */
  f: [number, number, number, number, number, number];
  /** Languages staff speak (BCP 47). */
  l?: string[];
  /** Weekly opening intervals, flattened [start, end, start, end …] (minutes from Monday). */
  h?: number[];
  /** 1 when walk-ins are welcome. */
  w?: 1;
  /** Reported availability: openings, waitlist, full; absent when unknown. */
  v?: AvailabilityCode;
  /** A venue's kind (pharmacy, GP practice …); absent for a provider. */
  t?: VenueKind;
  /** A venue's coming sessions, as sessions/slot-times.ts encodes them; absent without any. */
  x?: number[];
}

export interface SearchIndexFile {
  version: 1;
  locale: string;
  timeZone: string;
  /** Labels of every facet key in this locale, indexed as text so "detox" finds detox places. */
  labels: { [F in FacetName]: Record<string, string> };
  /** Neighbourhoods: key → [name, lat, lon]. */
  areas: Record<string, [string, number, number]>;
  /** Other names of neighbourhoods ("southie"), normalised → area key. */
  aliases?: Record<string, string>;
  /** Region codes a place may be followed by ("Dorchester, MA"), lower case. */
  regions?: string[];
  /** The deployment's postal-code pattern (site.yaml `postal_code`), to tell a code from a town. */
  postal?: string;
  /**
   * `uk-ons` when the deployment's postal table holds UK outward codes and per-district files
   * of full postcodes (site.yaml `places.postcodes`); absent for the one-file tables.
   */
  postcodes?: 'uk-ons';
  /** The unit distances are shown in when it is not miles (site.yaml `distance_unit`). */
  unit?: DistanceUnit;
  docs: SearchDocument[];
  /**
   * Everyday words for needs in this locale (needs/<locale>.ts), grouped by what they reach:
   * [canonical tokens, words]. No tokens: words that add no constraint ("tonight").
   */
  needs?: Array<[string[], string[]]>;
}

function mask<K extends string>(keys: readonly K[], values: readonly K[]): number {
  let bits = 0;
  for (const value of values) {
    const bit = keys.indexOf(value);
    if (bit >= 0) bits |= 1 << bit;
  }
  return bits >>> 0;
}

export function toSearchDocument(
  provider: Listing,
  country: string,
  slots?: readonly SessionSlot[],
): SearchDocument {
  const doc: SearchDocument = {
    i: provider.id,
    k: shortCode(provider.id),
    n: provider.name,
    f: [
      mask(FACETS.service, provider.services),
      mask(FACETS.medication, provider.medications),
      mask(FACETS.setting, provider.settings),
      mask(FACETS.payment, provider.payment),
      mask(FACETS.population, provider.populations),
      mask(
        FACETS.service,
        provider.inferred_services.map((entry) => entry.service),
      ),
    ],
  };
  if (provider.organization && provider.organization !== provider.name)
    doc.o = provider.organization;
  if (provider.address) {
    doc.c = provider.address.city;
    doc.s = provider.address.street;
  }
  if (provider.neighbourhood) doc.a = provider.neighbourhood;
  const phone = provider.phones.find((entry) => entry.kind === 'voice');
  if (phone) doc.p = [telHref(phone), displayPhone(phone, country)];
  if (provider.geo) doc.g = [roundCoordinate(provider.geo.lat), roundCoordinate(provider.geo.lon)];
  if (provider.languages.length > 0) doc.l = provider.languages;
  if (provider.hours) doc.h = toWeeklyIntervals(provider.hours).flat();
  if (provider.walk_in) doc.w = 1;
  const status = provider.availability.status;
  if (status !== 'unknown') doc.v = status === 'openings' ? 'o' : status === 'waitlist' ? 'w' : 'f';
  if (provider.venue) doc.t = provider.venue.kind;
  if (slots && slots.length > 0) doc.x = encodeSlots(slots);
  return doc;
}

/** Keys of a facet bit mask, in taxonomy order. */
function keysOf<K extends string>(bits: number, keys: readonly K[]): K[] {
  return keys.filter((_, bit) => (bits & (1 << bit)) !== 0);
}

/** The flattened week [start, end, start, end …] as intervals again. */
export function weeklyIntervalsOf(flat: readonly number[]): WeeklyInterval[] {
  const intervals: WeeklyInterval[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) intervals.push([flat[i]!, flat[i + 1]!]);
  return intervals;
}

/**
 * A search document as the interface shows it, before any search: the same view as
 * `resultViewOf` gives for the provider file it was made from.
 */
export function documentView(
  doc: SearchDocument,
  areas: SearchIndexFile['areas'],
  timeZone = 'UTC',
): ResultView {
  const services = keysOf(doc.f[0], FACETS.service);
  const view: ResultView = {
    id: doc.i,
    shortCode: doc.k,
    name: doc.n,
    path: providerPath(doc.i),
    services,
    medications: keysOf(doc.f[1], FACETS.medication),
    servicesInferredFromName: keysOf(doc.f[5], FACETS.service).filter(
      (key) => !services.includes(key),
    ),
    reasons: [],
  };
  if (doc.s !== undefined && doc.c !== undefined) {
    view.address = { street: doc.s, city: doc.c };
    const area = doc.a ? areas[doc.a]?.[0] : undefined;
    if (area && area !== doc.c) view.area = area;
  }
  if (doc.p) view.phone = { href: doc.p[0], display: doc.p[1], kind: 'voice' };
  if (doc.h) view.hours = weeklyIntervalsOf(doc.h);
  if (doc.g) view.position = { lat: doc.g[0], lon: doc.g[1] };
  if (doc.t) view.kind = doc.t;
  if (doc.x) view.sessions = { slots: decodeSlots(doc.x), timeZone };
  return view;
}

/** A search result as the interface shows it: the place, how far it is, why it matched. */
export function resultView(
  result: SearchResult,
  labels: SearchIndexFile['labels'],
  areas: SearchIndexFile['areas'],
  timeZone?: string,
): ResultView {
  const view = documentView(result.doc, areas, timeZone);
  if (result.distanceKm !== undefined) view.distanceKm = result.distanceKm;
  if (result.openNow !== undefined) view.openNow = result.openNow;
  // An indexed term in words: "svc:detox" is the detox label in the index's language.
  const termLabel = (term: string) => {
    const [kind, key = ''] = term.split(':');
    if (kind === 'svc') return labels.service[key] ?? key;
    if (kind === 'med') return labels.medication[key] ?? key;
    if (kind === 'pop') return labels.population[key] ?? key;
    return term;
  };
  // Say why a place matched only when it is not plain: not its name, and not the very word typed.
  for (const reason of result.reasons) {
    const term = termLabel(reason.term);
    if (reason.field !== 'name' && normalize(term) !== normalize(reason.typed))
      view.reasons.push({ typed: reason.typed, term });
  }
  return view;
}

export function buildSearchIndexFile(
  providers: readonly Listing[],
  site: Site,
  locale: string,
  label: (facet: FacetName, key: string) => string,
  /** Each venue's coming sessions (sessions/slots.ts), by venue id. */
  slots?: ReadonlyMap<string, readonly SessionSlot[]>,
): SearchIndexFile {
  const labels = Object.fromEntries(
    FACET_NAMES.map((facet) => [
      facet,
      Object.fromEntries(
        FACETS[facet].map((key) => [
          key,
          // Local names for ways to pay ("MassHealth") are what residents type.
          (facet === 'payment' && site.payment_names[key as PaymentKey]) || label(facet, key),
        ]),
      ),
    ]),
  ) as SearchIndexFile['labels'];
  const areas = Object.fromEntries(
    Object.entries(site.neighbourhoods).map(([key, area]) => [
      key,
      [area.name, area.center.lat, area.center.lon] as [string, number, number],
    ]),
  );
  return {
    version: 1,
    locale,
    timeZone: site.time_zone,
    labels,
    areas,
    aliases: Object.fromEntries(
      Object.entries(site.neighbourhoods).flatMap(([key, area]) =>
        area.aliases.map((alias) => [normalize(alias), key]),
      ),
    ),
    regions: site.postal_regions.map((region) => region.toLowerCase()),
    ...(site.postal_code ? { postal: site.postal_code } : {}),
    ...(postcodeTableOf(site) === 'uk-ons' ? { postcodes: 'uk-ons' as const } : {}),
    ...(site.distance_unit !== 'mile' ? { unit: site.distance_unit } : {}),
    docs: providers.map((provider) =>
      toSearchDocument(provider, site.country, slots?.get(provider.id)),
    ),
    needs: groupedNeeds(needsFor(locale)),
  };
}

/** Words grouped by the tokens they reach, so each group's tokens are written once. */
function groupedNeeds(table: NeedTable): Array<[string[], string[]]> {
  const groups = new Map<string, [string[], string[]]>();
  for (const [word, targets] of Object.entries(table)) {
    const id = targets.join(' ');
    const group = groups.get(id);
    if (group) group[1].push(word);
    else groups.set(id, [[...targets], [word]]);
  }
  return [...groups.values()];
}
