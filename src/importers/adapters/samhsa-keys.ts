/**
 * The SAMHSA 2017 directory's `Keys` service codes -> our taxonomy. THE mapping table: one row
 * per code we use. Part of the SAMHSA adapter: no other source writes these codes.
 */
import { combineOfferings, type Offering } from '../pipeline/services.ts';

/** What one code means; most codes say one thing, so every list is optional. */
export type CodeMeaning = Partial<Offering>;

/**
 * What each `Keys` code of the 2017 directory means in our taxonomy (meanings from
 * content/boston/sources/samhsa/service-codes.json). Codes not listed here are ignored on purpose:
 * facility types (SAF, MHSAF), licences and accreditations (STAG, CARF …), ancillary services
 * we have no filter for (CM, HS, TA, HIVT …), smoking policy. Decisions worth knowing:
 * - SA ("substance use treatment") says nothing a filter can use, so it maps to nothing.
 * - HS is housing *assistance*, not a sober home; only HH maps to sober-housing.
 * - Every counselling approach (CBT, 12-step facilitation, motivational interviewing …) is
 *   `counselling`: a person picks "talk to someone", not a school of therapy. TWFA is not
 *   `mutual-help`: facilitation is a therapist's session, not a meeting.
 * - ODT (day treatment / partial hospitalisation) is ASAM level 2 with intensive outpatient.
 * - DSF and ACM are medicines for alcohol: medications, but not the `medication` service,
 *   which is the path "medication for opioid use".
 * - OMB (methadone, buprenorphine *or* naltrexone) does not say which one: service only.
 * - Populations: only codes for a *programme* for a group map. "Accepts adults / women / men /
 *   young adults / seniors" (ADLT, FEM, MALE, YAD, SNR) is true almost everywhere and would
 *   make the filter useless; CHLD is kept because accepting adolescents is rare and is what a
 *   parent needs to know. ADM (active duty) has no key of its own and is not a veteran: ignored.
 * - Detox is two services (taxonomy.ts): HID (hospital inpatient detox) and RD (residential
 *   detox) are `detox`, a stay with medical care; OD (outpatient detox), DM (methadone detox)
 *   and DB (buprenorphine detox) are `detox-outpatient`. DT ("detoxification") alone says
 *   neither, so it maps to nothing: in the 2017 directory every Massachusetts DT row also has
 *   one of the five codes that say which (nationally 2 of 640 do not, and stay without detox
 *   rather than be guessed into one).
 * - ITU (tribal funds) and ATR (voucher scheme) are funding streams a person cannot act on.
 */
export const KEY_CODES: Readonly<Record<string, CodeMeaning>> = {
  // type of care (DT, "detoxification", is read with the codes below: see above)
  HH: { services: ['sober-housing'] },
  MHS: { services: ['mental-health'] },
  // setting
  OP: { services: ['outpatient'], settings: ['outpatient'] },
  ORT: { services: ['outpatient'], settings: ['outpatient'] },
  OIT: { services: ['intensive-outpatient'], settings: ['intensive-outpatient'] },
  OD: { services: ['detox-outpatient'], settings: ['outpatient'] },
  ODT: { services: ['intensive-outpatient'], settings: ['day-treatment'] },
  RES: { services: ['residential'] },
  RS: { services: ['residential'], settings: ['residential-short'] },
  RL: { services: ['residential'], settings: ['residential-long'] },
  RD: { services: ['detox'] },
  HI: { services: ['hospital-inpatient'], settings: ['hospital'] },
  HID: { services: ['detox'], settings: ['hospital'] },
  HIT: { services: ['hospital-inpatient'], settings: ['hospital'] },
  GH: { settings: ['hospital'] },
  PSYH: { settings: ['hospital'] },
  // medications
  OTP: { services: ['medication'], medications: ['methadone'] },
  METH: { services: ['medication'], medications: ['methadone'] },
  MM: { services: ['medication'], medications: ['methadone'] },
  MMW: { services: ['medication'], medications: ['methadone'] },
  DM: { services: ['medication', 'detox-outpatient'], medications: ['methadone'] },
  BU: { services: ['medication'], medications: ['buprenorphine'] },
  BUM: { services: ['medication'], medications: ['buprenorphine'] },
  BMW: { services: ['medication'], medications: ['buprenorphine'] },
  DB: { services: ['medication', 'detox-outpatient'], medications: ['buprenorphine'] },
  OMB: { services: ['medication'] },
  NXN: { services: ['medication'], medications: ['naltrexone'] },
  VTRL: { services: ['medication'], medications: ['naltrexone'] },
  DSF: { medications: ['disulfiram'] },
  ACM: { medications: ['acamprosate'] },
  NRT: { medications: ['nicotine-replacement'] },
  // approaches
  SACA: { services: ['counselling'] },
  CBT: { services: ['counselling'] },
  DBT: { services: ['counselling'] },
  MOTI: { services: ['counselling'] },
  RELP: { services: ['counselling'] },
  TWFA: { services: ['counselling'] },
  TRC: { services: ['counselling'] },
  CMI: { services: ['counselling'] },
  BIA: { services: ['counselling'] },
  ANG: { services: ['counselling'] },
  MXM: { services: ['counselling'] },
  REBT: { services: ['counselling'] },
  CRV: { services: ['counselling'] },
  // ancillary
  PEER: { services: ['peer-support'] },
  // payment
  SF: { payment: ['self-pay'] },
  MD: { payment: ['medicaid'] },
  MC: { payment: ['medicare'] },
  SI: { payment: ['state-insurance'] },
  PI: { payment: ['private-insurance'] },
  MI: { payment: ['military-insurance'] },
  SS: { payment: ['sliding-scale'] },
  PA: { payment: ['payment-assistance'] },
  // populations (programmes for a group; see above)
  CHLD: { populations: ['adolescents'] },
  TAY: { populations: ['young-adults'] },
  SE: { populations: ['seniors'] },
  WN: { populations: ['women'] },
  MN: { populations: ['men'] },
  PW: { populations: ['pregnant-postpartum'] },
  VET: { populations: ['veterans'] },
  MF: { populations: ['military-families'] },
  GL: { populations: ['lgbtq'] },
  CJ: { populations: ['criminal-justice'] },
  CO: { populations: ['co-occurring'] },
  HV: { populations: ['hiv'] },
  DV: { populations: ['domestic-violence'] },
  TRMA: { populations: ['trauma'] },
  // languages spoken by staff
  SP: { languages: ['es'] },
  AH: { languages: ['sgn'] },
  F4: { languages: ['ar'] },
  F17: { languages: ['zh'] },
  F19: { languages: ['ht'] },
  F25: { languages: ['fa'] },
  F28: { languages: ['fr'] },
  F30: { languages: ['de'] },
  F31: { languages: ['el'] },
  F35: { languages: ['he'] },
  F36: { languages: ['hi'] },
  F37: { languages: ['hmn'] },
  F42: { languages: ['it'] },
  F43: { languages: ['ja'] },
  F47: { languages: ['ko'] },
  F66: { languages: ['pl'] },
  F67: { languages: ['pt'] },
  F70: { languages: ['ru'] },
  F81: { languages: ['tl'] },
  F92: { languages: ['vi'] },
};

/** Everything a `Keys` string says, in taxonomy order; unknown codes are ignored. */
export function mapKeys(keys: string): Offering {
  const meanings = keys
    .split('/')
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '')
    .map((code) => KEY_CODES[code])
    .filter((meaning): meaning is CodeMeaning => meaning !== undefined);
  return combineOfferings(meanings);
}
