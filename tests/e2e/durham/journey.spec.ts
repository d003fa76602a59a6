import { expect, test, type Page } from '@playwright/test';

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
