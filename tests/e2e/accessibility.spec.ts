import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deploymentDir, deploymentName } from '../../src/deployment.ts';
import { loadSite } from '../../src/load-site.ts';
import { sendCallbackInAnyLanguage } from './callback-form.ts';

const root = join(import.meta.dirname, '..', '..');
// The deployment that was built (`DEPLOYMENT`, Boston by default).
const { locales } = loadSite(deploymentDir({ root }));
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What each deployment's pages are reached with: a listing, a path, searches, a phone. */
const SAMPLES = {
  boston: {
    provider: 'boston-paaths',
    path: 'methadone',
    results: '?service=detox',
    none: '?service=detox&openings=1',
    phone: '6175550123',
    requestId: 'BOS-TEST0001',
  },
  durham: {
    provider: 'a83001',
    path: 'opioid-substitution-therapy',
    results: '?near=DH1',
    none: '?q=zzzqqqxxx',
    // Valid to libphonenumber (the form checks it); the request goes only to a stand-in server.
    phone: '07400123456',
    requestId: 'DUR-TEST0001',
  },
} as const;
const sample = SAMPLES[deploymentName() as keyof typeof SAMPLES];
const first = locales[0]!;

/** Each page type and state the issue names, reached the way a person would reach it. */
const STATES: Array<{ name: string; open: (page: Page, locale: string) => Promise<void> }> = [
  { name: 'home', open: (page, l) => page.goto(`/${l}/`).then(() => undefined) },
  { name: 'finder list', open: (page, l) => page.goto(`/${l}/find/`).then(() => undefined) },
  {
    name: 'finder with results',
    open: async (page, l) => {
      await page.goto(`/${l}/find/${sample.results}`);
      await page.locator('#finder-list').waitFor();
    },
  },
  {
    name: 'finder with no results',
    open: async (page, l) => {
      await page.goto(`/${l}/find/${sample.none}`);
      await page.locator('.rf-finder__results .rf-panel').waitFor();
    },
  },
  {
    name: 'finder with the map open',
    open: async (page, l) => {
      await page.goto(`/${l}/find/${sample.results}`);
      await page.locator('.rf-finder__tools button[aria-expanded]').last().click();
      await page.locator('.leaflet-marker-icon').first().waitFor();
    },
  },
  {
    name: 'provider',
    open: (page, l) => page.goto(`/${l}/providers/${sample.provider}/`).then(() => undefined),
  },
  {
    name: 'path',
    open: (page, l) => page.goto(`/${l}/paths/${sample.path}/`).then(() => undefined),
  },
  { name: 'compare', open: (page, l) => page.goto(`/${l}/compare/`).then(() => undefined) },
  {
    name: 'callback form',
    open: async (page, l) => {
      await page.goto(`/${l}/callback/`);
      await page.locator('form.rf-callback__form').waitFor();
    },
  },
  {
    name: 'callback with errors',
    open: async (page, l) => {
      await page.goto(`/${l}/callback/?for=someone-else`);
      await page.locator('form.rf-callback__form button[type=submit]').click();
      await page.locator('.rf-error-summary').waitFor();
    },
  },
  {
    name: 'callback confirmed',
    open: (page, l) => sendCallbackInAnyLanguage(page, l, sample.phone),
  },
  {
    name: 'callback status',
    open: async (page, l) => {
      await page.goto(`/${l}/callback/status/?id=${sample.requestId.toLowerCase()}`);
      await page.locator('[data-request-status]').waitFor();
    },
  },
  { name: 'families', open: (page, l) => page.goto(`/${l}/families/`).then(() => undefined) },
  { name: 'about', open: (page, l) => page.goto(`/${l}/about/`).then(() => undefined) },
  { name: 'offline page', open: (page, l) => page.goto(`/${l}/offline/`).then(() => undefined) },
  {
    name: 'operator view',
    open: async (page, l) => {
      await page.goto(`/${l}/operator/${sample.results}`);
      await page.locator('.rf-operator__table').waitFor();
    },
  },
  // Last: the phone stays offline for the rest of the test.
  {
    name: 'finder offline, with its notice',
    open: async (page, l) => {
      await page.goto(`/${l}/find/${sample.results}`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.context().setOffline(true);
      await page.locator('[data-site-notice="offline"]').waitFor();
    },
  },
];

test.use({ viewport: { width: 320, height: 720 } });

test.beforeEach(async ({ page }) => {
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  // The intake server answers as a city's would, so the confirmation can be checked too.
  await page.route(/127\.0\.0\.1:8311\/open311\/v2\/requests\.json/, (route) =>
    route.fulfill({
      status: 201,
      contentType: 'application/json',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: JSON.stringify([{ service_request_id: sample.requestId, service_notice: '' }]),
    }),
  );
  // And a look-up as a city's would: status fields only.
  await page.route(/127\.0\.0\.1:8311\/open311\/v2\/requests\/[^/?]+\.json/, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: JSON.stringify([{ service_request_id: sample.requestId, status: 'open' }]),
    }),
  );
});

for (const locale of locales) {
  test(`every page type in ${locale}: no axe violations, no sideways scrolling at 320 px, one h1 and headings in order`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const problems: string[] = [];
    for (const state of STATES) {
      await state.open(page, locale);
      const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      for (const violation of results.violations) {
        problems.push(
          `${state.name}: ${violation.id} (${violation.impact}) ${violation.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
        );
      }
      const layout = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        h1: document.querySelectorAll('h1').length,
        levels: [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map((h) =>
          Number(h.tagName[1]),
        ),
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
      }));
      if (layout.overflow > 0)
        problems.push(`${state.name}: scrolls sideways by ${layout.overflow}px at 320px`);
      if (layout.h1 !== 1) problems.push(`${state.name}: ${layout.h1} h1 elements`);
      layout.levels.forEach((level, i) => {
        if (i > 0 && level > layout.levels[i - 1]! + 1)
          problems.push(`${state.name}: heading h${level} follows h${layout.levels[i - 1]}`);
      });
      if (layout.lang !== locale) problems.push(`${state.name}: <html lang="${layout.lang}">`);
      if (layout.dir !== (locale === 'ar' ? 'rtl' : 'ltr'))
        problems.push(`${state.name}: dir="${layout.dir}"`);
    }
    expect(problems).toEqual([]);
  });
}

test.describe('text at 200%', () => {
  // A 1280-px screen zoomed to 200% lays out like 640 px with doubled text.
  test.use({ viewport: { width: 640, height: 900 } });

  for (const path of [
    `/${first}/`,
    `/${first}/find/${sample.results}`,
    `/${first}/providers/${sample.provider}/`,
    `/${first}/callback/`,
    ...(locales.includes('ar') ? ['/ar/compare/'] : []),
  ]) {
    test(`nothing is cut off or scrolls sideways: ${path}`, async ({ page }) => {
      await page.goto(path);
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test('the main actions are at least 44 px tall, for a thumb', async ({ page }) => {
  const small: string[] = [];
  for (const path of [
    `/${first}/`,
    `/${first}/providers/${sample.provider}/`,
    `/${first}/paths/${sample.path}/`,
    `/${first}/callback/`,
    `/${first}/callback/status/`,
  ]) {
    await page.goto(path);
    const sizes = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          '.rf-button:not([hidden]), .rf-quick-exit, .rf-check',
        ),
      ]
        .filter((element) => element.offsetParent !== null)
        .map((element) => ({
          text: element.textContent?.trim() ?? '',
          height: element.getBoundingClientRect().height,
        })),
    );
    for (const { text, height } of sizes)
      if (height < 44) small.push(`${path} “${text}”: ${height}px`);
  }
  expect(small).toEqual([]);
});
