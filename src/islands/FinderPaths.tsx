import type { MessageKey, Translate } from './format.ts';
import { localized, pathPagePath } from '../domain/urls.ts';

export const FINDER_PATHS_KEYS = ['finder.ui.pathHint'] as const;

export interface FinderPathsProps {
  /** Path slugs the search words lead to (outcome.paths). */
  slugs: readonly string[];
  /** Every path of this locale: its title, by slug (the address follows from the slug). */
  titles: Readonly<Record<string, string>>;
  locale: string;
  t: Translate<MessageKey<typeof FINDER_PATHS_KEYS>>;
}

/**
 * Needs that places seldom list (naloxone, needle exchange, AA, help for a family) have a
 * path page saying how to get that help: the finder points to it, with or without results.
 */
export function FinderPaths({ slugs, titles, locale, t }: FinderPathsProps) {
  const shown = slugs.flatMap((slug) =>
    titles[slug] ? [{ title: titles[slug], href: localized(locale, pathPagePath(slug)) }] : [],
  );
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
