import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFetchOpen311Client } from '../../src/domain/open311/client.ts';
import { Open311Error } from '../../src/domain/open311/errors.ts';
import { FakeOpen311Client } from '../../src/domain/open311/fake.ts';

const ENDPOINT = 'https://311.example.gov/open311/v2';
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/open311/${name}`, import.meta.url), 'utf8');

interface Recorded {
  url: string;
  init: RequestInit | undefined;
}

type Answer = Response | Error | (() => Promise<Response>);

/** A fetch that answers from a script, one answer per call, and records what it was asked. */
function scriptedFetch(...answers: Answer[]) {
  const calls: Recorded[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    calls.push({ url: input instanceof Request ? input.url : String(input), init });
    const answer = answers.shift();
    if (!answer) return Promise.reject(new Error('no scripted answer'));
    if (answer instanceof Error) return Promise.reject(answer);
    if (typeof answer === 'function') return answer();
    return Promise.resolve(answer);
  };
  return { fetch: fetchFn, calls };
}

function json(status: number, file: string, headers: Record<string, string> = {}): Response {
  return new Response(fixture(file), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

function client(
  fetchFn: typeof fetch,
  extra: Partial<Parameters<typeof createFetchOpen311Client>[0]> = {},
) {
  return createFetchOpen311Client({
    endpoint: `${ENDPOINT}/`,
    fetch: fetchFn,
    sleep: () => Promise.resolve(),
    now: () => Date.UTC(2026, 0, 12, 12),
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<Open311Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Open311Error) return error;
    throw error;
  }
  throw new Error('expected an Open311Error');
}

describe('Open311 fetch client: reads', () => {
  it('lists services, accepting numeric codes and adding the jurisdiction', async () => {
    const { fetch, calls } = scriptedFetch(json(200, 'services.json'));
    const services = await client(fetch, { jurisdictionId: 'boston.gov' }).services();
    expect(calls[0]?.url).toBe(`${ENDPOINT}/services.json?jurisdiction_id=boston.gov`);
    expect(services.map((s) => s.service_code)).toEqual(['recovery-callback', '4']);
    expect(services[1]?.type).toBe('batch');
  });

  it('reads a definition: attributes in order, value keys as strings', async () => {
    const { fetch, calls } = scriptedFetch(json(200, 'service-definition.json'));
    const definition = await client(fetch).definition('recovery-callback');
    expect(calls[0]?.url).toBe(`${ENDPOINT}/services/recovery-callback.json`);
    expect(definition.attributes.map((a) => a.code)).toEqual(['intro', 'for', 'voicemail_ok']);
    expect(definition.attributes[0]?.variable).toBe(false);
    expect(definition.attributes[1]?.values?.[1]).toEqual({ key: '2', name: 'Someone else' });
  });

  it('reads a request status; a numeric id becomes a string; 404 is null', async () => {
    const { fetch } = scriptedFetch(json(200, 'request.json'), json(404, 'error-404.json'));
    const api = client(fetch);
    const status = await api.request('638344');
    expect(status?.service_request_id).toBe('638344');
    expect(status?.expected_datetime).toBe('2026-01-13T13:00:00Z');
    expect(await api.request('nope')).toBeNull();
  });

  it('can use the singular request/{id}.json path some cities use', async () => {
    const { fetch, calls } = scriptedFetch(json(200, 'request.json'));
    await client(fetch, { requestPath: 'request' }).request('638344');
    expect(calls[0]?.url).toBe(`${ENDPOINT}/request/638344.json`);
  });
});

describe('Open311 fetch client: submit', () => {
  const body = 'api_key=k&service_code=recovery-callback&phone=%2B16175550123';

  it('posts form-urlencoded UTF-8 with the Idempotency-Key header', async () => {
    const { fetch, calls } = scriptedFetch(json(201, 'submit-201-id.json'));
    const result = await client(fetch).submit(body, { idempotencyKey: 'key-1' });
    expect(result).toEqual({
      serviceRequestId: 'BOS-7K3MQ9XD',
      token: null,
      serviceNotice: 'A PAATHS specialist will call back during their hours.',
      accountId: null,
    });
    const init = calls[0]!.init!;
    expect(calls[0]!.url).toBe(`${ENDPOINT}/requests.json`);
    expect(init.method).toBe('POST');
    expect(init.body).toBe(body);
    const headers = init.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(headers['Idempotency-Key']).toBe('"key-1"');
  });

  it('can leave the header out for a city whose CORS does not allow it', async () => {
    const { fetch, calls } = scriptedFetch(json(201, 'submit-201-id.json'));
    await client(fetch, { sendIdempotencyKey: false }).submit(body, { idempotencyKey: 'k' });
    expect(calls[0]!.init!.headers).not.toHaveProperty('Idempotency-Key');
  });

  it('accepts 200 with a numeric id', async () => {
    const { fetch } = scriptedFetch(json(200, 'submit-200-numeric-id.json'));
    const result = await client(fetch).submit(body, { idempotencyKey: 'k' });
    expect(result.serviceRequestId).toBe('293944');
    expect(result.accountId).toBe('11');
  });

  it('takes an answer with both an id and a token (older servers) without polling', async () => {
    const { fetch, calls } = scriptedFetch(json(201, 'submit-201-id-and-token.json'));
    const result = await client(fetch).submit(body, { idempotencyKey: 'k' });
    expect(result).toMatchObject({
      serviceRequestId: 'BOS-7K3MQ9XD',
      token: '0f6c2b1e-5a8d-4c3e-9b7a-2d1e4f6a8c90',
    });
    expect(calls).toHaveLength(1);
  });

  it('turns a batch token into an id by polling tokens/{token}.json', async () => {
    const { fetch, calls } = scriptedFetch(
      json(201, 'submit-token.json'),
      json(404, 'error-404.json'),
      json(200, 'token-pending.json'),
      json(200, 'token-ready.json'),
    );
    const result = await client(fetch).submit(body, { idempotencyKey: 'k' });
    expect(result).toMatchObject({ serviceRequestId: '638344', token: '12345' });
    expect(calls.slice(1).map((c) => c.url)).toEqual(
      Array(3).fill(`${ENDPOINT}/tokens/12345.json`),
    );
  });

  it('stops polling after a bounded number of tries and still reports success', async () => {
    const pending = () => Promise.resolve(json(200, 'token-pending.json'));
    const { fetch, calls } = scriptedFetch(
      json(201, 'submit-token.json'),
      pending,
      new TypeError('offline'),
      pending,
    );
    const api = client(fetch, { tokenPolling: { attempts: 3, intervalMs: 10 } });
    const result = await api.submit(body, { idempotencyKey: 'k' });
    expect(result).toMatchObject({ serviceRequestId: null, token: '12345' });
    expect(calls).toHaveLength(4);
  });
});

describe('Open311 fetch client: every failure is one typed error', () => {
  const cases: Array<[string, () => Answer, string, boolean, number | undefined]> = [
    ['400 with field errors', () => json(400, 'error-400-fields.json'), 'rejected', false, 400],
    ['400 "CRM down"', () => json(400, 'error-400-crm-down.json'), 'rejected', false, 400],
    ['403 bad api key', () => json(403, 'error-403.json'), 'unauthorised', false, 403],
    ['404 unknown service', () => json(404, 'error-404.json'), 'not-found', false, 404],
    ['429', () => json(429, 'error-429.json', { 'Retry-After': '7' }), 'rate-limited', true, 429],
    ['500 JSON', () => json(500, 'error-500.json'), 'server', true, 500],
    [
      '502 HTML page',
      () => new Response(fixture('error-502.html'), { status: 502 }),
      'server',
      true,
      502,
    ],
    [
      '200 captive portal page',
      () => new Response(fixture('captive-portal.html'), { status: 200 }),
      'server',
      true,
      200,
    ],
    [
      '201 truncated JSON',
      () => new Response(fixture('truncated-json.txt'), { status: 201 }),
      'server',
      true,
      201,
    ],
    [
      '201 JSON of the wrong shape',
      () => new Response('"ok"', { status: 201 }),
      'server',
      true,
      201,
    ],
    ['network down', () => new TypeError('Failed to fetch'), 'network', true, undefined],
  ];

  for (const [name, answer, kind, retryable, status] of cases) {
    it(`${name} → ${kind}${retryable ? ' (retryable)' : ''}`, async () => {
      const { fetch } = scriptedFetch(answer());
      const error = await failure(client(fetch).submit('x=1', { idempotencyKey: 'k' }));
      expect(error.kind).toBe(kind);
      expect(error.retryable).toBe(retryable);
      expect(error.status).toBe(status);
    });
  }

  it('keeps the error array and Retry-After (seconds or HTTP date)', async () => {
    const { fetch } = scriptedFetch(
      json(400, 'error-400-fields.json'),
      json(429, 'error-429.json', { 'Retry-After': '7' }),
      json(503, 'error-500.json', { 'Retry-After': 'Mon, 12 Jan 2026 12:00:30 GMT' }),
    );
    const api = client(fetch);
    const rejected = await failure(api.submit('x', { idempotencyKey: 'k' }));
    expect(rejected.errors.map((e) => e.code)).toEqual(['phone.invalid', 'consent.required']);
    expect(rejected.message).toMatch(/phone number/);
    expect((await failure(api.submit('x', { idempotencyKey: 'k' }))).retryAfterMs).toBe(7000);
    expect((await failure(api.submit('x', { idempotencyKey: 'k' }))).retryAfterMs).toBe(30_000);
  });

  it('times out a server that never answers', async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    const error = await failure(
      client(hang, { timeoutMs: 20 }).submit('x', { idempotencyKey: 'k' }),
    );
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  it('reads GET errors the same way', async () => {
    const { fetch } = scriptedFetch(json(403, 'error-403.json'), new TypeError('offline'));
    const api = client(fetch);
    expect((await failure(api.services())).kind).toBe('unauthorised');
    expect((await failure(api.definition('x'))).kind).toBe('network');
  });
});

describe('FakeOpen311Client', () => {
  it('returns the same id for the same key, and can lose an answer after committing', async () => {
    const fake = new FakeOpen311Client().script('commit-then-lose');
    const lost = await failure(fake.submit('body', { idempotencyKey: 'k' }));
    expect(lost.kind).toBe('network');
    const retried = await fake.submit('body', { idempotencyKey: 'k' });
    expect(retried.serviceRequestId).toBe('FAKE-1');
    expect(fake.created).toHaveLength(1);
  });
});
