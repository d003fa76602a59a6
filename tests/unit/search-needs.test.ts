import { describe, expect, it } from 'vitest';
import { buildSearchIndexFile } from '../../src/domain/search/documents.ts';
import { SearchEngine } from '../../src/domain/search/engine.ts';
import { NEEDS, needsFor } from '../../src/domain/search/needs/index.ts';
import { ALCOHOL, OPIOIDS, STIMULANTS } from '../../src/domain/search/needs/targets.ts';
import { normalize } from '../../src/domain/search/text.ts';
import { MEDICATION_KEYS, POPULATION_KEYS, SERVICE_KEYS } from '../../src/schemas/taxonomy.ts';
import { loadEvalData } from '../search-eval/evaluate.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };

const LOCALES = ['en', 'es', 'ht', 'kea', 'pt', 'vi', 'zh-Hans', 'zh-Hant', 'ar', 'ru', 'so', 'fr'];
const PATHS = ['harm-reduction', 'mutual-help', 'sober-housing', 'family-support'];
const KEYS: Record<string, readonly string[]> = {
  svc: SERVICE_KEYS,
  med: MEDICATION_KEYS,
  pop: POPULATION_KEYS,
  path: PATHS,
};

describe('needs vocabulary', () => {
  it('has a table for every locale', () => {
    expect(Object.keys(NEEDS).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s maps only to real taxonomy keys, paths and language codes', (locale) => {
    for (const [word, targets] of Object.entries(NEEDS[locale]!)) {
      for (const target of targets) {
        const [kind = '', key = ''] = target.split(':');
        if (kind === 'lang') expect(key, word).toMatch(/^[a-z]{2,3}$/);
        else expect(KEYS[kind], `${word} → ${target}`).toContain(key);
      }
    }
  });

  it.each(LOCALES)('%s never sends meth or crystal to methadone', (locale) => {
    for (const [word, targets] of Object.entries(needsFor(locale))) {
      if (/meth|crystal|cristal|мет|ميث|冰毒/.test(word) && !/methadon|метадон|ميثادون/.test(word))
        expect(targets, word).not.toContain('med:methadone');
    }
    expect(STIMULANTS).not.toContain('med:methadone');
  });

  it.each(LOCALES)('%s has the core needs in its own words', (locale) => {
    const groups = Object.values(NEEDS[locale]!);
    for (const core of [OPIOIDS, ALCOHOL, STIMULANTS]) expect(groups).toContain(core);
    const targets = groups.flat();
    for (const token of ['path:harm-reduction', 'path:mutual-help', 'pop:women', 'svc:detox'])
      expect(targets, token).toContain(token);
    // Filler words (no constraint) and a staff language.
    expect(groups.some((group) => group.length === 0)).toBe(true);
    expect(targets.some((target) => target.startsWith('lang:'))).toBe(true);
  });

  it('keeps its words normalised once, without clashes after normalising', () => {
    for (const locale of LOCALES) {
      const seen = new Map<string, string>();
      for (const word of Object.keys(NEEDS[locale]!)) {
        const key = normalize(word);
        expect(seen.get(key), `${locale}: ${word}`).toBeUndefined();
        seen.set(key, word);
      }
    }
  });
});

describe('needs on the real directory', () => {
  const data = loadEvalData();
  const label = (facet: string, key: string) =>
    (en.taxonomy as Record<string, Record<string, string>>)[facet]![key]!;
  const engine = new SearchEngine(buildSearchIndexFile(data.providers, data.site, 'en', label));
  const byId = new Map(data.providers.map((p) => [p.id, p]));

  it('heroin finds places with an opioid medicine or detox', () => {
    const { results } = engine.search({ text: 'heroin' });
    expect(results.length).toBeGreaterThan(0);
    const first = byId.get(results[0]!.doc.i)!;
    const meds = ['methadone', 'buprenorphine', 'naltrexone'];
    expect(
      first.medications.some((m) => meds.includes(m)) || first.services.includes('detox'),
    ).toBe(true);
  });

  it('drinking finds places, and meth finds no methadone clinic first', () => {
    expect(engine.search({ text: 'drinking' }).results.length).toBeGreaterThan(0);
    const meth = engine.search({ text: 'meth' }).results.slice(0, 5);
    expect(meth.length).toBeGreaterThan(0);
    for (const result of meth)
      expect(result.reasons.map((r) => r.term)).not.toContain('med:methadone');
  });

  it('urgency words constrain nothing', () => {
    const detox = engine.search({ text: 'detox' }).results.length;
    expect(engine.search({ text: 'detox tonight' }).results.length).toBe(detox);
    expect(engine.search({ text: 'I need help' }).results.length).toBe(data.providers.length);
  });

  it('names the path of a need no place lists', () => {
    expect(engine.search({ text: 'narcan' }).paths).toEqual(['harm-reduction']);
    expect(engine.search({ text: 'AA' }).paths).toEqual(['mutual-help']);
    expect(engine.search({ text: 'help for my son' }).paths).toContain('family-support');
  });

  it('spanish reaches places whose staff speak Spanish', () => {
    const { results } = engine.search({ text: 'spanish' });
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.doc.l).toContain('es');
  });
});
