/**
 * After a build: no English sentence from the interface or the English paths may appear on a
 * page in another language (names and numbers aside). Run: `node tests/i18n/check-untranslated.ts dist`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { deploymentDir } from '../../src/deployment.ts';
import { deploymentStrings, withRegionalFallbacks } from '../../src/i18n/deployment-strings.ts';
import { loadSite } from '../../src/load-site.ts';

const dist = process.argv[2] ?? 'dist';
const root = join(import.meta.dirname, '..', '..');
// The deployment that was built (`DEPLOYMENT`, Boston by default).
const contentDir = deploymentDir({ root });
const siteFile = loadSite(contentDir);
const { locales } = siteFile;
// The original every other locale is translated from: English in Boston, British English in
// County Durham.
const original = locales[0]!;

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
// The strings as this deployment shows them: regional files over their language's, then the
// deployment's own wording and facts (site.yaml `strings`), so an override is checked too.
const i18nDir = join(root, 'src', 'i18n');
const shown = deploymentStrings(
  withRegionalFallbacks(
    Object.fromEntries(
      readdirSync(i18nDir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => [
          name.replace(/\.json$/, ''),
          JSON.parse(readFileSync(join(i18nDir, name), 'utf8')) as Record<string, unknown>,
        ]),
    ),
  ),
  siteFile,
);
const strings = (locale: string) => flatten(shown[locale]);

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

const english = strings(original);
const englishContent: string[] = [];
const slugs = (collection: string) => {
  const dir = join(contentDir, collection, original);
  return existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.md')) : [];
};
for (const collection of ['paths', 'pages']) {
  const dir = join(contentDir, collection, original);
  for (const file of slugs(collection)) {
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
  englishContent.push(...phrases(text?.[original] ?? ''));
}

/** Listings of this deployment, by the file that holds each (providers or venues). */
const listingIds = ['providers', 'venues'].flatMap((folder) => {
  const dir = join(contentDir, folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.yaml'))
        .map((file) => file.replace(/\.yaml$/, ''))
    : [];
});
const firstPath = slugs('paths')[0]?.replace(/\.md$/, '');
/** Listings worth checking by name where they exist, else the deployment's first one. */
const NAMED_LISTINGS = [
  'boston-paaths',
  // Staff languages (sign language among them), extensions and the source's line names.
  'bournewood-hospital-bournewood-health-systems-chestnut-hill',
];
const listings = NAMED_LISTINGS.filter((id) => listingIds.includes(id));
if (listings.length === 0 && listingIds[0]) listings.push(listingIds[0]);

/** The page types a person meets, one of each. */
const PAGES = [
  '',
  'find/',
  ...(firstPath ? [`find/path/${firstPath}/`, `paths/${firstPath}/`] : []),
  ...listings.map((id) => `providers/${id}/`),
  'paths/',
  'compare/',
  'callback/',
  'callback/status/',
  ...slugs('pages').map((file) => `${file.replace(/\.md$/, '')}/`),
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
for (const locale of locales.filter((l) => l !== original)) {
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
