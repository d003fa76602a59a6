/**
 * The SAMHSA importer: the SAMHSA adapter (adapters/samhsa.ts) run through the shared
 * pipeline (pipeline/). Pure: the caller hands in CSV text and gets back provider objects for
 * `providerSchema` and a report of every row that was dropped and why; reading and writing
 * files is `samhsa-cli.ts`'s job. What the command, the tests and the benchmarks import.
 */
import type { ProviderInput } from '../schemas/provider.ts';
import { GENERATED_HEADER, samhsaAdapter, type SourceKind } from './adapters/samhsa.ts';
import { runImport, providerFileText as fileText } from './pipeline/index.ts';
import type {
  ImportOptions,
  ImportResult as PipelineResult,
  SourceFile,
} from './pipeline/types.ts';

/** What an import reports, its files told apart by SAMHSA kind. */
export type ImportResult = PipelineResult<SourceKind>;

/** Import SAMHSA CSV files (any order, any mix of kinds) into providers. */
export function importSamhsa(
  files: readonly SourceFile[],
  options: ImportOptions = {},
): ImportResult {
  return runImport(samhsaAdapter, files, options);
}

/** A provider file's text as this importer writes it, under its generated-file header. */
export function providerFileText(provider: ProviderInput): string {
  return fileText(provider, GENERATED_HEADER);
}

export {
  DEFAULT_RETRIEVED,
  GENERATED_HEADER,
  OEPS_URL,
  SOURCES,
  SOURCE_KINDS,
  detectKind,
  displayName,
  type SourceKind,
} from './adapters/samhsa.ts';
export { KEY_CODES, mapKeys } from './adapters/samhsa-keys.ts';
export { normalisePostalCode } from './pipeline/normalise.ts';
export { parseContact, type Phone } from './pipeline/phones.ts';
export { inferServicesFromName, NAME_STATES_SERVICE } from './pipeline/services.ts';
export { splitStreetLine, streetKey } from './pipeline/streets.ts';
export { clean } from './pipeline/text.ts';
export type { FileReport, ImportOptions, RowNote, SourceFile } from './pipeline/types.ts';
