import { expect, test, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false))
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The focused element shows where it is: an outline or a ring. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const style = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const computed = getComputedStyle(element);
    return { outline: computed.outlineStyle, shadow: computed.boxShadow };
  });
  expect(style.outline !== 'none' || style.shadow !== 'none').toBe(true);
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'], hasTouch: false, isMobile: false });

test('the whole journey by keyboard alone: search, filter, open a place, share it, request a callback', async ({
  page,
}) => {
  await page.route(/127\.0\.0\.1:8311\/open311\/v2\/requests\.json/, (route) =>
    route.fulfill({
      status: 201,
      contentType: 'application/json',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: JSON.stringify([{ service_request_id: 'BOS-KEYB0ARD', service_notice: '' }]),
    }),
  );
  await page.goto('/en/');

  // The skip link is the first stop and takes you past the header.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectVisibleFocus(page);

  await tabTo(
    page,
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find a place' }),
  );
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/find\/$/);
  // The address changes before the page has loaded: Tab is pressed on the loaded finder.
  await page.waitForLoadState('load');

  // Search.
  const search = page.getByRole('searchbox', { name: 'What are you looking for?' });
  await tabTo(page, search);
  await expectVisibleFocus(page);
  await page.keyboard.type('methadone');
  await expect(page.getByRole('status').filter({ hasText: /places found/ })).toBeVisible();

  // Filter: a checkbox toggled with the space bar.
  const walkIn = page.getByRole('checkbox', { name: 'Walk in without an appointment' });
  await tabTo(page, walkIn);
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/walkin=1/);
  await page.keyboard.press('Space');
  await expect(page).not.toHaveURL(/walkin=1/);

  // Open the first place.
  const first = page
    .locator('#finder-list')
    .getByRole('article')
    .first()
    .getByRole('heading')
    .getByRole('link');
  const name = ((await first.textContent()) ?? '').trim();
  await tabTo(page, first);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  // Share it: without a share sheet the link is copied, and the page says so.
  await tabTo(page, page.getByRole('button', { name: 'Share', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /\/en\/p\/[0-9a-z]{7}\/$/,
  );

  // Request a callback about this place.
  await tabTo(
    page,
    page.getByRole('link', { name: 'Ask a specialist to call you about this place' }),
  );
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/callback\/\?provider=/);
  await expect(page.getByText(`About: ${name}`)).toBeVisible();

  await tabTo(page, page.getByRole('radio', { name: 'Me', exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('textbox', { name: 'Your phone number' }));
  await page.keyboard.type('617 555 0177');
  await tabTo(
    page,
    page
      .getByRole('group', { name: 'Is it safe to leave a voicemail on your phone?' })
      .getByRole('radio', { name: 'Yes' }),
  );
  await page.keyboard.press('Space');
  await tabTo(
    page,
    page
      .getByRole('group', { name: 'Is it OK to send a text message to your phone?' })
      .getByRole('radio', { name: 'Yes' }),
  );
  await page.keyboard.press('ArrowRight'); // radio groups move with arrows: now "No"
  await expect(
    page
      .getByRole('group', { name: 'Is it OK to send a text message to your phone?' })
      .getByRole('radio', { name: 'No' }),
  ).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Request a callback' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Your request number is BOS-KEYB0ARD.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Request received' })).toBeFocused();
});

test('the map can be skipped, and its pins reached, by keyboard', async ({ page }) => {
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await page.goto('/en/find/?service=detox');
  await tabTo(page, page.getByRole('button', { name: 'Show these places on a map' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Skip the map' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('#finder-list')).toBeFocused();
});
