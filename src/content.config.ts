import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { providerSchema } from './schemas/provider.ts';
import { pageSchema, pathSchema } from './schemas/path.ts';

// Content lives outside src/ because a deployment edits it without touching code.
// The same schemas are checked before the build by the content-check integration, which
// names the file and field in plain words; these collections are how pages read the data.
const providers = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/providers' }),
  schema: providerSchema,
});

const paths = defineCollection({
  loader: glob({ pattern: '*/*.md', base: './content/paths' }),
  schema: pathSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '*/*.md', base: './content/pages' }),
  schema: pageSchema,
});

export const collections = { providers, paths, pages };
