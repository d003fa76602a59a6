import { resultView, type SearchIndexFile, type SearchDocument } from './documents.ts';
import { documentFilter, facetBits, type DocumentFilter } from './document-filter.ts';
import {
  addTowns,
  placeKeys,
  placeSuggestions,
  placesOf,
  postalCodeOf,
  type PostalCodes,
} from './places.ts';
import { queryTokens } from './query-tokens.ts';
import { compareByDistance, compareResults, relevanceTier } from './ranking.ts';
import type { ResultView } from './result-view.ts';
import { buildTermIndex, type TermIndex } from './term-index.ts';
import type { MatchReason, Place, SearchOutcome, SearchQuery, SearchResult } from './types.ts';
import type { DistanceUnit } from '../format-distance.ts';
import { distanceKm } from '../geo.ts';
import type { PostcodeReader } from '../places/uk-postcode-reader.ts';
import { decodeSlots, isThisWeek, nextSlot } from '../sessions/slot-times.ts';

// The engine's shapes live in types.ts so its parts can share them; callers import them here.
export type {
  MatchKind,
  MatchReason,
  Place,
  SearchOutcome,
  SearchQuery,
  SearchResult,
} from './types.ts';

/**
 * The finder's search engine. Exact and prefix matches come from an inverted index over a
 * sorted vocabulary; Fuse.js scores only the handful of terms a trigram prefilter proposes,
 * never whole documents; facets are bit masks tested before any text work. This class ties
 * those parts together (term-index.ts, fuzzy-terms.ts, document-filter.ts, query-tokens.ts,
 * ranking.ts) and adds up each typed word's score.
 */
export class SearchEngine {
  readonly docs: SearchDocument[];
  readonly locale: string;
  readonly timeZone: string;
  private readonly terms: TermIndex;
  private readonly filter: DocumentFilter;
  /** Neighbourhoods and towns by normalised name, with a centre, for "detox roxbury". */
  private readonly places: Map<string, Place>;
  /** ZIP code → centre, loaded only when someone types a ZIP. */
  private postalCodes: PostalCodes = {};
  /** How UK postcodes are read and placed, loaded with their table (uk-postcode-reader.ts). */
  private reader: PostcodeReader | undefined;
  private readonly labels: SearchIndexFile['labels'];
  private readonly areas: SearchIndexFile['areas'];
  private readonly file: SearchIndexFile;

  constructor(file: SearchIndexFile) {
    this.file = file;
    this.docs = file.docs;
    this.labels = file.labels;
    this.areas = file.areas;
    this.locale = file.locale;
    this.timeZone = file.timeZone;
    this.terms = buildTermIndex(file);
    this.places = placesOf(file);
    this.filter = documentFilter(file.docs, file.timeZone);
  }

  /**
   * Lets postal codes in the text or in `near` resolve to a place (see postal-codes.json);
   * a deployment with UK postcodes passes the module that reads them too.
   */
  usePostalCodes(table: PostalCodes, reader?: PostcodeReader): void {
    this.postalCodes = table;
    this.reader = reader;
    addTowns(this.places, this.file, table, reader);
  }

  /** Which postal-code tables the index was built for (`uk-ons`), when not one file. */
  get postcodeTables(): SearchIndexFile['postcodes'] {
    return this.file.postcodes;
  }

  /**
   * Fetches the files of the UK postcode districts `text` names full postcodes of, so they
   * resolve to their own points rather than their district's centre (postal-codes/<OUTWARD>
   * .json under `url`); undefined when there is none to fetch.
   */
  loadDistricts(text: string, url: string): Promise<void> | undefined {
    return this.reader?.fetchDistricts(text, url);
  }

  /** How this deployment shows distances; searches always compute in kilometres. */
  get distanceUnit(): DistanceUnit {
    return this.file.unit ?? 'mile';
  }

  /**
   * A postal code typed by a person (`typed`, read as `code`), as a place named as the person
   * will read it back; undefined if unknown.
   */
  private postalPlace(code: string, typed: string): Place | undefined {
    if (this.reader) return this.reader.place(code, this.postalCodes);
    const zip = Object.hasOwn(this.postalCodes, code) ? this.postalCodes[code] : undefined;
    return zip ? { name: typed, lat: zip[0], lon: zip[1] } : undefined;
  }

  /** A postal code, neighbourhood or town typed by a person, as a place; undefined if unknown. */
  resolvePlace(text: string): Place | undefined {
    for (const key of placeKeys(text, this.file.regions ?? [])) {
      const code = postalCodeOf(key, this.file, this.reader);
      const postal = code !== undefined ? this.postalPlace(code, key) : undefined;
      if (postal) return postal;
      const place = this.places.get(key);
      if (place) return place;
    }
    return undefined;
  }

  /** Whether `text` has a word that is a postal code, so the postal table is worth loading. */
  mentionsPostalCode(text: string): boolean {
    return text
      .split(/[^\p{L}\p{N}-]+/u)
      .some((word) => word && postalCodeOf(word, this.file, this.reader) !== undefined);
  }

  /** Neighbourhoods to suggest when `text` is not a place the finder knows. */
  suggestPlaces(text: string): string[] {
    return placeSuggestions(text, this.file);
  }

  /** A result as the interface shows it: the place, how far it is, and why it matched. */
  view(result: SearchResult): ResultView {
    const view = resultView(result, this.labels, this.areas, this.timeZone);
    if (view.distanceKm !== undefined && this.file.unit) view.distanceUnit = this.file.unit;
    return view;
  }

  /**
   * The results with a session on now or in the next seven days, by that session's start (one
   * under way first), then by distance: "sessions this week near DH1".
   */
  private thisWeek(results: SearchResult[], now: Date): SearchResult[] {
    const at = now.getTime();
    const starts = new Map<SearchResult, number>();
    for (const result of results) {
      const slot = result.doc.x && nextSlot(decodeSlots(result.doc.x), at);
      if (slot && isThisWeek(slot, at)) starts.set(result, slot.start);
    }
    return results
      .filter((result) => starts.has(result))
      .sort(
        (a, b) =>
          starts.get(a)! - starts.get(b)! ||
          (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity),
      );
  }

  get size(): number {
    return this.docs.length;
  }

  get vocabularySize(): number {
    return this.terms.size;
  }

  search(query: SearchQuery, now: Date = new Date()): SearchOutcome {
    const parsed = query.text
      ? queryTokens(query.text, this.locale, this.terms.phrases, (text) => this.resolvePlace(text))
      : { tokens: [], place: undefined };
    const place = parsed.place;
    // Words that say when or how ("tonight", "I need help") constrain nothing; words for a need
    // with a path ("narcan") name it, listed or not.
    const paths = [...new Set(parsed.tokens.flatMap(({ lookup }) => this.terms.pathsOf(lookup)))];
    const tokens = parsed.tokens.filter(({ lookup }) => !this.terms.isFiller(lookup));
    const near = query.near ?? place;
    const { pass, open } = this.filter.apply(query.near ? query : { ...query, near }, now);
    const count = this.docs.length;
    const scores = new Float64Array(count);
    const reasons = new Map<number, MatchReason[]>();
    const unmatched: string[] = [];
    let candidates: Uint8Array = pass;

    let matchedAny = false;
    tokens.forEach(({ typed, lookup, optional }, position) => {
      // The last word may still be being typed: let it match as a prefix.
      const isLast = position === tokens.length - 1;
      const matches = this.terms.match(typed, lookup, isLast || lookup.length >= 4, candidates);
      if (!matches && optional) return; // a ZIP code: used for distance only
      if (!matches) {
        // A word the index has never seen (a typo too far off, a name not listed) is reported
        // and set aside, so one stray word does not empty an otherwise good search.
        unmatched.push(typed);
        return;
      }
      matchedAny = true;
      // Each required word narrows the candidates to the places it reached.
      const next = optional ? candidates : new Uint8Array(count);
      for (const [doc, reason] of matches.reasons) {
        next[doc] = 1;
        scores[doc]! += matches.best[doc]!;
        const list = reasons.get(doc);
        if (list) list.push(reason);
        else reasons.set(doc, [reason]);
      }
      candidates = next;
    });
    // Nothing typed matched anything: say so rather than showing every place. A place alone
    // ("02124", "rozzie") is a request for what is near it.
    if (tokens.some((token) => !token.optional) && !matchedAny)
      return { results: [], unmatched, near: place, paths };

    const serviceBits = facetBits('service', query.filters?.service ?? []);
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
        inferredOnly: serviceBits !== 0 && !this.filter.listsService(d, serviceBits),
        reasons: reasons.get(d) ?? [],
      };
      if (this.docs[d]!.h) result.openNow = open[d] === 1;
      if (near && doc.g) result.distanceKm = distanceKm(near, { lat: doc.g[0], lon: doc.g[1] });
      results.push(result);
    }
    results.sort(near ? compareByDistance : compareResults);
    if (query.thisWeek)
      return { results: this.thisWeek(results, now), unmatched, near: place, paths };
    return { results, unmatched, near: place, paths };
  }
}
