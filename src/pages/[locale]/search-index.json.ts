import type { APIRoute, GetStaticPaths } from 'astro';
import { allProviders, venueSlots } from '../../collections.ts';
import { buildSearchIndexFile } from '../../domain/search/documents.ts';
import { useTranslations } from '../../i18n/index.ts';
import { localePaths, site } from '../../site.ts';

export const getStaticPaths = localePaths satisfies GetStaticPaths;

/** The finder's search index for one locale, fetched the first time a person searches. */
export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale!;
  const t = useTranslations(locale);
  const file = buildSearchIndexFile(
    await allProviders(),
    site,
    locale,
    (facet, key) => t(`taxonomy.${facet}.${key}`),
    venueSlots(),
  );
  return new Response(JSON.stringify(file), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
