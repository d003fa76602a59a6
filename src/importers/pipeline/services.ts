/**
 * What a listing offers, in taxonomy keys: combining what several sources state, and the
 * services a facility's name states outright. Shared by every adapter, so a provider's lists
 * come out in the same order whichever source they came from.
 */
import {
  MEDICATION_KEYS,
  PAYMENT_KEYS,
  POPULATION_KEYS,
  SERVICE_KEYS,
  SETTING_KEYS,
  type MedicationKey,
  type PaymentKey,
  type PopulationKey,
  type ServiceKey,
  type SettingKey,
} from '../../schemas/taxonomy.ts';

/** Everything a listing states it offers; every list in the taxonomy's order. */
export interface Offering {
  services: ServiceKey[];
  medications: MedicationKey[];
  settings: SettingKey[];
  payment: PaymentKey[];
  populations: PopulationKey[];
  /** BCP 47 tags of languages spoken by staff. */
  languages: string[];
}

/** The union of what several statements say, in taxonomy order (languages sorted). */
export function combineOfferings(parts: ReadonlyArray<Partial<Offering>>): Offering {
  const collect = <T extends string>(pick: (part: Partial<Offering>) => T[] | undefined) =>
    new Set(parts.flatMap((part) => pick(part) ?? []));
  return {
    services: inOrder(
      SERVICE_KEYS,
      collect((p) => p.services),
    ),
    medications: inOrder(
      MEDICATION_KEYS,
      collect((p) => p.medications),
    ),
    settings: inOrder(
      SETTING_KEYS,
      collect((p) => p.settings),
    ),
    payment: inOrder(
      PAYMENT_KEYS,
      collect((p) => p.payment),
    ),
    populations: inOrder(
      POPULATION_KEYS,
      collect((p) => p.populations),
    ),
    languages: [...collect((p) => p.languages)].sort(),
  };
}

/** Keys in the taxonomy's own order, so files do not change when a set's order does. */
function inOrder<T extends string>(order: readonly T[], present: ReadonlySet<T>): T[] {
  return order.filter((key) => present.has(key));
}

/**
 * Phrases that, in a facility's name, state a service. Whole words, case-insensitive unless
 * the phrase is an acronym. First match per service is quoted in `from`.
 * Left out on purpose:
 * - plain "Recovery Center": in this data it names detox and residential businesses
 *   (Recovery Centers of America, Franklin Recovery Center) as often as peer centres, so it
 *   states nothing; "Recovery Support/Community Center" does name a peer recovery centre.
 * - local jargon such as Massachusetts' "Acute Treatment Services" (detox) or "Clinical
 *   Stabilization Services": true in one state, unknown to readers of another.
 * - "Counseling": mostly part of an organisation's brand ("Arbour Counseling Services" runs
 *   detox units), so it says nothing about the listing it appears on.
 * A name that says detox is `detox`, a stay with medical care: a facility named after detox
 * is a detox unit (every one in the Massachusetts data is), while clinics that offer
 * outpatient or methadone detox are named as clinics; a name saying "outpatient detox" is
 * the outpatient kind. A source that lists only methadone or buprenorphine detox (DM, DB)
 * does not stop it: a detox unit that gives those medicines is still a stay.
 * "Recovery Home" is residential, not sober housing: the locator lists licensed treatment
 * facilities only, and a licensed recovery home is residential rehabilitation (in MA, BSAS
 * level 3.1); SAMHSA's own code for halfway and sober homes is HH, which the table maps to
 * sober-housing, as do the matching words below.
 */
export const NAME_STATES_SERVICE: ReadonlyArray<{ pattern: RegExp; service: ServiceKey }> = [
  { pattern: /\bmethadone\b/i, service: 'medication' },
  { pattern: /\bopioid treatment program\b/i, service: 'medication' },
  { pattern: /\bOTP\b/, service: 'medication' },
  { pattern: /\b(?:suboxone|buprenorphine)\b/i, service: 'medication' },
  { pattern: /\b(?:outpatient|ambulatory) detox(?:ification)?\b/i, service: 'detox-outpatient' },
  { pattern: /(?<!\b(?:outpatient|ambulatory) )\bdetox(?:ification)?\b/i, service: 'detox' },
  { pattern: /\bwithdrawal management\b/i, service: 'detox' },
  { pattern: /\brecovery homes?\b/i, service: 'residential' },
  { pattern: /\bresidential\b/i, service: 'residential' },
  { pattern: /\bintensive (?:outpatient|OP)\b/i, service: 'intensive-outpatient' },
  // Not preceded by "intensive": that is the service above, not this one.
  { pattern: /(?<!\bintensive )\boutpatient\b/i, service: 'outpatient' },
  { pattern: /\brecovery (?:support|community) cent(?:er|re)s?\b/i, service: 'peer-support' },
  { pattern: /\bpeer (?:support|recovery)\b/i, service: 'peer-support' },
  { pattern: /\bharm reduction\b/i, service: 'harm-reduction' },
  { pattern: /\b(?:syringe|needle) (?:services|exchange)\b/i, service: 'harm-reduction' },
  { pattern: /\bsober (?:houses?|homes?|living)\b/i, service: 'sober-housing' },
  { pattern: /\bhalfway houses?\b/i, service: 'sober-housing' },
  { pattern: /\btransitional (?:housing|living)\b/i, service: 'sober-housing' },
];

export interface InferredService {
  service: ServiceKey;
  from: string;
}

/** Services the name states, minus those a source already lists, in taxonomy order. */
export function inferServicesFromName(
  name: string,
  listed: readonly ServiceKey[] = [],
): InferredService[] {
  const found = new Map<ServiceKey, string>();
  for (const { pattern, service } of NAME_STATES_SERVICE) {
    const match = pattern.exec(name);
    if (match && !found.has(service) && !listed.includes(service)) {
      found.set(service, `name says "${match[0]}"`);
    }
  }
  return SERVICE_KEYS.filter((s) => found.has(s)).map((s) => ({ service: s, from: found.get(s)! }));
}
