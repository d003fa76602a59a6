import type { MessageKey, Translate } from './format.ts';

export const FINDER_PATHS_KEYS = ['finder.ui.pathHint'] as const;

/** A path page, as the finder links to it. */
export interface PathLink {
  title: string;
  href: string;
}

export interface FinderPathsProps {
  /** Path slugs the search words lead to (outcome.paths). */
  slugs: readonly string[];
  /** Every path of this locale, by slug. */
  links: Readonly<Record<string, PathLink>>;
  t: Translate<MessageKey<typeof FINDER_PATHS_KEYS>>;
}

/**
 * Needs that places seldom list (naloxone, needle exchange, AA, help for a family) have a
 * path page saying how to get that help: the finder points to it, with or without results.
 */
export function FinderPaths({ slugs, links, t }: FinderPathsProps) {
  const shown = slugs.flatMap((slug) => (links[slug] ? [links[slug]] : []));
  if (shown.length === 0) return null;
  return (
    <div class="rf-panel" data-finder-paths>
      <p>{t('finder.ui.pathHint')}</p>
      <ul>
        {shown.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{link.title}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
