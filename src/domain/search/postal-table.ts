import zipcodes from 'zipcodes';

/** Rounded to about 100 m: a centre, not an address, and a smaller table. */
const round = (value: number) => Math.round(value * 1e3) / 1e3;

/**
 * The table postal-codes.json serves, built at build time from the `zipcodes` package for the
 * deployment's regions: each ZIP code → its centre, and each town → the mean of its ZIP
 * centres (keyed by the town's name, which is never five digits). A town named in several
 * regions keeps the one of the region listed first. Only for the build: the package is large.
 */
export function postalTable(regions: readonly string[]): Record<string, [number, number]> {
  const order = new Map(regions.map((region, index) => [region, index]));
  const zips: Record<string, [number, number]> = {};
  const towns = new Map<string, { rank: number; lat: number; lon: number; count: number }>();
  const entries = Object.values(zipcodes.codes).sort((a, b) => a.zip.localeCompare(b.zip));
  for (const entry of entries) {
    const rank = order.get(entry.state);
    if (rank === undefined || !/^\d{5}$/.test(entry.zip)) continue;
    zips[entry.zip] = [round(entry.latitude), round(entry.longitude)];
    const town = towns.get(entry.city);
    if (town && town.rank < rank) continue;
    if (!town || town.rank > rank)
      towns.set(entry.city, { rank, lat: entry.latitude, lon: entry.longitude, count: 1 });
    else {
      town.lat += entry.latitude;
      town.lon += entry.longitude;
      town.count += 1;
    }
  }
  const table: Record<string, [number, number]> = {};
  for (const zip of Object.keys(zips).sort()) table[zip] = zips[zip]!;
  for (const [name, town] of [...towns].sort(([a], [b]) => a.localeCompare(b)))
    table[name] = [round(town.lat / town.count), round(town.lon / town.count)];
  return table;
}
