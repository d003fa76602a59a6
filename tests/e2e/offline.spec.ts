import { expect, test } from '@playwright/test';
import { answerForMyself } from './callback-form.ts';
import { deliveredOnceBackOnline, goOffline, installWorker } from './offline-helpers.ts';

// The local intake server has one fixed port: these steps run in one test, in turn.
test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  // No map tiles in tests: the map must work with none.
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
});

test('after a first visit the finder, a visited provider and the numbers work offline, and a callback made offline is sent once back online', async ({
  page,
  context,
  baseURL,
}) => {
  await test.step('a first visit installs the English worker', async () => {
    await page.goto('/en/');
    await installWorker(page, '/en/');
  });

  const provider = await test.step('a provider page is opened while online', async () => {
    await page.goto('/en/find/?q=detox');
    const link = page
      .locator('#finder-list')
      .getByRole('article')
      .first()
      .getByRole('heading')
      .getByRole('link');
    // Once the finder has answered: until then the cards are the plain list's.
    await expect(page.getByRole('status').filter({ hasText: /found/ })).toBeVisible();
    const { href, name } = await link.first().evaluate((anchor) => ({
      href: anchor.getAttribute('href')!,
      name: anchor.textContent.trim(),
    }));
    await page.goto(href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    return { href, name };
  });

  await goOffline(context);

  await test.step('the finder answers from the saved index', async () => {
    await page.goto('/en/find/');
    await page.getByRole('searchbox', { name: 'What are you looking for?' }).fill('suboxone');
    await expect(page.getByRole('status').filter({ hasText: /place(s)? found/ })).toBeVisible();
    await expect(page.locator('#finder-list').getByRole('article').first()).toContainText(
      'Matches “suboxone”: Buprenorphine',
    );
    // The page says plainly that it is offline and may be out of date.
    await expect(page.getByText(/^This phone is offline\. Calling still works\./)).toBeVisible();
  });

  await test.step('the provider page opened before opens again', async () => {
    await page.goto(provider.href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(provider.name);
  });

  await test.step('a page never opened gives the offline page with the numbers', async () => {
    await page.goto('/en/paths/detox/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No connection');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
    await expect(main.getByRole('link', { name: /^Call 311/ }).first()).toHaveAttribute(
      'href',
      'tel:311',
    );
    await expect(main.getByRole('link', { name: 'Request a callback' }).first()).toHaveAttribute(
      'href',
      '/en/callback/',
    );
  });

  await test.step('a callback requested offline waits on the phone', async () => {
    await page.goto('/en/callback/');
    await answerForMyself(page, '617 555 0177');
    await page.getByRole('button', { name: 'Request a callback' }).click();
    await expect(page.getByText(/^Saved on this phone\./)).toBeVisible();
  });

  await test.step('back online, it is delivered once', () =>
    deliveredOnceBackOnline(context, page, baseURL!, {
      requestNumber: /^Your request number is BOS-/,
      phone: '+16175550177',
    }));
});
