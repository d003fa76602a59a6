import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { daysBetween } from '../../src/domain/dates.ts';
import { deploymentDir } from '../../src/deployment.ts';
import { loadSite } from '../../src/load-site.ts';

// The health facts on the site are only as good as their last check: these tests read the
// real content, so they start failing when a check grows old or a translation drops a number.
// The selected deployment's (`DEPLOYMENT`): every deployment's facts are held to this.
const content = deploymentDir({ root: join(import.meta.dirname, '..', '..') });
const site = loadSite(content);
const today = new Date().toISOString().slice(0, 10);
const original = site.locales[0]!;
const MAX_AGE_DAYS = 365;

interface Source {
  title: string;
  publisher: string;
  url: string;
  checked: string;
}
interface Text {
  checked: string;
  sources?: Source[];
  compare?: Record<string, string>;
  body: string;
}

function read(collection: string, locale: string, slug: string): Text {
  const text = readFileSync(join(content, collection, locale, `${slug}.md`), 'utf8');
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { ...(parse(front) as Omit<Text, 'body'>), body };
}

const slugs = (collection: string) =>
  readdirSync(join(content, collection, original)).map((name) => name.replace(/\.md$/, ''));

const placeholders = (text: Text) =>
  [...[text.body, ...Object.values(text.compare ?? {})].join('\n').matchAll(/\{\{[^}]+\}\}/g)]
    .map(([whole]) => whole.replace(/\s+/g, ''))
    .sort();

describe.each(['paths', 'pages'])('%s', (collection) => {
  it.each(slugs(collection))('%s names its sources, checked within a year', (slug) => {
    const text = read(collection, original, slug);
    expect(text.sources?.length ?? 0).toBeGreaterThan(0);
    expect(daysBetween(text.checked, today)).toBeLessThanOrEqual(MAX_AGE_DAYS);
    for (const source of text.sources ?? []) {
      expect(source.url).toMatch(/^https:\/\//);
      expect(daysBetween(source.checked, today)).toBeLessThanOrEqual(MAX_AGE_DAYS);
    }
  });

  it.each(slugs(collection))('%s keeps every number to call in every language', (slug) => {
    const expected = placeholders(read(collection, original, slug));
    for (const locale of site.locales.slice(1)) {
      expect({ locale, numbers: placeholders(read(collection, locale, slug)) }).toEqual({
        locale,
        numbers: expected,
      });
    }
  });
});

describe('paths to recovery', () => {
  it.each(slugs('paths'))('%s ends with the numbers to call', (slug) => {
    const howToStart = read('paths', original, slug).body.split(/^## /m).at(-1) ?? '';
    expect(howToStart).toContain('{{tel:hotline.local}}');
    expect(howToStart).toContain('{{tel:emergency}}');
  });
});

describe('the lines in site.yaml', () => {
  it('say where their number and hours come from, checked within a year', () => {
    // A deployment that publishes no specialists' hours has no source for them to check.
    const sources = [
      ...(site.specialists.hours_source ? [site.specialists.hours_source] : []),
      ...Object.values(site.lines).map((line) => line.source),
    ];
    for (const source of sources) {
      expect(daysBetween(source.checked, today)).toBeLessThanOrEqual(MAX_AGE_DAYS);
    }
  });
});
