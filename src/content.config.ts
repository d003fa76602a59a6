import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deploymentDir } from './deployment.ts';
import { providerSchema } from './schemas/provider.ts';
import { pageSchema, pathSchema } from './schemas/path.ts';
import { venueSchema } from './schemas/venue.ts';

// Content lives outside src/ because a deployment edits it without touching code.
// The same schemas are checked before the build by the content-check integration, which
// names the file and field in plain words; these collections are how pages read the data.
// The folder is the selected deployment's (`DEPLOYMENT`), relative to the project's root,
// where Astro resolves a relative base.
const dir = deploymentDir();
const base = (folder: string) => join(dir, folder);

/**
 * One entry per YAML file of a folder. A deployment may have providers, venues or both: an
 * absent folder is an empty collection, not a warning on every build.
 */
function yamlFiles(folder: string): Loader {
  if (existsSync(base(folder))) return glob({ pattern: '*.yaml', base: base(folder) });
  return { name: `no-${folder}`, load: ({ store }) => Promise.resolve(store.clear()) };
}

const providers = defineCollection({ loader: yamlFiles('providers'), schema: providerSchema });

// Places where a service holds sessions (pharmacies, GP practices …), from public registers.
const venues = defineCollection({ loader: yamlFiles('venues'), schema: venueSchema });

// Ids keep the locale folder as written (`zh-Hans/detox`): the default id is lower-cased.
const keepCase = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

const paths = defineCollection({
  loader: glob({ pattern: '*/*.md', base: base('paths'), generateId: keepCase }),
  schema: pathSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '*/*.md', base: base('pages'), generateId: keepCase }),
  schema: pageSchema,
});

export const collections = { providers, venues, paths, pages };
