/**
 * Name matching for the merge step: whether two listings' names are the same organisation
 * written two ways ("Community Health Care" / "Community Healthcare", "Spectrum Health Sys"
 * / "Spectrum Health Systems Inc").
 */
import { slugify } from '../../domain/urls.ts';

/** A set of the white-space separated words in a template, for long word lists. */
function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Words that say nothing about which organisation a name is. */
const NAME_NOISE = words(`
  a an and at co company corp corporation dba for in inc incorporated llc llp lp ltd of pc
  pllc the
`);

/** Abbreviations sources use to fit names in a fixed width (SAMHSA's is 35 characters). */
const NAME_WORDS: Readonly<Record<string, string>> = {
  assn: 'association',
  ne: 'new england',
  behavioural: 'behavioral',
  centre: 'center',
  counselling: 'counseling',
  ctr: 'center',
  dept: 'department',
  hosp: 'hospital',
  prog: 'program',
  programme: 'program',
  servs: 'service',
  srvs: 'service',
  svc: 'service',
  svcs: 'service',
  trt: 'treatment',
  tx: 'treatment',
};

export interface NameFingerprint {
  tokens: Set<string>;
  compact: string;
}

/** Tokens of a name, without noise words and without the city and state it is in. */
export function fingerprint(name: string, city: string, state: string): NameFingerprint {
  const place = new Set([...slugify(city).split('-'), state.toLowerCase()]);
  const tokens = slugify(name)
    .split('-')
    .filter((word) => word !== '' && !NAME_NOISE.has(word) && !place.has(word))
    .flatMap((word) => (NAME_WORDS[word] ?? word).split(' '))
    // Plural and singular alike: "Centers", "Services", "Addictions".
    .map((word) =>
      word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
  return { tokens: new Set(tokens), compact: tokens.join('') };
}

/**
 * How alike two names are: the share of the shorter name's words found in the other (0 to
 * 1), plus a Jaccard tie-break so an exact name beats a name that merely contains it; 1.1 for
 * names equal letter for letter ("Community Health Care" and "Community Healthcare").
 */
export function nameSimilarity(
  a: NameFingerprint,
  b: NameFingerprint,
): { score: number; shared: number } {
  if (a.compact !== '' && a.compact === b.compact) return { score: 1.1, shared: a.tokens.size };
  let shared = 0;
  for (const token of a.tokens) if (b.tokens.has(token)) shared += 1;
  const smaller = Math.min(a.tokens.size, b.tokens.size);
  if (smaller === 0) return { score: 0, shared: 0 };
  const union = a.tokens.size + b.tokens.size - shared;
  return { score: shared / smaller + (0.1 * shared) / union, shared };
}

/**
 * Words too common in this trade to tell two organisations apart: two names sharing only
 * these ("Community Recovery Center" and "Franklin Recovery Center") are not the same name.
 */
const GENERIC_NAME_WORDS = words(`
  abuse addiction adult alcohol association behavioral care center clinic clinical community
  comprehensive counseling county department detox drug east family group health healthcare
  home hospital house human institute medical mental methadone network new north opioid
  outpatient program recovery rehab rehabilitation residential resource service south
  substance support system therapy treatment wellness west
`);

/**
 * Names "clearly similar": at least half the shorter name's words shared, and either one of
 * them a word that tells names apart or three or more of them ("Behavioral Health Network").
 */
export function clearlySimilar(a: NameFingerprint, b: NameFingerprint): boolean {
  const { score, shared } = nameSimilarity(a, b);
  if (score > 1) return true;
  if (score < 0.5) return false;
  return shared >= 3 || [...a.tokens].some((t) => b.tokens.has(t) && !GENERIC_NAME_WORDS.has(t));
}
