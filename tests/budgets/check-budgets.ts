/**
 * Checks the built site (dist/) against the budgets in docs/design.md and fails when a page grows past
 * them. Run after `npm run build`: `node tests/budgets/check-budgets.ts [dist]`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileOfUrl } from '../../src/domain/offline/precache.ts';

const KB = 1024;
export const BUDGETS = {
  htmlGzip: 14 * KB,
  homeJsGzip: 5 * KB,
  finderJsGzip: 35 * KB,
  searchIndexGzip: 60 * KB,
  /**
   * The script on every page (SiteNotices.client.ts): registers the service worker and looks
   * for a waiting callback request, before it finds anything to show.
   */
  everyPageJsGzip: 1 * KB,
  /** A language's service worker itself (dist/<locale>/sw.js), with its list of files. */
  serviceWorkerGzip: 18 * KB,
  /** Everything a language's worker saves on the first visit (the sum of each file's gzip). */
  precacheGzip: 300 * KB,
  /** postal-codes.json: postal codes and towns, fetched the first time a place is typed. */
  postalTableGzip: 40 * KB,
  /** One postcode district's full postcodes (postal-codes/DH1.json), for a full postcode. */
  postcodeDistrictGzip: 12 * KB,
};

const dist = process.argv[2] ?? 'dist';
const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Modules a script imports statically (`import … from "./x.js"`); dynamic `import()` is on demand. */
function staticImports(code: string, from: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    const target = match[1]!;
    found.push(target.startsWith('/') ? target : join(from, '..', target).replace(/^\/?/, '/'));
  }
  return found;
}

/**
 * Gzip bytes of every script a page runs before anyone asks for more: inline scripts, linked
 * scripts, Astro islands (component and renderer) and everything they import statically.
 * Chunks loaded by a dynamic import (the map) are not counted: they load only on request.
 */
function pageScripts(html: string): number {
  let total = 0;
  const queue: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? '';
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (/type="application\/(ld\+)?json"/.test(attributes)) continue;
    if (src) {
      if (!/^https?:/.test(src)) queue.push(src); // a third-party script is reported below
    } else {
      total += gz(match[2] ?? '');
      queue.push(...staticImports(match[2] ?? '', '/'));
    }
  }
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    queue.push(match[1]!);
  for (const match of html.matchAll(/<astro-island\b[^>]*>/g)) {
    for (const attribute of ['component-url', 'renderer-url']) {
      const url = new RegExp(`${attribute}="([^"]+)"`).exec(match[0])?.[1];
      if (url) queue.push(url);
    }
  }
  return total + moduleGraph(queue);
}

/** Gzip bytes of these scripts and everything they import statically, each counted once. */
function moduleGraph(urls: string[]): number {
  let total = 0;
  const queue = [...urls];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const url = queue.pop()!.split('?')[0]!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = readFileSync(join(dist, url));
    total += gz(code);
    queue.push(...staticImports(code.toString('utf8'), url));
  }
  return total;
}

/** Resources a page loads by itself from another host (links a person clicks do not count). */
function thirdPartyLoads(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(
    /<(script|img|iframe|source|video|audio)\b[^>]*\bsrc="(https?:[^"]+)"/g,
  )) {
    found.push(match[2]!);
  }
  for (const match of html.matchAll(/<link\b([^>]*)>/g)) {
    const attributes = match[1] ?? '';
    const rel = /\brel="([^"]+)"/.exec(attributes)?.[1] ?? '';
    const href = /\bhref="(https?:[^"]+)"/.exec(attributes)?.[1];
    if (href && !/\b(canonical|alternate)\b/.test(rel)) found.push(href);
  }
  return found;
}

const files = walk(dist);
const failures: string[] = [];
/** The largest measurement of each kind, against its budget: what the report prints. */
const worst = new Map<string, { file: string; size: number; budget: number }>();
function measure(kind: string, file: string, size: number, budget: number): void {
  if (size > (worst.get(kind)?.size ?? -1)) worst.set(kind, { file, size, budget });
  if (size > budget) failures.push(`${file}: ${kind} is ${size} B gzip, budget ${budget} B`);
}

const noticeSizes = new Map<string, number>();
for (const file of files.filter((f) => f.endsWith('.html'))) {
  const html = readFileSync(file, 'utf8');
  const name = relative(dist, file);
  measure('page HTML', name, gz(html), BUDGETS.htmlGzip);
  for (const url of thirdPartyLoads(html))
    failures.push(`${name}: loads ${url} from a third party before anyone asks`);
  if (/document\.cookie/.test(html)) failures.push(`${name}: touches document.cookie`);

  // The script every page runs: held to its own budget, besides counting in each page's total.
  const notice = /<script\b[^>]*\bsrc="([^"]*SiteNotices[^"]*\.js)"/.exec(html)?.[1];
  if (notice) {
    noticeSizes.set(notice, noticeSizes.get(notice) ?? moduleGraph([notice]));
    measure('every-page JavaScript', name, noticeSizes.get(notice)!, BUDGETS.everyPageJsGzip);
  } else if (/data-site-notices/.test(html)) {
    failures.push(`${name}: has the site notices but not their script`);
  }

  const isHome = /^[^/]+\/index\.html$/.test(name);
  const isFinder = /^[^/]+\/find\/index\.html$/.test(name);
  if (isHome) measure('home page JavaScript', name, pageScripts(html), BUDGETS.homeJsGzip);
  if (isFinder)
    measure('finder JavaScript before the map', name, pageScripts(html), BUDGETS.finderJsGzip);
}

for (const file of files.filter((f) => f.endsWith('.js'))) {
  if (/document\.cookie/.test(readFileSync(file, 'utf8')))
    failures.push(`${relative(dist, file)}: touches document.cookie`);
}

const indexes = files.filter((f) => /search-index[^/]*\.json$/.test(f));
for (const file of indexes) {
  measure('search index', relative(dist, file), gz(readFileSync(file)), BUDGETS.searchIndexGzip);
}

// What the phone fetches to place a typed postal code or town: the table, then for a full UK
// postcode its district's file (src/place-tables.ts).
for (const file of files.filter((f) => /^postal-codes\.json$/.test(relative(dist, f)))) {
  measure('postal table', relative(dist, file), gz(readFileSync(file)), BUDGETS.postalTableGzip);
}
for (const file of files.filter((f) => /^postal-codes\/[^/]+\.json$/.test(relative(dist, f)))) {
  const name = relative(dist, file);
  measure('postcode district file', name, gz(readFileSync(file)), BUDGETS.postcodeDistrictGzip);
}

// What a first visit costs beyond its page: each language's worker and what it saves
// (src/integrations/outbox-scripts.ts writes the list into the worker).
const precacheSizes: string[] = [];
for (const file of files.filter((f) => /^[^/]+\/sw\.js$/.test(relative(dist, f)))) {
  const name = relative(dist, file);
  const code = readFileSync(file, 'utf8');
  measure('service worker', name, gz(code), BUDGETS.serviceWorkerGzip);
  const urls = [...code.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]!);
  if (urls.length === 0) failures.push(`${name}: saves nothing`);
  const size = urls.reduce((sum, url) => sum + gz(readFileSync(join(dist, fileOfUrl(url)))), 0);
  measure('precache of one language', name, size, BUDGETS.precacheGzip);
  precacheSizes.push(
    `  ${name.padEnd(14)} ${String(urls.length).padStart(3)} files, ${size} B gzip`,
  );
}

console.log(
  `${files.filter((f) => f.endsWith('.html')).length} pages checked; the largest of each kind:`,
);
for (const [kind, { file, size, budget }] of worst) {
  console.log(
    `  ${kind.padEnd(34)} ${String(size).padStart(6)} B gzip of ${budget} B (${Math.round((100 * size) / budget)}%)  ${file}`,
  );
}

if (precacheSizes.length > 0) {
  console.log('\nWhat each language saves on the phone with the first visit:');
  for (const line of precacheSizes) console.log(line);
}

if (failures.length > 0) {
  console.error(`\n${failures.length} budget failure(s):`);
  for (const failure of failures) console.error(`  - ${failure}`);
  process.exit(1);
}
console.log('\nAll budgets met.');
