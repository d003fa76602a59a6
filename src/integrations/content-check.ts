import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ZodType } from 'zod';
import {
  formatProblem,
  FRONT_MATTER,
  frontMatter,
  parseYaml,
  validate,
  type ContentProblem,
} from '../content-file.ts';
import { deploymentDir } from '../deployment.ts';
import { readSite } from '../load-site.ts';
import { readSessions } from '../load-sessions.ts';
import { providerSchema } from '../schemas/provider.ts';
import { venueSchema } from '../schemas/venue.ts';
import { pageSchema, pathSchema } from '../schemas/path.ts';
import type { Site } from '../schemas/site.ts';
import { typedNumbers, unknownPlaceholders } from '../domain/numbers.ts';
import {
  isProductionBuild,
  unverifiedProblem,
  unverifiedProviderNumbers,
  unverifiedSiteNumbers,
  type UnverifiedNumber,
} from '../domain/unverified.ts';
import { plainHttpAddresses } from '../domain/security/published-addresses.ts';

// Whoever calls checkContent formats its problems with this.
export { formatProblem, type ContentProblem };

function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension) && !name.startsWith('.'))
    .sort();
}

/**
 * Checks every content file against its schema and against the others (a provider's
 * neighbourhood must exist; every published locale must have every path). Returns all the
 * problems at once, so an editor fixes a whole import in one pass rather than one per build.
 */
export function checkContent(contentDir: string, displayRoot = contentDir): ContentProblem[] {
  return inspectContent(contentDir, displayRoot).problems;
}

/** The content's problems, and the numbers to call it marks as unverified (not problems yet). */
export function inspectContent(
  contentDir: string,
  displayRoot = contentDir,
): { problems: ContentProblem[]; unverified: UnverifiedNumber[]; plainHttp: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const unverified: UnverifiedNumber[] = [];
  const plainHttp: ContentProblem[] = [];
  const shown = (path: string) => relative(displayRoot, path) || path;

  const { site, problems: siteProblems } = readSite(contentDir, displayRoot);
  problems.push(...siteProblems);
  if (site) unverified.push(...unverifiedSiteNumbers(site, shown(join(contentDir, 'site.yaml'))));
  if (site) plainHttp.push(...plainHttpAddresses(site, shown(join(contentDir, 'site.yaml'))));

  if (site) problems.push(...checkSiteTranslations(site, shown(join(contentDir, 'site.yaml'))));

  const providersDir = join(contentDir, 'providers');
  for (const name of listFiles(providersDir, '.yaml')) {
    const path = join(providersDir, name);
    const file = shown(path);
    const provider = validate(
      providerSchema,
      parseYaml(readFileSync(path, 'utf8'), file, problems),
      file,
      problems,
    );
    if (!provider) continue;
    unverified.push(...unverifiedProviderNumbers(provider, file));
    const expectedId = name.replace(/\.yaml$/, '');
    if (provider.id !== expectedId) {
      problems.push({ file, field: 'id', message: `must be "${expectedId}", the file's name` });
    }
    if (site && provider.neighbourhood && !(provider.neighbourhood in site.neighbourhoods)) {
      problems.push({
        file,
        field: 'neighbourhood',
        message: `"${provider.neighbourhood}" is not one of site.yaml's neighbourhoods`,
      });
    }
  }

  // Venues, then the sessions held at them: a session must name one of these venues.
  const venuesDir = join(contentDir, 'venues');
  const venueIds = new Set<string>();
  for (const name of listFiles(venuesDir, '.yaml')) {
    const file = shown(join(venuesDir, name));
    const text = readFileSync(join(venuesDir, name), 'utf8');
    const venue = validate(venueSchema, parseYaml(text, file, problems), file, problems);
    if (!venue) continue;
    const expectedId = name.replace(/\.yaml$/, '');
    if (venue.id !== expectedId) {
      problems.push({ file, field: 'id', message: `must be "${expectedId}", the file's name` });
    }
    venueIds.add(venue.id);
  }
  problems.push(...readSessions(contentDir, { displayRoot, venueIds }).problems);

  const collections: Array<[string, ZodType]> = [
    ['paths', pathSchema],
    ['pages', pageSchema],
  ];
  for (const [collection, schema] of collections) {
    const slugsByLocale = new Map<string, Set<string>>();
    const texts: WrittenText[] = [];
    const root = join(contentDir, collection);
    const locales = existsSync(root)
      ? readdirSync(root).filter((name) => !name.startsWith('.'))
      : [];
    for (const locale of locales) {
      const slugs = new Set<string>();
      for (const name of listFiles(join(root, locale), '.md')) {
        const path = join(root, locale, name);
        const file = shown(path);
        const text = readFileSync(path, 'utf8');
        const data = validate(schema, frontMatter(text, file, problems), file, problems) as
          FactChecked | undefined;
        const slug = name.replace(/\.md$/, '');
        slugs.add(slug);
        if (data) texts.push({ file, locale, slug, data, text });
      }
      slugsByLocale.set(locale, slugs);
    }
    if (site) problems.push(...checkFacts(texts, site));
    // Every published locale must have every page the default locale has: a person should
    // never meet a link that leads to another language.
    if (site) {
      const reference = slugsByLocale.get(site.locales[0] ?? 'en') ?? new Set<string>();
      for (const locale of site.locales) {
        const have = slugsByLocale.get(locale) ?? new Set<string>();
        for (const slug of reference) {
          if (!have.has(slug)) {
            problems.push({
              file: shown(join(root, locale, `${slug}.md`)),
              message: `is missing: locale "${locale}" is published in site.yaml, so it needs every ${collection.slice(0, -1)}`,
            });
          }
        }
      }
    }
  }
  return { problems, unverified, plainHttp };
}

/**
 * The check as a build runs it: the content's problems, and in a production build every
 * unverified number to call as one more (a site must not publish a number nobody confirmed),
 * and every site address that is not https:// (development uses local http:// on purpose).
 * Elsewhere the unverified numbers come back as warnings: the pages show them with a notice.
 */
export function checkForBuild(
  contentDir: string,
  displayRoot: string,
  production: boolean,
): { problems: ContentProblem[]; warnings: ContentProblem[]; refused: number } {
  const { problems, unverified, plainHttp } = inspectContent(contentDir, displayRoot);
  const listed = unverified.map(unverifiedProblem);
  const refused = [...listed, ...plainHttp];
  return production
    ? { problems: [...problems, ...refused], warnings: [], refused: refused.length }
    : { problems, warnings: listed, refused: 0 };
}

/** Texts in site.yaml that a reader sees in their language: each needs every published locale. */
function checkSiteTranslations(site: Site, file: string): ContentProblem[] {
  const texts: Array<[string, Record<string, string> | undefined]> = [
    ['short_name', site.short_name],
    ['search_examples', site.search_examples],
    ['listings_source', site.listings_source],
    ['specialists.after_hours', site.specialists.after_hours],
    ['specialists.hours_note', site.specialists.hours_note],
    // A line's name may stay as its operator publishes it; what it does must be readable.
    ...Object.entries(site.lines).map(([id, line]): [string, Record<string, string>] => [
      `lines.${id}.description`,
      line.description,
    ]),
  ];
  const problems: ContentProblem[] = [];
  for (const [field, text] of texts) {
    if (!text) continue;
    const missing = site.locales.filter((locale) => !(locale in text));
    if (missing.length > 0) {
      problems.push({ file, field, message: `has no text for ${missing.join(', ')}` });
    }
  }
  return problems;
}

interface FactChecked {
  checked: string;
  sources?: unknown[];
  compare?: Record<string, string>;
}

interface WrittenText {
  file: string;
  locale: string;
  slug: string;
  data: FactChecked;
  text: string;
}

/**
 * The rules that keep health facts traceable: the original lists its sources, a translation
 * is not behind the original it translates, and numbers to call come from site.yaml.
 */
function checkFacts(texts: WrittenText[], site: Site): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const original = site.locales[0] ?? 'en';
  const originals = new Map(texts.filter((t) => t.locale === original).map((t) => [t.slug, t]));
  for (const { file, locale, slug, data, text } of texts) {
    if (locale === original && !data.sources) {
      problems.push({
        file,
        field: 'sources',
        message: `is required in the original (${original}): list the public sources its facts rest on`,
      });
    }
    const source = originals.get(slug);
    if (locale !== original && source && data.checked < source.data.checked) {
      problems.push({
        file,
        field: 'checked',
        message: `is ${data.checked}, older than the original's ${source.data.checked}: carry the original's changes into this translation, then set the same date`,
      });
    }
    const prose = [text.replace(FRONT_MATTER, ''), ...Object.values(data.compare ?? {})].join('\n');
    for (const placeholder of unknownPlaceholders(prose, site)) {
      problems.push({ file, message: `${placeholder} names no number in site.yaml` });
    }
    for (const number of typedNumbers(prose, site)) {
      problems.push({
        file,
        message: `"${number}" is typed into the text: numbers to call come from site.yaml, e.g. {{tel:hotline.local}}`,
      });
    }
  }
  return problems;
}

/** Fails `astro dev` and `astro build` before any page renders when content is malformed. */
export function contentCheck(): AstroIntegration {
  return {
    name: 'recovery-finder:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        // Serving an already-built site reads no content.
        if (command === 'preview') return;
        const root = fileURLToPath(config.root);
        const contentDir = deploymentDir({ root });
        // Only a build publishes: `astro dev` and `astro check` show the numbers and warn.
        const production = command === 'build' && isProductionBuild(process.env);
        const { problems, warnings, refused } = checkForBuild(contentDir, root, production);
        if (problems.length > 0) {
          const list = problems.map((problem) => `  - ${formatProblem(problem)}`).join('\n');
          const why =
            refused > 0
              ? `\n(NODE_ENV=production: a published site may not show an unverified number or use a plain http:// address; ${refused} above.)`
              : '';
          throw new Error(
            `Content check failed: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${list}${why}`,
          );
        }
        for (const warning of warnings) {
          logger.warn(`${formatProblem(warning)} (a production build refuses it)`);
        }
        logger.info(`content checked: no problems in ${relative(root, contentDir) || contentDir}`);
      },
    },
  };
}
