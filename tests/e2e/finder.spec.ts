import { expect, test, type Page } from '@playwright/test';

const resultNames = (page: Page) =>
  page
    .locator('#finder-list')
    .getByRole('article')
    .getByRole('heading')
    .getByRole('link')
    .allTextContents();

test.beforeEach(async ({ page }) => {
  // No map tiles in tests: the map must work with none.
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
});

test('a typo still puts the right place first', async ({ page }) => {
  await page.goto('/en/find/');
  await page
    .getByRole('searchbox', { name: 'What are you looking for?' })
    .fill('boston medicl centr');
  await expect(page.getByRole('status').filter({ hasText: /place(s)? found/ })).toBeVisible();
  expect((await resultNames(page))[0]).toMatch(/^Boston Medical Center/);
  await expect(page).toHaveURL(/\?q=boston\+medicl\+centr$/);
});

test('a brand name finds the medicine and says why', async ({ page }) => {
  await page.goto('/en/find/?q=suboxone');
  const first = page.locator('#finder-list').getByRole('article').first();
  await expect(first).toContainText('Matches “suboxone”: Buprenorphine');
});

test('filters go into the address, and that address opens the same list anywhere', async ({
  page,
  browser,
}) => {
  await page.goto('/en/find/');
  await page.locator('summary', { hasText: 'More filters' }).click();
  await page
    .getByRole('group', { name: 'Kind of help' })
    .getByRole('checkbox', { name: 'Detox: a stay with medical care (withdrawal management)' })
    .check();
  await expect(page).toHaveURL(/[?&]service=detox/);
  await page.getByRole('checkbox', { name: 'Reported having room' }).check();
  await page.getByRole('checkbox', { name: 'Reported having room' }).uncheck();
  await expect(page.getByRole('status').filter({ hasText: /found/ })).toBeVisible();
  const names = await resultNames(page);
  expect(names.length).toBeGreaterThan(0);

  // Someone else opens the link: same filters, same places, same order.
  const other = await browser.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('status').filter({ hasText: /found/ })).toBeVisible();
  expect(await resultNames(other)).toEqual(names);
  await other.close();

  // Back goes to the view before the filter; the plain list is there again.
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/find\/$/);
  await expect(page.getByRole('heading', { name: 'Browse by path to recovery' })).toBeVisible();
});

test('near a ZIP code, the nearest places come first and show how far they are', async ({
  page,
}) => {
  await page.goto('/en/find/');
  await page.getByRole('textbox', { name: 'Near' }).fill('02119');
  await page.getByRole('button', { name: 'Show places' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Nearest to 02119 first.' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/near=02119/);
  const distances = await page
    .locator('#finder-list')
    .getByText(/ mi away$/)
    .allTextContents();
  const miles = distances.map((text) => Number.parseFloat(text));
  expect(miles.length).toBeGreaterThan(5);
  expect(miles).toEqual([...miles].sort((a, b) => a - b));
});

test('a need no place lists leads to its path, not a bare "no results"', async ({ page }) => {
  await page.goto('/en/find/?q=narcan');
  await expect(page.getByText('This help has its own page, with how to get it:')).toBeVisible();
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Harm reduction', exact: true }).first(),
  ).toHaveAttribute('href', '/en/paths/harm-reduction/');
});

test('the Near box knows nicknames and towns, and says when it does not know a place', async ({
  page,
}) => {
  await page.goto('/en/find/?q=detox&near=JP');
  await expect(
    page.getByRole('status').filter({ hasText: 'Nearest to Jamaica Plain first.' }),
  ).toBeVisible();
  // A town with no listing, known from the postal table.
  await page.goto('/en/find/?q=detox&near=Nahant');
  await expect(
    page.getByRole('status').filter({ hasText: 'Nearest to Nahant first.' }),
  ).toBeVisible();
  for (const unknown of ['Dorchester Ave', 'zzzz', '10001']) {
    await page.goto(`/en/find/?q=detox&near=${encodeURIComponent(unknown)}`);
    await expect(page.locator('#finder-near-status')).toContainText(
      `We do not know “${unknown}”. Try a ZIP code, a neighborhood or a town. For example:`,
    );
    await expect(page.getByRole('status').filter({ hasText: 'Nearest to' })).toHaveCount(0);
  }
  await expect(page.locator('#finder-near-status')).toContainText('For example:');
  await page.goto('/en/find/?q=detox&near=Dorchester%20Ave');
  await expect(page.locator('#finder-near-status')).toContainText('For example: Dorchester');
});

test('no results says what to drop and offers the phone and a callback', async ({ page }) => {
  // No listing reports having room (the source does not say), so this finds nothing.
  await page.goto('/en/find/?service=detox&openings=1');
  await expect(
    page.getByRole('status').filter({ hasText: 'No places match this search.' }),
  ).toBeVisible();
  const drop = page.getByRole('button', { name: 'Search without “Reported having room”' });
  await expect(drop).toBeVisible();
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Call 311' }).last(),
  ).toHaveAttribute('href', 'tel:311');
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Request a callback' }).last(),
  ).toBeVisible();
  await drop.click();
  await expect(page).toHaveURL(/\?service=detox$/);
  await expect(page.getByRole('status').filter({ hasText: /places found/ })).toBeVisible();
});

test('the map opens on request, mirrors the list and is reachable by keyboard', async ({
  page,
}) => {
  const thirdParty: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) thirdParty.push(request.url());
  });
  await page.goto('/en/find/?service=detox');
  await expect(page.getByRole('status').filter({ hasText: /found/ })).toBeVisible();
  expect(thirdParty).toEqual([]); // nothing leaves the site before the person asks for the map
  // Nor do the map's styles hold up the list: they are linked when the map is opened.
  const leafletStyled = () =>
    page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some((rule) => rule.cssText.includes('.leaflet-pane')),
      ),
    );
  expect(await leafletStyled()).toBe(false);

  await page.getByRole('button', { name: 'Show these places on a map' }).click();
  const map = page.getByRole('region', { name: 'Map of the places in the list' });
  await expect(map).toBeVisible();
  expect(await leafletStyled()).toBe(true);
  // With its styles applied, Leaflet's panes are placed over the map, not in the page's flow.
  await expect(page.locator('.leaflet-pane').first()).toHaveCSS('position', 'absolute');
  const firstName = (await resultNames(page))[0]!;
  const pin = map.getByRole('button', { name: `1. ${firstName}` });
  await expect(pin).toBeAttached();

  // Keyboard: Tab from the skip link reaches the map's first pin.
  await page.getByRole('link', { name: 'Skip the map' }).focus();
  let reached = false;
  for (let i = 0; i < 8 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await pin.evaluate((element) => element === document.activeElement);
  }
  expect(reached).toBe(true);
  // The list follows the map: the same place is highlighted.
  await expect(page.locator('#finder-list').getByRole('article').first()).toHaveClass(
    /rf-provider-card--selected/,
  );
  await page.keyboard.press('Enter');
  await expect(
    page.locator('#finder-list').getByRole('article').first().getByRole('link').first(),
  ).toBeFocused();
});

test.describe('near me', () => {
  test.use({
    geolocation: { latitude: 42.3152, longitude: -71.0914 },
    permissions: ['geolocation'],
  });

  test('uses the phone location for distance without putting it in the address', async ({
    page,
  }) => {
    await page.goto('/en/find/?q=detox');
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Nearest to my location first.' }),
    ).toBeVisible();
    await expect(page).toHaveURL(/near=me/);
    expect(page.url()).not.toMatch(/42\.3|71\.0/);
    await expect(page.getByText('Your location stays on this phone')).toBeVisible();
  });
});

test('results go on page by page, with links a browser knows as next and previous', async ({
  page,
}) => {
  await page.goto('/en/find/?service=outpatient');
  await expect(page.getByRole('status').filter({ hasText: /found/ })).toBeVisible();
  const pages = page.getByRole('navigation', { name: 'Pages' });
  const next = pages.getByRole('link', { name: 'Next page' });
  await expect(next).toHaveAttribute('rel', 'next');
  const firstPage = await resultNames(page);
  await next.click();
  await expect(page).toHaveURL(/[?&]page=2$/);
  await expect(pages.getByRole('link', { name: 'Previous page' })).toHaveAttribute('rel', 'prev');
  await expect(page.getByRole('heading', { name: 'Places' })).toBeFocused();
  expect(await resultNames(page)).not.toEqual(firstPage);
});
