/**
 * `npm run import:nhs-ods -- --config content/<deployment>/sources/imports.yaml
 *   --out content/<deployment>/venues [--verbose]`
 *
 * Reads the deployment's NHS ODS files and ONS postcodes (named in its imports.yaml), imports
 * the active GP practices and pharmacies of its area with ./nhs-ods.ts, checks each against
 * venueSchema and writes one YAML file per venue. Only files a previous run wrote (first line
 * GENERATED_HEADER) are deleted first, so hand-written venues survive.
 * Exit status: 0 when every venue was written; 1 when some were not; 2 on a usage error or an
 * unreadable input, and then nothing is touched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GENERATED_HEADER, importNhsOds, writeVenues, type OdsInput } from './nhs-ods.ts';
import {
  areaRule,
  odsSources,
  readConfiguredPostcodes,
  readUkImportConfig,
} from './uk-import-config.ts';
import { postcodeIndex, ukPostcodeTables } from './uk-postcodes.ts';
import { runCli, UsageError } from './pipeline/cli.ts';

const USAGE = `usage: node src/importers/nhs-ods-cli.ts --config FILE --out DIR [--verbose]

--config   a deployment's sources/imports.yaml (files, credits, area rule)
--out      directory for the venue files (content/<deployment>/venues)
--verbose  also list every district decision and warning`;

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.config || !values.out) throw new UsageError('name --config and --out');
  const config = readUkImportConfig(values.config);
  if (!config.nhs_ods) throw new UsageError(`${values.config} has no nhs_ods section`);
  const inputs: OdsInput[] = odsSources(config).map((source) => {
    const path = join(config.dir, source.file);
    try {
      return { source, file: { name: source.file, text: readFileSync(path, 'utf8') } };
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
    }
  });
  const { postcodes } = readConfiguredPostcodes(config);
  const result = importNhsOds(inputs, {
    rule: areaRule(config),
    points: postcodeIndex(postcodes),
    centres: ukPostcodeTables(postcodes).outward,
    retrieved: config.nhs_ods.retrieved,
  });
  const outcome = writeVenues(result.venues, values.out, GENERATED_HEADER);

  console.log(`NHS ODS import (retrieved ${config.nhs_ods.retrieved})`);
  for (const f of result.files) {
    console.log(`  ${f.file}: ${f.rows} rows, ${f.active} active, ${f.used} in the area`);
  }
  const included = result.districts.filter((d) => d.included).map((d) => d.district);
  console.log(`pharmacy districts (${included.length}): ${included.join(' ')}`);
  const byKind = new Map<string, number>();
  for (const v of result.venues) byKind.set(v.kind, (byKind.get(v.kind) ?? 0) + 1);
  console.log(`venues: ${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  console.log(
    `written: ${outcome.written} to ${values.out}; old files deleted: ${outcome.deleted}`,
  );
  console.log(`rejected rows: ${result.rejected.length}; warnings: ${result.warnings.length}`);
  for (const n of result.rejected) console.log(`  rejected ${n.file}:${n.line}: ${n.reason}`);
  if (values.verbose) {
    for (const d of result.districts) {
      console.log(`  ${d.district}: ${d.included ? 'in' : 'out'} (${d.reason})`);
    }
    for (const n of result.warnings) console.log(`  warning ${n.file}:${n.line}: ${n.reason}`);
  }
  for (const line of outcome.failed) console.log(`  not written: ${line}`);
  return outcome.failed.length ? 1 : 0;
}

if (import.meta.main) runCli('nhs-ods import', USAGE, main);
