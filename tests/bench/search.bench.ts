/**
 * Times the finder's search against plain Fuse.js on the same data, in the same run:
 * Massachusetts content (content/boston/providers) and the national set (14,034 SAMHSA facilities
 * through the same importer). Run with `npm run bench:search`. Figures are ratios against the
 * baseline measured here, because the machine's speed varies from run to run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { parse } from 'yaml';
import { importSamhsa } from '../../src/importers/samhsa.ts';
import { providerSchema, type Provider } from '../../src/schemas/provider.ts';
import { loadSite } from '../../src/load-site.ts';
import {
  buildSearchIndexFile,
  type FacetName,
  type SearchIndexFile,
} from '../../src/domain/search/documents.ts';
import { SearchEngine, type SearchQuery } from '../../src/domain/search/engine.ts';

const root = join(import.meta.dirname, '..', '..');
const site = loadSite(join(root, 'content', 'boston'));
const en = JSON.parse(readFileSync(join(root, 'src', 'i18n', 'en.json'), 'utf8')) as {
  taxonomy: Record<string, Record<string, string>>;
};
const label = (facet: FacetName, key: string) => en.taxonomy[facet]?.[key] ?? key;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

/** What people type, with and without filters, from the issues and the paths. */
const QUERIES: Array<{ name: string; query: SearchQuery }> = [
  ...[
    'suboxone',
    'suboxne',
    'methadone clinic',
    'detox',
    'detx',
    'boston medical center',
    'spectrum health',
    'recovery center worcester',
    'sober house',
    'narcan',
    'outpatient counseling',
    'residential women',
    'vivitrol',
    'gandara',
    'bay cove',
    'behavioral health',
    'hospital',
    'addiction treatment',
  ].map((text) => ({ name: text, query: { text } })),
  { name: 'detox + medicaid', query: { text: 'detox', filters: { payment: ['medicaid'] } } },
  {
    name: 'suboxone + outpatient',
    query: { text: 'suboxone', filters: { service: ['outpatient'] } },
  },
  { name: 'counseling + spanish', query: { text: 'counseling', languages: ['es'] } },
  { name: '[filter] methadone', query: { filters: { medication: ['methadone'] } } },
  {
    name: '[filter] residential + women',
    query: { filters: { service: ['residential'], population: ['women'] } },
  },
];

interface Dataset {
  name: string;
  providers: Provider[];
}

function massachusetts(): Dataset {
  const dir = join(root, 'content', 'boston', 'providers');
  const providers = readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => providerSchema.parse(parse(readFileSync(join(dir, file), 'utf8'))));
  return { name: 'Massachusetts', providers };
}

function national(): Dataset {
  const dir = join(root, 'content', 'boston', 'sources', 'samhsa');
  const files = [
    'treatment-locator-facilities.csv',
    'national-directory-methadone-2017.csv',
    'otp-directory.csv',
  ].map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const { providers } = importSamhsa(files, {});
  return { name: 'National', providers: providers.map((p) => providerSchema.parse(p)) };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

function median(runs: number, run: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(time(run)[1]);
  return percentile(samples, 50);
}

/** The naive finder: Fuse.js over whole documents, filters applied to its results afterwards. */
function plainFuse(providers: Provider[]) {
  const docs = providers.map((p) => ({
    provider: p,
    name: p.name,
    organization: p.organization ?? '',
    services: [
      ...p.services.map((s) => label('service', s)),
      ...p.medications.map((m) => label('medication', m)),
    ].join(' '),
    town: p.address?.city ?? '',
    description: p.description.en ?? '',
  }));
  const fuse = new Fuse(docs, {
    keys: ['name', 'organization', 'services', 'town', 'description'],
    threshold: 0.35,
    ignoreLocation: true,
  });
  return (query: SearchQuery) => {
    const hits = query.text ? fuse.search(query.text).map((hit) => hit.item) : docs;
    return hits.filter(({ provider }) => {
      const f = query.filters ?? {};
      const has = (values: readonly string[] | undefined, own: readonly string[]) =>
        !values || values.length === 0 || values.some((v) => own.includes(v));
      return (
        has(f.service, provider.services) &&
        has(f.medication, provider.medications) &&
        has(f.payment, provider.payment) &&
        has(f.population, provider.populations) &&
        has(query.languages, provider.languages)
      );
    });
  };
}

function measure(run: (query: SearchQuery) => unknown, withText: boolean): number[] {
  const samples: number[] = [];
  const queries = QUERIES.filter((q) => Boolean(q.query.text) === withText);
  for (const q of queries) run(q.query); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) samples.push(time(() => run(q.query))[1]);
  }
  return samples;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(3) : ms.toFixed(1)).padStart(8);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

for (const dataset of [massachusetts(), national()]) {
  const file = buildSearchIndexFile(dataset.providers, site, 'en', label);
  const json = JSON.stringify(file);
  const loadMs = median(5, () => new SearchEngine(JSON.parse(json) as SearchIndexFile));
  const engine = new SearchEngine(JSON.parse(json) as SearchIndexFile);
  const fuseBuildMs = median(3, () => plainFuse(dataset.providers));
  const fuse = plainFuse(dataset.providers);

  console.log(
    `\n== ${dataset.name}: ${dataset.providers.length} providers, ${engine.vocabularySize} distinct terms`,
  );
  console.log(
    `index size        ${kb(json.length)} raw, ${kb(gzipSync(json, { level: 9 }).length)} gzip`,
  );
  console.log(`load (parse+index) ${fmt(loadMs)} ms   plain Fuse.js build ${fmt(fuseBuildMs)} ms`);
  console.log(
    `${'queries'.padEnd(22)}${'ours p50'.padStart(10)}${'ours p95'.padStart(10)}${'Fuse p50'.padStart(10)}${'Fuse p95'.padStart(10)}   Fuse/ours p50 / p95`,
  );
  for (const withText of [true, false]) {
    const ours = measure((query) => engine.search(query), withText);
    const theirs = measure(fuse, withText);
    const [o50, o95, f50, f95] = [
      percentile(ours, 50),
      percentile(ours, 95),
      percentile(theirs, 50),
      percentile(theirs, 95),
    ];
    const ratio = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));
    console.log(
      `${(withText ? 'text (± filters)' : 'filters only *').padEnd(22)}${fmt(o50)}  ${fmt(o95)}  ${fmt(f50)}  ${fmt(f95)}   ${ratio(f50 / o50)}× / ${ratio(f95 / o95)}×`,
    );
  }
  console.log('* filters only: the baseline is Array.filter over providers (Fuse.js is not used),');
  console.log(
    '  while ours also works out "open now" and distance for ranking; both are well under a frame.',
  );
  // The same first results a person would see, for a sanity check by eye.
  for (const text of ['suboxne', 'detox']) {
    const top = engine
      .search({ text })
      .results.slice(0, 3)
      .map((r) => r.doc.n);
    console.log(`top 3 for "${text}": ${top.join(' | ')}`);
  }
}
