import { kmToMiles } from './geo.ts';
import type { DISTANCE_UNITS } from './places/kinds.ts';
import { intlLocale } from './intl-locale.ts';

/**
 * Units a deployment can show distances in (site.yaml `distance_unit`): miles in the US and the
 * UK, kilometres almost everywhere else.
 */
export type DistanceUnit = (typeof DISTANCE_UNITS)[number];

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A distance the search computed (always in kilometres), as a person in `locale` writes it
 * in `unit`: "1.2 mi", "1,2 mi", "1.2 ميل". One decimal at most, so a list reads evenly.
 */
export function formatDistance(km: number, locale: string, unit: DistanceUnit = 'mile'): string {
  const tag = intlLocale(locale);
  const key = `${tag} ${unit}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, { style: 'unit', unit, maximumFractionDigits: 1 });
    formats.set(key, format);
  }
  return format.format(unit === 'mile' ? kmToMiles(km) : km);
}
