/**
 * `npm run import:uk-postcodes -- --config content/<deployment>/sources/imports.yaml [--out DIR]`
 *
 * Builds the UK postcode tables from the deployment's ONS files and reports their counts and
 * sizes (raw and gzip). The site builds the same tables at build time from the same files
 * (docs/decisions/0007-uk-postcode-tables.md), so nothing derived is kept in the repository;
 * `--out` writes them (outward.json, and districts/<OUTWARD>.json) to look at.
 * Exit status: 0 on success, 2 on a usage error or an unreadable input.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { outwardInList } from '../domain/places/uk-postcode.ts';
import { readConfiguredPostcodes, readUkImportConfig } from './uk-import-config.ts';
import { ukPostcodeTables } from './uk-postcodes.ts';

const USAGE = `usage: node src/importers/uk-postcodes-cli.ts --config FILE [--out DIR]

--config   a deployment's sources/imports.yaml (names the ONS files and the districts to keep)
--out      also write the tables there, to inspect them (the build makes its own)`;

function sizes(text: string): string {
  const raw = Buffer.byteLength(text);
  const gzip = gzipSync(text, { level: 9 }).length;
  return `${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`;
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values.config) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const config = readUkImportConfig(values.config);
  const { postcodes, skipped } = readConfiguredPostcodes(config);
  const tables = ukPostcodeTables(postcodes, (outward) =>
    outwardInList(outward, config.postcodes.districts),
  );
  const outwardText = JSON.stringify(tables.outward);
  const districtTexts = tables.districts.map((d) => ({ code: d.outward, text: JSON.stringify(d) }));
  const gz = districtTexts.map((d) => gzipSync(d.text, { level: 9 }).length).sort((a, b) => a - b);
  const kept = tables.districts.reduce((n, d) => n + d.postcodes.split(',').length, 0);

  console.log(`ONS postcodes read: ${postcodes.length} (rows skipped: ${skipped.length})`);
  console.log(`outward codes kept: ${Object.keys(tables.outward).length}; postcodes kept: ${kept}`);
  console.log(`outward table: ${sizes(outwardText)}`);
  console.log(
    `district files: ${districtTexts.length}, gzip median ${(gz[gz.length >> 1]! / 1024).toFixed(1)} KB, largest ${(gz[gz.length - 1]! / 1024).toFixed(1)} KB`,
  );
  console.log(
    `all district files together: ${sizes(`[${districtTexts.map((d) => d.text).join(',')}]`)}`,
  );
  const reasons = new Map<string, number>();
  for (const note of skipped) {
    const reason = note.reason.replace(/^.*?: /, '');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  for (const [reason, count] of reasons) console.log(`  skipped, ${reason}: ${count}`);

  if (values.out) {
    mkdirSync(join(values.out, 'districts'), { recursive: true });
    writeFileSync(join(values.out, 'outward.json'), outwardText);
    for (const { code, text } of districtTexts) {
      writeFileSync(join(values.out, 'districts', `${code}.json`), text);
    }
    console.log(`written to ${values.out}`);
  }
  return 0;
}

if (import.meta.main) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`uk-postcodes import: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
  }
}
