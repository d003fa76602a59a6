// The intake server's endpoints, one server and one SQLite file for the whole file: the log
// test reads the lines of every request made before it. Rate limits, restarts and shutdown
// (each needing a server of its own) are in intake-lifecycle, settings in intake-config.
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedCall } from '../../src/domain/callback/expected-call.ts';
import { buildRequestBody } from '../../src/domain/callback/request.ts';
import { validateCallback } from '../../src/domain/callback/validate.ts';
import { createFetchOpen311Client } from '../../src/domain/open311/client.ts';
import { ManualClock } from '../../src/domain/outbox/clock.ts';
import { Outbox } from '../../src/domain/outbox/outbox.ts';
import { MemoryOutboxStore } from '../../src/domain/outbox/store.ts';
import { loadDeployment } from '../../src/intake/deployment.ts';
import {
  ADMIN_TOKEN,
  ALLOWED_ORIGIN,
  BOSTON_CONTENT,
  adminExport,
  body,
  post,
  startTestServer,
} from './intake-helpers.ts';
import { created } from './intake-assertions.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe('intake server (Open311 GeoReport v2 over a real SQLite file)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.cleanup());

  describe('services', () => {
    it('lists the callback service', async () => {
      const response = await fetch(`${server.url}/services.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const services = (await response.json()) as Array<{
        service_code: string;
        metadata: boolean;
      }>;
      expect(services).toEqual([
        expect.objectContaining({ service_code: 'recovery-callback', metadata: true }),
      ]);
    });

    it('serves the same definition the form is built from', async () => {
      const response = await fetch(`${server.url}/services/recovery-callback.json`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(loadDeployment(BOSTON_CONTENT).callback.definition);
    });

    it('answers 404 with an error array for an unknown service', async () => {
      const response = await fetch(`${server.url}/services/potholes.json`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual([{ code: 404, description: 'Unknown service_code' }]);
    });
  });

  describe('POST requests.json', () => {
    it('stores a valid request and answers 201 with a short, readable id', async () => {
      const answer = await created(await post(server.url, body()));
      expect(answer.service_request_id).toMatch(/^BOS-[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(answer.service_notice).toMatch(/PAATHS specialist/);
      // A realtime service: the id now, so no token (the standard sends one or the other).
      expect(Object.keys(answer).sort()).toEqual(['service_notice', 'service_request_id']);
      const stored = (await adminExport(server.origin)).find(
        (r) => r.service_request_id === answer.service_request_id,
      );
      expect(stored).toMatchObject({
        phone: '+16175550123',
        first_name: 'Dana',
        attributes: {
          for: 'someone-else',
          phone_owner: 'theirs',
          voicemail_ok: 'no',
          text_ok: 'yes',
          best_time: 'weekday-morning',
          language: 'es',
          paths: ['methadone', 'detox'],
          area: '02125',
          notes: 'She works nights, call after noon',
          consent: 'yes',
        },
      });
    });

    it('refuses a missing or wrong api_key with 403 and an error array', async () => {
      for (const apiKey of [null, 'wrong']) {
        const response = await post(server.url, body({ api_key: apiKey }));
        expect(response.status).toBe(403);
        expect(await response.json()).toEqual([{ code: 403, description: 'Invalid api_key' }]);
      }
    });

    it('answers 404 for an unknown service code', async () => {
      const response = await post(server.url, body({ service_code: 'potholes' }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual([{ code: 404, description: 'Unknown service_code' }]);
    });

    it('answers 400 with the shared validation codes and English descriptions', async () => {
      const response = await post(
        server.url,
        body({ phone: '555', 'attribute[consent]': null, 'attribute[notes]': 'n'.repeat(1001) }),
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual([
        { code: 'phone.invalid', description: expect.stringMatching(/phone number/) as string },
        { code: 'notes.tooLong', description: expect.stringMatching(/1000/) as string },
        { code: 'consent.required', description: expect.stringMatching(/agree/) as string },
      ]);
    });

    it('refuses a body over 16 KB with 413', async () => {
      const response = await post(server.url, body({ 'attribute[notes]': 'x'.repeat(17_000) }));
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual([
        { code: 413, description: 'Request body over 16 KB' },
      ]);
    });

    it('refuses anything but form-urlencoded with 415', async () => {
      const response = await post(server.url, '{}', { 'Content-Type': 'application/json' });
      expect(response.status).toBe(415);
    });

    it('answers a filled honeypot as if accepted, and stores nothing', async () => {
      const before = (await adminExport(server.origin)).length;
      const answer = await created(await post(server.url, body({ 'attribute[website]': 'spam' })));
      expect(answer.service_request_id).toMatch(/^BOS-/);
      expect((await adminExport(server.origin)).length).toBe(before);
    });
  });

  describe('idempotency', () => {
    it('stores a request once however often it is retried with the same key', async () => {
      const before = (await adminExport(server.origin)).length;
      const text = body({ first_name: 'Idem' });
      const headers = { 'Idempotency-Key': '"6c1b3a9e-1111-4c2b-9d3e-000000000001"' };
      // Two at once (both in the air in the same batch), then one after the commit.
      const [a, b] = await Promise.all([
        post(server.url, text, headers),
        post(server.url, text, headers),
      ]);
      const c = await post(server.url, text, {
        'Idempotency-Key': '6c1b3a9e-1111-4c2b-9d3e-000000000001', // unquoted means the same
      });
      const ids = await Promise.all(
        [a, b, c].map(async (r) => (await created(r)).service_request_id),
      );
      expect(new Set(ids).size).toBe(1);
      expect(c.headers.get('idempotent-replayed')).toBe('true');
      const after = await adminExport(server.origin);
      expect(after.length).toBe(before + 1);
      expect(after.filter((r) => r.first_name === 'Idem')).toHaveLength(1);
    });

    it('refuses a key reused for a different request with 422', async () => {
      const headers = { 'Idempotency-Key': 'reused-key' };
      await created(await post(server.url, body({ first_name: 'One' }), headers));
      const response = await post(server.url, body({ first_name: 'Two' }), headers);
      expect(response.status).toBe(422);
    });
  });

  describe('public reads never show personal data', () => {
    const secrets = ['6175550123', '617-555-0123', 'Dana', 'works nights', '02125', 'detox'];

    it('GET requests/{id}.json gives status fields only', async () => {
      const { service_request_id: id } = await created(await post(server.url, body()));
      const response = await fetch(`${server.url}/requests/${id}.json`);
      expect(response.status).toBe(200);
      const text = await response.text();
      for (const secret of secrets) expect(text).not.toContain(secret);
      const [status] = JSON.parse(text) as Array<Record<string, unknown>>;
      expect(Object.keys(status!).sort()).toEqual([
        'expected_datetime',
        'requested_datetime',
        'service_code',
        'service_name',
        'service_request_id',
        'status',
        'updated_datetime',
      ]);
      expect(status).toMatchObject({ service_request_id: id, status: 'open' });
      // Read back over the phone: case and dashes do not matter, O means 0.
      const spoken = id.toLowerCase().replace('-', ' ').replace(/0/g, 'o');
      expect(
        (await fetch(`${server.url}/requests/${encodeURIComponent(spoken)}.json`)).status,
      ).toBe(200);
    });

    it('GET requests.json?service_request_id=… gives status fields only', async () => {
      const one = await created(await post(server.url, body()));
      const two = await created(await post(server.url, body({ first_name: 'Sam' })));
      const ids = `${one.service_request_id},${two.service_request_id},BOS-00000000`;
      const response = await fetch(`${server.url}/requests.json?service_request_id=${ids}`);
      const text = await response.text();
      for (const secret of [...secrets, 'Sam']) expect(text).not.toContain(secret);
      expect((JSON.parse(text) as unknown[]).length).toBe(2);
    });

    it('does not list requests without an id', async () => {
      expect((await fetch(`${server.url}/requests.json`)).status).toBe(400);
    });

    it('answers 404 for an unknown id', async () => {
      expect((await fetch(`${server.url}/requests/BOS-ZZZZZZZZ.json`)).status).toBe(404);
    });

    it('GET tokens/{token}.json still resolves a stored token, and 404 for others', async () => {
      const { service_request_id: id } = await created(await post(server.url, body()));
      // POST no longer gives tokens out; one handed out by an earlier version is in the row.
      const db = new DatabaseSync(server.dbPath, { readOnly: true });
      const { token } = db.prepare('SELECT token FROM requests WHERE id = ?').get(id) as {
        token: string;
      };
      db.close();
      const response = await fetch(`${server.url}/tokens/${token}.json`);
      expect(await response.json()).toEqual([{ service_request_id: id, token }]);
      const xml = await (await fetch(`${server.url}/tokens/${token}.xml`)).text();
      expect(xml).toContain(
        `<service_requests><request><service_request_id>${id}</service_request_id><token>${token}</token></request></service_requests>`,
      );
      expect((await fetch(`${server.url}/tokens/nope.json`)).status).toBe(404);
    });

    it('logs method, route, status and time only', () => {
      expect(server.logs.length).toBeGreaterThan(10);
      for (const line of server.logs) {
        expect(line).toMatch(/^(GET|POST|OPTIONS|HEAD) \S+ \d{3} \d+\.\dms$/);
        expect(line).not.toMatch(/BOS-|6175550123|Dana|[0-9a-f]{8}-[0-9a-f]{4}|\?/);
      }
    });
  });

  describe('admin export', () => {
    it('needs the bearer token', async () => {
      const url = `${server.origin}/admin/requests.json`;
      expect((await fetch(url)).status).toBe(401);
      const wrong = await fetch(url, { headers: { Authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
      const right = await fetch(url, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(right.status).toBe(200);
      expect(right.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('security headers', () => {
    const expectSecurityHeaders = (response: Response) => {
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
      expect(response.headers.get('cache-control')).toBe('no-store');
    };

    it('come with every answer: data, errors, XML, the export and the preflight', async () => {
      const answers = [
        await fetch(`${server.url}/services.json`),
        await fetch(`${server.url}/services.xml`),
        await fetch(`${server.url}/services/potholes.json`),
        await fetch(`${server.origin}/nowhere`),
        await fetch(`${server.origin}/admin/requests.json`, {
          headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
        }),
        await post(server.url, body(), { Origin: ALLOWED_ORIGIN }),
        await fetch(`${server.url}/requests.json`, {
          method: 'OPTIONS',
          headers: { Origin: ALLOWED_ORIGIN, 'Access-Control-Request-Method': 'POST' },
        }),
      ];
      for (const answer of answers) expectSecurityHeaders(answer);
      // CORS keeps working beside them.
      expect(answers.at(-1)!.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(answers.at(-2)!.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    });
  });

  describe('CORS', () => {
    it('answers a preflight from an allowed origin', async () => {
      const response = await fetch(`${server.url}/requests.json`, {
        method: 'OPTIONS',
        headers: {
          Origin: ALLOWED_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,idempotency-key',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get('access-control-allow-headers')).toBe(
        'Content-Type, Idempotency-Key',
      );
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    });

    it('refuses a preflight from another origin', async () => {
      const response = await fetch(`${server.url}/requests.json`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('lets an allowed page read answers, including Retry-After', async () => {
      const response = await post(server.url, body(), { Origin: ALLOWED_ORIGIN });
      expect(response.status).toBe(201);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
      expect(response.headers.get('vary')).toBe('Origin');
    });

    it('refuses a POST from another origin before storing anything', async () => {
      const before = (await adminExport(server.origin)).length;
      const response = await post(server.url, body(), { Origin: 'https://evil.example' });
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect((await adminExport(server.origin)).length).toBe(before);
    });

    it('sends no CORS header for a GET from another origin', async () => {
      const response = await fetch(`${server.url}/services.json`, {
        headers: { Origin: 'https://evil.example' },
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('the site side against this server', () => {
    it('form → outbox → fetch client → server: delivered, with the id and the call window', async () => {
      const deployment = loadDeployment(BOSTON_CONTENT);
      const fields = { for: 'me', phone: '617 555 0142', voicemail_ok: 'yes', text_ok: 'no' };
      const result = validateCallback(fields, deployment.callback);
      if (result.kind !== 'valid') throw new Error('not valid');
      const client = createFetchOpen311Client({ endpoint: server.url });
      const clock = new ManualClock(Date.now());
      const outbox = new Outbox({
        store: new MemoryOutboxStore(),
        client,
        clock,
        expectedCall: (request, now) =>
          expectedCall({
            intervals: deployment.specialistsWeek,
            timeZone: deployment.site.time_zone,
            bestTime: request.bestTime,
            now,
          }),
      });
      const item = await outbox.add(
        result.request,
        buildRequestBody(result.request, deployment.endpoint),
      );
      clock.advance(0);
      await outbox.whenIdle();
      const receipt = outbox.get(item.id);
      expect(receipt).toMatchObject({
        state: 'delivered',
        serviceRequestId: expect.stringMatching(/^BOS-/) as string,
      });
      if (receipt?.state !== 'delivered') throw new Error('not delivered');
      // The id came with the answer (a realtime service): no token, nothing polled.
      expect(receipt.token).toBeNull();
      expect(receipt.expectedCall).not.toBeNull();
      const status = await client.request(receipt.serviceRequestId!);
      expect(status?.status).toBe('open');
      expect(await client.definition('recovery-callback')).toEqual(deployment.callback.definition);
    });
  });
});
