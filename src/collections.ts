import { getCollection, type CollectionEntry } from 'astro:content';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compareForBrowsing } from './domain/browse.ts';
import { venueListing, type Listing } from './domain/venue-listing.ts';
import { deploymentDir } from './deployment.ts';
import { readSessions } from './load-sessions.ts';
import type { SessionCalendar } from './domain/sessions/occurrences.ts';
import type { SessionSlot } from './domain/sessions/slot-times.ts';
import { slotsByVenue } from './domain/sessions/slots.ts';
import type { Session } from './schemas/session.ts';
import type { SourceRef } from './schemas/source-ref.ts';
import { defaultLocale, site } from './site.ts';

let sortedProviders: Promise<Listing[]> | undefined;

/** A folder's entries; a deployment without the folder has none (and Astro need not warn so). */
async function entriesOf<C extends 'providers' | 'venues'>(collection: C) {
  if (!existsSync(join(deploymentDir(), collection))) return [];
  return getCollection(collection);
}

/**
 * Every listing, in browsing order (the city's neighbourhoods first): the deployment's
 * providers and its venues, as one kind of listing (see domain/venue-listing.ts). Thousands of
 * pages ask for it during a build, so it is sorted once; `astro dev` sorts afresh to see edits.
 */
export function allProviders(): Promise<Listing[]> {
  if (sortedProviders && !import.meta.env.DEV) return sortedProviders;
  sortedProviders = Promise.all([entriesOf('providers'), entriesOf('venues')]).then(
    ([providers, venues]): Listing[] =>
      [
        ...providers.map((entry) => entry.data),
        ...venues.map((entry) => venueListing(entry.data)),
      ].sort(compareForBrowsing(site)),
  );
  return sortedProviders;
}

let sessions: Session[] | undefined;

/**
 * The deployment's outreach sessions (`sessions/*.yaml`), read once; the content check has
 * already failed the build on any problem with them, so none is left to report here.
 */
export function allSessions(): Session[] {
  if (sessions && !import.meta.env.DEV) return sessions;
  sessions = readSessions(deploymentDir()).sessions;
  return sessions;
}

/** The deployment's clock and the public holidays that close its sessions. */
export const sessionCalendar: SessionCalendar = {
  timeZone: site.time_zone,
  ...(site.holidays ? { holidays: site.holidays } : {}),
};

/** When this build runs: every page says "next" and "this week" from the same moment. */
export const buildTime = new Date();

let slots: Map<string, SessionSlot[]> | undefined;

/** Each venue's coming sessions from the build's moment, for its card and the search index. */
export function venueSlots(): Map<string, SessionSlot[]> {
  if (slots && !import.meta.env.DEV) return slots;
  slots = slotsByVenue(
    allSessions(),
    import.meta.env.DEV ? new Date() : buildTime,
    sessionCalendar,
  );
  return slots;
}

export type PathEntry = CollectionEntry<'paths'>;
export type PageEntry = CollectionEntry<'pages'>;

/** `en/detox` → { locale: 'en', slug: 'detox' }: content ids carry their locale folder. */
export function splitId(id: string): { locale: string; slug: string } {
  const [locale = '', ...rest] = id.split('/');
  return { locale, slug: rest.join('/') };
}

/** The paths to recovery in one locale, in their editorial order. */
export async function pathsIn(locale: string): Promise<PathEntry[]> {
  const entries = await getCollection('paths', (entry) => splitId(entry.id).locale === locale);
  return entries.sort((a, b) => a.data.order - b.data.order);
}

export async function pagesIn(locale: string): Promise<PageEntry[]> {
  return getCollection('pages', (entry) => splitId(entry.id).locale === locale);
}

/**
 * The sources a path or page rests on. Translations carry the original's list (the
 * deployment's first locale), so a source is written once for every language.
 */
export async function sourcesOf(entry: PathEntry | PageEntry): Promise<SourceRef[]> {
  if (entry.data.sources) return entry.data.sources;
  const { slug } = splitId(entry.id);
  const original = await getCollection(entry.collection, (candidate: PathEntry | PageEntry) => {
    const id = splitId(candidate.id);
    return id.locale === defaultLocale && id.slug === slug;
  });
  return original[0]?.data.sources ?? [];
}
