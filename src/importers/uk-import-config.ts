/**
 * A deployment's `sources/imports.yaml` for the UK importers: which ONS and NHS ODS files its
 * sources folder holds, how each is credited, and its area rule. Everything about a place is
 * in that file; the importers know only the files' formats.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { isoDateSchema } from '../schemas/provider.ts';
import { ODS_KINDS } from './adapters/nhs-ods.ts';
import type { AreaRule } from './adapters/nhs-ods-area.ts';
import type { OdsSource } from './nhs-ods.ts';
import { readOnsPostcodes, type OnsReadResult } from './uk-postcodes.ts';

const text = z.string().trim().min(1);

export const ukImportConfigSchema = z
  .object({
    postcodes: z.object({
      files: z.array(text).min(1),
      districts: z.array(text).min(1),
      licence: text,
      attribution: text,
    }),
    nhs_ods: z
      .object({
        retrieved: isoDateSchema,
        sub_icb: text,
        candidate_districts: z.array(text).min(1),
        overrides: z.record(z.string(), z.boolean()).default({}),
        files: z.array(
          z.object({
            kind: z.enum(ODS_KINDS),
            file: text,
            name: text,
            url: z.url().optional(),
            vintage: text,
            licence: text,
            attribution: text,
          }),
        ),
      })
      .optional(),
  })
  .strict();

export type UkImportConfig = z.output<typeof ukImportConfigSchema> & {
  /** The folder the config is in, which its file names are relative to. */
  dir: string;
};

/** Read and check a config file; throws with every problem listed. */
export function readUkImportConfig(path: string): UkImportConfig {
  const parsed = ukImportConfigSchema.safeParse(YAML.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`${path}:\n${problems.join('\n')}`);
  }
  return { ...parsed.data, dir: dirname(path) };
}

/** The config's ONS files, read. */
export function readConfiguredPostcodes(config: UkImportConfig): OnsReadResult {
  return readOnsPostcodes(
    config.postcodes.files.map((file) => ({
      name: file,
      text: readFileSync(join(config.dir, file), 'utf8'),
    })),
  );
}

/** The config's area rule for NHS ODS rows. */
export function areaRule(config: UkImportConfig): AreaRule {
  const ods = config.nhs_ods;
  if (!ods) throw new Error('the config has no nhs_ods section');
  return {
    subIcb: ods.sub_icb,
    candidates: ods.candidate_districts,
    overrides: ods.overrides,
  };
}

/** How the config credits each ODS file. */
export function odsSources(config: UkImportConfig): OdsSource[] {
  return (config.nhs_ods?.files ?? []).map((f) => ({
    kind: f.kind,
    name: f.name,
    ...(f.url ? { url: f.url } : {}),
    vintage: f.vintage,
    licence: f.licence,
    attribution: f.attribution,
    file: f.file,
  }));
}
