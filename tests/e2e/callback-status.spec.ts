import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildRequestBody } from '../../src/domain/callback/request.ts';
import { validateCallback } from '../../src/domain/callback/validate.ts';
import { loadDeployment } from '../../src/intake/deployment.ts';
import { startIntakeServer, type IntakeServer } from '../../src/intake/server.ts';

// The built site looks requests up at the endpoint in the deployment's site.yaml. The server here takes
// a free port and the browser's look-ups are sent on to it, so this spec never waits for, or
// collides with, another spec's server on the development port.
const deployment = loadDeployment();
const SITE_ORIGIN = new URL(deployment.site.intake.endpoint).origin;
const dbPath = join(mkdtempSync(join(tmpdir(), 'rf-e2e-status-')), 'intake.sqlite');

async function startIntake(page: Page, baseURL: string): Promise<IntakeServer> {
  const intake = await startIntakeServer({
    port: 0,
    dbPath,
    adminToken: 'e2e-admin-token',
    allowedOrigins: [new URL(baseURL).origin],
    rateLimit: null,
    log: false,
  });
  await page.route(
    (url) => url.origin === SITE_ORIGIN,
    (route) => route.continue({ url: route.request().url().replace(SITE_ORIGIN, intake.origin) }),
  );
  return intake;
}

/** Files a request as the form does: validated, then the body the outbox posts. */
async function fileRequest(intake: IntakeServer): Promise<string> {
  const result = validateCallback(
    { for: 'me', phone: '617 555 0177', voicemail_ok: 'no', text_ok: 'no', language: 'es' },
    deployment.callback,
  );
  if (result.kind !== 'valid') throw new Error(`not a valid request: ${JSON.stringify(result)}`);
  const response = await fetch(`${intake.url}/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: buildRequestBody(result.request, deployment.endpoint),
  });
  expect(response.status).toBe(201);
  const [answer] = (await response.json()) as Array<{ service_request_id: string }>;
  return answer!.service_request_id;
}

test('a request typed in by hand shows its status and when to expect the call, in Spanish', async ({
  page,
  baseURL,
}) => {
  const intake = await startIntake(page, baseURL!);
  try {
    const id = await fileRequest(intake);
    const [prefix, body] = id.split('-') as [string, string];
    // As a person reads it off a screen: lower case, in groups, the dash left out.
    const typed = `${prefix.toLowerCase()} ${body.slice(0, 4).toLowerCase()} ${body.slice(4).toLowerCase()}`;
    await page.goto(`/es/callback/status/?id=${encodeURIComponent(typed)}`);

    const answer = page.locator('[data-request-status]');
    await expect(answer).toHaveAttribute('data-request-status', 'open');
    await expect(answer.getByRole('heading')).toHaveText(`Solicitud ${id}`);
    await expect(answer.getByText(/^Abierta: /)).toBeVisible();
    await expect(
      answer.getByText(
        /^Un especialista en recuperación le llamará (hoy|el \S+) entre las .+ y las .+\.$/,
      ),
    ).toBeVisible();
    // The number never wraps, and keeps left-to-right order.
    const number = answer.locator('bdi[dir=ltr] .rf-request-status__id');
    await expect(number).toHaveText(id);
    await expect(number).toHaveCSS('white-space', 'nowrap');
    await expect(page.getByRole('textbox', { name: 'Número de solicitud' })).toHaveValue(typed);

    // A number that is not a request says so, and the address says what was asked.
    await page.getByRole('textbox', { name: 'Número de solicitud' }).fill('bos-zzzz-zzzz');
    await page.getByRole('button', { name: 'Consultar esta solicitud' }).click();
    await expect(answer).toHaveAttribute('data-request-status', 'unknown');
    await expect(
      answer.getByText('Ninguna solicitud tiene este número.', { exact: false }),
    ).toBeVisible();
    await expect(answer.getByRole('heading')).toBeFocused();
    expect(new URL(page.url()).searchParams.get('id')).toBe(`${prefix}-ZZZZZZZZ`);

    // With the service down, the request is not called gone.
    await intake.close();
    await page.getByRole('textbox', { name: 'Número de solicitud' }).fill(id);
    await page.getByRole('button', { name: 'Consultar esta solicitud' }).click();
    await expect(answer).toHaveAttribute('data-request-status', 'unreachable');
    await expect(answer.getByText(/^No se puede conectar/)).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: /311/ }).first()).toBeVisible();
  } finally {
    await intake.close();
  }
});

test('an empty number is asked for, and opening the page asks the server nothing', async ({
  page,
}) => {
  const lookUps: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin === SITE_ORIGIN) lookUps.push(request.url());
  });
  await page.goto('/en/callback/status/');
  await expect(page.getByRole('textbox', { name: 'Request number' })).toBeVisible();
  await page.getByRole('button', { name: 'Check this request' }).click();
  await expect(page.getByRole('textbox', { name: 'Request number' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Request number' })).toHaveAccessibleDescription(
    /Enter the request number you were given\./,
  );
  expect(lookUps).toEqual([]);
});

test.describe('when JavaScript is unavailable', () => {
  test.use({ javaScriptEnabled: false });

  test('the page says the look-up needs JavaScript and gives the phone route', async ({ page }) => {
    await page.goto('/en/callback/status/?id=bos-7k3m-q9xd');
    await expect(page.getByText(/^Looking up a request number needs JavaScript/)).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Call 311' })).toHaveAttribute(
      'href',
      'tel:311',
    );
    await expect(page.getByRole('textbox', { name: 'Request number' })).toHaveCount(0);
  });
});
