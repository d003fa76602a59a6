import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import {
  MEDICATION_KEYS,
  PAYMENT_KEYS,
  PHONE_KINDS,
  POPULATION_KEYS,
  SERVICE_KEYS,
  SETTING_KEYS,
} from '../../src/schemas/taxonomy.ts';
import { publishedLocales } from './deployments.ts';

import { stringsOf } from './strings-files.ts';

const root = join(import.meta.dirname, '..', '..');
const published = publishedLocales();
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    flatten(child, prefix ? `${prefix}.${key}` : key),
  );
}

function readStrings(locale: string): Record<string, unknown> {
  return stringsOf(locale);
}

function keysOf(locale: string): Set<string> {
  const strings = readStrings(locale);
  return new Set(flatten(strings).map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(astro|tsx?)$/.test(name) ? [path] : [];
  });
}

const english = keysOf('en');

describe('translations', () => {
  it.each(published)('locale %s is a known locale with a strings file', (locale) => {
    expect(LOCALES.map((l) => l.code)).toContain(locale);
    expect(() => keysOf(locale)).not.toThrow();
  });

  it.each(published)('locale %s has every key English has, and no others', (locale) => {
    const keys = keysOf(locale);
    expect([...english].filter((key) => !keys.has(key))).toEqual([]);
    expect([...keys].filter((key) => !english.has(key))).toEqual([]);
  });

  it.each(published)('locale %s has no empty strings', (locale) => {
    const strings = readStrings(locale);
    const empty = flatten(strings).filter((key) => {
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('every literal key used in the code exists in English', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\btl?\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    // A key may name a whole subtree, passed to an island with returnObjects.
    const exists = (key: string) =>
      english.has(key) || [...english].some((k) => k.startsWith(`${key}.`));
    expect([...used].filter((key) => !exists(key))).toEqual([]);
  });

  it('every taxonomy key has a label', () => {
    const needed = [
      ...SERVICE_KEYS.map((k) => `taxonomy.service.${k}`),
      ...MEDICATION_KEYS.map((k) => `taxonomy.medication.${k}`),
      ...SETTING_KEYS.map((k) => `taxonomy.setting.${k}`),
      ...PAYMENT_KEYS.map((k) => `taxonomy.payment.${k}`),
      ...POPULATION_KEYS.map((k) => `taxonomy.population.${k}`),
      ...PHONE_KINDS.filter((k) => k !== 'voice').map((k) => `phoneKind.${k}`),
    ];
    expect(needed.filter((key) => !english.has(key))).toEqual([]);
  });
});

describe('counting places', () => {
  // A plural form covers more numbers than its English name suggests (Russian "one" is also
  // 21 and 101), so a count says only the count; which places are shown is its own sentence.
  it.each(published)('%s: every form of a count names only the count', (locale) => {
    const strings = stringsOf(locale) as {
      finder: Record<string, unknown> & { ui: Record<string, unknown> };
    };
    for (const messages of [strings.finder, strings.finder.ui]) {
      const forms = Object.entries(messages).filter(([key]) => key.startsWith('count_'));
      expect(forms.length).toBeGreaterThan(0);
      for (const [key, text] of forms) {
        expect({ key, placeholders: String(text).match(/\{\{\w+\}\}/g) ?? [] }).toEqual({
          key,
          placeholders: String(text).includes('{{count}}') ? ['{{count}}'] : [],
        });
      }
      expect(messages.range).toMatch(/\{\{start\}\}.*\{\{end\}\}|\{\{end\}\}.*\{\{start\}\}/);
    }
  });
});
