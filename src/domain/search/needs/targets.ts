/**
 * What each kind of need is treated with, as the index's canonical tokens: `svc:` services,
 * `med:` medications, `pop:` populations, `lang:` languages staff speak, `path:` a path page
 * for needs that places do not list. The locale files (en.ts …) map everyday words to these
 * groups, so a reviewer checks the medicine once here and the words there.
 *
 * Sources, in our words: NIDA's commonly used drugs charts (street names of each substance),
 * SAMHSA's treatment locator and helpline pages (kinds of care, "I need help"), and the FDA
 * labels the paths cite (what each medicine treats). Methamphetamine ("meth", "crystal") is a
 * stimulant: no medicine treats it, and it never reaches methadone.
 */
export type NeedTable = Readonly<Record<string, readonly string[]>>;

const DETOX = ['svc:detox', 'svc:detox-outpatient'];
const THERAPY = [
  'svc:outpatient',
  'svc:intensive-outpatient',
  'svc:counselling',
  'svc:residential',
];

/** Heroin, fentanyl, prescription painkillers: the three medicines, and withdrawal management. */
export const OPIOIDS = ['med:methadone', 'med:buprenorphine', 'med:naltrexone', ...DETOX];
/** Drinking: the alcohol medicines, a medical detox, and programmes. */
export const ALCOHOL = [
  'med:naltrexone',
  'med:disulfiram',
  'med:acamprosate',
  ...DETOX,
  'svc:residential',
  'svc:outpatient',
  'svc:intensive-outpatient',
];
/** Cocaine, crack, methamphetamine, cannabis: talking therapies and programmes, no medicine. */
export const STIMULANTS = THERAPY;
/** Benzodiazepines: stopping needs medical care, so detox first, then programmes. */
export const BENZOS = [...DETOX, 'svc:outpatient', 'svc:intensive-outpatient'];
/** "Addiction", "treatment": any place that treats or helps choose. */
export const ANY_HELP = ['svc:navigation', 'svc:medication', ...DETOX, ...THERAPY];
/** Withdrawal management, stay first. */
export const DETOX_NEED = DETOX;
export const RESIDENTIAL = ['svc:residential'];
export const OUTPATIENT = ['svc:outpatient', 'svc:intensive-outpatient'];
export const COUNSELLING = ['svc:counselling'];
export const PEER = ['svc:peer-support'];
/** Needs with a path and (today) no listing: the outcome names the path. */
export const NALOXONE = ['med:naloxone', 'path:harm-reduction'];
export const HARM_REDUCTION = ['svc:harm-reduction', 'path:harm-reduction'];
export const MUTUAL_HELP = ['svc:mutual-help', 'path:mutual-help'];
export const SOBER_HOUSING = ['svc:sober-housing', 'path:sober-housing'];
export const FAMILY = ['svc:family-support', 'pop:families', 'path:family-support'];
export const YOUNG = ['pop:adolescents', 'pop:young-adults'];
export const WOMEN = ['pop:women'];
export const MEN = ['pop:men'];
export const PREGNANT = ['pop:pregnant-postpartum'];
export const VETERANS = ['pop:veterans', 'pop:military-families'];
export const LGBTQ = ['pop:lgbtq'];
export const SENIORS = ['pop:seniors'];
export const MENTAL_HEALTH = ['svc:mental-health', 'pop:co-occurring'];
/** Words that say when or how much, not what: no constraint on the places shown. */
export const FILLER: readonly string[] = [];

/** A language staff speak. */
export const lang = (...codes: string[]): readonly string[] => codes.map((code) => `lang:${code}`);
