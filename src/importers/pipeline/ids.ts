/**
 * Ids step: stable, readable, unique provider ids, which are also file names and URLs. The
 * input alone decides every id, so the same files always give the same ids.
 */
import { slugify } from '../../domain/urls.ts';
import type { Draft } from './types.ts';

const MAX_NAME_SLUG = 60;

/** Cut a slug at a hyphen so ids stay readable in a URL. */
export function shortenSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return at > 0 ? cut.slice(0, at) : slug.slice(0, max);
}

/** `name-city`, without repeating the city when the name already ends with it. */
export function baseId(name: string, city: string): string {
  const nameSlug = shortenSlug(slugify(name), MAX_NAME_SLUG) || 'provider';
  const citySlug = slugify(city);
  if (!citySlug || nameSlug === citySlug || nameSlug.endsWith(`-${citySlug}`)) return nameSlug;
  return `${nameSlug}-${citySlug}`;
}

/** Suffixes tried in turn on colliding ids, each more specific than the one before. */
const SUFFIXERS: ReadonlyArray<(p: Draft) => string> = [
  // The house number ("230" of "230 Lincoln Street").
  (p) => slugify(/^\d+[a-z]?(?:-\d+[a-z]?)?\b/i.exec(p.address!.street)?.[0] ?? p.address!.street),
  (p) => shortenSlug(slugify(p.address!.street), 30),
  (p) => shortenSlug(slugify(`${p.address!.street} ${p.address!.street2 ?? ''}`), 40),
];

/**
 * Give every draft its id. Providers whose `name-city` collide all get a suffix (none is more
 * entitled to the bare id than another): the house number, else a short street slug, else
 * the street and suite, and only as a last resort a counter in import order (`order`).
 */
export function assignIds(drafts: ReadonlyArray<{ order: number; provider: Draft }>): void {
  const sorted = [...drafts].sort((a, b) => a.order - b.order);
  const bases = new Map<string, typeof sorted>();
  for (const item of sorted) {
    const { name, address } = item.provider;
    const base = baseId(name, address!.city);
    const group = bases.get(base);
    if (group) group.push(item);
    else bases.set(base, [item]);
  }
  for (const [base, group] of bases) {
    if (group.length === 1) {
      group[0]!.provider.id = base;
      continue;
    }
    let pending = group;
    for (const suffix of SUFFIXERS) {
      const counts = new Map<string, number>();
      for (const { provider } of pending) {
        const id = `${base}-${suffix(provider)}`;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const stillColliding: typeof pending = [];
      for (const item of pending) {
        const id = `${base}-${suffix(item.provider)}`;
        if (counts.get(id) === 1) item.provider.id = id;
        else stillColliding.push(item);
      }
      pending = stillColliding;
    }
    const last = SUFFIXERS[SUFFIXERS.length - 1]!;
    pending.forEach((item, i) => (item.provider.id = `${base}-${last(item.provider)}-${i + 1}`));
  }
  // A suffixed id can, rarely, equal another provider's bare id: count up until free.
  const taken = new Set<string>();
  for (const { provider } of sorted) {
    let id = provider.id;
    for (let n = 2; taken.has(id); n++) id = `${provider.id}-${n}`;
    provider.id = id;
    taken.add(id);
  }
}
