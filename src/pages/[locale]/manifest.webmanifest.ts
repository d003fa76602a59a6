import type { APIRoute, GetStaticPaths } from 'astro';
import { webManifest } from '../../domain/manifest.ts';
import { direction, useTranslations } from '../../i18n/index.ts';
import { localePaths, site } from '../../site.ts';

export const getStaticPaths = localePaths satisfies GetStaticPaths;

/** The web app manifest of one locale's site, linked from every page in that locale. */
export const GET: APIRoute = ({ params }) => {
  const locale = params.locale!;
  const t = useTranslations(locale);
  const manifest = webManifest(site, locale, {
    description: t('home.description', { city: site.city }),
    dir: direction(locale),
  });
  return new Response(JSON.stringify(manifest), {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' },
  });
};
