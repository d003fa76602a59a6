import type { APIRoute, GetStaticPaths } from 'astro';
import { renderAppIcon } from '../app-icons.ts';
import { APP_ICONS, type AppIcon } from '../domain/manifest.ts';

/** The icons a phone saves with the site (`/icon-192.png` …), drawn from the favicon. */
export const getStaticPaths = (() =>
  APP_ICONS.map((icon) => ({
    params: { icon: icon.name },
    props: { icon },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ icon: AppIcon }> = async ({ props }) =>
  new Response(new Uint8Array(await renderAppIcon(props.icon)), {
    headers: { 'Content-Type': 'image/png' },
  });
