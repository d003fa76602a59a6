import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatHeadersFile,
  headersForPath,
  HeadersFileError,
  matchesPath,
  parseHeadersFile,
} from '../../src/domain/security/headers-file.ts';
import {
  inlineCode,
  inlineCodeProblems,
  withPolicyMeta,
} from '../../src/domain/security/inline-code.ts';
import {
  contentSecurityPolicy,
  formatPolicy,
  headerRules,
  IMMUTABLE,
  intakeSecurityHeaders,
  parsePolicy,
  REVALIDATE,
  tileSource,
  type HeaderRule,
  type PolicySite,
} from '../../src/domain/security/policy.ts';
import { caddyConfig, nginxConfig } from '../../src/domain/security/server-config.ts';
import { loadSite } from '../../src/load-site.ts';
import { deploymentDirs } from './deployments.ts';

const HASHES = {
  scripts: ['sha256-c2NyaXB0LW9uZQ==', 'sha256-c2NyaXB0LXR3bw=='],
  styles: ['sha256-c3R5bGUtb25l'],
};
const TOP_LEVEL = [
  ...['_astro', 'en', 'p'].map((name) => ({ name, folder: true })),
  ...['404.html', 'index.html', 'sw.js', 'favicon.svg'].map((name) => ({ name, folder: false })),
];

/** Every origin a directive names, beyond the site itself and the hashes. */
const origins = (sources: readonly string[]) =>
  sources.filter((source) => !source.startsWith("'") && source !== 'data:');

function policyOf(rules: readonly HeaderRule[]) {
  const header = headersForPath(rules, '/en/').find(
    ({ name }) => name === 'Content-Security-Policy',
  );
  return new Map(parsePolicy(header!.value).map(({ name, sources }) => [name, sources]));
}

describe.each(deploymentDirs().map((dir) => [basename(dir), dir]))(
  'the headers of %s agree with its site.yaml',
  (_name, dir) => {
    const site = loadSite(dir);
    const intake = new URL(site.intake.endpoint).origin;
    const tiles = new URL(site.map.tiles.replace(/\{[a-z]\}/g, '0')).origin;
    const rules = headerRules(site, HASHES, TOP_LEVEL);
    const policy = policyOf(rules);

    it('sends callbacks only to the intake endpoint, and to nowhere else', () => {
      expect(origins(policy.get('connect-src')!)).toEqual([intake]);
      expect(origins(policy.get('form-action')!)).toEqual([intake]);
    });

    it('loads images from the tile host alone beyond the site', () => {
      expect(origins(policy.get('img-src')!)).toEqual([tiles]);
    });

    it('names no other origin in any directive', () => {
      const named = [...policy.entries()].flatMap(([, sources]) => origins(sources));
      expect(new Set(named)).toEqual(new Set([intake, tiles]));
    });

    it('allows inline code only by hash, and forbids framing, <base> and plugins', () => {
      expect([...policy.values()].flat()).not.toContain("'unsafe-inline'");
      expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
      expect(policy.get('script-src')).toEqual(["'self'", ...HASHES.scripts.map((h) => `'${h}'`)]);
      expect(policy.get('style-src')).toEqual(["'self'", ...HASHES.styles.map((h) => `'${h}'`)]);
      expect(policy.get('default-src')).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('worker-src')).toEqual(["'self'"]);
      expect(policy.get('manifest-src')).toEqual(["'self'"]);
    });

    it('puts the same policy in the <meta>, less what a <meta> cannot carry', () => {
      const meta = contentSecurityPolicy(site, HASHES, 'meta');
      const header = contentSecurityPolicy(site, HASHES, 'header');
      expect(meta.map(({ name }) => name)).not.toContain('frame-ancestors');
      expect(header.filter(({ name }) => name !== 'frame-ancestors')).toEqual(meta);
    });
  },
);

describe('the other headers and the cache rules', () => {
  const site: PolicySite = {
    intake: { endpoint: 'https://311.example.gov/open311/v2' },
    map: { tiles: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' },
  };
  const rules = headerRules(site, HASHES, TOP_LEVEL);
  const header = (path: string, name: string) =>
    headersForPath(rules, path).find((entry) => entry.name === name)?.value;

  it('reads a {s} subdomain of the tile host as a wildcard', () => {
    expect(tileSource(site)).toBe('https://*.tiles.example.org');
    expect(() => tileSource({ ...site, map: { tiles: 'https://{r}x.org/{z}/{x}/{y}' } })).toThrow();
  });

  it('sends HSTS for a year, nosniff, no referrer and only geolocation for the site', () => {
    expect(header('/en/', 'Strict-Transport-Security')).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(header('/en/', 'Strict-Transport-Security')!)![1])).toBe(
      31_536_000,
    );
    expect(header('/en/', 'X-Content-Type-Options')).toBe('nosniff');
    expect(header('/en/', 'Referrer-Policy')).toBe('no-referrer');
    const permissions = header('/en/', 'Permissions-Policy')!.split(', ');
    expect(permissions).toContain('geolocation=(self)');
    for (const feature of ['camera', 'microphone', 'payment', 'usb']) {
      expect(permissions).toContain(`${feature}=()`);
    }
    expect(permissions.filter((entry) => !entry.endsWith('=()'))).toEqual(['geolocation=(self)']);
  });

  it('caches hashed files for a year, and has everything else revalidated', () => {
    expect(header('/_astro/Finder.abc123.js', 'Cache-Control')).toBe(IMMUTABLE);
    for (const path of ['/', '/index.html', '/en/', '/en/search-index.json', '/sw.js', '/p/x/']) {
      expect(header(path, 'Cache-Control'), path).toBe(REVALIDATE);
    }
    // A locale's service worker and manifest sit in its folder.
    expect(header('/en/sw.js', 'Cache-Control')).toBe(REVALIDATE);
    expect(header('/en/manifest.webmanifest', 'Cache-Control')).toBe(REVALIDATE);
  });

  it('never sets one header in two matching rules, which hosts would join with a comma', () => {
    for (const path of ['/', '/en/', '/_astro/x.css', '/sw.js', '/404.html']) {
      const names = rules
        .filter((rule) => matchesPath(rule.path, path))
        .flatMap((rule) => rule.headers.map(({ name }) => name.toLowerCase()));
      expect(new Set(names).size, path).toBe(names.length);
    }
  });

  it('gives the intake server a policy that allows nothing and the same other headers', () => {
    const intake = new Map(intakeSecurityHeaders().map(({ name, value }) => [name, value]));
    expect(intake.get('Content-Security-Policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(intake.get('X-Content-Type-Options')).toBe('nosniff');
    expect(intake.get('Referrer-Policy')).toBe('no-referrer');
    expect(intake.get('Strict-Transport-Security')).toBe(
      header('/en/', 'Strict-Transport-Security'),
    );
  });

  it('prints the same headers for nginx and Caddy', () => {
    const nginx = nginxConfig(rules);
    const caddy = caddyConfig(rules);
    for (const { name, value } of rules[0]!.headers) {
      expect(nginx).toContain(`add_header ${name} "${value}" always;`);
      expect(caddy).toContain(`${name} "${value}"`);
    }
    expect(nginx).toContain(`add_header Cache-Control "${IMMUTABLE}" always;`);
    expect(caddy).toContain(`header @hashed Cache-Control "${IMMUTABLE}"`);
  });
});

describe('the _headers file', () => {
  const rules = headerRules(
    {
      intake: { endpoint: 'https://311.example.gov/v2' },
      map: { tiles: 'https://t.org/{z}/{x}/{y}' },
    },
    HASHES,
    TOP_LEVEL,
  );

  it('reads back the rules it was written from', () => {
    expect(parseHeadersFile(formatHeadersFile(rules, 'Two lines\nof comment'))).toEqual(rules);
  });

  it('matches * across segments and :name within one', () => {
    expect(matchesPath('/*', '/')).toBe(true);
    expect(matchesPath('/en/*', '/en/find/')).toBe(true);
    expect(matchesPath('/en/*', '/es/')).toBe(false);
    expect(matchesPath('/:locale/sw.js', '/en/sw.js')).toBe(true);
    expect(matchesPath('/:locale/sw.js', '/en/x/sw.js')).toBe(false);
    expect(matchesPath('/postal-codes.json', '/postal-codesXjson')).toBe(false);
  });

  it('joins a header set by several matching rules with a comma, as the hosts do', () => {
    const file = '/*\n  X-A: one\n\n/en/*\n  x-a: two\n  X-B: three\n';
    expect(headersForPath(parseHeadersFile(file), '/en/')).toEqual([
      { name: 'X-A', value: 'one, two' },
      { name: 'X-B', value: 'three' },
    ]);
  });

  it('refuses a header outside a rule', () => {
    expect(() => parseHeadersFile('  X-A: one\n')).toThrow(HeadersFileError);
  });
});

describe('inline code in a page', () => {
  const page = [
    '<!doctype html><html><head><meta charset="utf-8"><style>a{}</style>',
    '<script type="application/json" id="data">{"a":1}</script>',
    '<script type="module">go()</script><script src="/x.js"></script></head>',
    '<body><p>style="a" onclick= are words here</p><script>let s = \'<b style="x">\';</script></body></html>',
  ].join('');

  it('finds the scripts a browser runs and the styles, not data or files', () => {
    expect(inlineCode(page)).toEqual({
      scripts: ['go()', 'let s = \'<b style="x">\';'],
      styles: ['a{}'],
    });
  });

  it('finds what no hash can allow, in tags only', () => {
    expect(inlineCodeProblems(page)).toEqual([]);
    expect(inlineCodeProblems('<div style="color:red">')).toHaveLength(1);
    expect(inlineCodeProblems('<button onclick="go()">')).toHaveLength(1);
    expect(inlineCodeProblems('<a href="javascript:go()">')).toHaveLength(1);
  });

  it('puts the policy right after <meta charset>, before any script or style', () => {
    const policy = formatPolicy([{ name: 'default-src', sources: ["'none'"] }]);
    expect(withPolicyMeta(page, policy)).toContain(
      `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><style>`,
    );
  });
});
