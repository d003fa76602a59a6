import { expect, test } from '@playwright/test';

const EXIT_URL = 'https://www.weather.gov/box/';

test.beforeEach(async ({ page }) => {
  // The neutral site cannot be reached from tests; answer for it.
  await page.route(/weather\.gov/, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Weather</title><h1>Weather</h1>',
    }),
  );
});

test('quick exit by button replaces the page, so Back does not return to it', async ({ page }) => {
  await page.goto('/en/');
  await page.goto('/en/paths/detox/');
  await page.getByRole('link', { name: 'Quick exit' }).click();
  await expect(page).toHaveURL(EXIT_URL);
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/$/);
});

test('quick exit by pressing Shift three times', async ({ page }) => {
  await page.goto('/en/');
  await page.goto('/en/find/');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expect(page).toHaveURL(EXIT_URL);
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/$/);
});

test('a printed provider page is a handout: no navigation, the number and the QR code', async ({
  page,
}) => {
  await page.goto('/en/find/path/methadone/');
  await page.getByRole('article').first().getByRole('heading').getByRole('link').click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Quick exit' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /^\d{3}-\d{3}-\d{4}/ }).first()).toBeVisible();
});

test.describe('specialists availability, in Boston time on a phone set to Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  const cases: Array<[string, string, RegExp]> = [
    ['17:59 on a weekday', '2026-01-14T22:59:00Z', /available now, until 6:00\sPM/],
    ['18:01 on a weekday', '2026-01-14T23:01:00Z', /back tomorrow at 8:00\sAM/],
    ['Friday evening', '2026-01-16T23:30:00Z', /back tomorrow at 12:00\sPM/],
    ['Saturday 13:00', '2026-01-17T18:00:00Z', /available now, until 4:00\sPM/],
    ['Sunday evening', '2026-01-18T22:00:00Z', /back tomorrow at 8:00\sAM/],
  ];
  for (const [when, instant, expected] of cases) {
    test(when, async ({ page }) => {
      await page.clock.setFixedTime(new Date(instant));
      await page.goto('/en/');
      await expect(page.getByText(/^Recovery specialists are/)).toHaveText(expected);
    });
  }
});

test.describe('the share kit', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('an operator copies a link in the caller’s language that opens the same filters in Spanish', async ({
    page,
  }) => {
    await page.goto('/en/operator/?service=detox');
    await expect(page.getByRole('status').filter({ hasText: /places found/ })).toBeVisible();
    const first = page.getByRole('table').getByRole('rowheader').first();
    const firstName = (await first.textContent())?.trim() ?? '';
    await page
      .getByRole('combobox', { name: 'Caller’s language' })
      .or(page.getByRole('combobox', { name: "Caller's language" }))
      .selectOption('es');
    await page.getByRole('button', { name: 'Copy a link to these results in Español' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const link = new URL(copied);
    expect(link.pathname).toBe('/es/find/');
    expect(link.search).toBe('?service=detox');

    await page.goto(`${link.pathname}${link.search}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('status').filter({ hasText: /lugares/ })).toBeVisible();
    await expect(page.locator('#finder-list').getByRole('article').first()).toContainText(
      firstName,
    );

    // The short link to one place opens that place's page in Spanish.
    await page.goto('/en/operator/?service=detox&caller=es');
    await page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: firstName, exact: true }) })
      .first()
      .getByRole('button', { name: /^Copy link in Español/ })
      .click();
    const short = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(short.pathname).toMatch(/^\/es\/p\/[0-9a-z]{7}\/$/);
    await page.goto(short.pathname);
    await expect(page).toHaveURL(/\/es\/providers\/[a-z0-9-]+\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstName);
  });

  test('a provider page offers a text message under 160 characters and a QR code', async ({
    page,
  }) => {
    await page.goto('/en/providers/boston-paaths/');
    const sms = page.getByRole('link', { name: 'Text this' });
    const href = (await sms.getAttribute('href')) ?? '';
    expect(href.startsWith('sms:?&body=')).toBe(true);
    const body = decodeURIComponent(href.slice('sms:?&body='.length));
    expect([...body].length).toBeLessThanOrEqual(160);
    expect(body).toContain('617-635-4500');
    await page.getByText('Show a QR code').click();
    await expect(
      page.getByRole('img', { name: /^QR code for https?:\/\/.+\/en\/p\/[0-9a-z]{7}\/$/ }),
    ).toBeVisible();
  });
});
