/**
 * The finder's floor on the evaluation set (tests/search-eval/): a change that makes residents'
 * everyday queries find less fails the tests, naming the queries it broke.
 */
import { describe, expect, it } from 'vitest';
import { FLOORS, evaluate } from '../search-eval/evaluate.ts';

const report = evaluate();
const failing = (locale?: string) =>
  report.results
    .filter((r) => !r.success && (locale === undefined || r.query.locale === locale))
    .map(
      (r) =>
        `[${r.query.locale}] "${r.query.q}"${r.query.near ? ` near "${r.query.near}"` : ''}: ${r.problem ?? ''}`,
    );

describe('search evaluation floor', () => {
  it(`finds a relevant place in the first 5 for ≥ ${FLOORS.successOverall * 100}% of queries`, () => {
    expect(report.overall.success, failing().join('\n')).toBeGreaterThanOrEqual(
      FLOORS.successOverall,
    );
  });

  it.each(Object.keys(report.byLocale))(
    `finds a relevant place in the first 5 for ≥ ${FLOORS.successPerLocale * 100}% of %s queries`,
    (locale) => {
      expect(report.byLocale[locale]!.success, failing(locale).join('\n')).toBeGreaterThanOrEqual(
        FLOORS.successPerLocale,
      );
    },
  );
});
