import { expect, test, type Locator } from '@playwright/test';

// What a reader of a path page must be able to rely on: the numbers in the text dial what
// site.yaml says, the page says what its facts rest on and when they were checked, and in
// Arabic a number still reads left to right.

test('a path page names its sources with the date they were checked', async ({ page }) => {
  await page.goto('/en/paths/naltrexone/');
  const sources = page.getByRole('region', { name: 'Where these facts come from' });
  await expect(sources).toContainText(/Checked against .+ on December 1, 2026\./);
  await expect(sources.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
});

test('numbers in the text are links that dial them, and the other lines are listed', async ({
  page,
}) => {
  await page.goto('/en/paths/harm-reduction/');
  const prose = page.locator('.rf-prose');
  await expect(prose.getByRole('link', { name: '911', exact: true }).first()).toHaveAttribute(
    'href',
    'tel:911',
  );
  await expect(prose.getByRole('link', { name: '800-972-0590' })).toHaveAttribute(
    'href',
    'tel:+18009720590',
  );
  const lines = page.getByRole('region', { name: 'Other lines that can help' });
  await expect(lines.getByRole('link', { name: /Call\s+800-327-5050/ })).toHaveAttribute(
    'href',
    'tel:+18003275050',
  );
  await expect(lines.getByRole('link', { name: /Text\s+833-773-2445/ })).toHaveAttribute(
    'href',
    'sms:+18337732445',
  );
});

test('the specialists panel says where its hours come from and who answers outside them', async ({
  page,
}) => {
  await page.goto('/en/paths/detox/');
  await expect(page.getByText(/Outside these hours 311 still answers/)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Mission Hill Gazette/ })).toBeVisible();
});

/** Left edge of the first and last character of a link's text, on screen. */
async function digitEdges(link: Locator): Promise<{ first: number; last: number }> {
  return link.evaluate((element) => {
    const text = element.firstChild as Text;
    const range = document.createRange();
    const edge = (index: number) => {
      range.setStart(text, index);
      range.setEnd(text, index + 1);
      return range.getBoundingClientRect().left;
    };
    return { first: edge(0), last: edge(text.length - 1) };
  });
}

test('in Arabic, a number in the text is drawn left to right', async ({ page }) => {
  await page.goto('/ar/paths/detox/');
  const number = page.locator('.rf-prose').getByRole('link', { name: '617-635-4500' }).first();
  const { first, last } = await digitEdges(number);
  expect(first).toBeLessThan(last);
});
