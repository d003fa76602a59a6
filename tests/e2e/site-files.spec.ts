/**
 * The files a phone and a search engine read beside the pages, as the built site serves them:
 * each locale's web app manifest and its icons, robots.txt and the sitemap, and, over every
 * page built, that the sitemap and the pages' own heads say the same thing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { deploymentDir } from '../../src/deployment.ts';
import { localeInfo } from '../../src/i18n/locales.ts';
import { loadSite } from '../../src/load-site.ts';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
// The deployment that was built (`DEPLOYMENT`, Boston by default).
const site = loadSite(deploymentDir({ root }));
const { locales } = site;

/** Width and height from a PNG's header (its first chunk, IHDR). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A path on the deployment's origin, as the test server serves it. */
const onServer = (url: string) => new URL(url).pathname;

test.describe('the web app manifest', () => {
  for (const locale of locales) {
    test(`${locale}: the home page links its own, which Chromium reads without a fault`, async ({
      page,
    }) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`/${locale}/`);
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBe(`/${locale}/manifest.webmanifest`);

      const response = await page.request.get(href!);
      expect(response.ok()).toBe(true);
      const manifest = (await response.json()) as Record<string, unknown>;
      expect(manifest).toMatchObject({
        lang: locale,
        dir: localeInfo(locale).dir,
        start_url: `/${locale}/`,
        scope: `/${locale}/`,
        id: `/${locale}/`,
        display: 'standalone',
        short_name: site.short_name?.[locale],
      });
      expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(
        manifest.theme_color,
      );

      // Chromium's own reading of the manifest, as it would to offer installing the site.
      const cdp = await page.context().newCDPSession(page);
      const read = (await cdp.send('Page.getAppManifest')) as {
        url: string;
        errors: unknown[];
      };
      expect(read.url).toMatch(new RegExp(`/${locale}/manifest\\.webmanifest$`));
      expect(read.errors).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  test('every icon is a PNG of the size it claims', async ({ request }) => {
    const manifest = (await (await request.get(`/${locales[0]}/manifest.webmanifest`)).json()) as {
      icons: Array<{ src: string; sizes: string; purpose: string }>;
    };
    expect(manifest.icons.map((icon) => icon.purpose).sort()).toEqual(['any', 'any', 'maskable']);
    // iOS asks for /apple-touch-icon.png by itself: no page needs to link it.
    const icons = [...manifest.icons, { src: '/apple-touch-icon.png', sizes: '180x180' }];
    for (const icon of icons) {
      const response = await request.get(icon.src);
      expect(response.ok(), icon.src).toBe(true);
      expect(response.headers()['content-type']).toBe('image/png');
      const { width, height } = pngSize(await response.body());
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
  });
});

test.describe('robots.txt and the sitemap', () => {
  test('robots.txt points to a valid sitemap of every locale’s pages, with their languages', async ({
    request,
  }) => {
    const robots = await (await request.get('/robots.txt')).text();
    const sitemapUrl = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemapUrl).toBe(new URL('/sitemap-index.xml', site.origin).href);

    const entries = await readSitemap(request);
    const home = entries.get(`/${locales[0]}/`);
    expect(home, 'the first locale’s home page is listed').toBeDefined();
    // Every listed page names itself in every locale, the first as the default.
    for (const [path, alternates] of entries) {
      expect([...alternates.keys()].sort(), path).toEqual([...locales, 'x-default'].sort());
      const locale = path.split('/')[1]!;
      expect(alternates.get(locale), path).toBe(path);
    }
    for (const locale of locales) {
      expect(entries.has(`/${locale}/operator/`)).toBe(false);
      expect([...entries.keys()].some((path) => path.startsWith(`/${locale}/p/`))).toBe(false);
    }
  });

  test('lists exactly the pages that do not say noindex, each as its own head names it', async ({
    request,
  }) => {
    test.setTimeout(180_000);
    const entries = await readSitemap(request);
    const problems: string[] = [];
    for (const file of htmlFiles(dist)) {
      const path = `/${relative(dist, file).split(sep).join('/')}`.replace(/index\.html$/, '');
      const head = readFileSync(file, 'utf8').split('</head>')[0]!;
      const noindex = /<meta name="robots" content="noindex"/.test(head);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(head)?.[1];
      const listed = entries.get(path);
      if (noindex) {
        if (listed) problems.push(`${path}: listed, yet says noindex`);
        if (canonical) problems.push(`${path}: says noindex, yet names a canonical address`);
        continue;
      }
      // The bare address sends a browser on to its language's home: not listed, not refused.
      if (path === '/') continue;
      if (!listed) {
        problems.push(`${path}: neither listed nor noindex`);
        continue;
      }
      if (!canonical || onServer(canonical) !== path) {
        problems.push(`${path}: canonical ${canonical}`);
      }
      const inHead = new Map(
        [...head.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map(
          ([, hreflang, href]) => [hreflang!, onServer(href!)],
        ),
      );
      if (JSON.stringify([...inHead].sort()) !== JSON.stringify([...listed].sort())) {
        problems.push(`${path}: the head's languages differ from the sitemap's`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

type Sitemap = Map<string, Map<string, string>>;

/** Every listed page's path with its languages (hreflang → path), from the sitemap index down. */
async function readSitemap(request: APIRequestContext): Promise<Sitemap> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['sitemap', 'url', 'xhtml:link'].includes(name),
  });
  const fetchXml = async (path: string) => {
    const response = await request.get(path);
    expect(response.ok(), path).toBe(true);
    const text = await response.text();
    expect(SyntaxValidator.validate(text)).toBe(true);
    return parser.parse(text) as Record<string, Record<string, unknown[]>>;
  };
  const index = await fetchXml('/sitemap-index.xml');
  const parts = index.sitemapindex!.sitemap as Array<{ loc: string }>;
  expect(parts.length).toBeGreaterThan(0);
  const entries: Sitemap = new Map();
  for (const part of parts) {
    const sitemap = await fetchXml(onServer(part.loc));
    for (const url of sitemap.urlset!.url as Array<{
      loc: string;
      'xhtml:link'?: Array<{ hreflang: string; href: string }>;
    }>) {
      const links = url['xhtml:link'] ?? [];
      entries.set(
        onServer(url.loc),
        new Map(links.map((link) => [link.hreflang, onServer(link.href)])),
      );
    }
  }
  return entries;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}
