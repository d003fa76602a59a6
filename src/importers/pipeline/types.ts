/**
 * The pipeline's vocabulary. An adapter reads its source's files and maps each row to a
 * `RawListing`; from there on every step (normalise, merge, phones, ids, write) is shared and
 * knows no source. A run hands back providers for `providerSchema` and a report of every row
 * that was dropped and why.
 */
import type { LatLon } from '../../domain/geo.ts';
import type { ProviderInput } from '../../schemas/provider.ts';
import type { Offering } from './services.ts';

export interface SourceFile {
  /** How the file is named in reports (a path or a label). */
  name: string;
  text: string;
}

/** A row in a report: which file, which line (1 is the header), and what happened. */
export interface RowNote {
  file: string;
  line: number;
  reason: string;
}

/** How provider files credit a source, and how reports name it. */
export interface SourceDescription {
  /** `sources[].name` in provider files. */
  name: string;
  /** `sources[].url`: where the data can be had. */
  url: string;
  /** The year the listing describes. */
  vintage: string;
  /** Short label for reports. */
  label: string;
}

/** One input file as its adapter read it. */
export interface ReadFile<Kind extends string, Row> {
  /** Which of the adapter's kinds the file is; undefined when it is none of them. */
  kind?: Kind;
  /** Data rows; `line` is where the row ends in the file, for reports. */
  rows: Array<{ line: number; row: Row }>;
  /** Lines that could not be read at all. */
  rejected: RowNote[];
}

/** One row in the pipeline's terms, still as the source wrote it: normalise.ts checks it. */
export interface RawListing {
  /**
   * The source's name fields, in its order; the first is required. Matching across sources
   * reads them all, so nothing a source says about the name is lost before merging.
   */
  names: readonly string[];
  /** The street line, which may carry more than the street ("66 Canal St., First Floor"). */
  streetLine: string;
  /** Whatever else the source says about the address (suite, building); may be empty. */
  street2: string;
  city: string;
  /** Two-letter state or territory. */
  state: string;
  /** The ZIP code as written, leading zeros possibly lost. */
  postalCode: string;
  latitude: string;
  longitude: string;
  /** Whether the source says its position is only near the address (a poor geocoder match). */
  approximate: boolean;
  /** Free text holding the phone numbers, parsed by phones.ts. */
  contact?: string;
  /** What the row states it offers. */
  offering: Offering;
  /** The source's own identifier of the row, kept on the provider's source entry. */
  record?: string;
}

/** What the pipeline needs to know of a source: everything else about it stays here. */
export interface Adapter<Kind extends string, Row> {
  /** Who publishes the files, for reports ("SAMHSA"). */
  publisher: string;
  /**
   * The kinds of file, in merge priority: a provider's first source supplies its name,
   * address and position, and its rows are matched first.
   */
  kinds: readonly Kind[];
  sources: Readonly<Record<Kind, SourceDescription>>;
  /** When the copy of the data in the repository was collected (YYYY-MM-DD). */
  defaultRetrieved: string;
  /** Read one file; unreadable lines are reported in `rejected`, never thrown. */
  read(file: SourceFile): ReadFile<Kind, Row>;
  /** Map one row's fields. Only maps: checking is normalise.ts's, so this does not throw. */
  toListing(kind: Kind, row: Row): RawListing;
  /** The name a person sees, and the organisation behind it, from cleaned `names`. */
  displayName(names: readonly string[]): { name: string; organization?: string };
}

/** One usable row, checked and normalised, with its place in the import. */
export interface Listing {
  kind: string;
  source: SourceDescription;
  /** The kind's place in the adapter's merge priority; 0 leads. */
  priority: number;
  file: string;
  line: number;
  /** Position in the whole import, for stable tie-breaks. */
  order: number;
  names: string[];
  street: string;
  street2?: string;
  city: string;
  state: string;
  postalCode: string;
  geo?: LatLon & { approximate: boolean };
  contact?: string;
  offering: Offering;
  record?: string;
}

/** A provider before its id is settled (ids.ts fills it in). */
export type Draft = ProviderInput & { id: string };

export interface ImportOptions {
  /** Two-letter state to keep; every state when absent. */
  state?: string;
  /** When the data was collected (YYYY-MM-DD); the adapter's default when absent. */
  retrieved?: string;
  /** Postal code -> site.yaml neighbourhood key. */
  neighbourhoods?: ReadonlyMap<string, string>;
}

export interface FileReport<Kind extends string = string> {
  file: string;
  kind?: Kind;
  /** Data rows read (the header not counted). */
  rows: number;
  duplicates: number;
  rejected: number;
  outsideState: number;
  /** Rows that went into a provider. */
  used: number;
}

export interface ImportResult<Kind extends string = string> {
  providers: ProviderInput[];
  files: Array<FileReport<Kind>>;
  /** Rows that could not be used, with the reason. */
  rejected: RowNote[];
  /** Rows left out by the state filter. */
  outsideState: RowNote[];
  /** Exact copies of an earlier row in the same file, dropped. */
  duplicates: RowNote[];
  /** Rows that joined a listing from another file, with the provider id they joined. */
  merged: RowNote[];
  /** Rows used, but with something in them ignored. */
  warnings: RowNote[];
}
