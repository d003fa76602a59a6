import { join } from 'node:path';
import { DEPLOYMENTS_DIR, listDeployments } from '../../src/deployment.ts';
import { loadSite } from '../../src/load-site.ts';

/** The project's root: tests read content from it whatever the working directory. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** Every deployment's content folder, for checks every deployment must pass. */
export function deploymentDirs(): string[] {
  return listDeployments(ROOT).map((name) => join(ROOT, DEPLOYMENTS_DIR, name));
}

/** The locales some deployment publishes: the UI strings are shared, so each needs them all. */
export function publishedLocales(): string[] {
  return [...new Set(deploymentDirs().flatMap((dir) => loadSite(dir).locales))];
}
