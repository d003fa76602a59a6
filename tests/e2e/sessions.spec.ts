import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { deploymentDir } from '../../src/deployment.ts';
import { readSessions } from '../../src/load-sessions.ts';

const root = join(import.meta.dirname, '..', '..');
// Sessions are shown only by a deployment that publishes some: the fixture does. Build and run:
//   DEPLOYMENT_DIR=tests/fixtures/deployment-sessions npm run build
//   DEPLOYMENT_DIR=tests/fixtures/deployment-sessions npx playwright test … tests/e2e/sessions.spec.ts
const dir = deploymentDir({ root });
const fixture = readSessions(dir).sessions.some(
  (session) => session.id === 'high-street-needle-exchange',
);

test.skip(!fixture, 'needs the sessions fixture deployment (DEPLOYMENT_DIR, see above)');

test('a venue page says when the next session is and gives its calendar file', async ({ page }) => {
  await page.goto('/en-GB/providers/example-high-street-pharmacy/');
  const sessions = page.getByRole('region', { name: 'Sessions here' });
  await expect(sessions).toBeVisible();
  await expect(sessions.getByText(/^(Next session|On now): Tuesday/)).toBeVisible();
  await expect(
    sessions.getByRole('heading', { name: 'Needle and syringe programme' }),
  ).toBeVisible();

  const download = page.waitForEvent('download');
  await sessions.getByRole('link', { name: /^Add to calendar/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('high-street-needle-exchange.ics');
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(text).toContain('DTSTART;TZID=Europe/London:');
  expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
});

test('the finder finds sessions this week, soonest first', async ({ page }) => {
  await page.goto('/en-GB/find/?week=1');
  const list = page.locator('#finder-list');
  await expect(list).toBeVisible();
  const cards = list.locator('article');
  await expect(cards.first()).toContainText(/(Next session|On now): /);
  // Every place listed has a session within the week; the list says when, on every card.
  for (const card of await cards.all()) await expect(card).toContainText(/(Next session|On now): /);
});
