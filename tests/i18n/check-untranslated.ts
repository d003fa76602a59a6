/**
 * After a build: no English sentence from the interface or the English paths may appear on a
 * page in another language (names and numbers aside). Run: `node tests/i18n/check-untranslated.ts dist`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { deploymentDir } from '../../src/deployment.ts';
import { loadSite } from '../../src/load-site.ts';

const dist = process.argv[2] ?? 'dist';
const root = join(import.meta.dirname, '..', '..');
// The deployment that was built (`DEPLOYMENT`, Boston by default).
const contentDir = deploymentDir({ root });
const siteFile = loadSite(contentDir);
const { locales } = siteFile;

function flatten(
  value: unknown,
  prefix = '',
  into = new Map<string, string>(),
): Map<string, string> {
  if (typeof value === 'string') into.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      flatten(child, prefix ? `${prefix}.${key}` : key, into);
  }
  return into;
}
const strings = (locale: string) =>
  flatten(JSON.parse(readFileSync(join(root, 'src', 'i18n', `${locale}.json`), 'utf8')));

/** Pieces of English text between placeholders that are long enough to be a real phrase. */
function phrases(text: string): string[] {
  return text
    .split(/\{\{[^}]+\}\}/)
    .map((piece) =>
      piece
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[,.:;–-]\s*|[,.:;]$/g, ''),
    )
    .filter((piece) => piece.split(' ').length >= 4 && piece.length >= 20);
}

const english = strings('en');
const englishContent: string[] = [];
for (const collection of ['paths', 'pages']) {
  const dir = join(contentDir, collection, 'en');
  for (const file of readdirSync(dir)) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? '';
    const data = parse(front) as { summary?: string; compare?: Record<string, string> };
    englishContent.push(
      ...phrases(data.summary ?? ''),
      ...Object.values(data.compare ?? {}).flatMap(phrases),
    );
  }
}

// What site.yaml says in English (who answers after hours, what each line is for) must not
// stand in for a translation either.
for (const text of [
  siteFile.specialists.after_hours,
  siteFile.specialists.hours_note,
  ...Object.values(siteFile.lines).map((line) => line.description),
]) {
  englishContent.push(...phrases(text?.en ?? ''));
}

/** The page types a person meets, one of each. */
const PAGES = [
  '',
  'find/',
  'find/path/detox/',
  'providers/boston-paaths/',
  // Staff languages (sign language among them), extensions and the source's line names.
  'providers/bournewood-hospital-bournewood-health-systems-chestnut-hill/',
  'paths/',
  'paths/methadone/',
  'compare/',
  'callback/',
  'callback/status/',
  'families/',
  'about/',
  'privacy/',
  'accessibility/',
  'operator/',
];

function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<astro-island\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

// ICU has no Haitian Creole: its French fallback must not show through in dates or names.
const FRENCH_ON_HAITIAN =
  /\b(?:janvier|février|mars|mai|juin|juillet|août|septembre|octobre|novembre|décembre|espagnol|anglais|portugais|chinois|langue des signes)\b/i;

/** Short words too short to be phrases that still must not stay in English. */
function wordChecks(locale: string, own: Map<string, string>): Array<[string, RegExp]> {
  const checks: Array<[string, RegExp]> = [
    ['source vintage in English', /\babout \d{4}\b/],
    ['language code shown as a name', /(?<![\w-])sgn(?![\w-])/],
  ];
  if (own.get('phoneKind.ext') !== english.get('phoneKind.ext'))
    checks.push(['extension in English', /(?<![\w.])ext\. \d/]);
  if (own.get('phoneLabel.intake') !== english.get('phoneLabel.intake'))
    checks.push(['line name in English', /\bIntakes?:/]);
  if (locale === 'ht') checks.push(['French on a Haitian Creole page', FRENCH_ON_HAITIAN]);
  return checks;
}

const problems: string[] = [];
for (const locale of locales.filter((l) => l !== 'en')) {
  const own = strings(locale);
  // A string the language keeps as in English (a brand, a number) is not a missed translation.
  const candidates = [
    ...[...english]
      .filter(([key, value]) => own.get(key) !== value)
      .flatMap(([, value]) => phrases(value)),
    ...englishContent,
  ];
  for (const page of PAGES) {
    const file = join(dist, locale, page, 'index.html');
    if (!existsSync(file)) {
      problems.push(`${locale}/${page}: page missing`);
      continue;
    }
    const text = visibleText(readFileSync(file, 'utf8'));
    for (const phrase of candidates) {
      if (text.includes(phrase)) problems.push(`${locale}/${page}: English left: "${phrase}"`);
    }
    for (const [what, pattern] of wordChecks(locale, own)) {
      const found = pattern.exec(text);
      if (found) problems.push(`${locale}/${page}: ${what}: "${found[0]}"`);
    }
  }
}

if (problems.length > 0) {
  console.error(`${problems.length} untranslated phrase(s):`);
  for (const problem of [...new Set(problems)]) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`No English left on ${locales.length - 1} locales × ${PAGES.length} page types.`);
