import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { installWorker } from './offline-helpers.ts';

/**
 * A newer version of the site, published while a person has the older one on their phone. The
 * site is served here through a small proxy in front of the test server that can give
 * /en/sw.js one more line, as a new build would change it: the browser's own update check
 * then finds a new worker (a route in the browser cannot stand in for that check).
 */
let proxy: Server;
let origin: string;
let published = 'first';

test.beforeAll(async ({}, testInfo) => {
  const upstream = testInfo.project.use.baseURL!;
  proxy = createServer((request, response) => {
    void (async () => {
      const url = request.url ?? '/';
      const worker = url === '/en/sw.js';
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        // The worker's script is always sent whole, so a changed one is never a 304.
        if (worker && /^if-/.test(name)) continue;
        if (typeof value === 'string' && name !== 'host') headers.set(name, value);
      }
      const answer = await fetch(new URL(url, upstream), { headers, redirect: 'manual' });
      let body = Buffer.from(await answer.arrayBuffer());
      if (worker && published === 'second') {
        body = Buffer.concat([body, Buffer.from('\n// the second version\n')]);
      }
      const sent: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!/^(content-length|content-encoding|transfer-encoding|etag|last-modified)$/.test(name))
          sent[name] = value;
      });
      response.writeHead(answer.status, sent);
      response.end(body);
    })().catch(() => {
      response.writeHead(502);
      response.end();
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
});

const updateNotice = (page: Page) =>
  page.getByText('A newer version of this site is ready.', { exact: false });

/** Asks the browser to look for a newer worker now, and waits until it is installed, waiting. */
async function newVersionWaits(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    await registration.update();
  });
  await page.waitForFunction(async () =>
    Boolean((await navigator.serviceWorker.getRegistration())?.waiting),
  );
}

test('a newer version waits, is offered once and never over a form being filled in, and takes over on Reload', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await page.goto(`${origin}/en/`);
  await installWorker(page, '/en/');

  await test.step('while the callback form holds unsent answers, nothing is offered', async () => {
    await page.goto(`${origin}/en/callback/`);
    await page.getByRole('textbox', { name: 'Your phone number' }).fill('617 555 0123');
    published = 'second';
    await newVersionWaits(page);
    await page.waitForTimeout(1_500);
    await expect(updateNotice(page)).toBeHidden();
  });

  await test.step('the next page offers it, and it still waits', async () => {
    await page.goto(`${origin}/en/find/`);
    await expect(updateNotice(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
    const waiting = await page.evaluate(
      async () => !!(await navigator.serviceWorker.getRegistration())?.waiting,
    );
    expect(waiting).toBe(true);
  });

  await test.step('it is said once: the page after does not repeat it', async () => {
    await page.goto(`${origin}/en/paths/detox/`);
    await page.waitForTimeout(1_500);
    await expect(updateNotice(page)).toBeHidden();
  });

  await test.step('Reload, in a tab where it is offered, lets the newer version take over', async () => {
    const tab = await context.newPage();
    await tab.goto(`${origin}/en/find/`);
    await expect(updateNotice(tab)).toBeVisible();
    await page.close();
    const reloaded = tab.waitForEvent('load');
    await tab.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await tab.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.active && !registration.waiting && navigator.serviceWorker.controller;
    });
    await expect(updateNotice(tab)).toBeHidden();
  });
});
