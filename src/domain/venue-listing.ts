import type { Provider } from '../schemas/provider.ts';
import type { MedicationKey, ServiceKey } from '../schemas/taxonomy.ts';
import type { Venue, VenueKind } from '../schemas/venue.ts';

/**
 * What a venue has that a provider lacks, carried beside the provider shape the listing
 * components read: the finder, cards, pages, short links and the search index work on one
 * shape, and a venue's page and card add these where they are set.
 */
export interface VenueFacts {
  kind: VenueKind;
  /** The register that lists it and its code there (NHS ODS `A83001`). */
  register: { scheme: string; code: string };
  /** The words its sources ask every page showing it to carry, each once, in source order. */
  attributions: string[];
  /** What a source says it offers, or `unknown`: the page then says to ask. */
  services: Venue['services'];
  /** The address as the register writes it: lines, town, postcode, with no US-style region. */
  address?: Venue['address'];
}

/** One place in the directory: a provider, or a venue in the provider's shape. */
export type Listing = Provider & { venue?: VenueFacts };

/** Which of the directory's services and medications a venue's own offer keys say. */
const OFFERS: Record<
  Exclude<Venue['services'], 'unknown'>[number],
  { service: ServiceKey; medication?: MedicationKey }
> = {
  // Supervised consumption is the pharmacist watching a prescribed dose being taken.
  'supervised-consumption': { service: 'medication' },
  'needle-and-syringe-programme': { service: 'harm-reduction' },
  naloxone: { service: 'harm-reduction', medication: 'naloxone' },
};

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * A venue as a listing. Only what the register says is carried over: a venue with
 * `services: unknown` lists no service, so every card and page says "not listed: ask"; its
 * availability is unknown, and nothing else (hours, languages, ways to pay) is made up.
 */
export function venueListing(venue: Venue): Listing {
  const offers = venue.services === 'unknown' ? [] : venue.services.map((key) => OFFERS[key]);
  const listing: Listing = {
    id: venue.id,
    name: venue.name,
    description: {},
    phones: venue.phones.map((phone) => ({ number: phone.number, kind: phone.kind })),
    services: unique(offers.map((offer) => offer.service)),
    inferred_services: [],
    medications: unique(offers.flatMap((offer) => (offer.medication ? [offer.medication] : []))),
    settings: [],
    payment: [],
    populations: [],
    languages: [],
    availability: { status: 'unknown' },
    sources: venue.sources.map((source) => ({
      name: source.name,
      ...(source.url ? { url: source.url } : {}),
      retrieved: source.retrieved,
      vintage: source.vintage,
      record: source.record,
    })),
    venue: {
      kind: venue.kind,
      register: venue.register,
      attributions: unique(venue.sources.map((source) => source.attribution)),
      services: venue.services,
      ...(venue.address ? { address: venue.address } : {}),
    },
  };
  if (venue.address) {
    const { lines, town, region, postal_code, country } = venue.address;
    // Registers write building, street and locality in no fixed order: one line keeps them all.
    listing.address = {
      street: lines.join(', '),
      city: town,
      region: region ?? '',
      postal_code,
      country,
    };
  }
  if (venue.geo) {
    listing.geo = {
      lat: venue.geo.lat,
      lon: venue.geo.lon,
      // A postcode's point is tens of metres off at most; a district's centre is not a place.
      precision: venue.geo.precision === 'district' ? 'approximate' : 'address',
    };
  }
  if (venue.hours) listing.hours = venue.hours;
  return listing;
}

/** The attributions a page of listings must carry, each once: none for providers. */
export function attributionsOf(listings: readonly Listing[]): string[] {
  return unique(listings.flatMap((listing) => listing.venue?.attributions ?? []));
}
