/**
 * Merge step: one cluster per place, at most one listing of each kind of file in it. A place
 * found in several files becomes one provider that keeps every source.
 */
import { slugify } from '../../domain/urls.ts';
import { clearlySimilar, fingerprint, nameSimilarity, type NameFingerprint } from './names.ts';
import { distanceMetres } from './normalise.ts';
import { inferServicesFromName } from './services.ts';
import { streetKey } from './streets.ts';
import type { Listing, RowNote } from './types.ts';

const NEAR_METRES = 100;

export interface Cluster {
  /** Listings in source-priority order; at most one per kind. */
  listings: Listing[];
  order: number;
}

/** A listing that joined a cluster; the report names the cluster's id once ids are given. */
export interface MergeNote {
  file: string;
  line: number;
  cluster: Cluster;
}

interface Candidate {
  cluster: Cluster;
  score: number;
  strong: boolean;
}

/** Finds clusters by address, by street and by position without comparing every pair. */
export class ClusterIndex {
  private byAddress = new Map<string, Cluster[]>();
  private byStreet = new Map<string, Cluster[]>();
  private byCell = new Map<string, Cluster[]>();

  add(cluster: Cluster, listing: Listing): void {
    push(this.byAddress, addressKey(listing), cluster);
    push(this.byStreet, streetInCity(listing), cluster);
    if (listing.geo) push(this.byCell, cellKey(listing.geo.lat, listing.geo.lon), cluster);
  }

  /** Clusters at the same address or street, or with a listing within about a kilometre. */
  near(listing: Listing): Set<Cluster> {
    const found = new Set([
      ...(this.byAddress.get(addressKey(listing)) ?? []),
      ...(this.byStreet.get(streetInCity(listing)) ?? []),
    ]);
    if (listing.geo) {
      const lat = Math.floor(listing.geo.lat * 100);
      const lon = Math.floor(listing.geo.lon * 100);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          for (const cluster of this.byCell.get(`${lat + dy}:${lon + dx}`) ?? [])
            found.add(cluster);
        }
      }
    }
    return found;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** State, ZIP and street: what makes two listings the same door. */
export function addressKey(listing: Listing): string {
  return `${listing.state}|${listing.postalCode}|${streetKey(listing.street)}`;
}

function cellKey(lat: number, lon: number): string {
  return `${Math.floor(lat * 100)}:${Math.floor(lon * 100)}`;
}

function listingFingerprint(listing: Listing): NameFingerprint {
  return fingerprint(listing.names.join(' '), listing.city, listing.state);
}

/** The street line without the ZIP: ZIPs disagree between files (02451/02452 for one door). */
function streetInCity(listing: Listing): string {
  return `${listing.state}|${slugify(listing.city)}|${streetKey(listing.street)}`;
}

/** Whether a cluster's names say it is a methadone clinic or an OTP. */
function nameStatesMedication(cluster: Cluster): boolean {
  return cluster.listings.some((l) =>
    inferServicesFromName(l.names.join(' ')).some((s) => s.service === 'medication'),
  );
}

/**
 * How strong the evidence is that two listings are one place, strongest first. An address is
 * what a source states and a position only what a geocoder made of it, so address evidence
 * ranks above position; a similar name is needed except at exactly the same address.
 */
const EVIDENCE = {
  sameAddressSimilarName: 4,
  sameStreetSimilarName: 3, // same street in the same city, the ZIP disagreeing (02451/02452)
  sameAddress: 2,
  nearSimilarName: 1, // within 100 m
} as const;

/**
 * Which clusters a listing may join, scored `evidence * 10 + name similarity`.
 * When the best evidence is a shared address with no similar name and several listings share
 * it, the listing cannot say which it is. One that offers medication for opioid use (a
 * methadone clinic, an OTP) then goes to the one listing whose name says so, if there is
 * exactly one; otherwise it joins none.
 */
function candidatesFor(
  listing: Listing,
  index: ClusterIndex,
): { candidates: Candidate[]; ambiguous: boolean } {
  const mine = listingFingerprint(listing);
  const myAddress = addressKey(listing);
  const myStreet = streetInCity(listing);
  const all: Candidate[] = [];
  for (const cluster of index.near(listing)) {
    if (cluster.listings.some((l) => l.kind === listing.kind)) continue;
    let best: Candidate | undefined;
    for (const other of cluster.listings) {
      const theirs = listingFingerprint(other);
      const similar = clearlySimilar(mine, theirs);
      const sameAddress = addressKey(other) === myAddress;
      const near =
        listing.geo && other.geo && distanceMetres(listing.geo, other.geo) <= NEAR_METRES;
      const evidence =
        sameAddress && similar
          ? EVIDENCE.sameAddressSimilarName
          : similar && streetInCity(other) === myStreet
            ? EVIDENCE.sameStreetSimilarName
            : sameAddress
              ? EVIDENCE.sameAddress
              : similar && near
                ? EVIDENCE.nearSimilarName
                : 0;
      if (evidence === 0) continue;
      const score = evidence * 10 + nameSimilarity(mine, theirs).score;
      if (!best || score > best.score) best = { cluster, score, strong: similar };
    }
    if (best) all.push(best);
  }
  const strong = all.filter((c) => c.strong);
  const addressOnly = all.filter((c) => !c.strong);
  const bestStrong = Math.max(0, ...strong.map((c) => c.score));
  // An address shared without a similar name only counts when nothing better is on offer.
  if (addressOnly.length === 0 || bestStrong >= EVIDENCE.sameStreetSimilarName * 10) {
    return { candidates: strong, ambiguous: false };
  }
  const top = Math.max(...addressOnly.map((c) => c.score));
  let tied = addressOnly.filter((c) => c.score === top);
  if (tied.length > 1 && listing.offering.services.includes('medication')) {
    tied = tied.filter((c) => nameStatesMedication(c.cluster));
  }
  return tied.length === 1
    ? { candidates: [...tied, ...strong], ambiguous: false }
    : { candidates: strong, ambiguous: strong.length === 0 };
}

/**
 * Join each listing of one kind to its best cluster, best pairs first, one listing of a kind
 * per cluster; listings left over start clusters of their own. Call once per kind, in merge
 * priority. Deterministic: ties go to file order.
 */
export function mergeListings(
  clusters: Cluster[],
  index: ClusterIndex,
  listings: readonly Listing[],
  notes: { merged: MergeNote[]; warnings: RowNote[] },
): void {
  const pairs: Array<{ listing: Listing; candidate: Candidate }> = [];
  for (const listing of listings) {
    const { candidates, ambiguous } = candidatesFor(listing, index);
    if (ambiguous) {
      notes.warnings.push({
        file: listing.file,
        line: listing.line,
        reason: 'several listings at this address and none with a similar name: kept separate',
      });
    }
    for (const candidate of candidates) pairs.push({ listing, candidate });
  }
  pairs.sort(
    (a, b) =>
      b.candidate.score - a.candidate.score ||
      a.listing.order - b.listing.order ||
      a.candidate.cluster.order - b.candidate.cluster.order,
  );
  const placed = new Map<Listing, Cluster>();
  for (const { listing, candidate } of pairs) {
    const { cluster } = candidate;
    if (placed.has(listing) || cluster.listings.some((l) => l.kind === listing.kind)) continue;
    cluster.listings.push(listing);
    cluster.listings.sort((a, b) => a.priority - b.priority);
    placed.set(listing, cluster);
    notes.merged.push({ file: listing.file, line: listing.line, cluster });
  }
  for (const listing of listings) {
    if (placed.has(listing)) continue;
    const cluster: Cluster = { listings: [listing], order: clusters.length };
    clusters.push(cluster);
    index.add(cluster, listing);
  }
  // Joined listings are indexed too, so a later file can find the place by their address.
  for (const [listing, cluster] of placed) index.add(cluster, listing);
}
