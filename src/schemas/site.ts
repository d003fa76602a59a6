import { z } from 'zod';
import { isoDateSchema } from './provider.ts';
import { openingHoursSchema } from './schedule.ts';
import { sourceRefSchema } from './source-ref.ts';
import { unverifiedSchema } from './unverified.ts';
import { PAYMENT_KEYS } from './taxonomy.ts';
import { DISTANCE_UNITS, POSTCODE_TABLES } from '../domain/places/kinds.ts';

const localeTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag');

/** A phone line shown to residents; `dial` is what a phone dials, `display` what they read. */
const lineSchema = z.object({
  /** What to put in a tel: link: a short code (311, 911) or an E.164 number. */
  dial: z.string().regex(/^(?:\d{3,6}|\+\d{6,15})$/, 'must be a short code or an E.164 number'),
  /** How the number is written for people ("311", "617-635-4500"). */
  display: z.string().trim().min(1),
  /** Set while no source confirms the number: shown with a notice, refused in production. */
  unverified: unverifiedSchema.optional(),
});

/**
 * Text written once per published locale (the content check asks for every one); the first
 * entry is the original, shown where a locale has none yet.
 */
const localizedText = z
  .record(localeTag, z.string().trim().min(1))
  .refine((texts) => Object.keys(texts).length > 0, {
    message: 'must have a text for at least the first locale',
  });

/**
 * Another line residents may need (a state helpline, a crisis line), shown on every page and
 * referred to from prose by placeholder (`{{tel:lines.<id>}}`) so its number is written once.
 */
const otherLineSchema = z
  .object({
    /** The line's name as its operator publishes it, per locale. */
    name: localizedText,
    dial: lineSchema.shape.dial,
    display: lineSchema.shape.display,
    unverified: lineSchema.shape.unverified,
    /** A number that takes text messages, when the line has one. */
    text: lineSchema.optional(),
    /** When the line answers, as an opening_hours string; left out when no source says. */
    hours: openingHoursSchema.optional(),
    /** One or two plain sentences: who it is for and what it does, per locale. */
    description: localizedText,
    /** Where the number, hours and description were checked. */
    source: sourceRefSchema,
  })
  .strict();

const pointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/** One deployment of the finder: a city or council and everything that varies between them. */
export const siteSchema = z
  .object({
    /** The service's name as residents know it, per locale; the first locale's is required. */
    name: localizedText,
    /**
     * The name under the icon of the site saved to a phone's home screen, per locale: about 12
     * characters at most, where a language allows, or the launcher cuts it. Absent: `name`.
     */
    short_name: localizedText.optional(),
    /** The city or council the deployment serves. */
    city: z.string().trim().min(1),
    /** Public origin the site is served from, used for canonical and share links. */
    origin: z.url(),
    /** ISO 3166-1 alpha-2 country: phone numbers are read and written for it. */
    country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US'),
    /** IANA time zone in which every hour on the site is meant (Area/City). */
    time_zone: z.string().refine(
      (zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be an IANA time zone name (Area/City, as in the tz database)' },
    ),
    /**
     * How distances are written ("2.1 mi", "3.4 km"), as the place signs its roads: `mile` in
     * the US and the UK, `kilometer` almost everywhere else. Searches always compute in
     * kilometres; every distance shown (result cards, the operator view) and the radius
     * asked for are in this unit.
     */
    distance_unit: z.enum(DISTANCE_UNITS).default('mile'),
    /** Locales the site is published in, in menu order; the first is the default. */
    locales: z.array(localeTag).min(1),
    /** The help line that routes people to recovery specialists. */
    hotline: z.object({
      /** What residents call it ("Boston 311"). */
      name: z.string().trim().min(1),
      /** The short number dialled inside the city. */
      local: lineSchema,
      /** The full number that works from anywhere, including outside the city. */
      anywhere: lineSchema,
      /** When the line itself answers (it may answer when specialists are not in); left out when unknown. */
      hours: openingHoursSchema.optional(),
    }),
    /** The emergency number for an overdose or danger to life. */
    emergency: lineSchema,
    /** The recovery specialists the hotline routes to. */
    specialists: z
      .object({
        /** The programme's name ("PAATHS"). */
        name: z.string().trim().min(1),
        /** What the name stands for, if it is an acronym. */
        full_name: z.string().trim().min(1).optional(),
        /**
         * When specialists take calls, as an opening_hours string in `time_zone`. Left out when
         * no source gives them: the pages then say the hours are not published, never guess.
         */
        hours: openingHoursSchema.optional(),
        /** Where the hours come from; the page names it, so a reader can judge how current they are. */
        hours_source: sourceRefSchema
          .extend({
            /** When the source published the hours. */
            published: isoDateSchema.optional(),
          })
          .optional(),
        /** What else is known about the hours (a change announced but not confirmed), per locale. */
        hours_note: localizedText.optional(),
        /** Who answers the hotline outside the specialists' hours, as the sources describe it. */
        after_hours: localizedText,
      })
      .refine((specialists) => !specialists.hours || specialists.hours_source, {
        message: 'has `hours` without `hours_source`: name where the hours come from',
        path: ['hours_source'],
      }),
    /** Other lines residents may need, by id (`substance-use-helpline`), in the order shown. */
    lines: z
      .record(
        z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug'),
        otherLineSchema,
      )
      .default({}),
    /** Settings of the Open311 GeoReport v2 endpoint that takes callback requests. */
    intake: z.object({
      /** Base URL of the endpoint, without a trailing slash. */
      endpoint: z.url(),
      /** The service code agreed with the city for recovery callbacks. */
      service_code: z.string().trim().min(1),
      /** The api key issued for the public web client; not a secret. */
      api_key: z.string().trim().min(1),
      /** Sent only when the endpoint serves several jurisdictions. */
      jurisdiction_id: z.string().trim().min(1).optional(),
      /**
       * What the local intake server's request ids start with (`REQ` gives `REQ-7K3MQ9XD`),
       * so a person can tell the number is the deployment's; `INTAKE_ID_PREFIX` overrides it
       * for one server. The status page forgives its being left out when an id is typed in.
       */
      request_id_prefix: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{1,8}$/, 'must be 1 to 8 letters or digits')
        .transform((prefix) => prefix.toUpperCase())
        .default('REQ'),
      /**
       * For the local intake server's discovery document: how developers of other Open311
       * clients reach whoever runs the endpoint (an address, a page), in one sentence.
       */
      contact: z.string().trim().min(1).optional(),
      /** For the discovery document too: how such a developer gets an api key. */
      key_service: z.string().trim().min(1).optional(),
    }),
    /**
     * Room and walk-ins as providers report them, read by the finder and provider pages when
     * they are viewed (docs/availability.md). Left out: the site shows no live availability.
     */
    availability: z
      .object({
        /** The feed's URL: a JSON document of HSDS 3.1 `service_capacity` records. */
        feed: z.url(),
        /**
         * A report older than this many hours is shown as "last reported … – call to check"
         * and no longer counts as room.
         */
        max_age_hours: z
          .number()
          .positive()
          .max(24 * 14)
          .default(24),
        /**
         * The service code of "Something wrong here?" reports about a listing, sent to the
         * same Open311 endpoint as callbacks.
         */
        correction_service_code: z.string().trim().min(1).default('listing-correction'),
      })
      .strict()
      .optional(),
    /** Where the quick-exit button sends a person: a neutral, fast site. */
    quick_exit: z.url().default('https://www.weather.gov/'),
    /** The map: where it starts and whose tiles it shows once a person opens it. */
    map: z.object({
      center: pointSchema,
      zoom: z.number().int().min(1).max(19),
      /** Tile URL template with {z}/{x}/{y}; fetched only after the person asks for the map. */
      tiles: z.string().regex(/\{z\}.*\{x\}.*\{y\}/, 'must contain {z}, {x} and {y}'),
      attribution: z.string().trim().min(1),
    }),
    /**
     * Regions (US states) whose postal codes the finder can turn into a place for "near",
     * on the phone, from a table built at build time. Include the neighbouring ones people
     * travel to for care.
     */
    postal_regions: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter region code such as MA'))
      .default([]),
    /**
     * How a place typed into the finder becomes a point, on the phone: which postal-code table
     * the build makes for it (docs/place-facts.md, "Places"). `us-zip`: ZIP codes and towns of
     * `postal_regions`, from the `zipcodes` package. `uk-ons`: outward codes (`DH1`), one file
     * per district of full postcodes (`DH1 3EH`) and the towns of the NHS registers, all from
     * the files `sources/imports.yaml` names under `postcodes` and `nhs_ods`. `none`: only the
     * neighbourhoods and the towns of the listings. Left out: `us-zip` when `postal_regions`
     * lists a region, else `none`, so a site file written before the field means what it did.
     * Named, not inferred from `country`: the table is a choice of data source, and a country
     * may have several (or a deployment none it may use).
     */
    places: z
      .object({
        postcodes: z.enum(POSTCODE_TABLES),
      })
      .strict()
      .optional(),
    /** Local names for ways to pay (medicaid → "MassHealth"). */
    payment_names: z.partialRecord(z.enum(PAYMENT_KEYS), z.string().trim().min(1)).default({}),
    /** The city's neighbourhoods, keyed by slug, used to browse and to place providers. */
    neighbourhoods: z.record(
      z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug'),
      z.object({
        name: z.string().trim().min(1),
        center: pointSchema,
        /** Postal codes that lie mostly in the neighbourhood, used to place providers. */
        postal_codes: z.array(z.string()).default([]),
        /**
         * Other names residents use for the neighbourhood ("JP", "Southie", "Dot"), so a search
         * or the Near box understands them; shown nowhere, matched like the name.
         */
        aliases: z.array(z.string().trim().min(1)).default([]),
      }),
    ),
    /**
     * What the finder's search box suggests typing, per locale: a medicine, a kind of help and a
     * place residents know, in the locale's own list style ("suboxone, detox, Roxbury";
     * "suboxone、脱毒、Roxbury"). Shared sentences name it as `{{site.searchExamples}}` and
     * end the list themselves ("…").
     */
    search_examples: localizedText,
    /**
     * Where the deployment's listings come from and how current they are, one or two sentences
     * per locale, shown at the foot of every page ("Listings come from SAMHSA (public domain)
     * …: call before you go.").
     */
    listings_source: localizedText,
    /**
     * A made-up number in E.164 that forms show as an example of a phone number (a range set
     * aside for fiction, so no one is called because of it). Without it, libphonenumber's
     * example for `country` is shown.
     */
    example_phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number: + and the country code')
      .optional(),
    /**
     * The postal codes a form accepts, as a regular expression matched against the typed text
     * in capitals; its first group, if any, is what is kept. Without it, any short code of
     * letters and digits with a digit in it.
     */
    postal_code: z
      .string()
      .refine(isRegExp, { message: 'must be a regular expression' })
      .optional(),
    /**
     * This deployment's wording where it differs from the shared strings: per locale, a dotted
     * key of src/i18n/<locale>.json ("finder.ui.nearHint") → the sentence shown instead.
     */
    strings: z
      .record(
        localeTag,
        z.record(
          z.string().regex(/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/, 'must be a dotted strings key'),
          z.string().trim().min(1),
        ),
      )
      .default({}),
    /**
     * Whose public holidays close outreach sessions (England's bank holidays), as the
     * `opening_hours` library names the country (`gb`) and its part (`England`). Absent: none
     * are known, so no session is skipped for one.
     */
    holidays: z
      .object({
        country_code: z
          .string()
          .regex(/^[a-z]{2}$/, 'must be a two-letter country code in lower case such as gb'),
        state: z.string().trim().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

export type Site = z.output<typeof siteSchema>;
