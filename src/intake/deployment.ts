import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import {
  buildCallbackDefinition,
  callbackSettingsFromSite,
  type CallbackDefinition,
} from '../domain/callback/definition.ts';
import { endpointFromSite, type Open311Endpoint } from '../domain/callback/request.ts';
import { toWeeklyIntervals } from '../domain/opening-hours.ts';
import type { WeeklyInterval } from '../domain/weekly-hours.ts';
import { loadSite } from '../load-site.ts';
import { defaultContentDir } from './config.ts';
import type { Site } from '../schemas/site.ts';

/** The deployment as the intake server sees it: the same definition the form is built from. */
export interface IntakeDeployment {
  site: Site;
  callback: CallbackDefinition;
  endpoint: Open311Endpoint;
  specialistsWeek: WeeklyInterval[];
  /**
   * When the files the service and its definition are built from last changed (ISO 8601,
   * UTC): the discovery document's changeset, which tells clients to refresh what they cached.
   */
  changeset: string;
}

interface PathFile {
  slug: string;
  title: string;
  order: number;
}

/** Front matter of a Markdown file: the YAML between the first two `---` lines. */
function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const data: unknown = match ? parse(match[1]!) : {};
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

function pathFiles(contentDir: string, locale: string): string[] {
  const folder = join(contentDir, 'paths', locale);
  // A deployment still writing its paths offers none on the form yet.
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name));
}

/** The paths of the default locale, in editorial order; slugs are the same in every locale. */
function readPaths(contentDir: string, locale: string): PathFile[] {
  return pathFiles(contentDir, locale)
    .map((file) => {
      const data = frontMatter(readFileSync(file, 'utf8'));
      const slug = basename(file, '.md');
      return {
        slug,
        title: typeof data.title === 'string' ? data.title : slug,
        order: typeof data.order === 'number' ? data.order : Number.MAX_SAFE_INTEGER,
      };
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/** The newest modification time of the files, to the second: sortable, as discovery asks. */
function changedAt(files: readonly string[]): string {
  const newest = Math.max(...files.map((file) => statSync(file).mtimeMs));
  return `${new Date(newest).toISOString().slice(0, 19)}Z`;
}

export function loadDeployment(contentDir: string = defaultContentDir()): IntakeDeployment {
  const site = loadSite(contentDir);
  const locale = site.locales[0]!;
  const paths = readPaths(contentDir, locale);
  // No published hours, no week: the server then gives no expected call time.
  const specialistsWeek = site.specialists.hours ? toWeeklyIntervals(site.specialists.hours) : [];
  const settings = callbackSettingsFromSite(
    site,
    paths.map((p) => p.slug),
    specialistsWeek,
    Object.fromEntries(paths.map((p) => [p.slug, p.title])),
  );
  return {
    site,
    callback: buildCallbackDefinition(settings),
    endpoint: endpointFromSite(site.intake),
    specialistsWeek,
    changeset: changedAt([join(contentDir, 'site.yaml'), ...pathFiles(contentDir, locale)]),
  };
}
