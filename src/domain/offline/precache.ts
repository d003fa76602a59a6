import { createHash } from 'node:crypto';

/**
 * What one language's service worker saves on install, worked out from the built pages
 * (src/integrations/outbox-scripts.ts runs it over dist/): the pages, and everything they
 * load before anyone asks for more. Build-time code: it reads text, it fetches nothing.
 */

/** A short hash of a file's content, for a URL that changes exactly when the file does. */
export function contentVersion(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 12);
}

/**
 * `url` with its content's version as a query (`/en/search-index.json?v=…`): a page built
 * with one index asks for that index, never an older one a cache still holds.
 */
export function versionedUrl(url: string, body: string | Uint8Array): string {
  return `${url}?v=${contentVersion(body)}`;
}

/** The file in dist/ a site-relative URL is served from: `/en/` → `en/index.html`. */
export function fileOfUrl(url: string): string {
  const path = decodeURI(url.split(/[?#]/)[0]!).replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** Whether a URL belongs to this site, and is not a link to another host or a data: URL. */
function isSiteRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** The `<link rel>` kinds a page loads by itself (a web app manifest and its icon included). */
const PAGE_LINKS = ['stylesheet', 'modulepreload', 'icon', 'apple-touch-icon', 'manifest'];

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replaceAll('&amp;', '&');
}

/**
 * The site's files a page loads by itself: its scripts, stylesheets, module preloads, the
 * islands' components and renderers, its icons and web app manifest. Not links a person follows, and not what
 * the scripts load later on request (the map).
 */
export function pageAssets(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attribute(tag, 'src');
    if (src) found.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = attribute(tag, 'rel')?.split(/\s+/) ?? [];
    const href = attribute(tag, 'href');
    if (href && rel.some((kind) => PAGE_LINKS.includes(kind))) found.push(href);
  }
  for (const [tag] of html.matchAll(/<astro-island\b[^>]*>/g)) {
    for (const name of ['component-url', 'renderer-url']) {
      const url = attribute(tag, name);
      if (url) found.push(url);
    }
  }
  // Scripts written into the page import modules too (Astro's island loader does).
  for (const match of html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g))
    found.push(...staticImports(match[1] ?? '', '/'));
  return [...new Set(found.filter(isSiteRelative))];
}

/**
 * Modules a script imports statically (`import … from "./x.js"`, `import "./y.js"`), as
 * site-relative URLs. A dynamic `import("./map.js")` loads on request and is left out.
 */
export function staticImports(code: string, from: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    const target = match[1]!;
    if (/^[a-z]+:/i.test(target)) continue;
    found.push(new URL(target, `http://site${from}`).pathname);
  }
  return found;
}

/**
 * Every URL to save for `pages`: the pages, what they load (pageAssets), and every module
 * those scripts import statically, each once, in the order found. `read` gives a file's text.
 */
export function precacheUrls(pages: readonly string[], read: (url: string) => string): string[] {
  const found = new Set<string>();
  const queue = [...pages];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (found.has(url)) continue;
    found.add(url);
    const file = fileOfUrl(url);
    if (file.endsWith('.html')) queue.push(...pageAssets(read(url)));
    else if (file.endsWith('.js')) queue.push(...staticImports(read(url), url.split('?')[0]!));
  }
  return [...found];
}
