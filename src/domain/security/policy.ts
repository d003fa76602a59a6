/**
 * The site's security policy, from site.yaml: the Content Security Policy and the other
 * response headers a static host sends with every file, and how long each file may be cached.
 * One function decides them; the build writes them as dist/_headers and into each page's
 * <meta>, `npm run headers` prints them for nginx and Caddy (src/domain/security/server-config.ts),
 * and the test server applies dist/_headers (src/cli/static-server.ts), so what the tests run
 * under is what a host sends.
 */
import type { Site } from '../../schemas/site.ts';

/** What of site.yaml the policy depends on: where callbacks are sent, where map tiles come from. */
export type PolicySite = {
  intake: Pick<Site['intake'], 'endpoint'>;
  map: Pick<Site['map'], 'tiles'>;
};

/** The hashes ('sha256-…', without quotes) of the inline scripts and styles a page or the site has. */
export interface InlineHashes {
  scripts: readonly string[];
  styles: readonly string[];
}

/** One CSP directive: its name and its sources, in order. */
export interface Directive {
  name: string;
  sources: readonly string[];
}

/** An HTTP response header. */
export interface Header {
  name: string;
  value: string;
}

/** The origin the callback form posts to (connect-src, form-action): site.yaml's intake.endpoint. */
export function intakeOrigin(site: PolicySite): string {
  return new URL(site.intake.endpoint).origin;
}

/**
 * The source expression for the map tiles: the scheme and host of site.yaml's map.tiles, with a
 * `{s}` subdomain (a.tile…, b.tile…) written as the wildcard `*.`, since Leaflet picks one.
 */
export function tileSource(site: PolicySite): string {
  const match = /^(https?:)\/\/([^/?#]+)/.exec(site.map.tiles);
  if (!match) throw new Error(`map.tiles must be an http(s) address: ${site.map.tiles}`);
  const host = match[2]!.replace(/^\{s\}\./, '*.');
  if (/[{}]/.test(host)) {
    throw new Error(`map.tiles may vary only its first label, as {s}: ${site.map.tiles}`);
  }
  return `${match[1]}//${host}`;
}

const quoted = (hash: string) => `'${hash}'`;
const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * The Content Security Policy. `where` is 'header' for the HTTP header, 'meta' for the page's
 * <meta http-equiv>: a <meta> cannot carry frame-ancestors (browsers ignore it there and
 * Chromium logs an error, which would cost the page its best-practices score), so the header
 * alone forbids framing.
 *
 * Nothing is allowed unless named: scripts and styles are the site's own files plus the inline
 * ones by hash (no 'unsafe-inline'); the only other origins are the intake endpoint (the
 * callback form sends to it) and the tile host (images, once a person opens the map).
 */
export function contentSecurityPolicy(
  site: PolicySite,
  hashes: InlineHashes,
  where: 'header' | 'meta',
): Directive[] {
  const intake = intakeOrigin(site);
  const directives: Directive[] = [
    { name: 'default-src', sources: ["'none'"] },
    { name: 'script-src', sources: ["'self'", ...unique(hashes.scripts).map(quoted)] },
    { name: 'style-src', sources: ["'self'", ...unique(hashes.styles).map(quoted)] },
    // data: because Leaflet cancels a tile it no longer needs by pointing it at an empty
    // data: GIF; an image cannot run code, whatever its address.
    { name: 'img-src', sources: ["'self'", 'data:', tileSource(site)] },
    { name: 'connect-src', sources: unique(["'self'", intake]) },
    // The per-locale service workers and manifests are the site's own files.
    { name: 'worker-src', sources: ["'self'"] },
    { name: 'manifest-src', sources: ["'self'"] },
    { name: 'form-action', sources: unique(["'self'", intake]) },
    { name: 'base-uri', sources: ["'none'"] },
    { name: 'object-src', sources: ["'none'"] },
  ];
  if (where === 'header') directives.push({ name: 'frame-ancestors', sources: ["'none'"] });
  return directives;
}

/** Directives as a header or <meta> value: `name source source; name source`. */
export function formatPolicy(directives: readonly Directive[]): string {
  return directives.map(({ name, sources }) => [name, ...sources].join(' ')).join('; ');
}

/** Directives read back from a policy string (the inverse of formatPolicy). */
export function parsePolicy(policy: string): Directive[] {
  return policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0])
    .map(([name, ...sources]) => ({ name: name!.toLowerCase(), sources }));
}

/**
 * Features the site uses: the finder's "my location" only. Everything else a page could ask
 * for is off, for the site and anything it might embed. Only features Chromium knows are
 * listed: it logs an error for an unknown one.
 */
const PERMISSIONS: readonly (readonly [string, string])[] = [
  ['geolocation', '(self)'],
  ['accelerometer', '()'],
  ['autoplay', '()'],
  ['camera', '()'],
  ['display-capture', '()'],
  ['encrypted-media', '()'],
  ['fullscreen', '()'],
  ['gyroscope', '()'],
  ['magnetometer', '()'],
  ['microphone', '()'],
  ['midi', '()'],
  ['payment', '()'],
  ['picture-in-picture', '()'],
  ['publickey-credentials-get', '()'],
  ['screen-wake-lock', '()'],
  ['serial', '()'],
  ['usb', '()'],
  ['xr-spatial-tracking', '()'],
];

/** One year, in seconds: what HSTS preload lists and reviewers expect as a minimum. */
export const ONE_YEAR = 31_536_000;

/** The headers every response of the site carries, whatever the file. */
export function securityHeaders(site: PolicySite, hashes: InlineHashes): Header[] {
  return [
    {
      name: 'Content-Security-Policy',
      value: formatPolicy(contentSecurityPolicy(site, hashes, 'header')),
    },
    // Browsers honour it only over HTTPS, so it is harmless on a local http:// test server.
    { name: 'Strict-Transport-Security', value: `max-age=${ONE_YEAR}; includeSubDomains` },
    { name: 'X-Content-Type-Options', value: 'nosniff' },
    // A provider's site or a maps app must not learn which page sent the person.
    { name: 'Referrer-Policy', value: 'no-referrer' },
    {
      name: 'Permissions-Policy',
      value: PERMISSIONS.map(([feature, allow]) => `${feature}=${allow}`).join(', '),
    },
    // The site opens no window that needs a handle on it, nor is opened by one.
    { name: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    // For browsers older than frame-ancestors.
    { name: 'X-Frame-Options', value: 'DENY' },
  ];
}

/** Files named by their content's hash (Astro's /_astro/): never change, cached for a year. */
export const IMMUTABLE = `public, max-age=${ONE_YEAR}, immutable`;
/**
 * Everything else (pages, search indexes, postal-code tables, service workers, manifests,
 * icons): a cache may keep it but asks the host each time whether it changed, so a corrected
 * phone number reaches people at once.
 */
export const REVALIDATE = 'no-cache';
/** The folder of hashed files. */
export const HASHED_FOLDER = '_astro';

/** A file or folder at the top of the build. */
export interface TopLevelEntry {
  name: string;
  folder: boolean;
}

/** A path pattern (`/*` any path, `/_astro/*` a folder) and the headers it gets. */
export interface HeaderRule {
  path: string;
  headers: readonly Header[];
}

/**
 * The whole policy as rules in the order of a _headers file: the security headers for every
 * path, then each path's Cache-Control. Hosts that read _headers (Netlify, Cloudflare Pages)
 * join the values of a header set by several matching rules with a comma, so the cache rules
 * never overlap: one for the hashed folder and one for each other top-level entry of the
 * build (`topLevel`: `en` and `_astro` folders, `sw.js` and `404.html` files …).
 */
export function headerRules(
  site: PolicySite,
  hashes: InlineHashes,
  topLevel: readonly TopLevelEntry[],
): HeaderRule[] {
  const cache = (value: string): Header[] => [{ name: 'Cache-Control', value }];
  const others = topLevel
    .filter(({ name }) => name !== HASHED_FOLDER && name !== '_headers')
    .map(({ name, folder }) => (folder ? `/${name}/*` : `/${name}`))
    .sort()
    .map((path) => ({ path, headers: cache(REVALIDATE) }));
  return [
    { path: '/*', headers: securityHeaders(site, hashes) },
    { path: `/${HASHED_FOLDER}/*`, headers: cache(IMMUTABLE) },
    { path: '/', headers: cache(REVALIDATE) },
    ...others,
  ];
}

/**
 * The intake server's equivalent, on every answer: it serves data (JSON, XML), never a page, so
 * its policy allows nothing at all and no page may frame it. HSTS takes effect where it is
 * reached over HTTPS (behind a proxy that terminates TLS); over plain http browsers ignore it.
 * Cache-Control: no-store is the intake's own, on every answer: statuses change and the export
 * is personal data.
 */
export function intakeSecurityHeaders(): Header[] {
  return [
    { name: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
    { name: 'Strict-Transport-Security', value: `max-age=${ONE_YEAR}; includeSubDomains` },
    { name: 'X-Content-Type-Options', value: 'nosniff' },
    { name: 'Referrer-Policy', value: 'no-referrer' },
    { name: 'X-Frame-Options', value: 'DENY' },
  ];
}
