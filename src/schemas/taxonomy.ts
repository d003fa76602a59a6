/**
 * The finder's controlled vocabularies. Keys are stable identifiers used in content files,
 * URLs (`?service=detox`) and translation keys (`taxonomy.service.detox`); labels live in
 * the i18n files, never here.
 */

/**
 * Paths to recovery and the kinds of help a provider offers (docs/design.md). Detox is two
 * keys, because "detox" means two different things to the person who needs it:
 * - `detox`: withdrawal management as a stay with medical care around the clock, in a
 *   hospital or a 24-hour (residential) unit. What the Detox path describes and what "detox"
 *   means when someone asks for it tonight. SAMHSA codes HID and RD; also a facility whose
 *   name says it is a detox (shown as "name says …"), unless the name says outpatient.
 * - `detox-outpatient`: withdrawal managed while the person lives at home, or by tapering a
 *   medication (methadone or buprenorphine detox, usually at an outpatient clinic). SAMHSA
 *   codes OD, DM and DB. A narrower form of detox: a search for the bare word ranks places
 *   with `detox` first (see SERVICE_NARROWER_FORM).
 */
export const SERVICE_KEYS = [
  'navigation',
  'medication',
  'detox',
  'detox-outpatient',
  'residential',
  'outpatient',
  'intensive-outpatient',
  'hospital-inpatient',
  'counselling',
  'peer-support',
  'mutual-help',
  'harm-reduction',
  'sober-housing',
  'family-support',
  'outreach',
  'mental-health',
] as const;
export type ServiceKey = (typeof SERVICE_KEYS)[number];

/**
 * Services that are a narrower form of another, which they share a word with ("detox"). The
 * search engine weighs the shared words of such a service's label less, so the word alone
 * finds the main service first and the narrower form after it, and the narrower form's own
 * words ("outpatient", "methadone detox") still find it first.
 */
export const SERVICE_NARROWER_FORM: Readonly<Partial<Record<ServiceKey, ServiceKey>>> = {
  'detox-outpatient': 'detox',
};

/** Medications a provider prescribes or dispenses. */
export const MEDICATION_KEYS = [
  'methadone',
  'buprenorphine',
  'naltrexone',
  'naloxone',
  'disulfiram',
  'acamprosate',
  'nicotine-replacement',
] as const;
export type MedicationKey = (typeof MEDICATION_KEYS)[number];

/** Where care happens; narrower than services and useful as a filter of its own. */
export const SETTING_KEYS = [
  'outpatient',
  'intensive-outpatient',
  'day-treatment',
  'residential-short',
  'residential-long',
  'hospital',
  'telehealth',
  'community-venue',
  'pharmacy',
  'gp-practice',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Ways to pay. Local names (MassHealth for Medicaid) come from site.yaml `payment_names`. */
export const PAYMENT_KEYS = [
  'medicaid',
  'medicare',
  'state-insurance',
  'private-insurance',
  'military-insurance',
  'self-pay',
  'sliding-scale',
  'payment-assistance',
  'free',
] as const;
export type PaymentKey = (typeof PAYMENT_KEYS)[number];

/** Groups a provider has a programme for. */
export const POPULATION_KEYS = [
  'adolescents',
  'young-adults',
  'adults',
  'seniors',
  'women',
  'men',
  'pregnant-postpartum',
  'veterans',
  'military-families',
  'lgbtq',
  'criminal-justice',
  'co-occurring',
  'hiv',
  'domestic-violence',
  'trauma',
  'families',
  'children-of-parents',
] as const;
export type PopulationKey = (typeof POPULATION_KEYS)[number];

export const PHONE_KINDS = ['voice', 'text', 'tty', 'fax'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

export const AVAILABILITY_STATUSES = ['openings', 'waitlist', 'full', 'unknown'] as const;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];
