import { describe, expect, it } from 'vitest';
import {
  contentVersion,
  fileOfUrl,
  pageAssets,
  precacheUrls,
  staticImports,
  versionedUrl,
} from '../../src/domain/offline/precache.ts';
import { offlinePath, serviceWorkerOf } from '../../src/domain/urls.ts';

describe('what a language worker saves', () => {
  it('finds the files a page loads by itself, and not the links a person follows', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/_astro/BaseLayout.abc.css">
      <link rel="modulepreload" href="/_astro/client.def.js">
      <link rel="icon" href="/favicon.svg" type="image/svg+xml">
      <link rel="canonical" href="https://example.org/en/">
      <link rel="alternate" hreflang="es" href="/es/">
      <script type="module" src="/_astro/SiteNotices.ghi.js"></script>
      <script type="module">import "/_astro/island-loader.jkl.js";</script>
      </head><body>
      <a href="/en/find/">Find</a>
      <astro-island component-url="/_astro/Finder.mno.js" renderer-url="/_astro/client.def.js"
        props="{&quot;indexUrl&quot;:[0,&quot;/en/search-index.json?v=1&quot;]}"></astro-island>
      <img src="https://tile.example.org/1.png">
      </body></html>`;
    expect(pageAssets(html)).toEqual([
      '/_astro/SiteNotices.ghi.js',
      '/_astro/BaseLayout.abc.css',
      '/_astro/client.def.js',
      '/favicon.svg',
      '/_astro/Finder.mno.js',
      '/_astro/island-loader.jkl.js',
    ]);
  });

  it('follows static imports, relative or not, and leaves dynamic ones (the map) for later', () => {
    const code =
      'import{a as b}from"./preact.module.x.js";import"/_astro/styles.y.js";' +
      'const map=()=>import("./ResultsMap.z.js");export{b}';
    expect(staticImports(code, '/_astro/Finder.mno.js')).toEqual([
      '/_astro/preact.module.x.js',
      '/_astro/styles.y.js',
    ]);
  });

  it('walks from the pages through their scripts, each file once', () => {
    const files: Record<string, string> = {
      'en/index.html': '<script type="module" src="/_astro/a.js"></script>',
      'en/find/index.html':
        '<script type="module" src="/_astro/a.js"></script><astro-island component-url="/_astro/finder.js">',
      '_astro/a.js': 'import"./shared.js";',
      '_astro/finder.js': 'import{x}from"./shared.js";import("./map.js")',
      '_astro/shared.js': 'export const x=1',
    };
    const read = (url: string) => {
      const text = files[fileOfUrl(url)];
      if (text === undefined) throw new Error(`read ${url}`);
      return text;
    };
    expect(precacheUrls(['/en/', '/en/find/'], read)).toEqual([
      '/en/',
      '/en/find/',
      '/_astro/a.js',
      '/_astro/finder.js',
      '/_astro/shared.js',
    ]);
  });

  it('maps each URL to the file a static host serves it from', () => {
    expect(fileOfUrl('/en/')).toBe('en/index.html');
    expect(fileOfUrl('/zh-Hans/find/')).toBe('zh-Hans/find/index.html');
    expect(fileOfUrl('/en/search-index.json?v=0123456789ab')).toBe('en/search-index.json');
    expect(fileOfUrl('/_astro/client.def.js')).toBe('_astro/client.def.js');
  });

  it('puts the language worker and its offline page under the language', () => {
    expect(serviceWorkerOf('en-GB')).toEqual({ url: '/en-GB/sw.js', scope: '/en-GB/' });
    expect(offlinePath()).toBe('offline/');
  });
});

describe('versioned data URLs', () => {
  it('change exactly when the content does', () => {
    const index = JSON.stringify({ providers: ['a', 'b'] });
    expect(contentVersion(index)).toMatch(/^[0-9a-f]{12}$/);
    expect(contentVersion(index)).toBe(contentVersion(Buffer.from(index, 'utf8')));
    expect(contentVersion(index)).not.toBe(contentVersion(JSON.stringify({ providers: ['a'] })));
    expect(versionedUrl('/en/search-index.json', index)).toBe(
      `/en/search-index.json?v=${contentVersion(index)}`,
    );
  });
});
