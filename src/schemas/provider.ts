import { z } from 'zod';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { openingHoursSchema } from './schedule.ts';
import {
  AVAILABILITY_STATUSES,
  MEDICATION_KEYS,
  PAYMENT_KEYS,
  PHONE_KINDS,
  POPULATION_KEYS,
  SERVICE_KEYS,
  SETTING_KEYS,
} from './taxonomy.ts';
import { unverifiedSchema } from './unverified.ts';

/** A calendar date written as YYYY-MM-DD; kept as a string so YAML and JSON agree. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

const phoneSchema = z.object({
  /** The number in E.164 form (+16176354500), checked with libphonenumber. */
  number: z.string().refine((n) => /^\+\d{6,15}$/.test(n) && isValidPhoneNumber(n), {
    message: 'must be a valid phone number in E.164 form, e.g. +16176354500',
  }),
  /** Digits to dial after the call connects, without "x" or "ext". */
  extension: z
    .string()
    .regex(/^\d{1,8}$/, 'must be digits only')
    .optional(),
  /** What the number is for: voice calls, text messages, TTY, or fax. */
  kind: z.enum(PHONE_KINDS).default('voice'),
  /** What a caller reaches on this line ("Intake", "Main office"), as written by the source. */
  label: z.string().trim().min(1).optional(),
  /** Set while no source confirms the number: shown with a notice, refused in production. */
  unverified: unverifiedSchema.optional(),
});

const addressSchema = z.object({
  /** Street line, number first. */
  street: z.string().trim().min(1),
  /** Suite, floor, building. */
  street2: z.string().trim().min(1).optional(),
  city: z.string().trim().min(1),
  /** State, province or county, as the postal service writes it (MA). */
  region: z.string().trim().min(1),
  /** Postal code as written locally, leading zeros kept (02118). */
  postal_code: z.string().trim().min(1),
  /** ISO 3166-1 alpha-2 country code: a register's address says which country it is in. */
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US'),
});

const geoSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** How sure the position is: `address` when geocoded from a full address match. */
  precision: z.enum(['address', 'approximate']).default('address'),
});

/** A service the source does not list but that the provider's name clearly states. */
const inferredServiceSchema = z.object({
  service: z.enum(SERVICE_KEYS),
  /** The words the inference rests on, shown to the person ("name says “Detox”"). */
  from: z.string().trim().min(1),
});

const sourceSchema = z.object({
  /** Who published the listing. */
  name: z.string().trim().min(1),
  /** Where the listing can be checked. */
  url: z.url().optional(),
  /** When this copy of the listing was taken from the source. */
  retrieved: isoDateSchema,
  /** The year or date the source describes (2017 directory, 2021 locator). */
  vintage: z.string().trim().min(1).optional(),
  /** The record's identifier in the source, to trace it back. */
  record: z.string().trim().min(1).optional(),
});

/**
 * One provider: an organisation at one location (an HSDS 3.0 service-at-location record,
 * flattened). Everything but identity, source and services is optional, because an unknown
 * field must stay empty rather than be guessed.
 */
export const providerSchema = z
  .object({
    /** Stable slug, the file name without `.yaml`; used in URLs, never reused. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, -)'),
    /** The name a person sees on the door or hears on the phone. */
    name: z.string().trim().min(1),
    /** The organisation running it, when that differs from the name. */
    organization: z.string().trim().min(1).optional(),
    /** A plain-language description, per locale (`en`, `es` …), where one is written. */
    description: z.record(z.string(), z.string().trim().min(1)).default({}),
    website: z.url().optional(),
    email: z.email().optional(),
    /** Street address; absent for phone-only services. */
    address: addressSchema.optional(),
    geo: geoSchema.optional(),
    /** A key of site.yaml `neighbourhoods` (Boston's Roxbury, Dorchester …). */
    neighbourhood: z.string().optional(),
    /** How to get there by public transport. */
    transit: z.string().trim().min(1).optional(),
    /** Step-free access and other access notes. */
    accessibility: z.string().trim().min(1).optional(),
    phones: z.array(phoneSchema).default([]),
    /** Whether people can come without an appointment; absent when not known. */
    walk_in: z.boolean().optional(),
    /** How to start: call, walk in, referral; free text from the source. */
    intake: z.string().trim().min(1).optional(),
    /** Opening hours as an OpenStreetMap opening_hours string; absent when not known. */
    hours: openingHoursSchema.optional(),
    /** Services the source lists for this provider. Empty means the source says nothing. */
    services: z.array(z.enum(SERVICE_KEYS)).default([]),
    /** Services not listed by the source but stated by the provider's name; shown as such. */
    inferred_services: z.array(inferredServiceSchema).default([]),
    medications: z.array(z.enum(MEDICATION_KEYS)).default([]),
    settings: z.array(z.enum(SETTING_KEYS)).default([]),
    payment: z.array(z.enum(PAYMENT_KEYS)).default([]),
    populations: z.array(z.enum(POPULATION_KEYS)).default([]),
    /** Languages staff speak, as BCP 47 tags (`es`, `ht`, `zh-Hant`, `sgn` for sign language). */
    languages: z
      .array(
        z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag'),
      )
      .default([]),
    /** Whether the provider has room, as last reported. */
    availability: z
      .object({
        status: z.enum(AVAILABILITY_STATUSES).default('unknown'),
        note: z.string().trim().min(1).optional(),
        updated: isoDateSchema.optional(),
      })
      .default({ status: 'unknown' }),
    /** When a person last confirmed this listing with the provider. */
    verified: isoDateSchema.optional(),
    /** Where the listing comes from, first the main one; merged listings keep every source. */
    sources: z.array(sourceSchema).min(1, 'must name at least one source'),
  })
  .strict();

export type Provider = z.output<typeof providerSchema>;
export type ProviderInput = z.input<typeof providerSchema>;
