import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ZodType } from 'zod';
import {
  formatProblem,
  frontMatter,
  parseYaml,
  validate,
  type ContentProblem,
} from '../content-file.ts';
import { readSite } from '../load-site.ts';
import { providerSchema } from '../schemas/provider.ts';
import { pageSchema, pathSchema } from '../schemas/path.ts';

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
  const problems: ContentProblem[] = [];
  const shown = (path: string) => relative(displayRoot, path) || path;

  const { site, problems: siteProblems } = readSite(contentDir, displayRoot);
  problems.push(...siteProblems);

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

  const collections: Array<[string, ZodType]> = [
    ['paths', pathSchema],
    ['pages', pageSchema],
  ];
  for (const [collection, schema] of collections) {
    const slugsByLocale = new Map<string, Set<string>>();
    const root = join(contentDir, collection);
    const locales = existsSync(root)
      ? readdirSync(root).filter((name) => !name.startsWith('.'))
      : [];
    for (const locale of locales) {
      const slugs = new Set<string>();
      for (const name of listFiles(join(root, locale), '.md')) {
        const path = join(root, locale, name);
        const file = shown(path);
        validate(schema, frontMatter(readFileSync(path, 'utf8'), file, problems), file, problems);
        slugs.add(name.replace(/\.md$/, ''));
      }
      slugsByLocale.set(locale, slugs);
    }
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
        const problems = checkContent(join(root, 'content'), root);
        if (problems.length > 0) {
          const list = problems.map((problem) => `  - ${formatProblem(problem)}`).join('\n');
          throw new Error(
            `Content check failed: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${list}`,
          );
        }
        logger.info('content checked: no problems');
      },
    },
  };
}
