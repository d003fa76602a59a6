import type { Provider } from '../schemas/provider.ts';
import type { Site } from '../schemas/site.ts';
import { SERVICE_NARROWER_FORM, type MedicationKey, type ServiceKey } from '../schemas/taxonomy.ts';
import { slugify } from './urls.ts';

/** Where a provider is, for browsing: a neighbourhood of the city, or another town. */
export interface Area {
  slug: string;
  name: string;
  kind: 'neighbourhood' | 'town' | 'phone';
}

export function areaOf(provider: Provider, site: Site): Area {
  if (provider.neighbourhood) {
    const neighbourhood = site.neighbourhoods[provider.neighbourhood];
    if (neighbourhood)
      return { slug: provider.neighbourhood, name: neighbourhood.name, kind: 'neighbourhood' };
  }
  if (provider.address) {
    const town = provider.address.city;
    // A town that shares a neighbourhood's slug gets a suffix so both pages can exist.
    const slug = slugify(town);
    return { slug: slug in site.neighbourhoods ? `${slug}-town` : slug, name: town, kind: 'town' };
  }
  return { slug: 'by-phone', name: '', kind: 'phone' };
}

export interface PathFilter {
  services: readonly ServiceKey[];
  medications: readonly MedicationKey[];
}

export type PathMatch = 'listed' | 'inferred' | null;

/**
 * Whether a provider offers a path: `listed` when its source says so, `inferred` when only its
 * name does (shown as such), null otherwise. A medication path also needs the medication.
 */
export function matchPath(provider: Provider, path: PathFilter): PathMatch {
  const medicationOk =
    path.medications.length === 0 || path.medications.some((m) => provider.medications.includes(m));
  if (path.services.some((s) => provider.services.includes(s)) && medicationOk) return 'listed';
  if (path.services.some((s) => provider.inferred_services.some((i) => i.service === s))) {
    return 'inferred';
  }
  return null;
}

/**
 * Where a provider comes in a path's list, lowest first; null when it does not offer the path.
 * Places whose source lists one of the path's services come before those whose name only
 * suggests it, and both before places offering only a narrower form of the path's main
 * service (Detox: a stay with medical care first, then outpatient or medication-supported
 * detox; see SERVICE_NARROWER_FORM).
 */
export function pathRank(provider: Provider, path: PathFilter): number | null {
  const medicationOk =
    path.medications.length === 0 || path.medications.some((m) => provider.medications.includes(m));
  const ranks = path.services.flatMap((service) => {
    const main = SERVICE_NARROWER_FORM[service];
    const form = main !== undefined && path.services.includes(main) ? 2 : 0;
    if (provider.services.includes(service) && medicationOk) return [form];
    if (provider.inferred_services.some((i) => i.service === service)) return [form + 1];
    return [];
  });
  return ranks.length > 0 ? Math.min(...ranks) : null;
}

/**
 * The order lists use before any search: places in the city's neighbourhoods first (the
 * people this deployment serves), then other towns alphabetically, then by name.
 */
export function compareForBrowsing(site: Site) {
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return (a: Provider, b: Provider): number => {
    const areaA = areaOf(a, site);
    const areaB = areaOf(b, site);
    const rank = (area: Area) =>
      area.kind === 'neighbourhood' ? 0 : area.kind === 'phone' ? -1 : 1;
    return (
      rank(areaA) - rank(areaB) ||
      collator.compare(areaA.name, areaB.name) ||
      collator.compare(a.name, b.name) ||
      collator.compare(a.id, b.id)
    );
  };
}

/** Every area that has at least one provider, neighbourhoods first, with a count. */
export function areasWithProviders(
  providers: readonly Provider[],
  site: Site,
): Array<Area & { count: number }> {
  const byslug = new Map<string, Area & { count: number }>();
  for (const provider of providers) {
    const area = areaOf(provider, site);
    if (area.kind === 'phone') continue;
    const entry = byslug.get(area.slug) ?? { ...area, count: 0 };
    entry.count += 1;
    byslug.set(area.slug, entry);
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return [...byslug.values()].sort(
    (a, b) =>
      Number(a.kind === 'town') - Number(b.kind === 'town') || collator.compare(a.name, b.name),
  );
}

/** Providers per page in server-rendered lists: a phone's first screenfuls, under the HTML budget. */
export const PAGE_SIZE = 20;

/** One page of a server-rendered list, as Astro's `paginate` describes it. */
export interface ListPage {
  /** Index of the first and last item shown (0-based). */
  start: number;
  end: number;
  total: number;
  currentPage: number;
  lastPage: number;
  url: { prev?: string | undefined; next?: string | undefined };
}
