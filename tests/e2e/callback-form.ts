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
