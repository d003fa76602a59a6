import { expect, test } from '@playwright/test';
import { answerForMyself } from '../callback-form.ts';
import { deliveredOnceBackOnline, goOffline, installWorker } from '../offline-helpers.ts';

// Durham's worker, in British English: 999, and the service's line with its unconfirmed note.
test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
});

test('offline, the finder, a venue opened before and the numbers still work, and a call-back waits until online', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('/en-GB/');
  await installWorker(page, '/en-GB/');

  await page.goto('/en-GB/find/?near=DH8');
  const link = page
    .locator('#finder-list')
    .getByRole('article')
    .first()
    .getByRole('heading')
    .getByRole('link');
  // Once the finder has answered for the place: until then the cards are the plain list's.
  await expect(page.getByRole('status').filter({ hasText: /found/ })).toBeVisible();
  const { href, name } = await link.evaluate((anchor) => ({
    href: anchor.getAttribute('href')!,
    name: anchor.textContent.trim(),
  }));
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  await goOffline(context);

  // A postcode district, placed with the saved place table.
  await page.goto('/en-GB/find/?near=DH1');
  await expect(page.getByText(/Nearest to DH1 first/)).toBeVisible();
  await expect(page.getByText(/^This phone is offline\. Calling still works\./)).toBeVisible();

  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  await page.goto('/en-GB/paths/alcohol/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No connection');
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
  const service = main.getByRole('link', { name: 'Call 03000 266 666' });
  await expect(service).toHaveAttribute('href', 'tel:+443000266666');
  // The service's number is not confirmed: the note beside it says so.
  await expect(
    main
      .locator('section', { has: page.getByRole('link', { name: 'Call 03000 266 666' }) })
      .getByText(/^Not yet confirmed: check this number/),
  ).toBeVisible();

  await page.goto('/en-GB/callback/');
  await answerForMyself(page, '07400 654321');
  await page.getByRole('button', { name: 'Request a call-back' }).click();
  await expect(page.getByText(/^Saved on this phone\./)).toBeVisible();

  await deliveredOnceBackOnline(context, page, baseURL!, {
    requestNumber: /^Your request number is DUR-/,
    phone: '+447400654321',
  });
});
