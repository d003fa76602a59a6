import type { APIRoute } from 'astro';
import zipcodes from 'zipcodes';
import { site } from '../site.ts';

/**
 * ZIP code → [lat, lon] for the deployment's regions, fetched only when a person types a ZIP,
 * so "near 02119" is worked out on the phone and never sent anywhere. Centroids come from the
 * `zipcodes` package's table.
 */
export const GET: APIRoute = () => {
  const regions = new Set(site.postal_regions);
  const table: Record<string, [number, number]> = {};
  for (const entry of Object.values(zipcodes.codes)) {
    if (!regions.has(entry.state) || !/^\d{5}$/.test(entry.zip)) continue;
    table[entry.zip] = [
      Math.round(entry.latitude * 1e3) / 1e3,
      Math.round(entry.longitude * 1e3) / 1e3,
    ];
  }
  const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
  return new Response(JSON.stringify(sorted), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
