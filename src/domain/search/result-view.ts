import type { Site } from '../../schemas/site.ts';
import type { VenueKind } from '../../schemas/venue.ts';
import type { SessionSlot } from '../sessions/slot-times.ts';
import type { Listing } from '../venue-listing.ts';
import {
  MEDICATION_KEYS,
  SERVICE_KEYS,
  type MedicationKey,
  type ServiceKey,
} from '../../schemas/taxonomy.ts';
import type { DistanceUnit } from '../format-distance.ts';
import { roundCoordinate, type LatLon } from '../geo.ts';
import { toWeeklyIntervals } from '../opening-hours.ts';
import { displayPhone, telHref, type PhoneView } from '../phone.ts';
import { shortCode } from '../share/short-code.ts';
import { providerPath } from '../urls.ts';
import type { WeeklyInterval } from '../weekly-hours.ts';

/**
 * One place as the interface shows it in a list: named fields, the same whether it was read
 * from a provider file at build time (static pages) or from the search index in the browser
 * (islands), so one component draws both. The index's compact keys are decoded in
 * documents.ts and engine.ts and go no further.
 */
export interface ResultView {
  id: string;
  /** Short code for texted links (`/{locale}/p/{code}/`). */
  shortCode: string;
  name: string;
  /** The provider page, without the locale ("providers/…/"). */
  path: string;
  address?: { street: string; city: string };
  /** The neighbourhood's name, when it says more than the town does. */
  area?: string;
  /** The number to tap: the first voice line (other lines are on the provider page). */
  phone?: PhoneView;
  /** Services the source lists. */
  services: ServiceKey[];
  medications: MedicationKey[];
  /** Services only the name states ("… Detox"), none of them listed by the source. */
  servicesInferredFromName: ServiceKey[];
  /** Weekly opening intervals; absent when the source gives no hours. */
  hours?: WeeklyInterval[];
  position?: LatLon;
  /** From the search, in the browser only: how far from the place searched near. */
  distanceKm?: number;
  /** How to show `distanceKm` when the deployment does not count in miles (`distance_unit`). */
  distanceUnit?: DistanceUnit;
  /** From the search: open at the time of the search (absent when the hours are unknown). */
  openNow?: boolean;
  /** From the search: why it matched, when that is not plain from the name or the words typed. */
  reasons: MatchExplanation[];
  /** A venue's kind (pharmacy, GP practice …); absent for a provider. */
  kind?: VenueKind;
  /** A venue's coming sessions, soonest first, and the zone their times are shown in. */
  sessions?: { slots: SessionSlot[]; timeZone: string };
}

export interface MatchExplanation {
  /** The words as typed ("suboxone"). */
  typed: string;
  /** What they matched, in the page's language ("Buprenorphine"). */
  term: string;
}

/** The tags a place shows, in the order shown: medications, listed services, inferred ones. */
export interface ServiceTagList {
  medications: MedicationKey[];
  services: ServiceKey[];
  inferred: ServiceKey[];
}

type Offers = Pick<ResultView, 'services' | 'medications' | 'servicesInferredFromName'>;

/**
 * Which tags a place shows. "Medication" is said better by the medicines it names; naloxone
 * reverses an overdose rather than treating addiction, so it would read as a treatment it is not.
 */
export function serviceTags(view: Offers): ServiceTagList {
  return {
    medications: view.medications.filter((key) => key !== 'naloxone'),
    services: view.services.filter((key) => key !== 'medication'),
    inferred: view.servicesInferredFromName,
  };
}

export function hasTags(tags: ServiceTagList): boolean {
  return tags.medications.length + tags.services.length + tags.inferred.length > 0;
}

/** The source says nothing of what the place offers (a name may still suggest it). */
export function servicesUnlisted(view: Offers): boolean {
  return view.services.length === 0 && view.medications.length === 0;
}

/**
 * The view of a listing, for pages drawn at build time; `slots` are a venue's coming sessions
 * (sessions/slots.ts), which the search index carries the same way.
 */
export function resultViewOf(
  provider: Listing,
  site: Site,
  slots?: readonly SessionSlot[],
): ResultView {
  const view: ResultView = {
    id: provider.id,
    shortCode: shortCode(provider.id),
    name: provider.name,
    path: providerPath(provider.id),
    services: inTaxonomyOrder(SERVICE_KEYS, provider.services),
    medications: inTaxonomyOrder(MEDICATION_KEYS, provider.medications),
    servicesInferredFromName: inTaxonomyOrder(
      SERVICE_KEYS,
      provider.inferred_services
        .map((entry) => entry.service)
        .filter((key) => !provider.services.includes(key)),
    ),
    reasons: [],
  };
  if (provider.address) {
    view.address = { street: provider.address.street, city: provider.address.city };
    const area = provider.neighbourhood
      ? site.neighbourhoods[provider.neighbourhood]?.name
      : undefined;
    if (area && area !== provider.address.city) view.area = area;
  }
  const phone = provider.phones.find((entry) => entry.kind === 'voice');
  if (phone) {
    view.phone = {
      href: telHref(phone),
      display: displayPhone(phone, site.country),
      kind: 'voice',
    };
    if (phone.unverified) view.phone.unverified = true;
  }
  if (provider.hours) view.hours = toWeeklyIntervals(provider.hours);
  if (provider.geo)
    view.position = {
      lat: roundCoordinate(provider.geo.lat),
      lon: roundCoordinate(provider.geo.lon),
    };
  if (provider.venue) view.kind = provider.venue.kind;
  if (slots && slots.length > 0) view.sessions = { slots: [...slots], timeZone: site.time_zone };
  return view;
}

/** Each key once, in the taxonomy's order: the order the search index holds them in. */
function inTaxonomyOrder<K extends string>(keys: readonly K[], values: readonly K[]): K[] {
  return keys.filter((key) => values.includes(key));
}
