import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startIntakeServer } from '../../../src/intake/server.ts';
import { answerForMyself } from '../callback-form.ts';

// County Durham's site, built with DEPLOYMENT=durham: a resident on a phone, in British English.

/** Words of Boston's deployment that must not show anywhere on Durham's pages. */
const BOSTON = /\b(?:Boston|PAATHS|311|911|Massachusetts|MassHealth|Medicaid|ZIP|SAMHSA)\b/;

async function visibleText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

test('the home page gives 999, 111, FRANK and the service, and says what is not confirmed', async ({
  page,
}) => {
  await page.goto('/en-GB/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expect(page.getByRole('link', { name: 'Call 999' }).first()).toHaveAttribute(
    'href',
    'tel:999',
  );
  // The service's own line, on the first screen, with the notice that no source confirms it.
  const service = page.getByRole('main').getByRole('link', { name: 'Call 03000 266 666' });
  await expect(service).toHaveAttribute('href', 'tel:+443000266666');
  await expect(service).toBeInViewport();
  await expect(page.getByText('Not yet confirmed').first()).toBeVisible();
  // No hours are published: the page says so rather than showing a guess.
  await expect(page.getByText(/hours .* are not published here/)).toBeVisible();
  // The national lines, from site.yaml.
  const lines = page.getByRole('region', { name: 'Other lines that can help' });
  await expect(lines.getByRole('link', { name: /111/ }).first()).toHaveAttribute('href', 'tel:111');
  await expect(lines.getByRole('link', { name: /0300 123 6600/ })).toHaveAttribute(
    'href',
    'tel:+443001236600',
  );
  await expect(lines.getByRole('link', { name: /82111/ })).toHaveAttribute('href', /^sms:82111/);
  expect(await visibleText(page)).not.toMatch(BOSTON);
});

test('no page type shows a trace of Boston', async ({ page }) => {
  for (const path of ['/en-GB/', '/en-GB/find/', '/en-GB/callback/', '/en-GB/operator/']) {
    await page.goto(path);
    const text = await visibleText(page);
    expect(text, path).not.toMatch(BOSTON);
    expect(text, path).toContain('999');
  }
});

test('a self-referral call-back reaches the service’s intake, keeping only the outward postcode', async ({
  page,
  baseURL,
}) => {
  // The local intake server stands in for the service's own (site.yaml `intake`), on its port.
  const adminToken = 'e2e-durham-admin';
  const intake = await startIntakeServer({
    port: 8311,
    dbPath: join(mkdtempSync(join(tmpdir(), 'rf-e2e-durham-')), 'intake.sqlite'),
    adminToken,
    allowedOrigins: [new URL(baseURL!).origin],
    rateLimit: null,
    log: false,
  });
  try {
    await page.goto('/en-GB/callback/');
    await expect(page.getByText('For example 07700 900123.')).toBeVisible();
    await answerForMyself(page, '07400 123456');
    await page.getByRole('textbox', { name: 'Postcode or town (optional)' }).fill('dh1 3eh');
    await page.getByRole('button', { name: 'Request a call-back' }).click();
    const number = page.getByText(/^Your request number is DUR-[0-9A-Z]{8}\.$/);
    await expect(number).toBeVisible();
    const id = /DUR-[0-9A-Z]{8}/.exec((await number.textContent()) ?? '')![0];

    const response = await fetch('http://127.0.0.1:8311/admin/requests.json', {
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    const rows = ((await response.json()) as Array<Record<string, unknown>>).filter(
      (row) => row.service_request_id === id,
    );
    expect(rows).toHaveLength(1);
    const row = JSON.stringify(rows[0]);
    expect(row).toContain('+447400123456');
    // Only the outward half of the postcode travels (site.yaml `postal_code`).
    expect(row).toContain('DH1');
    expect(row).not.toContain('3EH');
    const publicRecord = await (await fetch(`${intake.url}/requests/${id}.json`)).text();
    expect(publicRecord).not.toContain('123456');
  } finally {
    await intake.close();
  }
});

test('near a postcode district the nearest venues come first, in miles, each with a number', async ({
  page,
}) => {
  await page.goto('/en-GB/find/?near=DH8');
  await expect(page.getByText(/Nearest to DH8 first/)).toBeVisible();
  const cards = page.locator('#finder-list article');
  await expect(cards.first()).toBeVisible();
  // DH8 is Consett: its own pharmacies, not Durham City's, lead the list.
  for (const card of (await cards.all()).slice(0, 3)) {
    await expect(card).toContainText('Consett');
    await expect(card).toContainText(/\d(\.\d)? mi away/);
  }
  // Every card gives a number to call, in UK national format.
  for (const card of await cards.all()) {
    await expect(card.locator('a[href^="tel:+44"]').first()).toHaveText(
      /^0\d{3,4} \d{3} ?\d{3,4}$/,
    );
  }
  // The first result is on the first screen, below the search form.
  await expect(cards.first()).toBeInViewport({ ratio: 0.2 });
});

test('a path whose places the registers cannot name still leads to every place', async ({
  page,
}) => {
  await page.goto('/en-GB/paths/opioid-substitution-therapy/');
  await expect(page.getByRole('link', { name: /^Find 0 places/ })).toHaveCount(0);
  await page.getByRole('main').getByRole('link', { name: 'Find places', exact: true }).click();
  await expect(page).toHaveURL(/\/en-GB\/find\/$/);
  await expect(
    page.getByRole('region', { name: 'Places' }).getByRole('article').first(),
  ).toBeVisible();
});
