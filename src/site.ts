import { loadSite } from './load-site.ts';
import type { Site } from './schemas/site.ts';
import { toWeeklyIntervals } from './domain/opening-hours.ts';

// Read at build time from the working directory: bundling moves this module, not the content.
// The content-check integration has already reported any problem with the file by now.
export const site: Site = loadSite();

export const defaultLocale = site.locales[0]!;

/** The specialists' hours as a repeating week, computed once for every page that shows them. */
export const specialistsWeek = toWeeklyIntervals(site.specialists.hours);

export function siteName(locale: string): string {
  return site.name[locale] ?? site.name.en!;
}

/** `getStaticPaths` for a page that exists once per published locale. */
export function localePaths(): Array<{ params: { locale: string } }> {
  return site.locales.map((locale) => ({ params: { locale } }));
}
