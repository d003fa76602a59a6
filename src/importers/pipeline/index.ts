/**
 * The import pipeline: adapter -> normalise -> merge -> build (phones, services) -> ids.
 * `runImport` turns an adapter's files into providers and a report; `writeProviders` turns
 * the providers into files. Pure up to writing, so all of it can be tested on strings.
 */
import { ClusterIndex, addressKey, mergeListings, type Cluster, type MergeNote } from './merge.ts';
import { assignIds } from './ids.ts';
import { checkListing, type ListingOutcome } from './normalise.ts';
import { buildProvider } from './providers.ts';
import { clean } from './text.ts';
import type {
  Adapter,
  FileReport,
  ImportOptions,
  ImportResult,
  Listing,
  RowNote,
  SourceFile,
} from './types.ts';

export type * from './types.ts';
export { writeProviders, providerFileText, type WriteOutcome } from './write.ts';

/** Import an adapter's files (any order, any mix of its kinds) into providers. */
export function runImport<Kind extends string, Row>(
  adapter: Adapter<Kind, Row>,
  files: readonly SourceFile[],
  options: ImportOptions = {},
): ImportResult<Kind> {
  const stateFilter = options.state?.trim().toUpperCase() || undefined;
  const result: ImportResult<Kind> = {
    providers: [],
    files: [],
    rejected: [],
    outsideState: [],
    duplicates: [],
    merged: [],
    warnings: [],
  };
  const byKind = new Map<Kind, Listing[]>(adapter.kinds.map((k) => [k, []]));
  for (const file of files) readListings(adapter, file, stateFilter, byKind, result);

  const clusters: Cluster[] = [];
  const index = new ClusterIndex();
  const merged: MergeNote[] = [];
  for (const kind of adapter.kinds) {
    mergeListings(clusters, index, byKind.get(kind)!, { merged, warnings: result.warnings });
  }

  const context = {
    displayName: (names: readonly string[]) => adapter.displayName(names),
    retrieved: options.retrieved ?? adapter.defaultRetrieved,
    neighbourhoods: options.neighbourhoods,
    warnings: result.warnings,
  };
  const built = clusters.map((cluster) => ({
    cluster,
    order: cluster.listings[0]!.order,
    provider: buildProvider(cluster, context),
  }));
  assignIds(built);
  const idOf = new Map(built.map(({ cluster, provider }) => [cluster, provider.id]));
  result.merged = merged
    .map(({ file, line, cluster }) => ({ file, line, reason: `joined ${idOf.get(cluster)}` }))
    .sort(byFileAndLine);
  result.providers = built
    .map((b) => b.provider)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  result.warnings.sort(byFileAndLine);
  return result;
}

/**
 * Read one file's rows into listings of its kind, reporting every row left out: other
 * states first (duplicates included), then exact copies, then rows that fail the checks.
 */
function readListings<Kind extends string, Row>(
  adapter: Adapter<Kind, Row>,
  file: SourceFile,
  stateFilter: string | undefined,
  byKind: Map<Kind, Listing[]>,
  result: ImportResult<Kind>,
): void {
  const parsed = adapter.read(file);
  const report: FileReport<Kind> = {
    file: file.name,
    kind: parsed.kind,
    rows: parsed.rows.length + parsed.rejected.length,
    duplicates: 0,
    rejected: parsed.rejected.length,
    outsideState: 0,
    used: 0,
  };
  result.files.push(report);
  result.rejected.push(...parsed.rejected);
  const kind = parsed.kind;
  if (!kind) {
    result.rejected.push({
      file: file.name,
      line: 1,
      reason: `header is not one of the ${adapter.publisher} files this importer knows`,
    });
    return;
  }
  const priority = adapter.kinds.indexOf(kind);
  const listings = byKind.get(kind)!;
  const seen = new Map<string, number>();
  const places = new Map<string, number>();
  for (const { line, row } of parsed.rows) {
    const raw = adapter.toListing(kind, row);
    if (stateFilter && clean(raw.state).toUpperCase() !== stateFilter) {
      report.outsideState += 1;
      result.outsideState.push({ file: file.name, line, reason: `outside --state ${stateFilter}` });
      continue;
    }
    const exact = JSON.stringify(row);
    const first = seen.get(exact);
    if (first !== undefined) {
      report.duplicates += 1;
      result.duplicates.push({ file: file.name, line, reason: `exact copy of line ${first}` });
      continue;
    }
    seen.set(exact, line);
    const outcome = safely(() => checkListing(raw, stateFilter));
    if (!outcome.ok) {
      const note = { file: file.name, line, reason: outcome.reason };
      if (outcome.outsideState) {
        report.outsideState += 1;
        result.outsideState.push(note);
      } else {
        report.rejected += 1;
        result.rejected.push(note);
      }
      continue;
    }
    report.used += 1;
    const listing: Listing = {
      ...outcome.listing,
      kind,
      source: adapter.sources[kind],
      priority,
      file: file.name,
      line,
      // By kind first, so the order files are named in cannot change ids or merges.
      order: priority * 10_000_000 + listings.length,
    };
    listings.push(listing);
    // Not an exact copy, so both are kept (their positions or ZIPs differ), but a person
    // would see the same listing twice: say so, for whoever maintains the data.
    const place = `${listing.names.join('|')}|${addressKey(listing)}`.toLowerCase();
    const twin = places.get(place);
    if (twin === undefined) places.set(place, line);
    else {
      result.warnings.push({
        file: file.name,
        line,
        reason: `same name and address as line ${twin}, not an exact copy: kept both`,
      });
    }
  }
}

/** A row that throws for a reason nobody foresaw is reported like any other bad row. */
function safely(check: () => ListingOutcome): ListingOutcome {
  try {
    return check();
  } catch (error) {
    return {
      ok: false,
      reason: `could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

function byFileAndLine(a: RowNote, b: RowNote): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}
