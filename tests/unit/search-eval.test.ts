/**
 * The evaluation set itself (tests/search-eval): big enough, in every locale, every judgement
 * satisfiable by the real providers and every place known, and the scoring maths right. The
 * floor the engine must reach is search-eval-floor.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { goldPlace, loadEvalData } from '../search-eval/evaluate.ts';
import { grade, meets, ndcg, nearestFirst, pathsOf, type EvalQuery } from '../search-eval/judge.ts';
import { normalize } from '../../src/domain/search/text.ts';

const data = loadEvalData();
const label = (q: EvalQuery) => `[${q.locale}] "${q.q}"${q.near ? ` near "${q.near}"` : ''}`;

describe('the evaluation set', () => {
  it('has at least 200 queries, at least 12 in every locale, and only the site’s locales', () => {
    expect(data.queries.length).toBeGreaterThanOrEqual(200);
    for (const locale of data.site.locales) {
      expect(data.queries.filter((q) => q.locale === locale).length, locale).toBeGreaterThanOrEqual(
        12,
      );
    }
    for (const q of data.queries) expect(data.site.locales).toContain(q.locale);
  });

  it('asks for places nearest first, and for paths without listings, in every locale', () => {
    for (const locale of data.site.locales) {
      const own = data.queries.filter((q) => q.locale === locale);
      expect(
        own.some((q) => q.order === 'distance'),
        locale,
      ).toBe(true);
      expect(
        own.some((q) => q.expect_path),
        locale,
      ).toBe(true);
    }
  });

  it('judges each query by criteria some real provider meets, and knows every place', () => {
    const problems: string[] = [];
    for (const q of data.queries) {
      const ref = q.place ?? q.near;
      const place = ref === undefined ? undefined : goldPlace(ref, data.site);
      if (ref !== undefined && !place) problems.push(`${label(q)}: unknown place`);
      if (!q.relevant) continue;
      const relevant = data.providers.filter((p) => grade(q, p, data.named, undefined) > 0);
      if (relevant.length === 0) problems.push(`${label(q)}: no provider is relevant`);
      if (q.ideal && !data.providers.some((p) => meets(q.ideal!, p, data.named)))
        problems.push(`${label(q)}: no provider is ideal`);
      if (q.order && !relevant.some((p) => p.geo))
        problems.push(`${label(q)}: none has a position`);
    }
    expect(problems).toEqual([]);
  });

  it('uses every need it defines, and only those', () => {
    const used = new Set<string>();
    const collect = (criteria: unknown): void => {
      if (typeof criteria === 'string') used.add(criteria);
      else if (Array.isArray(criteria)) criteria.forEach(collect);
    };
    for (const q of data.queries) [q.relevant, q.ideal, q.exclude].forEach(collect);
    for (const criteria of Object.values(data.named)) collect(criteria);
    for (const name of used) expect(data.named, name).toHaveProperty(name);
    expect(Object.keys(data.named).filter((name) => !used.has(name))).toEqual([]);
  });

  it('is written from needs: no query is a listing’s name', () => {
    const names = new Set(
      data.providers.flatMap((p) => [p.name, p.organization ?? ''].map(normalize)),
    );
    expect(data.queries.filter((q) => names.has(normalize(q.q))).map(label)).toEqual([]);
  });
});

describe('scoring', () => {
  it('gives nDCG 1 to the best order and less to a worse one', () => {
    expect(ndcg([2, 1, 0], [0, 1, 2])).toBeCloseTo(1);
    expect(ndcg([0, 1, 2], [2, 1, 0])).toBeLessThan(1);
    expect(ndcg([0, 0], [0, 0])).toBe(0);
  });

  it('holds "nearest first" to the nearest relevant places that exist', () => {
    expect(nearestFirst([1, 2, 3], [3, 2, 1, 9])).toBe(true);
    expect(nearestFirst([2, 3], [1, 2, 3])).toBe(false); // the nearest (1 mi) was skipped
    expect(nearestFirst([1, 3, 2], [1, 2, 3])).toBe(false); // out of order
    expect(nearestFirst([1.2, 1], [1, 1.2])).toBe(true); // within the tolerance
    expect(nearestFirst([], [1])).toBe(false);
  });

  it('reads path slugs from an outcome however they are spelled', () => {
    expect(pathsOf({ results: [] })).toEqual([]);
    expect(pathsOf({ paths: ['harm-reduction', { slug: 'mutual-help' }] })).toEqual([
      'harm-reduction',
      'mutual-help',
    ]);
  });
});
