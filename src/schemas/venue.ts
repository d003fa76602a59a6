import { z } from 'zod';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { isoDateSchema } from './provider.ts';
import { openingHoursSchema } from './schedule.ts';
import { PHONE_KINDS } from './taxonomy.ts';

/**
 * A venue: a place where a service holds sessions (a pharmacy, a GP practice, a community
 * centre, a recovery hub), as a public register lists it. Unlike a provider it is not the
 * service itself: what happens there comes from sessions, so a venue carries what the register
 * says and no more. Venues live in `content/<deployment>/venues/*.yaml`.
 *
 * Why not providerSchema: a provider's address is a US street/city/state/ZIP record, its
 * services a list from the treatment taxonomy, and it has no kind or register id. A register
 * like NHS ODS gives address lines (building, street, locality in no fixed order), a town, a
 * postcode and a stable code, and lists no services at all.
 */

export const VENUE_KINDS = ['pharmacy', 'gp-practice', 'community-venue', 'recovery-hub'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

/**
 * What a venue may offer people who use drugs or alcohol. Listed only where a source says so
 * for this venue; the national registers say it for none.
 */
export const VENUE_SERVICE_KEYS = [
  'supervised-consumption',
  'needle-and-syringe-programme',
  'naloxone',
] as const;

const phoneSchema = z.object({
  /** E.164 (+441134960000), checked with libphonenumber; shown in national format. */
  number: z.string().refine((n) => /^\+\d{6,15}$/.test(n) && isValidPhoneNumber(n), {
    message: 'must be a valid phone number in E.164 form, e.g. +441134960000',
  }),
  kind: z.enum(PHONE_KINDS).default('voice'),
});

const addressSchema = z.object({
  /** The lines before the town, in the register's order (building, street, locality). */
  lines: z.array(z.string().trim().min(1)).default([]),
  /** The post town, as the register writes it. */
  town: z.string().trim().min(1),
  /** The county or region line, when the register gives one. */
  region: z.string().trim().min(1).optional(),
  /** The postcode as the country writes it (`DH1 3EH`). */
  postal_code: z.string().trim().min(1),
  /** ISO 3166-1 alpha-2 country code. */
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as GB'),
});

const geoSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /**
   * Where the position comes from: `address` when geocoded from the address, `postcode` when it
   * is the postcode's own point (tens of metres away at most), `district` when only the postcode
   * district's centre is known (a mile or more away).
   */
  precision: z.enum(['address', 'postcode', 'district']),
});

const sourceSchema = z.object({
  /** Who published the register, and which file of it. */
  name: z.string().trim().min(1),
  /** Where this copy of the file can be had. */
  url: z.url().optional(),
  /** When this copy was taken. */
  retrieved: isoDateSchema,
  /** The date the file describes, as closely as known ("about December 2023"). */
  vintage: z.string().trim().min(1),
  /** The file's licence ("Open Government Licence v3.0"). */
  licence: z.string().trim().min(1),
  /** The words every page showing this venue must carry. */
  attribution: z.string().trim().min(1),
  /** The file the record was read from, in content/<deployment>/sources/. */
  file: z.string().trim().min(1),
  /** The record's identifier in the register. */
  record: z.string().trim().min(1),
});

export const venueSchema = z
  .object({
    /** Stable slug, the file name without `.yaml`: the register code, so it never changes. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, -)'),
    kind: z.enum(VENUE_KINDS),
    name: z.string().trim().min(1),
    /** The register that lists the venue and its code there (NHS ODS `FA121`). */
    register: z.object({
      scheme: z.string().trim().min(1),
      code: z.string().trim().min(1),
    }),
    address: addressSchema.optional(),
    geo: geoSchema.optional(),
    phones: z.array(phoneSchema).default([]),
    /** Opening hours as an OpenStreetMap opening_hours string; absent when not known. */
    hours: openingHoursSchema.optional(),
    /**
     * What the venue offers, or `unknown` when no source says: the page then tells people to
     * ask the venue, in its own words and language.
     */
    services: z.union([z.literal('unknown'), z.array(z.enum(VENUE_SERVICE_KEYS)).min(1)]),
    /** When the register says the venue opened (YYYY-MM-DD). */
    opened: isoDateSchema.optional(),
    sources: z.array(sourceSchema).min(1, 'must name at least one source'),
  })
  .strict();

export type Venue = z.output<typeof venueSchema>;
export type VenueInput = z.input<typeof venueSchema>;
