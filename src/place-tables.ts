/**
 * The place tables a deployment's finder loads on the phone, built once per build from the
 * deployment's own data (site.yaml `places.postcodes`, docs/place-facts.md "Places"):
 *
 * - `table`, served as /postal-codes.json: postal code or town → [lat, lon]. For `us-zip`, the
 *   ZIP codes and towns of `postal_regions`; for `uk-ons`, the outward codes (`DH1`) and the
 *   towns the NHS registers name, each at the mean of its pharmacies' and practices' postcodes.
 * - `districts`, served as /postal-codes/<OUTWARD>.json (`uk-ons` only): one district's full
 *   postcodes each, fetched only when someone types a full postcode of it (decision 0007).
 *
 * Build-only: it reads the sources folder and the `zipcodes` package, neither of which may
 * reach a page's scripts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deploymentDir } from './deployment.ts';
import { outwardInList, parseUkPostcode } from './domain/places/uk-postcode.ts';
import type { OutwardPostcodes } from './domain/places/uk-postcode-table.ts';
import { isPlaceName, localityOf, townTable, type TownRecord } from './domain/places/town-table.ts';
import { postalTable } from './domain/search/postal-table.ts';
import { isActive, odsPostcode, readOdsFile, splitAddress } from './importers/adapters/nhs-ods.ts';
import {
  readConfiguredPostcodes,
  readUkImportConfig,
  type UkImportConfig,
} from './importers/uk-import-config.ts';
import { postcodeIndex, ukPostcodeTables } from './importers/uk-postcodes.ts';
import type { LatLon } from './domain/geo.ts';
import { postcodeTableOf } from './domain/places/kinds.ts';
import type { Site } from './schemas/site.ts';

export interface PlaceTables {
  table: Record<string, [number, number]>;
  districts: OutwardPostcodes[];
}

/** Where a deployment's UK importers config is: the file decision 0007 builds from. */
const IMPORTS = join('sources', 'imports.yaml');

/**
 * The towns and villages of every open pharmacy and practice in the config's NHS ODS files,
 * the county's and its neighbours' alike (the tables cover the neighbours' postcodes too),
 * each placed at its postcode's point: the post town, and the locality before it when the
 * address names one (`localityOf`). A row whose postcode the ONS files lack is left out.
 */
function odsTownRecords(config: UkImportConfig, points: ReadonlyMap<string, LatLon>): TownRecord[] {
  const records: TownRecord[] = [];
  for (const source of config.nhs_ods?.files ?? []) {
    const text = readFileSync(join(config.dir, source.file), 'utf8');
    for (const { row } of readOdsFile({ name: source.file, text }).rows) {
      if (!isActive(row)) continue;
      const postcode = odsPostcode(row.postcode);
      const point = postcode ? points.get(postcode) : undefined;
      const { lines, town } = splitAddress(row.addressLines);
      if (!point || !town) continue;
      if (isPlaceName(town)) records.push({ town, point });
      const locality = localityOf(lines, town);
      if (locality) records.push({ town: locality, point });
    }
  }
  return records;
}

/** Both UK tiers and the towns, from the files the deployment's imports.yaml names. */
export function ukPlaceTables(dir: string): PlaceTables {
  const path = join(dir, IMPORTS);
  if (!existsSync(path))
    throw new Error(`site.yaml asks for places.postcodes: uk-ons, but ${path} does not exist`);
  const config = readUkImportConfig(path);
  const { postcodes } = readConfiguredPostcodes(config);
  const { outward, districts } = ukPostcodeTables(postcodes, (code) =>
    outwardInList(code, config.postcodes.districts),
  );
  // A town's name never reads as a postcode, so the two kinds of key cannot collide; the
  // check keeps it so should a register ever write a code where the town belongs.
  const towns = townTable(
    odsTownRecords(config, postcodeIndex(postcodes)),
    (name) => parseUkPostcode(name) === undefined,
  );
  return { table: { ...outward, ...towns }, districts };
}

let cached: PlaceTables | undefined;

/** The selected deployment's tables, computed once however many endpoints ask. */
export function placeTables(site: Site, dir: string = deploymentDir()): PlaceTables {
  if (cached) return cached;
  const kind = postcodeTableOf(site);
  cached =
    kind === 'us-zip'
      ? { table: postalTable(site.postal_regions), districts: [] }
      : kind === 'uk-ons'
        ? ukPlaceTables(dir)
        : { table: {}, districts: [] };
  return cached;
}

/**
 * The words the place tables' sources require on every page that uses them (the finder and
 * the operator view), each once: for `uk-ons`, the ONS postcodes' attribution from
 * imports.yaml (the NHS registers' own, for the towns, is on the listings already).
 */
export function placeAttributions(site: Site, dir: string = deploymentDir()): string[] {
  if (postcodeTableOf(site) !== 'uk-ons') return [];
  return [readUkImportConfig(join(dir, IMPORTS)).postcodes.attribution];
}
