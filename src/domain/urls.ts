/**
 * Site-relative URLs, built in one place so every link to a page is the same link. Nothing
 * else in src/ puts a value into a path: tests/unit/links.test.ts fails when something does.
 */

/** `/{locale}/{path}` where `path` is the locale-independent part ("find/", "paths/detox/"). */
export function localized(locale: string, path: string): string {
  return `/${locale}/${path.replace(/^\/+/, '')}`;
}

/**
 * One service worker per language, `/<locale>/sw.js`, its scope that language's pages: each
 * keeps only its own language's pages for offline use (docs/decisions/0008-service-worker.md).
 */
export function serviceWorkerOf(locale: string): { url: string; scope: string } {
  return { url: localized(locale, 'sw.js'), scope: localized(locale, '') };
}

/** The page a language's service worker answers with for a page it has not saved. */
export function offlinePath(): string {
  return 'offline/';
}

/** The path on the deployment's public origin, for links that leave the page: texts, QR codes. */
export function absolute(origin: string, path: string): string {
  return new URL(path, origin).href;
}

/** A file at the root of the site, the same for every locale: an icon, robots.txt, the sitemap. */
export function rootFile(name: string): string {
  return `/${name}`;
}

/** The web app manifest of one locale's site, beside its pages (`/es/manifest.webmanifest`). */
export function manifestPath(): string {
  return 'manifest.webmanifest';
}

/** A page directly under the locale: a content page ("families/", "about/") or "operator/". */
export function topLevelPath(name: string): string {
  return `${name}/`;
}

export function providerPath(id: string): string {
  return `providers/${id}/`;
}

/** A session's calendar file, beside its venue's page. */
export function sessionCalendarPath(venueId: string, sessionId: string): string {
  return `${providerPath(venueId)}${sessionId}.ics`;
}

export function pathPagePath(slug: string): string {
  return `paths/${slug}/`;
}

/** The finder, with its state as a query (`?q=…&service=…`, from `searchFromState`). */
export function finderPath(search = ''): string {
  return `find/${search}`;
}

export function finderPathPath(slug: string): string {
  return `find/path/${slug}/`;
}

export function finderAreaPath(slug: string): string {
  return `find/area/${slug}/`;
}

/** Page `page` of a paginated list whose first page is at `path` ("find/area/roxbury/2/"). */
export function listPagePath(path: string, page: number): string {
  return page > 1 ? `${path}${page}/` : path;
}

/** The short link to a provider that goes in texts and QR codes (`p/4k7q2mz/`). */
export function shortLinkPath(code: string): string {
  return `p/${code}/`;
}

/** The callback form, optionally prefilled (`?for=someone-else&path=detox&provider=…`). */
export function callbackPath(prefill: Record<string, string> = {}): string {
  const query = new URLSearchParams(prefill).toString();
  return `callback/${query ? `?${query}` : ''}`;
}

/**
 * The page that looks a callback request up (`callback/status/?id=REQ-7K3MQ9XD`); without an
 * id, the page with its empty form.
 */
export function callbackStatusPath(id?: string): string {
  return `callback/status/${id ? `?${new URLSearchParams({ id }).toString()}` : ''}`;
}

/** A URL slug: ASCII letters and digits joined by single hyphens ("Jamaica Plain" → "jamaica-plain"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
