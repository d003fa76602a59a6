// The intake server over time: rate limits, a restart on the same file, a shutdown with
// requests in flight. Each test starts a server of its own, unlike intake-server.test.ts.
import { describe, expect, it } from 'vitest';
import { adminExport, body, post, startTestServer } from './intake-helpers.ts';
import { created } from './intake-assertions.ts';

describe('intake server limits and lifecycle', () => {
  it('rate limits submissions per client with 429 and Retry-After', async () => {
    const server = await startTestServer({ rateLimit: { limit: 3, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await post(server.url, body())).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const limited = await post(server.url, body());
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await limited.json()).toEqual([
        { code: 429, description: 'Too many requests; try again later' },
      ]);
    } finally {
      await server.cleanup();
    }
  });

  it('rate limits status look-ups too', async () => {
    const server = await startTestServer({ lookupRateLimit: { limit: 2, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        statuses.push((await fetch(`${server.url}/requests/BOS-00000000.json`)).status);
      }
      expect(statuses).toEqual([404, 404, 429]);
    } finally {
      await server.cleanup();
    }
  });

  it('keeps committed requests across a restart on the same file', async () => {
    const first = await startTestServer();
    const { service_request_id: id } = await created(await post(first.url, body()));
    await first.close();
    const second = await startTestServer({ dbPath: first.dbPath });
    try {
      expect((await fetch(`${second.url}/requests/${id}.json`)).status).toBe(200);
    } finally {
      await second.cleanup();
      await first.cleanup();
    }
  });

  it('finishes requests in flight on close, then stops listening', async () => {
    const server = await startTestServer();
    const responses = Array.from({ length: 20 }, () => post(server.url, body()));
    // Close once the server is certainly busy (one answer is back), whatever the machine's load.
    await Promise.race(responses);
    const closing = server.close();
    const settled = await Promise.allSettled(responses);
    await closing;
    const answered = settled.filter((s) => s.status === 'fulfilled' && s.value.status === 201);
    expect(answered.length).toBeGreaterThan(0);
    await expect(fetch(`${server.url}/services.json`)).rejects.toThrow();
    const reopened = await startTestServer({ dbPath: server.dbPath });
    try {
      expect((await adminExport(reopened.origin)).length).toBe(answered.length);
    } finally {
      await reopened.cleanup();
      await server.cleanup();
    }
  });
});
