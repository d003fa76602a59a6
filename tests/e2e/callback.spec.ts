import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { startIntakeServer, type IntakeServer } from '../../src/intake/server.ts';
import { answerForMyself } from './callback-form.ts';

// The built site posts to the intake endpoint in the deployment's site.yaml: the local server's port.
const INTAKE_PORT = 8311;
const ADMIN_TOKEN = 'e2e-admin-token';
const dbPath = join(mkdtempSync(join(tmpdir(), 'rf-e2e-intake-')), 'intake.sqlite');

async function startIntake(baseURL: string): Promise<IntakeServer> {
  return startIntakeServer({
    port: INTAKE_PORT,
    dbPath,
    adminToken: ADMIN_TOKEN,
    allowedOrigins: [new URL(baseURL).origin],
    rateLimit: null,
    log: false,
  });
}

/** The specialists' queue, through the authenticated export. */
async function queue(): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`http://127.0.0.1:${INTAKE_PORT}/admin/requests.json`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Array<Record<string, unknown>>;
}

async function fillRequest(page: Page, phone: string) {
  await answerForMyself(page, phone);
  await page.getByRole('checkbox', { name: 'Detox (withdrawal management)' }).check();
}

// One intake server on a fixed port: these tests take turns.
test.describe.configure({ mode: 'serial' });

test('errors are listed in a summary that takes focus, and explained beside each field', async ({
  page,
}) => {
  await page.goto('/en/callback/?for=someone-else');
  await page.getByRole('button', { name: 'Request a callback' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  // Exactly the questions the intro says need an answer: none marked (optional).
  await expect(summary.getByRole('link')).toHaveText([
    'Say whose phone number you will give.',
    'Enter a phone number for the specialist to call.',
    'Say whether it is safe to leave a voicemail.',
    'Say whether it is OK to send a text message.',
  ]);
  await page.getByRole('radio', { name: 'Theirs: the specialist calls them' }).check();
  await page.getByRole('textbox', { name: 'Their phone number' }).fill('555');
  await page.getByRole('button', { name: 'Request a call for them' }).click();
  await expect(
    page.getByRole('textbox', { name: 'Their phone number' }),
  ).toHaveAccessibleDescription(/Enter a phone number that can be called, such as 617-555-0123\./);
  await summary.getByRole('link', { name: /Confirm that they know/ }).click();
  await expect(page.getByRole('checkbox', { name: /They know about this request/ })).toBeFocused();
});

test('a pasted note longer than the limit is cut while pasting, and the count says so', async ({
  page,
}) => {
  await page.goto('/en/callback/');
  const notes = page.getByRole('textbox', { name: /Anything else the specialist should know/ });
  await expect(notes).toHaveAccessibleDescription(/Characters left: 1,000/);
  await notes.focus();
  await page.evaluate(() => {
    const box = document.activeElement as HTMLTextAreaElement;
    const data = new DataTransfer();
    data.setData('text/plain', 'x'.repeat(2000));
    box.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  // A synthetic paste inserts nothing by itself: insert what the browser would, within maxlength.
  await page.keyboard.insertText('x'.repeat(2000));
  await expect(notes).toHaveValue('x'.repeat(1000));
  await expect(
    page.getByText(/^Characters left: 0 Only the first 1,000 characters fit/),
  ).toBeVisible();
});

test('a request reaches the intake database and the confirmation shows its number', async ({
  page,
  baseURL,
}) => {
  const intake = await startIntake(baseURL!);
  try {
    await page.goto('/en/callback/?path=detox');
    await fillRequest(page, '617 555 0142');
    await page.getByRole('button', { name: 'Request a callback' }).click();
    const number = page.getByText(/^Your request number is BOS-[0-9A-Z]{8}\.$/);
    await expect(number).toBeVisible();
    const id = /BOS-[0-9A-Z]{8}/.exec((await number.textContent()) ?? '')![0];
    await expect(page.getByText(/^A recovery specialist will call /)).toBeVisible();

    const rows = (await queue()).filter((row) => row.service_request_id === id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).toContain('+16175550142');
    // The public record carries nothing personal.
    const publicRecord = await (await fetch(`${intake.url}/requests/${id}.json`)).text();
    expect(publicRecord).not.toContain('5550142');
    expect(publicRecord).not.toContain('detox');
  } finally {
    await intake.close();
  }
});

test('with the intake server down the request waits on the phone, survives a reload, and is delivered once', async ({
  page,
  baseURL,
}) => {
  await page.goto('/en/callback/');
  await fillRequest(page, '617 555 0199');
  await page.getByRole('button', { name: 'Request a callback' }).click();
  await expect(page.getByText(/^Saved on this phone\./)).toBeVisible();

  await page.reload();
  await expect(page.getByText(/^Saved on this phone\./)).toBeVisible();

  const intake = await startIntake(baseURL!);
  try {
    // The browser says it is back online; the outbox sends at once.
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect(page.getByText(/^Your request number is BOS-/)).toBeVisible({ timeout: 15_000 });
    const rows = (await queue()).filter((row) => JSON.stringify(row).includes('+16175550199'));
    expect(rows).toHaveLength(1);

    // Delivered: the phone no longer holds the person's details.
    const stored = await page.evaluate(async () => {
      const dump: string[] = [];
      for (const info of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(info.name!);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(new Error(String(open.error)));
        });
        for (const name of db.objectStoreNames) {
          const all = await new Promise<unknown[]>((resolve) => {
            const request = db.transaction(name).objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
          });
          dump.push(JSON.stringify(all));
        }
        db.close();
      }
      return dump.join('\n');
    });
    expect(stored).toContain('BOS-');
    expect(stored).not.toContain('5550199');
  } finally {
    await intake.close();
  }
});

test('a mother asks in Spanish for her son: the form speaks of his phone, and the specialists know he will answer', async ({
  page,
  baseURL,
}) => {
  const intake = await startIntake(baseURL!);
  try {
    await page.goto('/es/callback/?for=someone-else');
    const form = page.getByRole('form', { name: 'Pedirlo en línea' });
    await form.getByRole('radio', { name: /^De la persona/ }).check();
    // Every question now names whose phone it is, and the button whose call it asks for.
    await form
      .getByRole('textbox', { name: 'Número de teléfono de la persona' })
      .fill('617 555 0177');
    await form
      .getByRole('group', { name: /mensaje de voz sin riesgo en el teléfono de la persona/ })
      .getByRole('radio', { name: 'No' })
      .check();
    await form
      .getByRole('group', { name: /mensaje de texto al teléfono de la persona/ })
      .getByRole('radio', { name: 'Sí' })
      .check();
    await form.getByRole('checkbox', { name: /La persona sabe de esta solicitud/ }).check();
    await expect(form.getByRole('button', { name: 'Pedir que me llamen' })).toHaveCount(0);
    await form.getByRole('button', { name: 'Pedir que llamen a la persona' }).click();

    const number = page.getByText(/^Su número de solicitud es BOS-[0-9A-Z]{8}\.$/);
    await expect(number).toBeVisible();
    await expect(
      page.getByText(/^Un especialista en recuperación llamará a la persona /),
    ).toBeVisible();
    const id = /BOS-[0-9A-Z]{8}/.exec((await number.textContent()) ?? '')![0];
    // The number is read back over the phone: it never breaks across lines.
    const lines = await number
      .locator('bdi')
      .evaluate((element) => element.getClientRects().length);
    expect(lines).toBe(1);
    await expect(
      page.getByRole('link', { name: 'Ver el estado de esta solicitud más tarde' }),
    ).toHaveAttribute('href', `/es/callback/status/?id=${id}`);

    const [row] = (await queue()).filter((candidate) => candidate.service_request_id === id);
    expect(row).toMatchObject({
      phone: '+16175550177',
      attributes: { for: 'someone-else', phone_owner: 'theirs', consent: 'yes', language: 'es' },
    });
  } finally {
    await intake.close();
  }
});

test('a visit with nothing saved loads no sender and leaves no database behind', async ({
  page,
}) => {
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  await page.goto('/es/');
  // The check runs once the page is idle; give it that moment.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  await page.waitForTimeout(500);
  expect(loaded).not.toContain('/outbox-notice.js');
  expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
  await expect(
    page
      .getByRole('status')
      .getByText(/solicitud/)
      .filter({ visible: true }),
  ).toHaveCount(0);
});

/** A new browser session on the same phone: what the last one left in IndexedDB, nothing else. */
async function reopen(browser: Browser, baseURL: string, page: Page) {
  const storageState = await page.context().storageState({ indexedDB: true });
  await page.context().close();
  const context = await browser.newContext({ ...devices['Pixel 7'], baseURL, storageState });
  return context.newPage();
}

test('a request saved during an outage is delivered once from the home page of a later visit', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/en/callback/');
  await fillRequest(page, '617 555 0188');
  await page.getByRole('button', { name: 'Request a callback' }).click();
  await expect(page.getByText(/^Saved on this phone\./)).toBeVisible();

  // The browser is closed and opened again, still offline: any page says where the request is.
  const later = await reopen(browser, baseURL!, page);
  await later.goto('/es/find/');
  const waiting = later.getByRole('status').getByText(/guardada en este teléfono/);
  await expect(waiting).toBeVisible({ timeout: 15_000 });
  await expect(later.getByRole('status').getByRole('link', { name: '311' })).toHaveAttribute(
    'href',
    'tel:311',
  );

  const intake = await startIntake(baseURL!);
  try {
    // Closed again; with 311 back, opening the home page is enough.
    const home = await reopen(browser, baseURL!, later);
    await home.goto('/en/');
    const notice = home.getByRole('status');
    await expect(notice.getByText(/Your callback request has been sent\./)).toBeVisible({
      timeout: 15_000,
    });
    const shown = (await notice.textContent()) ?? '';
    const id = /BOS-[0-9A-Z]{8}/.exec(shown)?.[0];
    expect(id).toBeDefined();
    await expect(notice.getByRole('link', { name: 'See where it stands' })).toHaveAttribute(
      'href',
      `/en/callback/status/?id=${id}`,
    );
    const rows = (await queue()).filter((row) => JSON.stringify(row).includes('+16175550188'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.service_request_id).toBe(id);

    // Seen once: the next page neither repeats the notice nor sends anything again.
    await home.goto('/en/find/');
    await home.waitForLoadState('load');
    await home.waitForTimeout(1_500);
    await expect(home.getByRole('status').getByText(/has been sent/)).toBeHidden();
    expect(
      (await queue()).filter((row) => JSON.stringify(row).includes('+16175550188')),
    ).toHaveLength(1);
    await home.context().close();
  } finally {
    await intake.close();
  }
});

test('asking for someone else with one’s own number asks no consent and says the call is for you', async ({
  page,
}) => {
  await page.goto('/en/callback/?for=someone-else');
  await page
    .getByRole('radio', { name: 'Mine: the specialist calls me, and I pass it on' })
    .check();
  await expect(page.getByRole('textbox', { name: 'Your phone number' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /They know about this request/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Request a callback' })).toBeVisible();
});

test('the service worker delivers a waiting request on Background Sync with no page of the site open', async ({
  page,
  baseURL,
}) => {
  await page.goto('/en/callback/');
  await fillRequest(page, '617 555 0166');
  await page.getByRole('button', { name: 'Request a callback' }).click();
  await expect(page.getByText(/^Saved on this phone\./)).toBeVisible();
  // The failed send asked for Background Sync, which needs the worker running.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state))
    .toBe('activated');
  const origin = new URL(baseURL!).origin;
  await page.goto('about:blank');

  const intake = await startIntake(baseURL!);
  try {
    // What the browser does once it is back online, asked for directly.
    const cdp = await page.context().newCDPSession(page);
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        // The English pages' worker: each language has its own.
        const ours = registrations.find((entry) => entry.scopeURL === `${origin}/en/`);
        if (ours) resolve(ours.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin,
      registrationId: await registration,
      tag: 'rf-callback-outbox',
      lastChance: false,
    });
    await expect
      .poll(
        async () =>
          (await queue()).filter((row) => JSON.stringify(row).includes('+16175550166')).length,
        { timeout: 15_000 },
      )
      .toBe(1);

    // The next page opened shows the receipt the worker stored, once.
    await page.goto('/en/paths/');
    await expect(page.getByRole('status').getByText(/has been sent/)).toBeVisible({
      timeout: 15_000,
    });
    expect(
      (await queue()).filter((row) => JSON.stringify(row).includes('+16175550166')),
    ).toHaveLength(1);
  } finally {
    await intake.close();
  }
});

test('the city’s service definition decides which optional questions are asked', async ({
  page,
}) => {
  await page.route(/\/open311\/v2\/services\/recovery-callback\.json$/, (route) =>
    route.fulfill({
      contentType: 'application/json',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: JSON.stringify({
        service_code: 'recovery-callback',
        attributes: ['for', 'voicemail_ok', 'text_ok', 'best_time', 'language', 'consent'].map(
          (code, order) => ({
            variable: true,
            code,
            datatype: 'singlevaluelist',
            required: false,
            datatype_description: '',
            order,
            description: code,
            values: [],
          }),
        ),
      }),
    }),
  );
  await page.goto('/en/callback/');
  await expect(
    page.getByRole('textbox', { name: /Anything else the specialist should know/ }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Your phone number' }).focus();
  await expect(
    page.getByRole('textbox', { name: /Anything else the specialist should know/ }),
  ).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: /ZIP code or neighborhood/ })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Best time to call' })).toBeVisible();
});

test.describe('when JavaScript is unavailable', () => {
  test.use({ javaScriptEnabled: false });

  test('the page gives the phone route instead of a form that cannot work', async ({ page }) => {
    await page.goto('/en/callback/');
    await expect(page.getByRole('heading', { name: 'Ask by phone' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Call 311' })).toHaveAttribute(
      'href',
      'tel:311',
    );
    await expect(page.getByRole('textbox', { name: 'Your phone number' })).toHaveCount(0);
  });
});
