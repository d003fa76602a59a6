import type { Page } from '@playwright/test';

/**
 * Answers the call-back form's required questions in English as a person asking for themself
 * would: their own number, no voicemail, texts welcome. Both deployments' journeys use it.
 */
export async function answerForMyself(page: Page, phone: string): Promise<void> {
  await page.getByRole('radio', { name: 'Me', exact: true }).check();
  await page.getByRole('textbox', { name: 'Your phone number' }).fill(phone);
  await page
    .getByRole('group', { name: 'Is it safe to leave a voicemail on your phone?' })
    .getByRole('radio', { name: 'No' })
    .check();
  await page
    .getByRole('group', { name: 'Is it OK to send a text message to your phone?' })
    .getByRole('radio', { name: 'Yes' })
    .check();
}

/**
 * Sends a call-back for oneself in any language (by the fields' names, not their words) and
 * waits for the request number: the accessibility and policy walks use it in every locale.
 */
export async function sendCallbackInAnyLanguage(
  page: Page,
  locale: string,
  phone: string,
): Promise<void> {
  await page.goto(`/${locale}/callback/`);
  await page.locator('#callback-for').check();
  await page.locator('#callback-phone').fill(phone);
  await page.locator('input[name=voicemail_ok][value=no]').check();
  await page.locator('input[name=text_ok][value=no]').check();
  await page.locator('form.rf-callback__form button[type=submit]').click();
  await page.locator('.rf-callback__number').waitFor();
}
