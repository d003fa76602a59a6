import { expect, test, type Locator } from '@playwright/test';

// In Arabic a phone number must read as it is dialled: each group of digits in its place,
// left to right, inside right-to-left text ("اتصل بالرقم 617-254-1271", never "1271-254-617").

/** Left edges, on screen, of the first and last character of the element's text. */
async function characterEdges(element: Locator): Promise<{ first: number; last: number }> {
  return element.evaluate((node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode() as Text;
    const range = document.createRange();
    const edge = (index: number) => {
      range.setStart(text, index);
      range.setEnd(text, index + 1);
      return range.getBoundingClientRect().left;
    };
    const content = text.data;
    const firstDigit = content.search(/\d/);
    const lastDigit = content.length - 1 - [...content].reverse().join('').search(/\d/);
    return { first: edge(firstDigit), last: edge(lastDigit) };
  });
}

test('on an Arabic provider page the call button draws its number left to right', async ({
  page,
}) => {
  await page.goto('/ar/providers/bay-cove-human-services-methadone-services-boston/');
  const button = page.locator('section[aria-labelledby="contact-title"] a.rf-button[href^="tel:"]');
  await expect(button).toBeVisible();
  const number = button.locator('bdi[dir="ltr"]');
  await expect(number).toHaveText(/^\d{3}-\d{3}-\d{4}/);
  const { first, last } = await characterEdges(number);
  expect(first).toBeLessThan(last);
  // The extension and the source's line name are in Arabic too.
  const contact = page.locator('section[aria-labelledby="contact-title"]');
  await expect(contact).not.toContainText('ext.');
  await expect(contact).not.toContainText('Intakes');
});

test('in the Arabic finder a card draws its number left to right', async ({ page }) => {
  await page.goto('/ar/find/?q=methadone');
  // The island redraws the list once its index has loaded: measure the list it draws.
  await page.waitForLoadState('networkidle');
  const number = page.locator('.rf-provider-card__phone a[href^="tel:"]').first();
  await expect(number).toBeVisible();
  await expect
    .poll(async () => {
      const { first, last } = await characterEdges(number);
      return first > 0 && first < last;
    })
    .toBe(true);
});

test('in Arabic the callback form’s example number reads left to right', async ({ page }) => {
  await page.goto('/ar/callback/');
  const hint = page.getByText(/617-555-0123/).first();
  await expect(hint).toBeVisible();
  const { first, last } = await characterEdges(hint);
  expect(first).toBeLessThan(last);
});
