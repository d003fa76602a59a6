/**
 * `npm run import:samhsa -- FILE… [--state MA] [--out content/boston/providers]
 *   [--site content/boston/site.yaml] [--retrieved 2024-12-01] [--verbose]`
 * `--out` and `--site` default to the selected deployment's folder (`DEPLOYMENT`, Boston).
 *
 * Reads SAMHSA CSVs (any of the three kinds, told apart by their header rows), imports them
 * with ./samhsa.ts (the SAMHSA adapter run through the shared pipeline), and with the
 * pipeline's write step checks every provider against providerSchema and writes one YAML file
 * per provider. Before writing it deletes the files a previous run generated (those whose
 * first line is GENERATED_HEADER) and nothing else, so hand-written providers survive.
 * Exit status: 0 when every provider was written; 1 when some were not (failed the schema, or
 * a hand-written file already has the id), the rest being written; 2 on a usage error or an
 * unreadable input, and then nothing is touched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../content-file.ts';
import { DeploymentError, deploymentDir } from '../deployment.ts';
import { readSiteFile } from '../load-site.ts';
import {
  DEFAULT_RETRIEVED,
  GENERATED_HEADER,
  SOURCES,
  detectKind,
  importSamhsa,
  type ImportResult,
  type RowNote,
  type SourceFile,
} from './samhsa.ts';
import { writeProviders } from './pipeline/index.ts';
import { runCli, UsageError } from './pipeline/cli.ts';

const USAGE = `usage: node src/importers/samhsa-cli.ts FILE… [--state MA] [--out DIR] [--site FILE]
       [--retrieved ${DEFAULT_RETRIEVED}] [--verbose]

FILE       treatment-locator, methadone-directory-2017 or otp-directory CSV (told apart by header)
--state    import one state only (two letters); every state when absent
--out      directory for the provider files (default the deployment's providers/,
           content/boston/providers unless DEPLOYMENT names another)
--site     site file whose neighbourhoods place providers (default the deployment's site.yaml)
--retrieved  date the data was collected from OEPS, YYYY-MM-DD (default ${DEFAULT_RETRIEVED})
--verbose  also list every row left out by --state`;

interface Settings {
  files: string[];
  state?: string;
  out: string;
  site: string;
  retrieved: string;
  verbose: boolean;
}

function readSettings(argv: string[]): Settings {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      state: { type: 'string' },
      out: { type: 'string' },
      site: { type: 'string' },
      retrieved: { type: 'string', default: DEFAULT_RETRIEVED },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length === 0) throw new UsageError('name at least one CSV file');
  const state = values.state?.trim().toUpperCase();
  if (state !== undefined && !/^[A-Z]{2}$/.test(state)) {
    throw new UsageError(`--state must be two letters, such as MA (got "${values.state}")`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.retrieved)) {
    throw new UsageError(
      `--retrieved must be a date written YYYY-MM-DD (got "${values.retrieved}")`,
    );
  }
  // The deployment is looked up only when a default is needed, so explicit paths always work.
  const deployment = () => {
    try {
      return deploymentDir();
    } catch (error) {
      if (error instanceof DeploymentError) throw new UsageError(error.message);
      throw error;
    }
  };
  return {
    files: positionals,
    ...(state ? { state } : {}),
    out: values.out ?? join(deployment(), 'providers'),
    site: values.site ?? join(deployment(), 'site.yaml'),
    retrieved: values.retrieved,
    verbose: values.verbose,
  };
}

/** Every input is read and recognised before anything is deleted: a typo must cost nothing. */
function readInputs(paths: readonly string[]): SourceFile[] {
  return paths.map((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
    }
    const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    if (!detectKind(header.split(',').map((c) => c.replace(/^"|"$/g, '')))) {
      throw new UsageError(`${path}: header is not a SAMHSA file this importer knows`);
    }
    return { name: path, text };
  });
}

/** Postal code -> neighbourhood key, from the deployment's site file. */
function readNeighbourhoods(path: string): Map<string, string> {
  const { site, problems } = readSiteFile(path);
  if (!site) throw new UsageError(problems.map(formatProblem).join('\n'));
  const byPostalCode = new Map<string, string>();
  for (const [key, neighbourhood] of Object.entries(site.neighbourhoods)) {
    for (const code of neighbourhood.postal_codes) {
      if (!byPostalCode.has(code)) byPostalCode.set(code, key);
    }
  }
  return byPostalCode;
}

function printNotes(title: string, notes: readonly RowNote[]): void {
  if (notes.length === 0) return;
  console.log(`\n${title} (${notes.length}):`);
  for (const { file, line, reason } of notes) console.log(`  ${file}:${line}: ${reason}`);
}

function printSummary(
  result: ImportResult,
  outcome: { written: number; failed: string[]; deleted: number; out: string; ms: number },
  settings: Settings,
): void {
  const scope = settings.state ? `state ${settings.state}` : 'every state';
  console.log(`SAMHSA import (${scope}, retrieved ${settings.retrieved})`);
  for (const file of result.files) {
    const kind = file.kind ? SOURCES[file.kind].label : 'unknown';
    const parts = [
      `${file.rows} rows read`,
      settings.state ? `${file.outsideState} outside ${settings.state}` : '',
      `${file.duplicates} exact duplicates dropped`,
      `${file.rejected} rejected`,
      `${file.used} used`,
    ].filter(Boolean);
    console.log(`  ${file.file} (${kind}): ${parts.join(', ')}`);
  }
  const multi = result.providers.filter((p) => p.sources.length > 1).length;
  console.log(`providers written: ${outcome.written} to ${outcome.out}`);
  const joined = `${result.merged.length} rows joined a listing from another file`;
  console.log(`merged: ${joined} (${multi} providers with several sources)`);
  console.log(`duplicates dropped: ${result.duplicates.length}`);
  console.log(`rejected rows: ${result.rejected.length}`);
  console.log(`warnings: ${result.warnings.length}`);
  console.log(`old generated files deleted: ${outcome.deleted}`);
  if (outcome.failed.length) console.log(`providers not written: ${outcome.failed.length}`);
  printNotes('Rejected rows', result.rejected);
  printNotes('Exact duplicates dropped', result.duplicates);
  printNotes('Warnings (row used, something in it ignored or left apart)', result.warnings);
  if (settings.verbose) {
    printNotes('Merged rows', result.merged);
    printNotes(`Rows outside ${settings.state}`, result.outsideState);
  }
  if (outcome.failed.length) {
    console.log(`\nProviders not written (${outcome.failed.length}):`);
    for (const line of outcome.failed) console.log(`  ${line}`);
  }
  console.log(`\ndone in ${(outcome.ms / 1000).toFixed(1)} s`);
}

function main(argv: string[]): number {
  const started = performance.now();
  const settings = readSettings(argv);
  const files = readInputs(settings.files);
  const neighbourhoods = readNeighbourhoods(settings.site);
  const result = importSamhsa(files, {
    ...(settings.state ? { state: settings.state } : {}),
    retrieved: settings.retrieved,
    neighbourhoods,
  });

  const { written, failed, deleted } = writeProviders(
    result.providers,
    settings.out,
    GENERATED_HEADER,
  );

  printSummary(
    result,
    { written, failed, deleted, out: settings.out, ms: performance.now() - started },
    settings,
  );
  return failed.length ? 1 : 0;
}

if (import.meta.main) runCli('samhsa import', USAGE, main);
