/**
 * The one way to read a deployment's site.yaml, for the site's build, the intake server, the
 * content check, the importer and the tests. Plain Node (no Astro), so any of them can use it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { formatProblem, parseYaml, validate, type ContentProblem } from './content-file.ts';
import { deploymentDir } from './deployment.ts';
import { siteSchema, type Site } from './schemas/site.ts';

/** A site file that cannot be used; the message names the file and each field that is wrong. */
export class SiteFileError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'SiteFileError';
    this.problems = problems;
  }
}

/**
 * Reads and checks one site file, returning every problem rather than the first. The file is
 * named relative to `displayRoot` in the problems, as an editor would look for it, unless it
 * lies outside.
 */
export function readSiteFile(
  path: string,
  displayRoot: string = process.cwd(),
): { site: Site | undefined; problems: ContentProblem[] } {
  const inside = relative(displayRoot, path);
  const outside = inside.split(sep)[0] === '..' || isAbsolute(inside);
  const file = inside && !outside ? inside : path;
  const problems: ContentProblem[] = [];
  if (!existsSync(path)) {
    problems.push({ file, message: 'is missing: the deployment needs a site file' });
    return { site: undefined, problems };
  }
  const site = validate(
    siteSchema,
    parseYaml(readFileSync(path, 'utf8'), file, problems),
    file,
    problems,
  );
  return { site, problems };
}

/**
 * `site.yaml` of a content folder, with its problems (see `readSiteFile`). The folder is the
 * selected deployment's (`DEPLOYMENT`, see deployment.ts) unless one is given.
 */
export function readSite(
  contentDir: string = deploymentDir(),
  displayRoot: string = process.cwd(),
) {
  return readSiteFile(join(contentDir, 'site.yaml'), displayRoot);
}

/** The deployment's site settings; throws a `SiteFileError` when the file is missing or wrong. */
export function loadSite(contentDir: string = deploymentDir()): Site {
  const { site, problems } = readSite(contentDir);
  if (!site) throw new SiteFileError(problems);
  return site;
}
