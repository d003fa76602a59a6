import type { Provider } from '../../schemas/provider.ts';
import type { Site } from '../../schemas/site.ts';
import {
  type PaymentKey,
  MEDICATION_KEYS,
  PAYMENT_KEYS,
  POPULATION_KEYS,
  SERVICE_KEYS,
  SETTING_KEYS,
} from '../../schemas/taxonomy.ts';
import { toWeeklyIntervals } from '../opening-hours.ts';
import { displayPhone, telHref } from '../phone.ts';
import { shortCode } from '../share/short-code.ts';

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
}

export interface SearchIndexFile {
  version: 1;
  locale: string;
  timeZone: string;
  /** Labels of every facet key in this locale, indexed as text so "detox" finds detox places. */
  labels: { [F in FacetName]: Record<string, string> };
  /** Neighbourhoods: key → [name, lat, lon]. */
  areas: Record<string, [string, number, number]>;
  docs: SearchDocument[];
}

function mask<K extends string>(keys: readonly K[], values: readonly K[]): number {
  let bits = 0;
  for (const value of values) {
    const bit = keys.indexOf(value);
    if (bit >= 0) bits |= 1 << bit;
  }
  return bits >>> 0;
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

export function toSearchDocument(provider: Provider, country = 'US'): SearchDocument {
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
  if (provider.geo) doc.g = [round(provider.geo.lat), round(provider.geo.lon)];
  if (provider.languages.length > 0) doc.l = provider.languages;
  if (provider.hours) doc.h = toWeeklyIntervals(provider.hours).flat();
  if (provider.walk_in) doc.w = 1;
  const status = provider.availability.status;
  if (status !== 'unknown') doc.v = status === 'openings' ? 'o' : status === 'waitlist' ? 'w' : 'f';
  return doc;
}

export function buildSearchIndexFile(
  providers: readonly Provider[],
  site: Site,
  locale: string,
  label: (facet: FacetName, key: string) => string,
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
    docs: providers.map((provider) => toSearchDocument(provider, site.country)),
  };
}
