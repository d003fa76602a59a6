import { loadSite } from './load-site.ts';
import type { Site } from './schemas/site.ts';
import { toWeeklyIntervals } from './domain/opening-hours.ts';
import { localizedText } from './domain/localized-text.ts';

// Read at build time from the working directory: bundling moves this module, not the content.
// The content-check integration has already reported any problem with the file by now.
export const site: Site = loadSite();

export const defaultLocale = site.locales[0]!;

/**
 * The specialists' hours as a repeating week, computed once for every page that shows them;
 * empty when the deployment publishes none (`specialistsHoursKnown` tells that from "never").
 */
export const specialistsHoursKnown = site.specialists.hours !== undefined;
export const specialistsWeek = site.specialists.hours
  ? toWeeklyIntervals(site.specialists.hours)
  : [];

export function siteName(locale: string): string {
  return localizedText(site.name, locale);
}

/** `getStaticPaths` for a page that exists once per published locale. */
export function localePaths(): Array<{ params: { locale: string } }> {
  return site.locales.map((locale) => ({ params: { locale } }));
}
