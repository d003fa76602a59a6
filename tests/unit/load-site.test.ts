import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deploymentDir } from '../../src/deployment.ts';
import { loadSite, readSite, SiteFileError } from '../../src/load-site.ts';

const root = join(import.meta.dirname, '..', '..');
const boston = readFileSync(join(root, 'content', 'boston', 'site.yaml'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'rf-site-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A content folder holding only a site.yaml with `text`. */
function contentWith(name: string, text: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'site.yaml'), text);
  return dir;
}

function thrown(run: () => unknown): SiteFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof SiteFileError) return error;
    throw error;
  }
  throw new Error('expected a SiteFileError');
}

describe('loadSite', () => {
  it('reads the Boston deployment from its content folder, with defaults filled in', () => {
    const site = loadSite(join(root, 'content', 'boston'));
    expect(site.city).toBe('Boston');
    expect(site.locales[0]).toBe('en');
    expect(site.quick_exit).toMatch(/^https:\/\//);
  });

  it("reads the selected deployment's folder in the working directory by default", () => {
    expect(loadSite()).toEqual(loadSite(join(process.cwd(), deploymentDir())));
  });

  it('names the file and each wrong field, as the content check does', () => {
    const dir = contentWith(
      'bad-fields',
      boston
        .replace("emergency: { dial: '911'", "emergency: { dial: 'nine-one-one'")
        .replace(/^time_zone: .*$/m, 'time_zone: America/Boston'),
    );
    const error = thrown(() => loadSite(dir));
    // Outside the working directory, so named as given.
    const file = join(dir, 'site.yaml');
    expect(error.message.split('\n').sort()).toEqual([
      `${file}: emergency.dial: must be a short code or an E.164 number`,
      `${file}: time_zone: must be an IANA time zone name (Area/City, as in the tz database)`,
    ]);
    expect(error.problems.map((problem) => problem.field).sort()).toEqual([
      'emergency.dial',
      'time_zone',
    ]);
  });

  it('calls a missing field missing, and gives the line of a YAML syntax error', () => {
    const missing = contentWith('missing-city', boston.replace(/^city: .*\n/m, ''));
    expect(thrown(() => loadSite(missing)).message).toMatch(
      /site\.yaml: city: is required but missing$/,
    );
    const broken = contentWith('broken', `${boston}\nmap: [unclosed\n`);
    expect(thrown(() => loadSite(broken)).message).toMatch(/site\.yaml: line \d+: /);
  });

  it('says when the deployment has no site file', () => {
    const error = thrown(() => loadSite(join(scratch, 'nothing-here')));
    expect(error.message).toMatch(/nothing-here\/site\.yaml: is missing: /);
  });

  it('returns every problem without throwing, for the content check', () => {
    const dir = contentWith('for-the-check', boston.replace(/^country: .*$/m, 'country: USA'));
    const { site, problems } = readSite(dir, scratch);
    expect(site).toBeUndefined();
    expect(problems).toEqual([
      {
        file: 'for-the-check/site.yaml',
        field: 'country',
        message: 'must be a two-letter country code such as US',
      },
    ]);
    expect(readSite(join(scratch, 'nothing-here'), scratch)).toEqual({
      site: undefined,
      problems: [
        { file: 'nothing-here/site.yaml', message: 'is missing: the deployment needs a site file' },
      ],
    });
  });
});
