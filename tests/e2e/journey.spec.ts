import { expect, test } from '@playwright/test';

test('a resident goes from the home page through a path and the finder to a provider and can call it', async ({
  page,
}) => {
  await page.goto('/en/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Help with drugs or alcohol, any time',
  );
  // The numbers that matter are on the first screen.
  const call311 = page.getByRole('main').getByRole('link', { name: 'Call 311' });
  await expect(call311).toHaveAttribute('href', 'tel:311');
  await expect(call311).toBeInViewport();
  await expect(page.getByRole('link', { name: 'Call 911' }).first()).toHaveAttribute(
    'href',
    'tel:911',
  );
  // The specialists' status sentence is filled in by the browser.
  await expect(page.getByText(/Recovery specialists are (available now|back)/)).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Paths to recovery' })
    .click();
  await expect(page).toHaveURL(/\/en\/paths\/$/);
  await page.getByRole('link', { name: 'Methadone', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Methadone');
  await expect(page.getByRole('heading', { level: 2, name: 'How to start' })).toBeVisible();

  await page.getByRole('link', { name: /^Find \d+ places?$/ }).click();
  await expect(page).toHaveURL(/\/en\/find\/path\/methadone\/$/);
  const results = page
    .getByRole('list')
    .filter({ has: page.getByRole('article') })
    .first();
  const firstProvider = results.getByRole('article').first().getByRole('heading').getByRole('link');
  const name = (await firstProvider.textContent())?.trim() ?? '';
  expect(name.length).toBeGreaterThan(0);
  await firstProvider.click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const callLink = page.getByRole('link', { name: /^Call \d{3}-\d{3}-\d{4}/ });
  await expect(callLink).toHaveAttribute('href', /^tel:\+1\d{10}/);
  await expect(page.getByRole('heading', { name: 'Where this listing comes from' })).toBeVisible();
});

test('the language chooser keeps the person on the same page', async ({ page }) => {
  await page.goto('/en/paths/detox/');
  // The chooser is a disclosure: its summary names the current language.
  await page.locator('summary', { hasText: 'English' }).click();
  await page.getByRole('link', { name: 'Español' }).click();
  await expect(page).toHaveURL(/\/es\/paths\/detox\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});

test('the language chooser keeps the finder’s search too', async ({ page }) => {
  await page.goto('/en/find/?q=detox&near=02119');
  await expect(page.getByRole('status').filter({ hasText: /found/ })).toBeVisible();
  await page.locator('summary', { hasText: 'English' }).click();
  await page.getByRole('link', { name: 'Tiếng Việt' }).click();
  await expect(page).toHaveURL(/\/vi\/find\/\?q=detox&near=02119$/);
  await expect(page.getByRole('searchbox')).toHaveValue('detox');
});

test('the bare address opens the language chosen before', async ({ page }) => {
  await page.goto('/es/');
  await page.locator('summary', { hasText: 'Español' }).click();
  await page.getByRole('link', { name: 'العربية' }).click();
  await expect(page).toHaveURL(/\/ar\/$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/ar\/$/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('an unknown address answers with a page that offers the way back and the numbers', async ({
  page,
}) => {
  const response = await page.goto('/en/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Call 911' }).first()).toHaveAttribute(
    'href',
    'tel:911',
  );
});

test.describe('when JavaScript is unavailable', () => {
  test.use({ javaScriptEnabled: false });

  test('a provider page still shows everything known and the number to call', async ({ page }) => {
    await page.goto('/en/find/path/methadone/');
    const firstProvider = page.getByRole('article').first().getByRole('heading').getByRole('link');
    await firstProvider.click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /^Call \d{3}-\d{3}-\d{4}/ })).toHaveAttribute(
      'href',
      /^tel:\+1/,
    );
    await expect(page.getByRole('heading', { name: 'Where', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Directions' })).toHaveAttribute('href', /maps/);
    await expect(
      page.getByRole('heading', { name: 'Where this listing comes from' }),
    ).toBeVisible();
  });

  test('the home page shows the numbers and the specialists hours', async ({ page }) => {
    await page.goto('/en/');
    await expect(page.getByRole('main').getByRole('link', { name: 'Call 311' })).toHaveAttribute(
      'href',
      'tel:311',
    );
    await expect(page.getByRole('rowheader', { name: 'Monday–Friday' })).toBeVisible();
  });

  test('the finder lists places as plain links, page by page', async ({ page }) => {
    await page.goto('/en/find/');
    await expect(page.getByRole('status')).toContainText(/\d+ places/);
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/\/en\/find\/2\/$/);
    await expect(page.getByRole('article').first()).toBeVisible();
  });
});
