/**
 * Fixtures shared by the SAMHSA importer tests (samhsa-importer-fields, -merging and -output):
 * the three source files and the options a Boston deployment passes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportOptions, SourceFile } from '../../src/importers/samhsa.ts';
import type { ProviderInput } from '../../src/schemas/provider.ts';

// Real rows copied from content/boston/sources/samhsa (see tests/fixtures/samhsa).
export const root = new URL('../..', import.meta.url).pathname;
export const fixtures = join(root, 'tests/fixtures/samhsa');
export const LOCATOR = 'treatment-locator.csv';
export const METHADONE = 'methadone-directory-2017.csv';
export const OTP = 'otp-directory.csv';

export function fixture(name: string): SourceFile {
  return { name, text: readFileSync(join(fixtures, name), 'utf8') };
}

export const allFiles = () => [fixture(LOCATOR), fixture(METHADONE), fixture(OTP)];

/** The Boston postcodes the fixtures touch, as site.yaml maps them. */
const neighbourhoods = new Map([
  ['02114', 'west-end'],
  ['02118', 'south-end'],
  ['02130', 'jamaica-plain'],
]);
export const options: ImportOptions = { neighbourhoods };

export function find(providers: readonly ProviderInput[], id: string): ProviderInput {
  const provider = providers.find((p) => p.id === id);
  if (!provider)
    throw new Error(`no provider ${id}; ids: ${providers.map((p) => p.id).join(', ')}`);
  return provider;
}
