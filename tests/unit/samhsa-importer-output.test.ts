// What the SAMHSA importer writes: valid, stable provider files, and the command that
// replaces generated files while keeping hand-written ones.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  GENERATED_HEADER,
  detectKind,
  importSamhsa,
  providerFileText,
} from '../../src/importers/samhsa.ts';
import { providerSchema, type ProviderInput } from '../../src/schemas/provider.ts';
import {
  LOCATOR,
  METHADONE,
  OTP,
  allFiles,
  fixture,
  fixtures,
  options,
  root,
} from './samhsa-importer-helpers.ts';

describe('output', () => {
  it('produces providers that all pass providerSchema', () => {
    const { providers } = importSamhsa(allFiles(), options);
    expect(providers.length).toBe(20);
    for (const provider of providers) {
      const check = providerSchema.safeParse(provider);
      expect(check.success, `${provider.id}: ${JSON.stringify(check.error?.issues)}`).toBe(true);
    }
  });

  it('writes files a YAML 1.1 reader (Astro uses js-yaml) reads back to the same provider', () => {
    const { providers } = importSamhsa(allFiles(), { ...options, retrieved: '2025-01-15' });
    for (const provider of providers) {
      const text = providerFileText(provider);
      expect(text.startsWith(`${GENERATED_HEADER}\n`)).toBe(true);
      const read = YAML.parse(text, { version: '1.1' }) as unknown;
      expect(read).toEqual(provider);
      expect(providerSchema.safeParse(read).success).toBe(true);
    }
    expect(providers[0]!.sources[0]!.retrieved).toBe('2025-01-15');
  });

  it('gives the same ids and files on every run, whatever order the files are named in', () => {
    const first = importSamhsa(allFiles(), options).providers;
    const again = importSamhsa(allFiles(), options).providers;
    const reordered = importSamhsa(
      [fixture(OTP), fixture(LOCATOR), fixture(METHADONE)],
      options,
    ).providers;
    expect(again.map(providerFileText)).toEqual(first.map(providerFileText));
    expect(reordered.map(providerFileText)).toEqual(first.map(providerFileText));
  });

  it('makes readable unique ids, adding the house number when name and city collide', () => {
    const ids = importSamhsa(allFiles(), options).providers.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('smoc-behavioral-healthcare-framingham-230');
    expect(ids).toContain('smoc-behavioral-healthcare-framingham-7');
    expect(ids).toContain('thrive-alabama-huntsville');
    expect(ids).not.toContain('smoc-behavioral-healthcare-framingham');
  });

  it('recognises each file by its header', () => {
    for (const name of [LOCATOR, METHADONE, OTP]) {
      const header = readFileSync(join(fixtures, name), 'utf8').split('\n')[0]!.split(',');
      expect(detectKind(header)).toBe(
        {
          [LOCATOR]: 'treatment-locator',
          [METHADONE]: 'methadone-directory-2017',
          [OTP]: 'otp-directory',
        }[name],
      );
    }
  });
});

describe('the command', () => {
  let out: string | undefined;
  afterEach(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('replaces generated files, keeps hand-written ones, and prints a summary', () => {
    out = mkdtempSync(join(tmpdir(), 'samhsa-import-'));
    const handWritten = 'id: boston-paaths\nname: PAATHS\nsources: []\n';
    writeFileSync(join(out, 'boston-paaths.yaml'), handWritten);
    writeFileSync(join(out, 'gone-provider.yaml'), `${GENERATED_HEADER}\nid: gone-provider\n`);

    const summary = execFileSync(
      process.execPath,
      [
        join(root, 'src/importers/samhsa-cli.ts'),
        ...[LOCATOR, METHADONE, OTP].map((name) => join(fixtures, name)),
        '--state',
        'MA',
        '--out',
        out,
        '--site',
        join(root, 'content/boston/site.yaml'),
      ],
      { encoding: 'utf8' },
    );

    const files = readdirSync(out);
    expect(files).toContain('boston-paaths.yaml');
    expect(readFileSync(join(out, 'boston-paaths.yaml'), 'utf8')).toBe(handWritten);
    expect(files).not.toContain('gone-provider.yaml');
    expect(files).toContain('bay-cove-human-services-methadone-services-boston.yaml');
    expect(summary).toMatch(
      /treatment-locator\.csv \(treatment locator\): 13 rows read, 3 outside MA/,
    );
    expect(summary).toMatch(/providers written: 16/);
    expect(summary).toMatch(/old generated files deleted: 1/);
    const bayCove = YAML.parse(
      readFileSync(join(out, 'bay-cove-human-services-methadone-services-boston.yaml'), 'utf8'),
    ) as ProviderInput;
    expect(bayCove.neighbourhood).toBe('west-end');
  });
});
