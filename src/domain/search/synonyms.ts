/**
 * What people type, mapped to what the index knows. Keys are normalised words or phrases
 * (see text.ts); values are canonical tokens: `svc:<service>` and `med:<medication>` are
 * indexed on every provider that offers them. Brand and street names belong here, not in
 * provider files. Words for detox lead with withdrawal management with a stay (`svc:detox`)
 * and also reach outpatient or medication-supported detox, which the engine ranks after it;
 * a phrase that names the outpatient kind reaches only that.
 */
export type SynonymTable = Readonly<Record<string, readonly string[]>>;

const SHARED: SynonymTable = {
  suboxone: ['med:buprenorphine'],
  subutex: ['med:buprenorphine'],
  zubsolv: ['med:buprenorphine'],
  sublocade: ['med:buprenorphine'],
  brixadi: ['med:buprenorphine'],
  bupe: ['med:buprenorphine'],
  subs: ['med:buprenorphine'],
  narcan: ['med:naloxone'],
  kloxxado: ['med:naloxone'],
  vivitrol: ['med:naltrexone'],
  revia: ['med:naltrexone'],
  antabuse: ['med:disulfiram'],
  campral: ['med:acamprosate'],
  moud: ['svc:medication'],
  mat: ['svc:medication'],
  mar: ['svc:medication'],
  otp: ['med:methadone'],
  aa: ['svc:mutual-help'],
  na: ['svc:mutual-help'],
  '12 step': ['svc:mutual-help'],
  '12 steps': ['svc:mutual-help'],
  smart: ['svc:mutual-help'],
  iop: ['svc:intensive-outpatient'],
  php: ['svc:intensive-outpatient'],
  'fentanyl test strips': ['svc:harm-reduction'],
  'suboxone detox': ['svc:detox-outpatient'],
};

/** Both kinds of detox, withdrawal management with a stay first (see the note above). */
const DETOX = ['svc:detox', 'svc:detox-outpatient'] as const;

export const SYNONYMS: Readonly<Record<string, SynonymTable>> = {
  en: {
    ...SHARED,
    rehab: ['svc:residential'],
    'inpatient rehab': ['svc:residential'],
    withdrawal: DETOX,
    detoxification: DETOX,
    'inpatient detox': ['svc:detox'],
    'outpatient detox': ['svc:detox-outpatient'],
    'ambulatory detox': ['svc:detox-outpatient'],
    'methadone detox': ['svc:detox-outpatient'],
    'buprenorphine detox': ['svc:detox-outpatient'],
    'twelve step': ['svc:mutual-help'],
    'alcoholics anonymous': ['svc:mutual-help'],
    'narcotics anonymous': ['svc:mutual-help'],
    halfway: ['svc:sober-housing'],
    'sober house': ['svc:sober-housing'],
    'sober home': ['svc:sober-housing'],
    'recovery home': ['svc:sober-housing'],
    'recovery coach': ['svc:peer-support'],
    coach: ['svc:peer-support'],
    peer: ['svc:peer-support'],
    needle: ['svc:harm-reduction'],
    needles: ['svc:harm-reduction'],
    syringe: ['svc:harm-reduction'],
    syringes: ['svc:harm-reduction'],
    counseling: ['svc:counselling'],
    therapy: ['svc:counselling'],
    therapist: ['svc:counselling'],
    'methadone clinic': ['med:methadone'],
    'methadone program': ['med:methadone'],
    family: ['svc:family-support'],
    families: ['svc:family-support'],
  },
  es: {
    ...SHARED,
    rehabilitacion: ['svc:residential'],
    rehab: ['svc:residential'],
    internamiento: ['svc:residential'],
    desintox: DETOX,
    abstinencia: DETOX,
    'desintoxicacion ambulatoria': ['svc:detox-outpatient'],
    'doce pasos': ['svc:mutual-help'],
    'alcoholicos anonimos': ['svc:mutual-help'],
    'narcoticos anonimos': ['svc:mutual-help'],
    'casa sobria': ['svc:sober-housing'],
    'hogar sobrio': ['svc:sober-housing'],
    'casa de transicion': ['svc:sober-housing'],
    'coach de recuperacion': ['svc:peer-support'],
    consejeria: ['svc:counselling'],
    terapia: ['svc:counselling'],
    jeringas: ['svc:harm-reduction'],
    agujas: ['svc:harm-reduction'],
    'clinica de metadona': ['med:methadone'],
    familia: ['svc:family-support'],
    familias: ['svc:family-support'],
  },
};

export function synonymsFor(locale: string): SynonymTable {
  return SYNONYMS[locale] ?? SYNONYMS.en!;
}
