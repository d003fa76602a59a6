import type { APIRoute } from 'astro';
import { robotsTxt } from '../domain/search-engines.ts';
import { site } from '../site.ts';

/** robots.txt, pointing crawlers to the sitemap on the deployment's origin. */
export const GET: APIRoute = () =>
  new Response(robotsTxt(site.origin), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
