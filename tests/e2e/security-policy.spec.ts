import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { deploymentDir, deploymentName } from '../../src/deployment.ts';
import { loadSite } from '../../src/load-site.ts';
import { tileSource } from '../../src/domain/security/policy.ts';
import { sendCallbackInAnyLanguage } from './callback-form.ts';

/**
 * Every page type under the real headers (the test server applies dist/_headers) and its
 * <meta> policy, used the way a person uses it: not one Content Security Policy violation.
 */
const root = join(import.meta.dirname, '..', '..');
const site = loadSite(deploymentDir({ root }));
const locale = site.locales[0]!;

const SAMPLES = {
  boston: { provider: 'boston-paaths', path: 'methadone', query: 'detox', phone: '6175550123' },
  durham: {
    provider: 'a83001',
    path: 'opioid-substitution-therapy',
    query: 'pharmacy',
    phone: '07400123456',
  },
} as const;
const sample = SAMPLES[deploymentName() as keyof typeof SAMPLES];
const REQUEST_ID = `${site.intake.request_id_prefix}-TEST0001`;

// A 1×1 transparent PNG: the map's tiles, served here instead of by the tile host.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const tileHost = new RegExp(
  `^${tileSource(site)
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace('\\*', '[^/]+')}/`,
);
const intake = new URL(site.intake.endpoint);

/** Collects every violation and CSP console error on the page, across its navigations. */
async function watchViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => found.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void })
        .reportCspViolation;
      void report(
        `${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
      );
    });
    // Printing opens no dialog in a test; the page's own beforeprint work still runs.
    window.print = () => {
      dispatchEvent(new Event('beforeprint'));
      dispatchEvent(new Event('afterprint'));
    };
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) {
      found.push(`console on ${page.url()}: ${message.text()}`);
    }
  });
  return found;
}

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.route(tileHost, (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
  );
  // The intake endpoint answers as a city's would, so the callback can be sent and looked up.
  await page.route(
    (url) => url.origin === intake.origin && url.pathname.endsWith('/requests.json'),
    (route) =>
      route.fulfill({
        status: 201,
        contentType: 'application/json',
        headers: { 'Access-Control-Allow-Origin': '*' },
        body: JSON.stringify([{ service_request_id: REQUEST_ID, service_notice: '' }]),
      }),
  );
  await page.route(
    (url) => url.origin === intake.origin && /\/requests\/[^/]+\.json$/.test(url.pathname),
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'Access-Control-Allow-Origin': '*' },
        body: JSON.stringify([{ service_request_id: REQUEST_ID, status: 'open' }]),
      }),
  );
});

test('pages are served with the security headers a static host sends from _headers', async ({
  request,
}) => {
  const response = await request.get(`/${locale}/`);
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain(`connect-src 'self' ${intake.origin}`);
  expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  expect(headers['strict-transport-security']).toMatch(/max-age=\d{8,}/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toContain('geolocation=(self)');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['cache-control']).toBe('no-cache');
  const html = await response.text();
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  expect(html).not.toMatch(/<meta http-equiv="Content-Security-Policy"[^>]*frame-ancestors/);
});

test('every file at the top of the build has a cache rule: hashed assets kept, the rest revalidated', async ({
  request,
}) => {
  const dist = join(root, 'dist');
  for (const entry of readdirSync(dist, { withFileTypes: true })) {
    if (entry.name === '_headers') continue;
    const path = entry.isDirectory()
      ? `/${entry.name}/${readdirSync(join(dist, entry.name))[0]}`
      : `/${entry.name}`;
    const response = await request.get(path, { maxRedirects: 0 });
    const expected = entry.name === '_astro' ? 'public, max-age=31536000, immutable' : 'no-cache';
    expect(response.headers()['cache-control'], path).toBe(expected);
  }
});

test('every page type, used as a person uses it, breaks no rule of the policy', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);

  // The finder: a query, a filter, then the map with its tiles.
  await page.goto(`/${locale}/`);
  await page.goto(`/${locale}/find/?q=${sample.query}`);
  await page.locator('#finder-list').getByRole('article').first().waitFor();
  await page
    .locator('summary', { hasText: /filters/i })
    .first()
    .click();
  const filter = page.locator('.rf-finder input[type=checkbox]').first();
  await filter.check();
  await filter.uncheck();
  await page.locator('.rf-finder__tools button[aria-expanded]').last().click();
  await page.locator('.leaflet-marker-icon').first().waitFor();
  await expect(page.locator('img.leaflet-tile-loaded').first()).toBeAttached();
  // The finder's own share: a link to these results, a QR code drawn on the phone, print.
  await page.getByRole('button', { name: 'Show a QR code' }).first().click();
  await page.locator('.rf-qr svg').first().waitFor();
  await page.getByRole('button', { name: 'Print' }).first().click();

  // A provider's page: the share kit (copy the text, the QR code, print).
  await page.goto(`/${locale}/providers/${sample.provider}/`);
  await page.locator('[data-copy-text]').click();
  await page.locator('.rf-share__qr summary').click();
  await page.locator('[data-print]').click();

  for (const path of [
    `paths/`,
    `paths/${sample.path}/`,
    'families/',
    'about/',
    'compare/',
    `callback/status/?id=${REQUEST_ID}`,
    `operator/?q=${sample.query}`,
  ]) {
    await page.goto(`/${locale}/${path}`);
    await page.waitForLoadState('networkidle');
  }

  // A callback sent and confirmed.
  await sendCallbackInAnyLanguage(page, locale, sample.phone);

  // A page that does not exist, a short link (it moves on to the place's page) and the bare
  // address (it moves on to a language).
  await page.goto(`/${locale}/no-such-page/`);
  const shortLink = await page.request.get(`/${locale}/providers/${sample.provider}/`);
  const code = /\/p\/([a-z0-9]+)\//.exec(await shortLink.text())?.[1];
  expect(code).toBeTruthy();
  await page.goto(`/p/${code}/`);
  await page.waitForURL(/\/providers\//);
  await page.goto(`/${locale}/p/${code}/`);
  await page.waitForURL(/\/providers\//);
  await page.goto('/');
  await page.waitForURL(new RegExp(`/${locale}/$`));

  expect(violations).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('what needs JavaScript is hidden by the no-script stylesheet the policy allows', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
    });
    await page.goto(`/${locale}/find/`);
    await expect(page.locator('.rf-js-only').first()).toBeHidden();
    expect(errors).toEqual([]);
  });
});
