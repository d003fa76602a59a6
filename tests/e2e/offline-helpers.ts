import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { startIntakeServer } from '../../src/intake/server.ts';

/** The local intake server the built site posts to (the deployment's site.yaml names it). */
export const INTAKE = { port: 8311, adminToken: 'e2e-offline-admin-token' };

/** The specialists' queue, through the authenticated export. */
export async function intakeQueue(): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`http://127.0.0.1:${INTAKE.port}/admin/requests.json`, {
    headers: { Authorization: `Bearer ${INTAKE.adminToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Array<Record<string, unknown>>;
}

/**
 * Waits until the language's worker has saved what it keeps and controls the page: only then
 * is a first visit's saving done. The page registers it after load, once the phone is idle.
 */
export async function installWorker(page: Page, scope: string): Promise<void> {
  const active = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return new URL(registration.scope).pathname;
  });
  expect(active).toBe(scope);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Offline for the pages and for the worker. In the Chromium these tests run, the emulation
 * reaches the worker's own fetches too: the page never opened gets the offline page, where a
 * worker that still reached the server would get the real one.
 */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
}

export async function goOnline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(false);
  // Chromium fires `online` on the page when the emulation ends; sent again in case it did not.
  await page.evaluate(() => dispatchEvent(new Event('online')));
}

/**
 * Back online, the callback saved on the phone reaches the intake exactly once. The intake
 * server starts only now, so nothing could have received the request while the phone was
 * offline; the page then shows its request number.
 */
export async function deliveredOnceBackOnline(
  context: BrowserContext,
  page: Page,
  baseURL: string,
  expected: { requestNumber: RegExp; phone: string },
): Promise<void> {
  const intake = await startIntakeServer({
    port: INTAKE.port,
    dbPath: join(mkdtempSync(join(tmpdir(), 'rf-e2e-offline-')), 'intake.sqlite'),
    adminToken: INTAKE.adminToken,
    allowedOrigins: [new URL(baseURL).origin],
    rateLimit: null,
    log: false,
  });
  try {
    await goOnline(context, page);
    await expect(page.getByText(expected.requestNumber)).toBeVisible({ timeout: 20_000 });
    const rows = (await intakeQueue()).filter((row) =>
      JSON.stringify(row).includes(expected.phone),
    );
    expect(rows).toHaveLength(1);
  } finally {
    await intake.close();
  }
}
