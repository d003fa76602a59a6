import { expect, test, type Page } from '@playwright/test';

// The phone of the issue: what fits on one screen is measured at this size.
test.use({ viewport: { width: 390, height: 844 } });

test.beforeEach(async ({ page }) => {
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
});

const cards = (page: Page) => page.locator('#finder-list').getByRole('article');

test('every place on the first page has a number to call, its own or the line', async ({
  page,
}) => {
  await page.goto('/en/find/?q=detox');
  await expect(cards(page).first()).toBeVisible();
  const count = await cards(page).count();
  expect(count).toBeGreaterThan(0);
  let viaLine = 0;
  for (let i = 0; i < count; i++) {
    const card = cards(page).nth(i);
    await expect(card.locator('a[href^="tel:"]').first()).toBeVisible();
    if ((await card.locator('.rf-provider-card__reach').count()) > 0) {
      viaLine++;
      await expect(card).toContainText('ask for recovery services');
      await expect(
        card.getByRole('link', { name: 'Request a callback about this place' }),
      ).toHaveAttribute('href', /\/en\/callback\/\?provider=[a-z0-9-]+$/);
    }
  }
  // Most listings have no number: the line is what makes them reachable.
  expect(viaLine).toBeGreaterThan(0);
});

test('a search from the home page shows the first result without scrolling, three to a screen', async ({
  page,
}) => {
  await page.goto('/en/');
  const box = page.getByRole('searchbox', { name: 'What are you looking for?' });
  // On the home page's first screen.
  expect((await box.boundingBox())!.y).toBeLessThan(844);
  await box.fill('detox');
  await page.getByRole('button', { name: 'Show places' }).click();
  await expect(page).toHaveURL(/\/en\/find\/\?q=detox$/);
  const first = cards(page).first();
  await expect(first).toBeVisible();
  await expect(page.locator('summary', { hasText: /^Filters/ })).toBeVisible();
  await expect
    .poll(async () => {
      const b = await first.boundingBox();
      return b ? b.y + b.height : Infinity;
    })
    .toBeLessThanOrEqual(844);
  const third = (await cards(page).nth(2).boundingBox())!;
  const top = (await first.boundingBox())!.y;
  expect(third.y + third.height - top).toBeLessThanOrEqual(844);
});

test('after a search the filters fold into one disclosure with their count', async ({ page }) => {
  await page.goto('/en/find/?q=detox&service=detox&payment=medicaid');
  const summary = page.locator('summary', { hasText: 'Filters (2)' });
  await expect(summary).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Open now' })).toBeHidden();
  await summary.click();
  await expect(page.getByRole('checkbox', { name: 'Open now' })).toBeVisible();
});

test('a filter with too little behind it says so and offers the line', async ({ page }) => {
  await page.goto('/en/find/');
  await expect(page.getByText(/Hours known for \d+ of \d+ places/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Walk in without an appointment' }).check();
  const note = page.locator('[data-sparse-filter]');
  await expect(note).toContainText('can’t help yet');
  await expect(note.getByRole('link', { name: 'Call 311' })).toHaveAttribute('href', 'tel:311');
  await note.getByRole('button', { name: /Search without/ }).click();
  await expect(
    page.getByRole('checkbox', { name: 'Walk in without an appointment' }),
  ).not.toBeChecked();
});

test('print keeps the emergency number and the line, says what was searched, hides buttons', async ({
  page,
}) => {
  await page.goto('/en/find/?q=detox');
  await expect(cards(page).first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: 'Call 911' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call 311' }).first()).toBeVisible();
  await expect(page.getByText('Searched for: detox')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Next page' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show places' })).toBeHidden();
});

test('a 5,000-character query is cut to 200 and never makes the page scroll sideways', async ({
  page,
}) => {
  const long = 'detoxx'.repeat(834).slice(0, 5000);
  await page.goto(`/en/find/?q=${long}`);
  // Nothing matches such a query; the page says so, echoing the words, and stays in its width.
  await expect(page.getByRole('status').filter({ hasText: 'No places match' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'What are you looking for?' })).toHaveValue(
    long.slice(0, 200),
  );
  const width = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(width[0]).toBeLessThanOrEqual(width[1]!);
});

test('an unknown filter in the address is dropped with a plain note', async ({ page }) => {
  await page.goto('/en/find/?q=detox&service=xyz');
  await expect(page.getByText('We ignored a filter we don’t know.')).toBeVisible();
  await expect(page.getByText('xyz')).toHaveCount(0);
});

test.describe('at 11 p.m. in Boston', () => {
  // 23:00 on a Wednesday in Boston is 04:00 UTC on Thursday: the specialists are not in.
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-01-15T04:00:00Z'));
  });

  test('detox near Dorchester: the nearest stay with medical care first, every card reachable', async ({
    page,
  }) => {
    await page.goto('/en/find/?q=detox&near=Dorchester');
    await expect(
      page.getByRole('status').filter({ hasText: 'Nearest to Dorchester first.' }),
    ).toBeVisible();
    const first = cards(page).first();
    await expect(first).toContainText('Andrew House');
    await expect(first).toContainText('Detox: a stay with medical care');
    const count = await cards(page).count();
    const miles: number[] = [];
    for (let i = 0; i < count; i++) {
      const card = cards(page).nth(i);
      await expect(card.locator('a[href^="tel:"]').first()).toBeVisible();
      const away = /([\d.]+) mi/.exec((await card.textContent()) ?? '');
      if (away) miles.push(Number(away[1]));
    }
    // Places that meet the need, nearest first (outpatient-only detox comes after them).
    expect(miles[0]).toBeLessThan(3);
  });
});
