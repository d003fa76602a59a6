/**
 * Write step: providers -> one YAML file each. Every file starts with its importer's
 * generated-file header, and only files with that header are ever deleted, so hand-written
 * providers and other importers' files survive a re-import.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { ZodType } from 'zod';
import { providerSchema, type ProviderInput } from '../../schemas/provider.ts';

/**
 * A provider file's text: the generated-file header, then YAML. Written for YAML 1.1 readers
 * (Astro reads content with js-yaml), so dates, ZIPs and phone numbers are quoted and stay
 * strings instead of becoming Date objects or numbers; no line folding, for stable diffs.
 */
export function providerFileText(provider: ProviderInput, header: string): string {
  return `${header}\n${YAML.stringify(provider, { version: '1.1', lineWidth: 0 })}`;
}

/** Delete only files a previous run of this importer wrote; returns how many. */
export function deleteGenerated(dir: string, header: string): number {
  let deleted = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    const path = join(dir, entry.name);
    const firstLine = readFileSync(path, 'utf8').split(/\r?\n/, 1)[0];
    if (firstLine === header) {
      unlinkSync(path);
      deleted += 1;
    }
  }
  return deleted;
}

export interface WriteOutcome {
  written: number;
  /** One line per provider not written: its id and why. */
  failed: string[];
  /** Old generated files deleted before writing. */
  deleted: number;
}

/** A record type an importer writes: its schema and how one record becomes a file's text. */
export interface RecordKind<T extends { id: string }> {
  schema: ZodType;
  fileText: (record: T, header: string) => string;
}

/**
 * Check every record against its schema, then replace the importer's old files in `dir` with
 * the valid ones. All texts are made before anything is deleted, so a record that fails costs
 * only its own file; a hand-written file with the same id is left alone and reported.
 */
export function writeRecords<T extends { id: string }>(
  records: readonly T[],
  dir: string,
  header: string,
  kind: RecordKind<T>,
): WriteOutcome {
  const valid: Array<{ id: string; text: string }> = [];
  const failed: string[] = [];
  for (const record of records) {
    const check = kind.schema.safeParse(record);
    if (check.success) valid.push({ id: record.id, text: kind.fileText(record, header) });
    else {
      const issues = check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      failed.push(`${record.id}: ${issues.join('; ')}`);
    }
  }

  mkdirSync(dir, { recursive: true });
  const deleted = deleteGenerated(dir, header);
  let written = 0;
  for (const { id, text } of valid) {
    const path = join(dir, `${id}.yaml`);
    // What is left after deleting this importer's files was written by hand or by another
    // importer: never overwrite it.
    if (existsSync(path)) failed.push(`${id}: a hand-written ${path} has this id; left alone`);
    else {
      writeFileSync(path, text);
      written += 1;
    }
  }
  return { written, failed, deleted };
}

/** Providers, checked against providerSchema, one YAML file each. */
export function writeProviders(
  providers: readonly ProviderInput[],
  dir: string,
  header: string,
): WriteOutcome {
  return writeRecords(providers, dir, header, {
    schema: providerSchema,
    fileText: providerFileText,
  });
}
