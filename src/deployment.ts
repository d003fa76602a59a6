/**
 * Which deployment a run serves, decided in this one place for the build, `astro dev`, the
 * content check, the importers, the intake server and the tests. A deployment is a folder of
 * content, `content/<name>/`: the code is the same for every place, the folder is what differs.
 * Plain Node (no Astro), so any of them can use it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** The deployment served when `DEPLOYMENT` is not set, so the README's commands stay short. */
export const DEFAULT_DEPLOYMENT = 'boston';

/** The folder holding one folder per deployment, relative to the project's root. */
export const DEPLOYMENTS_DIR = 'content';

type Env = Readonly<Record<string, string | undefined>>;

export interface DeploymentOptions {
  /** `DEPLOYMENT` names a folder of content/; `DEPLOYMENT_DIR` points at any folder (fixtures). */
  env?: Env;
  /**
   * The project's root. Relative by default (the working directory), so the folder comes back
   * relative too, as editors and Astro's collections name it: `content/boston`.
   */
  root?: string;
}

/** A deployment that cannot be served; the message says which ones can. */
export class DeploymentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeploymentError';
  }
}

// A folder name, never a path: `DEPLOYMENT=../elsewhere` must not reach outside content/.
const NAME = /^[a-z0-9][a-z0-9_-]*$/i;

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * The deployments that exist: the folders of content/ with a site.yaml, sorted. A folder still
 * being gathered (sources and venues, no site.yaml yet) is not a deployment until it has one.
 */
export function listDeployments(root = '.'): string[] {
  const dir = join(root, DEPLOYMENTS_DIR);
  if (!isFolder(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .filter((entry) => existsSync(join(dir, entry.name, 'site.yaml')))
    .map((entry) => entry.name)
    .sort();
}

/** The deployment's name: `DEPLOYMENT`, or Boston when it is unset or empty. */
export function deploymentName(env: Env = process.env): string {
  return env.DEPLOYMENT?.trim() || DEFAULT_DEPLOYMENT;
}

/**
 * The deployment's content folder (site.yaml, providers/, paths/, pages/, glossary/, sources/).
 * `DEPLOYMENT_DIR`, when set, wins over `DEPLOYMENT`: tests point it at a fixture deployment.
 * Throws a `DeploymentError` naming the deployments that exist when the folder does not.
 */
export function deploymentDir(options: DeploymentOptions = {}): string {
  const env = options.env ?? process.env;
  const root = options.root ?? '.';
  const override = env.DEPLOYMENT_DIR?.trim();
  if (override) {
    const dir = isAbsolute(override) ? override : join(root, override);
    if (!isFolder(dir)) {
      throw new DeploymentError(`DEPLOYMENT_DIR="${override}" is not a folder`);
    }
    return dir;
  }
  const name = deploymentName(env);
  const dir = join(root, DEPLOYMENTS_DIR, name);
  if (!NAME.test(name) || !isFolder(dir) || !existsSync(join(dir, 'site.yaml'))) {
    const known = listDeployments(root);
    const choice = known.length > 0 ? known.join(', ') : 'none';
    // A folder gathering sources for a place (no site.yaml yet) is told apart from a typo.
    const gathering = NAME.test(name) && isFolder(dir);
    const missing = gathering
      ? `${join(DEPLOYMENTS_DIR, name)} has no site.yaml yet`
      : `content/ has no folder "${name}"`;
    const remedy = gathering ? 'give it its site.yaml' : `add the folder "${name}" to content/`;
    throw new DeploymentError(
      `DEPLOYMENT="${name}" is not a deployment: ${missing}. ` +
        `Deployments: ${choice}. Set DEPLOYMENT to one of them, or ${remedy} ` +
        `(README: "Add a deployment").`,
    );
  }
  return dir;
}
