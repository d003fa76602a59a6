import type { APIRoute, GetStaticPaths } from 'astro';
import { localePaths } from '../../site.ts';
import { searchIndexBody } from '../../versioned-files.ts';

export const getStaticPaths = localePaths satisfies GetStaticPaths;

/**
 * The finder's search index for one locale, fetched the first time a person searches. Pages
 * link to it with its version (src/versioned-files.ts).
 */
export const GET: APIRoute = async ({ params }) =>
  new Response(await searchIndexBody(params.locale!), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
