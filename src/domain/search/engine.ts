// The basic build: plain fuzzy matching is all we use (no extended or logical queries).
import Fuse from 'fuse.js/basic';
import {
  FACETS,
  FACET_NAMES,
  resultView,
  weeklyIntervalsOf,
  type FacetName,
  type SearchDocument,
  type SearchIndexFile,
} from './documents.ts';
import type { ResultView } from './result-view.ts';
import { isStopword, normalize, tokenize, trigrams } from './text.ts';
import { synonymsFor } from './synonyms.ts';
import { statusAt, weekMinute, wallClockAt } from '../weekly-hours.ts';
import { distanceKm, type LatLon } from '../geo.ts';
import { SERVICE_NARROWER_FORM, type ServiceKey } from '../../schemas/taxonomy.ts';

/**
 * How much a match in each field counts. A listed service counts as much as the name: a
 * detox without "Detox" in its name is still a detox. A street name counts least.
 */
const FIELD_WEIGHT = {
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
} as const;
type Field = keyof typeof FIELD_WEIGHT;

/** How much each kind of match counts, relative to an exact word. */
const MATCH_QUALITY = { exact: 1, prefix: 0.75, fuzzy: 0.6 } as const;
export type MatchKind = keyof typeof MATCH_QUALITY;

/** At most this many vocabulary terms go to Fuse.js for one typed word. */
const FUZZY_CANDIDATES = 24;
const FUZZY_THRESHOLD = 0.35;

export interface SearchQuery {
  text?: string;
  /** Facet filters: any of the values within a facet, all facets together. */
  filters?: Partial<Record<FacetName, readonly string[]>>;
  /** Languages staff speak (any of). */
  languages?: readonly string[];
  openNow?: boolean;
  walkIn?: boolean;
  openings?: boolean;
  /** Sort by distance from here and show it. */
  near?: LatLon;
  /** Keep only places within this many kilometres of `near`. */
  withinKm?: number;
}

/** Why a result matched, so the list can say so when it is not obvious from the name. */
export interface MatchReason {
  /** The word as the person typed it. */
  typed: string;
  /** The indexed term it matched ("buprenorphine" for "suboxone"). */
  term: string;
  field: Field;
  kind: MatchKind;
  /** The match went through a synonym. */
  synonym: boolean;
}

export interface SearchResult {
  doc: SearchDocument;
  score: number;
  /** 0 for the best text matches, 1 and 2 for weaker ones; distance sorts within a tier. */
  tier: number;
  distanceKm?: number;
  openNow?: boolean;
  /** The services filter matched only through a service inferred from the name. */
  inferredOnly: boolean;
  reasons: MatchReason[];
}

export interface SearchOutcome {
  results: SearchResult[];
  /** Typed words that matched nothing at all (shown so the person can fix them). */
  unmatched: string[];
  /** A place named in the text that results are sorted by distance from. */
  near: Place | undefined;
}

export interface Place extends LatLon {
  name: string;
}

interface QueryToken {
  typed: string;
  lookup: string;
  /** Place words add to the score but do not exclude places that lack them. */
  optional: boolean;
}

interface Posting {
  docs: Uint32Array;
  fields: Uint8Array;
}

const FIELDS: Field[] = ['name', 'facet', 'narrower', 'organisation', 'town', 'area', 'street'];

/**
 * The finder's search engine. Exact and prefix matches come from an inverted index over a
 * sorted vocabulary; Fuse.js scores only the handful of terms a trigram prefilter proposes,
 * never whole documents; facets are bit masks tested before any text work.
 */
export class SearchEngine {
  readonly docs: SearchDocument[];
  readonly locale: string;
  readonly timeZone: string;
  private readonly vocabulary: string[];
  private readonly postings: Posting[];
  private readonly termIndex = new Map<string, number>();
  private readonly gramIndex = new Map<string, number[]>();
  /** Vocabulary terms that came from a synonym, with the canonical token they stand for. */
  private readonly synonymOf = new Map<string, string>();
  private readonly phrases: Array<[string[], string]>;
  /** Neighbourhoods and towns by normalised name, with a centre, for "detox roxbury". */
  private readonly places: Map<string, Place>;
  /** ZIP code → centre, loaded only when someone types a ZIP. */
  private postalCodes: Readonly<Record<string, readonly [number, number]>> = {};
  private readonly facetMasks: Uint32Array[];
  private readonly inferredMasks: Uint32Array;
  private readonly labels: SearchIndexFile['labels'];
  private readonly areas: SearchIndexFile['areas'];

  constructor(file: SearchIndexFile) {
    this.docs = file.docs;
    this.labels = file.labels;
    this.areas = file.areas;
    this.locale = file.locale;
    this.timeZone = file.timeZone;
    const collected = new Map<string, Map<number, number>>();
    const add = (term: string, doc: number, field: number) => {
      let docs = collected.get(term);
      if (!docs) collected.set(term, (docs = new Map<number, number>()));
      const previous = docs.get(doc);
      // Keep the best-weighted field per term and document.
      if (
        previous === undefined ||
        FIELD_WEIGHT[FIELDS[field]!] > FIELD_WEIGHT[FIELDS[previous]!]
      ) {
        docs.set(doc, field);
      }
    };
    const addText = (text: string | undefined, doc: number, field: Field) => {
      if (!text) return;
      for (const token of tokenize(text, this.locale)) add(token, doc, FIELDS.indexOf(field));
    };
    const labelTokens = new Map<string, string[]>();
    const labelFor = (facet: FacetName, key: string) => {
      const id = `${facet}:${key}`;
      let tokens = labelTokens.get(id);
      if (!tokens) {
        tokens = tokenize(
          `${file.labels[facet][key] ?? ''} ${key.replace(/-/g, ' ')}`,
          this.locale,
        );
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
    file.docs.forEach((doc, index) => {
      addText(doc.n, index, 'name');
      addText(doc.o, index, 'organisation');
      addText(doc.c, index, 'town');
      addText(doc.a ? file.areas[doc.a]?.[0] : undefined, index, 'area');
      addText(doc.s, index, 'street');
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
        });
      });
    });

    // Synonyms become vocabulary terms of their own, so prefix and fuzzy matching reach
    // brand names too ("suboxon" → "suboxone" → buprenorphine).
    const phrases: Array<[string[], string]> = [];
    for (const [phrase, targets] of Object.entries(synonymsFor(this.locale))) {
      const words = phrase.split(' ');
      if (words.length > 1) {
        phrases.push([words, targets[0]!]);
        continue;
      }
      // Kept even when no place offers it, so "narcan" finds nothing rather than "Monarch".
      let merged = collected.get(phrase);
      if (!merged) collected.set(phrase, (merged = new Map<number, number>()));
      for (const target of targets) {
        for (const [doc, field] of collected.get(target) ?? [])
          if (!merged.has(doc)) merged.set(doc, field);
      }
      this.synonymOf.set(phrase, targets[0]!);
    }
    this.phrases = phrases.sort((a, b) => b[0].length - a[0].length);

    this.vocabulary = [...collected.keys()].sort();
    this.postings = this.vocabulary.map((term) => {
      const entries = [...collected.get(term)!].sort((a, b) => a[0] - b[0]);
      return {
        docs: Uint32Array.from(entries, ([doc]) => doc),
        fields: Uint8Array.from(entries, ([, field]) => field),
      };
    });
    this.vocabulary.forEach((term, index) => {
      this.termIndex.set(term, index);
      if (term.includes(':')) return; // canonical tokens are reached through synonyms only
      for (const gram of trigrams(term)) {
        let list = this.gramIndex.get(gram);
        if (!list) this.gramIndex.set(gram, (list = []));
        list.push(index);
      }
    });

    this.places = placesOf(file);

    this.facetMasks = FACET_NAMES.map((_, f) =>
      Uint32Array.from(file.docs, (doc) => doc.f[f] ?? 0),
    );
    this.inferredMasks = Uint32Array.from(file.docs, (doc) => doc.f[5] ?? 0);
  }

  /** Lets ZIP codes in the text or in `near` resolve to a place (see postal-codes.json). */
  usePostalCodes(table: Readonly<Record<string, readonly [number, number]>>): void {
    this.postalCodes = table;
  }

  /** A ZIP code, neighbourhood or town typed by a person, as a place; undefined if unknown. */
  resolvePlace(text: string): Place | undefined {
    const key = normalize(text);
    const zip = /^\d{5}$/.test(key) ? this.postalCodes[key] : undefined;
    if (zip) return { name: key, lat: zip[0], lon: zip[1] };
    return this.places.get(key);
  }

  /** A result as the interface shows it: the place, how far it is, and why it matched. */
  view(result: SearchResult): ResultView {
    return resultView(result, this.labels, this.areas);
  }

  get size(): number {
    return this.docs.length;
  }

  get vocabularySize(): number {
    return this.vocabulary.length;
  }

  /** Index of the first vocabulary term ≥ `prefix` (binary search). */
  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.vocabulary.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.vocabulary[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Vocabulary terms the typed word could mean, each with how well it matches. */
  private termsFor(
    token: string,
    allowPrefix: boolean,
  ): Array<{ term: number; quality: number; kind: MatchKind }> {
    const exact = this.termIndex.get(token);
    const found: Array<{ term: number; quality: number; kind: MatchKind }> = [];
    if (exact !== undefined)
      found.push({ term: exact, quality: MATCH_QUALITY.exact, kind: 'exact' });
    if (token.includes(':')) return found; // a canonical token from a phrase: exact or nothing
    if (allowPrefix && token.length >= 2) {
      for (let i = this.lowerBound(token); i < this.vocabulary.length; i++) {
        const term = this.vocabulary[i]!;
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
    for (const fuzzy of this.fuzzyTerms(token)) {
      const same = found.find((entry) => entry.term === fuzzy.term);
      if (!same) found.push(fuzzy);
      else if (fuzzy.quality > same.quality) Object.assign(same, fuzzy);
    }
    return found;
  }

  /** Typo tolerance: trigram overlap proposes a few terms, Fuse.js scores only those. */
  private fuzzyTerms(token: string): Array<{ term: number; quality: number; kind: MatchKind }> {
    const shared = new Map<number, number>();
    for (const gram of trigrams(token)) {
      for (const term of this.gramIndex.get(gram) ?? [])
        shared.set(term, (shared.get(term) ?? 0) + 1);
    }
    const candidates = [...shared]
      .filter(
        ([term, count]) =>
          count >= 2 && Math.abs(this.vocabulary[term]!.length - token.length) <= 3,
      )
      .sort((a, b) => b[1] - a[1])
      .slice(0, FUZZY_CANDIDATES)
      .map(([term]) => term);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(
      candidates.map((term) => this.vocabulary[term]!),
      {
        includeScore: true,
        threshold: FUZZY_THRESHOLD,
        ignoreLocation: true,
        isCaseSensitive: true,
      },
    );
    return fuse.search(token).map((hit) => ({
      term: candidates[hit.refIndex]!,
      quality: MATCH_QUALITY.fuzzy * (1 - (hit.score ?? 0)),
      kind: 'fuzzy' as const,
    }));
  }

  /** Words of the query, with known phrases ("12 step", "sober house") joined into one token. */
  private queryTokens(text: string): { tokens: QueryToken[]; place: Place | undefined } {
    const words = normalize(text).split(' ').filter(Boolean);
    const tokens: QueryToken[] = [];
    let place: Place | undefined;
    for (let i = 0; i < words.length; i++) {
      // A place name ("jamaica plain", "worcester") sorts by distance from it and adds to the
      // score of places named after it, but is not required: "detox roxbury" should still
      // show the nearest detox when none is in Roxbury itself.
      const placeMatch = [3, 2, 1]
        .map((length) => [length, this.resolvePlace(words.slice(i, i + length).join(' '))] as const)
        .find(([length, found]) => found && i + length <= words.length);
      if (placeMatch && !place) {
        const [length, found] = placeMatch;
        place = found;
        for (const word of words.slice(i, i + length))
          tokens.push({ typed: word, lookup: word, optional: true });
        i += length - 1;
        continue;
      }
      const phrase = this.phrases.find(([parts]) =>
        parts.every((part, k) => words[i + k] === part),
      );
      if (phrase) {
        // Look up the canonical token (svc:mutual-help) but report what was typed.
        tokens.push({ typed: phrase[0].join(' '), lookup: phrase[1], optional: false });
        i += phrase[0].length - 1;
      } else if (!isStopword(words[i]!, this.locale)) {
        for (const piece of tokenize(words[i]!, this.locale))
          tokens.push({ typed: piece, lookup: piece, optional: false });
      }
    }
    return { tokens, place };
  }

  /** Documents that pass every filter, as a 0/1 array (facets first: they are cheapest). */
  private filterDocs(query: SearchQuery, now: Date): { pass: Uint8Array; open: Uint8Array } {
    const count = this.docs.length;
    const pass = new Uint8Array(count).fill(1);
    FACET_NAMES.forEach((facet, f) => {
      const wanted = query.filters?.[facet];
      if (!wanted || wanted.length === 0) return;
      const want = wanted.reduce((bits, key) => {
        const bit = (FACETS[facet] as readonly string[]).indexOf(key);
        return bit >= 0 ? bits | (1 << bit) : bits;
      }, 0);
      const masks = this.facetMasks[f]!;
      // A service filter also admits places whose name states the service (marked inferred).
      const alsoInferred = facet === 'service' ? this.inferredMasks : null;
      for (let d = 0; d < count; d++) {
        if (pass[d] && !(masks[d]! & want) && !(alsoInferred && alsoInferred[d]! & want))
          pass[d] = 0;
      }
    });
    const languages = query.languages?.filter(Boolean) ?? [];
    if (languages.length > 0) {
      for (let d = 0; d < count; d++) {
        if (!pass[d]) continue;
        const spoken = this.docs[d]!.l ?? [];
        if (!languages.some((lang) => spoken.some((s) => s === lang || s.startsWith(`${lang}-`))))
          pass[d] = 0;
      }
    }
    if (query.walkIn) for (let d = 0; d < count; d++) if (this.docs[d]!.w !== 1) pass[d] = 0;
    if (query.openings) for (let d = 0; d < count; d++) if (this.docs[d]!.v !== 'o') pass[d] = 0;
    // Open now is worked out for every place, filter or not: ranking uses it to break ties.
    const open = new Uint8Array(count);
    const minute = weekMinute(wallClockAt(now, this.timeZone));
    for (let d = 0; d < count; d++) {
      const hours = this.docs[d]!.h;
      if (hours && statusAt(weeklyIntervalsOf(hours), minute).open) open[d] = 1;
    }
    if (query.openNow) for (let d = 0; d < count; d++) if (!open[d]) pass[d] = 0;
    if (query.near && query.withinKm !== undefined) {
      for (let d = 0; d < count; d++) {
        const g = this.docs[d]!.g;
        if (pass[d] && (!g || distanceKm(query.near, { lat: g[0], lon: g[1] }) > query.withinKm))
          pass[d] = 0;
      }
    }
    return { pass, open };
  }

  search(query: SearchQuery, now: Date = new Date()): SearchOutcome {
    const { tokens, place } = query.text
      ? this.queryTokens(query.text)
      : { tokens: [], place: undefined };
    const near = query.near ?? place;
    const { pass, open } = this.filterDocs(query.near ? query : { ...query, near }, now);
    const count = this.docs.length;
    const scores = new Float64Array(count);
    const reasons = new Map<number, MatchReason[]>();
    const unmatched: string[] = [];
    let candidates: Uint8Array = pass;

    let matchedAny = false;
    tokens.forEach(({ typed, lookup, optional }, position) => {
      // The last word may still be being typed: let it match as a prefix.
      const isLast = position === tokens.length - 1;
      const terms = this.termsFor(lookup, isLast || lookup.length >= 4);
      const best = new Float64Array(count);
      const bestReason = new Map<number, MatchReason>();
      for (const { term, quality, kind } of terms) {
        const posting = this.postings[term]!;
        const termText = this.vocabulary[term]!;
        for (let k = 0; k < posting.docs.length; k++) {
          const doc = posting.docs[k]!;
          if (!candidates[doc]) continue;
          const field = FIELDS[posting.fields[k]!]!;
          const value = FIELD_WEIGHT[field] * quality;
          if (value > best[doc]!) {
            best[doc] = value;
            const canonical = this.synonymOf.get(termText);
            bestReason.set(doc, {
              typed,
              term: canonical ?? termText,
              field,
              kind,
              synonym: canonical !== undefined || termText.includes(':'),
            });
          }
        }
      }
      if (terms.length === 0 && optional) return; // a ZIP code: used for distance only
      if (terms.length === 0) {
        // A word the index has never seen (a typo too far off, a name not listed) is reported
        // and set aside, so one stray word does not empty an otherwise good search.
        unmatched.push(typed);
        return;
      }
      matchedAny = true;
      const next = optional ? candidates : new Uint8Array(count);
      for (const [doc, reason] of bestReason) {
        next[doc] = 1;
        scores[doc]! += best[doc]!;
        const list = reasons.get(doc);
        if (list) list.push(reason);
        else reasons.set(doc, [reason]);
      }
      candidates = next;
    });
    // Nothing typed matched anything: say so rather than showing every place.
    if (tokens.length > 0 && !matchedAny) return { results: [], unmatched, near: place };

    const serviceWant = query.filters?.service ?? [];
    const serviceBits = serviceWant.reduce((bits, key) => {
      const bit = (FACETS.service as readonly string[]).indexOf(key);
      return bit >= 0 ? bits | (1 << bit) : bits;
    }, 0);
    let maxScore = 0;
    for (let d = 0; d < count; d++)
      if (candidates[d] && scores[d]! > maxScore) maxScore = scores[d]!;
    const results: SearchResult[] = [];
    for (let d = 0; d < count; d++) {
      if (!candidates[d]) continue;
      const doc = this.docs[d]!;
      const result: SearchResult = {
        doc,
        score: Math.round(scores[d]! * 10) / 10,
        tier: relevanceTier(scores[d]!, maxScore),
        inferredOnly: serviceBits !== 0 && !(this.facetMasks[0]![d]! & serviceBits),
        reasons: reasons.get(d) ?? [],
      };
      if (this.docs[d]!.h) result.openNow = open[d] === 1;
      if (near && doc.g) result.distanceKm = distanceKm(near, { lat: doc.g[0], lon: doc.g[1] });
      results.push(result);
    }
    results.sort(compareResults);
    return { results, unmatched, near: place };
  }
}

/** Neighbourhoods (from the site) and towns (centre of their providers), by normalised name. */
function placesOf(file: SearchIndexFile): Map<string, Place> {
  const places = new Map<string, Place>();
  const towns = new Map<string, { name: string; lat: number; lon: number; count: number }>();
  for (const doc of file.docs) {
    if (!doc.c || !doc.g) continue;
    const key = normalize(doc.c);
    const town = towns.get(key) ?? { name: doc.c, lat: 0, lon: 0, count: 0 };
    town.lat += doc.g[0];
    town.lon += doc.g[1];
    town.count += 1;
    towns.set(key, town);
  }
  for (const [key, town] of towns) {
    places.set(key, { name: town.name, lat: town.lat / town.count, lon: town.lon / town.count });
  }
  // Neighbourhoods win over a town of the same name: the deployment named them.
  for (const [name, lat, lon] of Object.values(file.areas))
    places.set(normalize(name), { name, lat, lon });
  return places;
}

/** Matches within 80% of the best are equally good answers; distance then decides. */
function relevanceTier(score: number, max: number): number {
  if (max === 0 || score >= max * 0.8) return 0;
  return score >= max * 0.5 ? 1 : 2;
}

/**
 * Text relevance first (in tiers); then places the source lists before those only inferred;
 * then distance; then the exact score; open now and reported openings break ties; then the
 * name, for a stable order.
 */
function compareResults(a: SearchResult, b: SearchResult): number {
  return (
    a.tier - b.tier ||
    Number(a.inferredOnly) - Number(b.inferredOnly) ||
    (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
    b.score - a.score ||
    Number(b.openNow ?? false) - Number(a.openNow ?? false) ||
    Number(b.doc.v === 'o') - Number(a.doc.v === 'o') ||
    a.doc.n.localeCompare(b.doc.n)
  );
}
