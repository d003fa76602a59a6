import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkContent, contentCheck, formatProblem } from '../../src/integrations/content-check.ts';
import { listDeployments } from '../../src/deployment.ts';

const root = join(import.meta.dirname, '..', '..');
const bad = join(root, 'tests', 'fixtures', 'content-bad');

describe('checkContent on malformed content', () => {
  const messages = checkContent(bad, root).map(formatProblem);
  const about = (file: string) =>
    messages.filter((m) => m.startsWith(`tests/fixtures/content-bad/${file}`));

  it('names the file and the field of a bad phone number', () => {
    expect(about('providers/bad-phone.yaml')).toEqual([
      'tests/fixtures/content-bad/providers/bad-phone.yaml: phones[0].number: must be a valid phone number in E.164 form, e.g. +16176354500',
    ]);
  });

  it('reports a missing field, a bad opening_hours string and an unknown neighbourhood together', () => {
    const found = about('providers/no-name.yaml');
    expect(found).toContain(
      'tests/fixtures/content-bad/providers/no-name.yaml: name: is required but missing',
    );
    expect(found.some((m) => m.includes('hours: not a valid opening_hours string'))).toBe(true);
  });

  it('requires the id to match the file name and at least one source', () => {
    expect(about('providers/wrong-id.yaml')).toEqual([
      'tests/fixtures/content-bad/providers/wrong-id.yaml: id: must be "wrong-id", the file\'s name',
    ]);
    expect(about('providers/no-source.yaml')).toEqual([
      'tests/fixtures/content-bad/providers/no-source.yaml: sources: must name at least one source',
    ]);
  });

  it('gives the line of a YAML syntax error', () => {
    expect(about('providers/broken-yaml.yaml').join('\n')).toMatch(/broken-yaml\.yaml: line \d+: /);
  });

  it('rejects a path with an unknown service', () => {
    expect(about('paths/en/rehab.md').join('\n')).toMatch(/services\[0\]: Invalid option/);
  });

  it('asks for every path in every published locale', () => {
    expect(about('paths/es/rehab.md')).toEqual([
      'tests/fixtures/content-bad/paths/es/rehab.md: is missing: locale "es" is published in site.yaml, so it needs every path',
    ]);
  });

  it('asks the original of a path for its sources', () => {
    expect(about('paths/en/unsourced.md')).toEqual([
      'tests/fixtures/content-bad/paths/en/unsourced.md: sources: is required in the original (en): list the public sources its facts rest on',
    ]);
  });

  it('names a placeholder that site.yaml cannot fill', () => {
    expect(about('paths/en/detox.md')).toEqual([
      'tests/fixtures/content-bad/paths/en/detox.md: {{tel:lines.no-such-line}} names no number in site.yaml',
    ]);
  });

  it('refuses numbers typed into a translation and a translation behind its original', () => {
    expect(about('paths/es/detox.md')).toEqual([
      "tests/fixtures/content-bad/paths/es/detox.md: checked: is 2026-11-22, older than the original's 2026-12-01: carry the original's changes into this translation, then set the same date",
      'tests/fixtures/content-bad/paths/es/detox.md: "617-635-4500" is typed into the text: numbers to call come from site.yaml, e.g. {{tel:hotline.local}}',
      'tests/fixtures/content-bad/paths/es/detox.md: "911" is typed into the text: numbers to call come from site.yaml, e.g. {{tel:hotline.local}}',
    ]);
  });

  it('requires front matter on pages', () => {
    expect(about('pages/en/about.md')).toEqual([
      'tests/fixtures/content-bad/pages/en/about.md: must start with a front matter block between --- lines',
    ]);
  });
});

describe("site.yaml's own texts", () => {
  it('need every published locale, the search examples and the listings source among them', () => {
    // A deployment that publishes a second locale without writing its texts in it.
    const dir = mkdtempSync(join(tmpdir(), 'rf-site-texts-'));
    try {
      const site = readFileSync(
        join(root, 'tests', 'fixtures', 'deployment-unverified', 'site.yaml'),
        'utf8',
      );
      writeFileSync(
        join(dir, 'site.yaml'),
        `${site.replace('locales: [en]', 'locales: [en, pl]')}\nshort_name: { en: Finder }\n`,
      );
      const messages = checkContent(dir).map(formatProblem);
      expect(messages).toEqual(
        expect.arrayContaining([
          'site.yaml: short_name: has no text for pl',
          'site.yaml: search_examples: has no text for pl',
          'site.yaml: listings_source: has no text for pl',
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the content in this repository', () => {
  // Every deployment, whichever is selected: a change to shared code must not break another's.
  it.each(listDeployments(root))('content/%s has no problems', (name) => {
    expect(checkContent(join(root, 'content', name), root).map(formatProblem)).toEqual([]);
  });
});

describe('the build integration', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("fails the build with every problem listed, in the selected deployment's folder", () => {
    // The fixture project's content/ holds one deployment, "bad" (tests/fixtures/content-bad).
    vi.stubEnv('DEPLOYMENT', 'bad');
    vi.stubEnv('DEPLOYMENT_DIR', undefined);
    const integration = contentCheck();
    const hook = integration.hooks['astro:config:setup'] as unknown as (options: object) => void;
    const fixtureRoot = new URL('../fixtures/content-bad-root/', import.meta.url);
    expect(() =>
      hook({ config: { root: fixtureRoot }, command: 'build', logger: { info: () => undefined } }),
    ).toThrow(
      /Content check failed: \d+ problems\n {2}- content\/bad\/providers\/bad-phone\.yaml: phones\[0\]\.number/,
    );
  });
});
