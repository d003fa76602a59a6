/**
 * The kinds of place data a deployment chooses in site.yaml, without zod, so the finder's own
 * code can name them too (src/schemas/site.ts documents the fields).
 */

/** The postal-code tables the build can make for the finder (site.yaml `places.postcodes`). */
export const POSTCODE_TABLES = ['us-zip', 'uk-ons', 'none'] as const;
export type PostcodeTable = (typeof POSTCODE_TABLES)[number];

/** Units a distance can be shown in, as Intl.NumberFormat names them (`distance_unit`). */
export const DISTANCE_UNITS = ['mile', 'kilometer'] as const;

/** The postal-code table a deployment uses: `places.postcodes`, or what leaving it out means. */
export function postcodeTableOf(site: {
  places?: { postcodes: PostcodeTable } | undefined;
  postal_regions: readonly string[];
}): PostcodeTable {
  return site.places?.postcodes ?? (site.postal_regions.length > 0 ? 'us-zip' : 'none');
}
