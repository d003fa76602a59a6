import { describe, expect, it } from 'vitest';
import { expectedCall } from '../../src/domain/callback/expected-call.ts';
import { buildRequestBody } from '../../src/domain/callback/request.ts';
import { toWeeklyIntervals } from '../../src/domain/opening-hours.ts';
import { Open311Error } from '../../src/domain/open311/errors.ts';
import { FakeOpen311Client } from '../../src/domain/open311/fake.ts';
import { ManualClock } from '../../src/domain/outbox/clock.ts';
import { Outbox, type OutboxOptions } from '../../src/domain/outbox/outbox.ts';
import {
  MemoryOutboxStore,
  type OutboxItem,
  type PendingItem,
} from '../../src/domain/outbox/store.ts';
import { BOSTON_HOURS, TEST_ENDPOINT, validRequest } from './callback-helpers.ts';

const endpoint = TEST_ENDPOINT;
const week = toWeeklyIntervals(BOSTON_HOURS);

const request = validRequest;

const offline = () => new Open311Error({ kind: 'network', message: 'offline' });
const serverDown = () => new Open311Error({ kind: 'server', status: 503, message: 'down' });

function setup(options: Partial<OutboxOptions> = {}) {
  const clock = new ManualClock(Date.UTC(2026, 0, 12, 15)); // Monday 10:00 in Boston
  const store = new MemoryOutboxStore();
  const client = new FakeOpen311Client({ serviceNotice: 'A specialist will call.' });
  let n = 0;
  const make = (overrides: Partial<OutboxOptions> = {}) =>
    new Outbox({
      store,
      client,
      clock,
      random: () => 0.5,
      newKey: () => `key-${++n}`,
      expectedCall: (req, now) =>
        expectedCall({
          intervals: week,
          timeZone: 'America/New_York',
          bestTime: req.bestTime,
          now,
        }),
      ...options,
      ...overrides,
    });
  return { clock, store, client, outbox: make(), make };
}

/** Lets timers fire and the sends they start finish. */
async function run(outbox: Outbox, clock: ManualClock, ms: number) {
  clock.advance(ms);
  await outbox.whenIdle();
}

describe('Outbox', () => {
  it('saves before sending, then keeps only the receipt after a 2xx', async () => {
    const { outbox, store, client, clock } = setup();
    const states: string[] = [];
    outbox.subscribe((items) => states.push(items.map((i) => i.state).join(',')));
    const req = request();
    const body = buildRequestBody(req, endpoint);
    const item = await outbox.add(req, body);
    // Stored before anything was sent.
    expect(client.calls).toHaveLength(0);
    expect((await store.get(item.id))?.state).toBe('saved');

    await run(outbox, clock, 0);
    expect(client.calls).toEqual([{ body, idempotencyKey: item.idempotencyKey }]);
    const receipt = await store.get(item.id);
    expect(receipt).toEqual({
      id: item.id,
      createdAt: item.createdAt,
      state: 'delivered',
      deliveredAt: clock.now(),
      serviceRequestId: 'FAKE-1',
      token: null,
      serviceNotice: 'A specialist will call.',
      // Monday 10:00 asking for weekday mornings: now until 12:00 Boston time.
      expectedCall: { start: '2026-01-12T15:00:00.000Z', end: '2026-01-12T17:00:00.000Z' },
      answerer: 'them',
    });
    expect(states).toEqual(['', 'saved', 'sending', 'delivered']);
  });

  it('leaves no personal data in the store after delivery', async () => {
    const { outbox, store, clock } = setup();
    const req = request();
    await outbox.add(req, buildRequestBody(req, endpoint));
    const personal = ['6175550123', 'Dana', 'works nights', '02125', 'detox', 'boston-paaths'];
    for (const secret of personal) expect(store.dump()).toContain(secret);
    await run(outbox, clock, 0);
    const dump = store.dump();
    for (const secret of personal) expect(dump).not.toContain(secret);
    expect(dump).not.toMatch(/"(request|body|idempotencyKey)"/);
  });

  it('retries network and 5xx failures with exponential back-off and jitter', async () => {
    const { outbox, client, clock } = setup();
    client.script(offline(), serverDown(), offline());
    const item = await outbox.add(request(), 'body');
    await run(outbox, clock, 0);
    // random() = 0.5: half fixed plus a quarter = 0.75 of 2 s, 4 s, 8 s.
    const waits: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const pending = outbox.get(item.id) as PendingItem;
      expect(pending.state).toBe('saved');
      expect(pending.problem?.retryable).toBe(true);
      waits.push(pending.nextAttemptAt! - clock.now());
      await run(outbox, clock, pending.nextAttemptAt! - clock.now());
    }
    expect(waits).toEqual([1500, 3000, 6000]);
    expect(outbox.get(item.id)?.state).toBe('delivered');
    expect(client.calls).toHaveLength(4);
    expect(new Set(client.calls.map((c) => c.idempotencyKey)).size).toBe(1);
  });

  it('caps the back-off and never retries instantly, whatever the jitter', async () => {
    const { outbox, client, clock } = setup({ random: () => 0 });
    client.script(...Array.from({ length: 12 }, offline));
    const item = await outbox.add(request(), 'body');
    await run(outbox, clock, 0);
    let wait = 0;
    for (let i = 0; i < 11; i += 1) {
      wait = (outbox.get(item.id) as PendingItem).nextAttemptAt! - clock.now();
      expect(wait).toBeGreaterThanOrEqual(1000);
      await run(outbox, clock, wait);
    }
    expect(wait).toBe(150_000); // half of the 5-minute cap
  });

  it('honours Retry-After on 429, even when the browser says it is back online', async () => {
    const { outbox, client, clock } = setup();
    client.script(
      new Open311Error({
        kind: 'rate-limited',
        status: 429,
        message: 'slow',
        retryAfterMs: 30_000,
      }),
    );
    const item = await outbox.add(request(), 'body');
    await run(outbox, clock, 0);
    expect((outbox.get(item.id) as PendingItem).nextAttemptAt).toBe(clock.now() + 30_000);
    await outbox.retryNow();
    expect(client.calls).toHaveLength(1);
    await run(outbox, clock, 29_999);
    expect(client.calls).toHaveLength(1);
    await run(outbox, clock, 1);
    expect(outbox.get(item.id)?.state).toBe('delivered');
  });

  it('retryNow sends a waiting item at once (the online event)', async () => {
    const { outbox, client, clock } = setup();
    client.script(offline());
    const item = await outbox.add(request(), 'body');
    await run(outbox, clock, 0);
    expect(outbox.get(item.id)?.state).toBe('saved');
    await outbox.retryNow();
    expect(outbox.get(item.id)?.state).toBe('delivered');
    expect(clock.pending()).toEqual([]); // the back-off timer was cancelled
  });

  it('never creates two requests: an answer lost after commit is retried with the same key', async () => {
    const { outbox, client, clock } = setup();
    client.script('commit-then-lose', 'commit-then-lose');
    const item = await outbox.add(request(), 'body');
    await run(outbox, clock, 0);
    expect(outbox.get(item.id)?.state).toBe('saved');
    await run(outbox, clock, 60_000);
    await run(outbox, clock, 60_000);
    expect(client.calls).toHaveLength(3);
    expect(client.created).toHaveLength(1);
    expect(outbox.get(item.id)).toMatchObject({ state: 'delivered', serviceRequestId: 'FAKE-1' });
  });

  it('never sends the same item twice at once, and never again after a 2xx', async () => {
    const { outbox, client, clock } = setup();
    await outbox.add(request(), 'body');
    await Promise.all([outbox.retryNow(), outbox.retryNow(), run(outbox, clock, 0)]);
    await outbox.retryNow();
    await run(outbox, clock, 10 * 60_000);
    expect(client.calls).toHaveLength(1);
  });

  it('keeps a rejected request and reports field errors so it can be fixed', async () => {
    const { outbox, client, clock, store } = setup();
    client.script(
      new Open311Error({
        kind: 'rejected',
        status: 400,
        message: 'Enter a phone number…',
        errors: [
          { code: 'phone.invalid', description: 'Enter a phone number…' },
          { code: '400', description: 'Something else' },
        ],
      }),
    );
    const item = await outbox.add(request(), 'body-1');
    await run(outbox, clock, 0);
    const stuck = outbox.get(item.id) as PendingItem;
    expect(stuck.state).toBe('needs-attention');
    expect(stuck.problem).toMatchObject({
      kind: 'rejected',
      retryable: false,
      fieldErrors: [{ field: 'phone', code: 'phone.invalid' }],
    });
    expect(stuck.request.phone).toBe('+16175550123'); // nothing lost
    expect(await store.get(item.id)).toMatchObject({ state: 'needs-attention', body: 'body-1' });
    await run(outbox, clock, 60 * 60_000);
    expect(client.calls).toHaveLength(1); // no automatic retry of a refusal

    const fixed = request({ phone: '617 555 0199' });
    await outbox.revise(item.id, fixed, 'body-2');
    expect(client.calls[1]).toEqual({
      body: 'body-2',
      idempotencyKey: expect.not.stringMatching(stuck.idempotencyKey) as string,
    });
    expect(outbox.get(item.id)?.state).toBe('delivered');
  });

  it('treats 403 and 404 as needing attention, and resend tries again on request', async () => {
    const { outbox, client, clock } = setup();
    client.script(
      new Open311Error({ kind: 'unauthorised', status: 403, message: 'Invalid api_key' }),
    );
    const item = await outbox.add(request(), 'body');
    await run(outbox, clock, 0);
    expect(outbox.get(item.id)).toMatchObject({
      state: 'needs-attention',
      problem: { kind: 'unauthorised', message: 'Invalid api_key', fieldErrors: [] },
    });
    await outbox.resend(item.id);
    expect(outbox.get(item.id)?.state).toBe('delivered');
  });

  it('survives a reload: a new outbox over the same store resumes pending items', async () => {
    const { outbox, client, clock, store, make } = setup();
    client.script(offline());
    const first = await outbox.add(request(), 'body-a');
    await run(outbox, clock, 0);
    const second = await outbox.add(request({ phone: '6175550199' }), 'body-b');
    outbox.stop(); // the page is closed before anything more happens
    await outbox.whenIdle();
    expect((await store.list()).map((i) => i.state).sort()).toEqual(['saved', 'saved']);

    const reloaded = make();
    const seen: OutboxItem[][] = [];
    reloaded.subscribe((items) => seen.push([...items]));
    await reloaded.start();
    expect(seen.at(-1)?.map((i) => i.id)).toEqual([first.id, second.id]);
    await run(reloaded, clock, 0); // the second was due at once
    expect(reloaded.get(second.id)?.state).toBe('delivered');
    await run(reloaded, clock, 5_000); // the first waits out its back-off
    expect(reloaded.get(first.id)?.state).toBe('delivered');
    expect(client.created).toHaveLength(2);
  });

  it('resends an item a reload caught mid-send with the same key: still one request', async () => {
    const { store, client, clock, make } = setup();
    const item: PendingItem = {
      id: 'item-1',
      createdAt: clock.now(),
      state: 'sending',
      idempotencyKey: 'key-x',
      request: request(),
      body: 'body',
      attempts: 1,
      nextAttemptAt: null,
      problem: null,
    };
    await store.put(item);
    await client.submit('body', { idempotencyKey: 'key-x' }); // the server had committed it
    const reloaded = make();
    await reloaded.start();
    await run(reloaded, clock, 0);
    expect(client.created).toHaveLength(1);
    expect(reloaded.get('item-1')).toMatchObject({
      state: 'delivered',
      serviceRequestId: 'FAKE-1',
    });
  });

  it('remove forgets an item and its timer', async () => {
    const { outbox, client, clock, store } = setup();
    client.script(offline());
    const item = await outbox.add(request(), 'body');
    await run(outbox, clock, 0);
    await outbox.remove(item.id);
    expect(await store.list()).toEqual([]);
    expect(clock.pending()).toEqual([]);
    expect(outbox.items()).toEqual([]);
  });

  it('turns a batch token into a receipt without an id when the server gives none yet', async () => {
    const { clock, store, make } = setup();
    const batch = new FakeOpen311Client({ batch: true });
    const outbox = make({ client: batch });
    const item = await outbox.add(request(), 'body');
    await run(outbox, clock, 0);
    expect(await store.get(item.id)).toMatchObject({
      state: 'delivered',
      serviceRequestId: null,
      token: 'token-FAKE-1',
    });
  });
});
