/**
 * `npm run eval:search`: success@5 and nDCG@10 of the finder's search on the evaluation set,
 * overall and per locale. `-- --failures` also lists every query that fails, with why.
 */
import { FLOORS, evaluate, type Figures } from './evaluate.ts';

const report = evaluate();
const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
const row = (name: string, f: Figures) =>
  `${name.padEnd(9)}${String(f.queries).padStart(8)}${percent(f.success).padStart(12)}${f.ndcg.toFixed(3).padStart(10)}`;

console.log(
  `${'locale'.padEnd(9)}${'queries'.padStart(8)}${'success@5'.padStart(12)}${'nDCG@10'.padStart(10)}`,
);
for (const [locale, f] of Object.entries(report.byLocale)) console.log(row(locale, f));
console.log(row('overall', report.overall));
console.log(
  `floors: success@5 ≥ ${percent(FLOORS.successOverall).trim()} overall, ≥ ${percent(FLOORS.successPerLocale).trim()} in every locale`,
);

if (process.argv.includes('--failures')) {
  console.log('\nfailures:');
  for (const r of report.results.filter((result) => !result.success)) {
    const near = r.query.near ? ` near "${r.query.near}"` : '';
    console.log(`[${r.query.locale}] "${r.query.q}"${near}: ${r.problem ?? ''}`);
    if (r.top.length > 0) console.log(`    top: ${r.top.join(' | ')}`);
  }
}
