import { describe, expect, it } from 'vitest';
import { expectedCall } from '../../src/domain/callback/expected-call.ts';
import { buildRequestBody } from '../../src/domain/callback/request.ts';
import { toWeeklyIntervals } from '../../src/domain/opening-hours.ts';
import { Open311Error } from '../../src/domain/open311/errors.ts';
import { FakeOpen311Client } from '../../src/domain/open311/fake.ts';
import { ManualClock } from '../../src/domain/outbox/clock.ts';
import { outboxNoticeState, wantsNotice } from '../../src/domain/outbox/notice.ts';
import { Outbox, type OutboxLock } from '../../src/domain/outbox/outbox.ts';
import {
  MemoryOutboxStore,
  type DeliveredItem,
  type OutboxItem,
} from '../../src/domain/outbox/store.ts';
import { outboxConfigFromSite } from '../../src/domain/outbox/web.ts';
import { BOSTON_HOURS, TEST_ENDPOINT, validRequest } from './callback-helpers.ts';

// Several senders over one store: two tabs, or a tab and the service worker.

const endpoint = TEST_ENDPOINT;
const week = toWeeklyIntervals(BOSTON_HOURS);

const request = validRequest;

/** Web Locks in miniature: tasks under the same lock run one after another. */
function sharedLock(): OutboxLock & { held: () => boolean } {
  let tail: Promise<void> = Promise.resolve();
  let holding = false;
  const lock = (task: () => Promise<void>) => {
    const run = tail.then(async () => {
      holding = true;
      try {
        await task();
      } finally {
        holding = false;
      }
    });
    tail = run.catch(() => {});
    return run;
  };
  return Object.assign(lock, { held: () => holding });
}

/** A client whose answer waits until released, so two senders can overlap. */
function slowClient(client: FakeOpen311Client) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const submit = client.submit.bind(client);
  client.submit = async (body, options) => {
    await gate;
    return submit(body, options);
  };
  return release;
}

function senders(lock?: OutboxLock) {
  const clock = new ManualClock(Date.UTC(2026, 0, 12, 15));
  const store = new MemoryOutboxStore();
  const client = new FakeOpen311Client({ serviceNotice: 'A specialist will call.' });
  let n = 0;
  const make = () =>
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
      ...(lock ? { lock } : {}),
    });
  return { clock, store, client, make };
}

async function savedOffline(make: () => Outbox, clock: ManualClock, client: FakeOpen311Client) {
  const page = make();
  client.script(new Open311Error({ kind: 'network', message: 'offline' }));
  const req = request();
  const item = await page.add(req, buildRequestBody(req, endpoint));
  clock.advance(0);
  await page.whenIdle();
  page.stop();
  return item;
}

describe('senders sharing one outbox store', () => {
  it('send an item once between them when they hold the same lock', async () => {
    const lock = sharedLock();
    const { clock, client, make, store } = senders(lock);
    const item = await savedOffline(make, clock, client);
    const tab = make();
    const worker = make();
    await tab.start();
    const release = slowClient(client);
    clock.advance(60_000);
    const flushed = worker.flush();
    release();
    await Promise.all([tab.whenIdle(), flushed]);
    await tab.whenIdle();
    // The failed first attempt, then exactly one more: the other sender found it delivered.
    expect(client.calls.map((call) => call.idempotencyKey)).toEqual([
      item.idempotencyKey,
      item.idempotencyKey,
    ]);
    expect(client.created).toHaveLength(1);
    expect((await store.get(item.id))?.state).toBe('delivered');
    // The sender that lost the race shows the receipt the other one stored.
    expect(tab.get(item.id)?.state).toBe('delivered');
    expect(worker.get(item.id)?.state).toBe('delivered');
  });

  it('flush tries every waiting item once, without timers, and says whether any still waits', async () => {
    const { clock, client, make } = senders();
    await savedOffline(make, clock, client);
    const worker = make();
    client.script(new Open311Error({ kind: 'server', status: 503, message: 'down' }));
    expect(await worker.flush()).toBe(true);
    expect(clock.pending()).toEqual([]);
    expect(await worker.flush()).toBe(false);
    expect(client.created).toHaveLength(1);
  });

  it('resends an item left mid-send by a sender that died, with the same key', async () => {
    const { clock, client, make, store } = senders(sharedLock());
    const item = await savedOffline(make, clock, client);
    await store.put({ ...(await store.get(item.id))!, state: 'sending' } as OutboxItem);
    expect(await make().flush()).toBe(false);
    expect(client.calls.at(-1)?.idempotencyKey).toBe(item.idempotencyKey);
  });

  it('forgets an item another sender removed instead of sending it', async () => {
    const { clock, client, make, store } = senders();
    const item = await savedOffline(make, clock, client);
    const tab = make();
    await tab.start();
    await store.delete(item.id);
    clock.advance(60_000);
    await tab.whenIdle();
    expect(client.calls).toHaveLength(1);
    expect(tab.items()).toEqual([]);
  });
});

describe('the notice on other pages', () => {
  const receipt = (id: string, deliveredAt: number, noticed?: boolean): DeliveredItem => ({
    id,
    createdAt: 0,
    state: 'delivered',
    deliveredAt,
    serviceRequestId: `BOS-${id}`,
    token: null,
    serviceNotice: null,
    expectedCall: null,
    ...(noticed === undefined ? {} : { noticed }),
  });

  it('puts what still waits first, then what 311 refused, then the newest unseen receipt', async () => {
    const { clock, client, make } = senders();
    const waiting = await savedOffline(make, clock, client);
    expect(outboxNoticeState([receipt('a', 1), waiting])).toEqual({ kind: 'waiting' });
    const refused = { ...waiting, state: 'needs-attention' as const };
    expect(outboxNoticeState([receipt('a', 1), refused])).toEqual({ kind: 'attention' });
    expect(outboxNoticeState([receipt('a', 1), receipt('b', 2)])).toMatchObject({
      kind: 'delivered',
      item: { id: 'b' },
    });
    expect(outboxNoticeState([receipt('a', 1, true)])).toBeNull();
    expect(outboxNoticeState([])).toBeNull();
  });

  it('keeps showing a receipt this page marked seen, and loads only for something to show', () => {
    expect(outboxNoticeState([receipt('a', 1, true)], new Set(['a']))).toMatchObject({
      kind: 'delivered',
    });
    expect(wantsNotice(receipt('a', 1, true))).toBe(false);
    expect(wantsNotice(receipt('a', 1))).toBe(true);
  });

  it('marks a receipt seen in the store, once', async () => {
    const { clock, client, make, store } = senders();
    const item = await savedOffline(make, clock, client);
    const page = make();
    expect(await page.flush()).toBe(false);
    await page.markNoticed(item.id);
    expect(await store.get(item.id)).toMatchObject({ state: 'delivered', noticed: true });
  });

  it('carries only what a sender needs from the site settings', () => {
    expect(
      outboxConfigFromSite(
        {
          time_zone: 'America/New_York',
          intake: { endpoint: 'https://311.example.org/open311/v2', jurisdiction_id: 'city' },
        },
        week,
      ),
    ).toEqual({
      endpoint: 'https://311.example.org/open311/v2',
      jurisdictionId: 'city',
      timeZone: 'America/New_York',
      specialistsWeek: week,
    });
  });
});
