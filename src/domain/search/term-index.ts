import { FACETS, FACET_NAMES, type FacetName, type SearchIndexFile } from './documents.ts';
import { fuzzyTerms } from './fuzzy-terms.ts';
import { synonymsFor } from './synonyms.ts';
import { normalize, tokenize } from './text.ts';
import type { Field, MatchKind, MatchReason } from './types.ts';
import { SERVICE_NARROWER_FORM, type ServiceKey } from '../../schemas/taxonomy.ts';

/**
 * How much a match in each field counts. A listed service counts as much as the name: a
 * detox without "Detox" in its name is still a detox. A street name counts least.
 */
const FIELD_WEIGHT: Readonly<Record<Field, number>> = {
  name: 3,
  facet: 3,
  // A narrower form of a service ("detox-outpatient" for "detox"), for the words it shares
  // with the main service: half, so "detox" lists withdrawal management with a stay first
  // and outpatient detox in the next relevance tier (see taxonomy.ts SERVICE_NARROWER_FORM).
  narrower: 1.5,
  organisation: 2,
  town: 1.5,
  area: 1.5,
  street: 0.5,
};

/** Postings store a field as its position here, so one byte per entry is enough. */
const FIELDS: Field[] = ['name', 'facet', 'narrower', 'organisation', 'town', 'area', 'street'];

/** How much each kind of match counts, relative to an exact word. */
const MATCH_QUALITY: Readonly<Record<MatchKind, number>> = { exact: 1, prefix: 0.75, fuzzy: 0.6 };

/** The documents that contain one term, in document order, with the best field for each. */
interface Posting {
  docs: Uint32Array;
  fields: Uint8Array;
}

interface TermMatch {
  term: number;
  quality: number;
  kind: MatchKind;
}

/** One typed word's best match in each candidate document it reaches (maybe none). */
export interface WordMatches {
  /** Field weight × match quality of the best match, per document (0: no match). */
  best: Float64Array;
  reasons: Map<number, MatchReason>;
}

/**
 * The text side of the finder: an inverted index from the words of names, organisations,
 * places and facet labels (and from synonyms) to the documents holding them, over a sorted
 * vocabulary so that prefixes are a binary search away. Filters and ranking live elsewhere:
 * this only says which documents a typed word reaches, and how well.
 */
export interface TermIndex {
  /** Multi-word synonyms ("12 step", "sober house") → canonical token, longest first. */
  readonly phrases: ReadonlyArray<readonly [string[], string]>;
  /** The word adds no constraint ("tonight", "I need help"): the engine leaves it out. */
  isFiller(lookup: string): boolean;
  /** Path slugs the word leads to (narcan → harm-reduction), for needs places do not list. */
  pathsOf(lookup: string): string[];
  /** Distinct terms, synonyms and canonical tokens included. */
  readonly size: number;
  /**
   * Where the word `lookup` (reported as `typed`) occurs among the `candidates` (a 0/1 array
   * over documents), keeping each document's best-weighted field and the reason for it;
   * undefined when the word reaches no indexed term at all.
   */
  match(
    typed: string,
    lookup: string,
    allowPrefix: boolean,
    candidates: Uint8Array,
  ): WordMatches | undefined;
}

/**
 * Builds the index of one locale's search file. A closure rather than a class: the tables stay
 * private without `this.` lookups, which also keeps the finder's minified bundle smaller.
 */
export function buildTermIndex(file: SearchIndexFile): TermIndex {
  const locale = file.locale;
  const collected = new Map<string, Map<number, number>>();
  const add = (term: string, doc: number, field: number) => {
    let docs = collected.get(term);
    if (!docs) collected.set(term, (docs = new Map<number, number>()));
    const previous = docs.get(doc);
    // Keep the best-weighted field per term and document.
    if (previous === undefined || FIELD_WEIGHT[FIELDS[field]!] > FIELD_WEIGHT[FIELDS[previous]!]) {
      docs.set(doc, field);
    }
  };
  const addText = (text: string | undefined, doc: number, field: Field) => {
    if (!text) return;
    for (const token of tokenize(text, locale)) add(token, doc, FIELDS.indexOf(field));
  };
  const labelTokens = new Map<string, string[]>();
  const labelFor = (facet: FacetName, key: string) => {
    const id = `${facet}:${key}`;
    let tokens = labelTokens.get(id);
    if (!tokens) {
      tokens = tokenize(`${file.labels[facet][key] ?? ''} ${key.replace(/-/g, ' ')}`, locale);
      labelTokens.set(id, tokens);
    }
    return tokens;
  };
  const facetField = FIELDS.indexOf('facet');
  const narrowerField = FIELDS.indexOf('narrower');
  // The field a service's word is indexed in: a narrower form's own words ("outpatient")
  // count fully, the words it shares with its main service ("detox") count less.
  const serviceField = (key: string, token: string) => {
    const main = SERVICE_NARROWER_FORM[key as ServiceKey];
    if (!main) return facetField;
    if (token === `svc:${key}`) return narrowerField;
    return labelFor('service', main).includes(token) ? narrowerField : facetField;
  };
  // Every canonical token exists, even with no place behind it, so "12 step" finds nothing
  // rather than being mistaken for an unknown word.
  for (const key of FACETS.service) collected.set(`svc:${key}`, new Map<number, number>());
  for (const key of FACETS.medication) collected.set(`med:${key}`, new Map<number, number>());
  for (const key of FACETS.population) collected.set(`pop:${key}`, new Map<number, number>());
  file.docs.forEach((doc, index) => {
    addText(doc.n, index, 'name');
    addText(doc.o, index, 'organisation');
    addText(doc.c, index, 'town');
    addText(doc.a ? file.areas[doc.a]?.[0] : undefined, index, 'area');
    addText(doc.s, index, 'street');
    for (const code of doc.l ?? []) add(`lang:${code}`, index, facetField);
    FACET_NAMES.forEach((facet, f) => {
      // Services only the name states count for text as listed ones do, as the name's own
      // words already would: "detox" finds "Andrew House Detoxification Center" as well as
      // "Sunrise Detox". Filters and the card still tell listed and inferred apart.
      const bits = (doc.f[f] ?? 0) | (facet === 'service' ? (doc.f[5] ?? 0) : 0);
      if (bits === 0) return;
      FACETS[facet].forEach((key, bit) => {
        if (!(bits & (1 << bit))) return;
        if (facet === 'service') {
          for (const token of labelFor(facet, key)) add(token, index, serviceField(key, token));
          const canonical = `svc:${key}`;
          add(canonical, index, serviceField(key, canonical));
          return;
        }
        for (const token of labelFor(facet, key)) add(token, index, facetField);
        if (facet === 'medication') add(`med:${key}`, index, facetField);
        if (facet === 'population') add(`pop:${key}`, index, facetField);
      });
    });
  });

  // Synonyms and everyday need words (file.needs) become vocabulary terms of their own, so
  // prefix and fuzzy matching reach them too ("suboxon" → "suboxone" → buprenorphine). A word
  // reaching several tokens ("heroin": the three medicines and detox) gets their union.
  const phrases: Array<[string[], string]> = [];
  /** Vocabulary terms that came from a synonym, with the token or word they are shown as. */
  const synonymOf = new Map<string, string>();
  /** Terms from the needs vocabulary: complete words, never stretched to a prefix ("meth"). */
  const needWords = new Set<string>();
  const fillers = new Set<string>();
  const pathsOf = new Map<string, string[]>();
  const table = new Map<string, readonly string[]>();
  for (const [phrase, targets] of Object.entries(synonymsFor(locale))) table.set(phrase, targets);
  for (const [targets, words] of file.needs ?? [])
    for (const word of words) {
      table.set(normalize(word), targets);
      needWords.add(normalize(word));
    }
  for (const [key, targets] of table) {
    const words = key.split(' ');
    // Several words, or a Chinese word longer than one indexed piece, are matched whole.
    const whole = words.length > 1 || tokenize(key, locale).join(' ') !== key;
    const term = whole ? `phr:${key}` : key;
    if (whole) phrases.push([words, term]);
    if (targets.length === 0) {
      fillers.add(term);
      continue;
    }
    if (needWords.has(key)) needWords.add(term);
    // Kept even when no place offers it, so "narcan" finds nothing rather than "Monarch".
    let merged = collected.get(term);
    if (!merged) collected.set(term, (merged = new Map<number, number>()));
    for (const target of targets) {
      for (const [doc, field] of collected.get(target) ?? [])
        if (!merged.has(doc)) merged.set(doc, field);
    }
    const paths = targets.filter((target) => target.startsWith('path:'));
    if (paths.length > 0)
      pathsOf.set(
        term,
        paths.map((target) => target.slice(5)),
      );
    synonymOf.set(term, targets.find((target) => /^(svc|med|pop):/.test(target)) ?? key);
  }
  phrases.sort((a, b) => b[0].length - a[0].length);

  const vocabulary = [...collected.keys()].sort();
  const postings: Posting[] = vocabulary.map((term) => {
    const entries = [...collected.get(term)!].sort((a, b) => a[0] - b[0]);
    return {
      docs: Uint32Array.from(entries, ([doc]) => doc),
      fields: Uint8Array.from(entries, ([, field]) => field),
    };
  });
  const termIndex = new Map<string, number>();
  vocabulary.forEach((term, index) => termIndex.set(term, index));
  const fuzzy = fuzzyTerms(vocabulary);

  /** Index of the first vocabulary term ≥ `prefix` (binary search). */
  const lowerBound = (prefix: string): number => {
    let low = 0;
    let high = vocabulary.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (vocabulary[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  /** Vocabulary terms the typed word could mean, each with how well it matches. */
  const termsFor = (token: string, allowPrefix: boolean): TermMatch[] => {
    const exact = termIndex.get(token);
    const found: TermMatch[] = [];
    if (exact !== undefined)
      found.push({ term: exact, quality: MATCH_QUALITY.exact, kind: 'exact' });
    if (token.includes(':')) return found; // a canonical token from a phrase: exact or nothing
    if (exact !== undefined && needWords.has(token)) return found;
    if (allowPrefix && token.length >= 2) {
      for (let i = lowerBound(token); i < vocabulary.length; i++) {
        const term = vocabulary[i]!;
        if (!term.startsWith(token)) break;
        if (i === exact || term.includes(':')) continue;
        // A longer completion is a weaker guess at what the person means.
        found.push({
          term: i,
          quality: MATCH_QUALITY.prefix * (token.length / term.length) ** 0.5,
          kind: 'prefix',
        });
      }
    }
    if (exact !== undefined || token.length < 3) return found;
    // No exact word: the person may be mid-word ("centr") or mistyped ("medicl"), so offer both
    // completions and near spellings, each term once at its best quality.
    for (const { term, score } of fuzzy(token)) {
      // A misspelt long word is not a shorter need word: "methad" is not "meth".
      const text = vocabulary[term]!;
      if (needWords.has(text) && text.length < token.length) continue;
      const near: TermMatch = { term, quality: MATCH_QUALITY.fuzzy * (1 - score), kind: 'fuzzy' };
      const same = found.find((entry) => entry.term === term);
      if (!same) found.push(near);
      else if (near.quality > same.quality) Object.assign(same, near);
    }
    return found;
  };

  return {
    phrases,
    size: vocabulary.length,
    isFiller: (lookup) => fillers.has(lookup),
    pathsOf: (lookup) => pathsOf.get(lookup) ?? [],
    match(typed, lookup, allowPrefix, candidates) {
      const terms = termsFor(lookup, allowPrefix);
      if (terms.length === 0) return undefined;
      const best = new Float64Array(candidates.length);
      const reasons = new Map<number, MatchReason>();
      for (const { term, quality, kind } of terms) {
        const posting = postings[term]!;
        const termText = vocabulary[term]!;
        for (let k = 0; k < posting.docs.length; k++) {
          const doc = posting.docs[k]!;
          if (!candidates[doc]) continue;
          const field = FIELDS[posting.fields[k]!]!;
          const value = FIELD_WEIGHT[field] * quality;
          if (value > best[doc]!) {
            best[doc] = value;
            const canonical = synonymOf.get(termText);
            reasons.set(doc, {
              typed,
              term: canonical ?? termText,
              field,
              kind,
              synonym: canonical !== undefined || termText.includes(':'),
            });
          }
        }
      }
      return { best, reasons };
    },
  };
}
