import type { CallWindow } from '../callback/expected-call.ts';
import {
  answererOf,
  FIELD_ERROR_DESCRIPTIONS,
  type CallbackField,
  type CallbackRequest,
  type FieldError,
  type FieldErrorCode,
} from '../callback/validate.ts';
import { Open311Error } from '../open311/errors.ts';
import type { Open311Client, SubmitResult } from '../open311/types.ts';
import { systemClock, type Clock } from './clock.ts';
import type {
  DeliveredItem,
  OutboxItem,
  OutboxProblem,
  OutboxStore,
  PendingItem,
} from './store.ts';

/**
 * The callback outbox: a request is saved before it is sent, sent with an idempotency key,
 * retried with back-off while the network or the server is failing, and forgotten (all but the
 * receipt) the moment a server has accepted it. A rejected request keeps its data so the
 * person can fix it; nothing typed is ever lost to a bad connection.
 */

export interface BackoffOptions {
  /** Delay after the first failure; doubles after each further one. */
  initialMs?: number;
  /** Longest delay between two attempts. */
  maxMs?: number;
  /** Longest Retry-After honoured; a server asking for more is asked again after this. */
  maxRetryAfterMs?: number;
}

export interface OutboxOptions {
  store: OutboxStore;
  client: Open311Client;
  clock?: Clock;
  /** For jitter; Math.random otherwise. */
  random?: () => number;
  /** For item ids and idempotency keys; crypto.randomUUID otherwise. */
  newKey?: () => string;
  backoff?: BackoffOptions;
  /** When to expect the call, computed at delivery (see callback/expected-call.ts). */
  expectedCall?: (request: CallbackRequest, deliveredAt: Date) => CallWindow | null;
  /**
   * Runs each attempt while holding a lock every other sender of the same store also takes
   * (another tab, the service worker): see `outboxLock` in outbox/web.ts. Without it an attempt
   * runs at once, and only the idempotency key stands between two senders and a duplicate.
   */
  lock?: OutboxLock;
}

/** Runs `task` exclusively among every context that shares the outbox's store. */
export type OutboxLock = (task: () => Promise<void>) => Promise<void>;

export type OutboxListener = (items: readonly OutboxItem[]) => void;

const DEFAULT_BACKOFF = { initialMs: 2_000, maxMs: 5 * 60_000, maxRetryAfterMs: 60 * 60_000 };

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isFieldErrorCode(code: string): code is FieldErrorCode {
  return Object.hasOwn(FIELD_ERROR_DESCRIPTIONS, code);
}

/** The server's error array as field errors, where it speaks the shared codes. */
export function fieldErrorsOf(error: Open311Error): FieldError[] {
  return error.errors.flatMap(({ code }) =>
    isFieldErrorCode(code) ? [{ field: code.split('.')[0] as CallbackField, code }] : [],
  );
}

function problemOf(error: unknown): OutboxProblem {
  const failure =
    error instanceof Open311Error
      ? error
      : new Open311Error({ kind: 'network', message: String(error), cause: error });
  return {
    kind: failure.kind,
    retryable: failure.retryable,
    status: failure.status,
    message: failure.message,
    fieldErrors: fieldErrorsOf(failure),
  };
}

export class Outbox {
  private readonly store: OutboxStore;
  private readonly client: Open311Client;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly newKey: () => string;
  private readonly backoff: Required<BackoffOptions>;
  private readonly expectedCall: OutboxOptions['expectedCall'];
  private readonly lock: OutboxLock;
  private readonly cache = new Map<string, OutboxItem>();
  private readonly timers = new Map<string, unknown>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly listeners = new Set<OutboxListener>();
  private stopped = false;

  constructor(options: OutboxOptions) {
    this.store = options.store;
    this.client = options.client;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.newKey = options.newKey ?? randomKey;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.expectedCall = options.expectedCall;
    this.lock = options.lock ?? ((task) => task());
  }

  /**
   * Loads what the store holds (a previous page load's requests) and resumes sending the
   * pending ones. An item caught mid-send by a reload is sent again with the same key.
   */
  async start(): Promise<void> {
    this.stopped = false;
    await this.load();
    for (const item of this.cache.values()) {
      if (item.state === 'saved' || item.state === 'sending') {
        this.schedule(item.id, Math.max(0, (item.nextAttemptAt ?? 0) - this.clock.now()));
      }
    }
  }

  /**
   * One pass and no timers, for a service worker's `sync` event: every waiting item is tried
   * once now (back-off ignored, a server's Retry-After kept). Resolves true while something is
   * still waiting, so the caller can ask the browser to try again later.
   */
  async flush(): Promise<boolean> {
    this.stop();
    await this.load();
    const now = this.clock.now();
    const due = this.items().filter(
      (item) =>
        (item.state === 'saved' || item.state === 'sending') &&
        !(item.problem?.kind === 'rate-limited' && (item.nextAttemptAt ?? 0) > now),
    );
    await Promise.all(due.map((item) => this.sendNow(item.id)));
    return this.items().some((item) => item.state === 'saved' || item.state === 'sending');
  }

  /**
   * Marks a receipt as seen by the person (the notice on other pages then stops showing it).
   * The receipt itself stays until `remove`.
   */
  async markNoticed(id: string): Promise<void> {
    const item = this.cache.get(id);
    if (item?.state !== 'delivered' || item.noticed) return;
    await this.save({ ...item, noticed: true });
  }

  /** Stops timers (page hide, tests). Items stay in the store for the next start. */
  stop(): void {
    this.stopped = true;
    for (const handle of this.timers.values()) this.clock.clearTimer(handle);
    this.timers.clear();
  }

  /** Every item, oldest first. */
  items(): OutboxItem[] {
    return [...this.cache.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  get(id: string): OutboxItem | undefined {
    return this.cache.get(id);
  }

  /** Called with every item after each change; returns the unsubscribe function. */
  subscribe(listener: OutboxListener): () => void {
    this.listeners.add(listener);
    listener(this.items());
    return () => this.listeners.delete(listener);
  }

  /**
   * Saves a validated request and its Open311 body, then starts sending. Resolves once the
   * request is stored (not when delivered): from then on a reload or going offline loses nothing.
   */
  async add(request: CallbackRequest, body: string): Promise<PendingItem> {
    const item: PendingItem = {
      id: this.newKey(),
      createdAt: this.clock.now(),
      state: 'saved',
      idempotencyKey: this.newKey(),
      request,
      body,
      attempts: 0,
      nextAttemptAt: null,
      problem: null,
    };
    await this.save(item);
    this.schedule(item.id, 0);
    return item;
  }

  /**
   * Sends every waiting item now (the browser's `online` event, a "try again" button), except
   * where a server asked to wait (429 Retry-After).
   */
  async retryNow(): Promise<void> {
    const now = this.clock.now();
    const due = [...this.cache.values()].filter(
      (item): item is PendingItem =>
        item.state === 'saved' &&
        !(item.problem?.kind === 'rate-limited' && (item.nextAttemptAt ?? 0) > now),
    );
    await Promise.all(due.map((item) => this.sendNow(item.id)));
  }

  /**
   * Replaces a stuck (needs-attention) item's request after the person fixed it, and sends it.
   * A new idempotency key: the old one belongs to a refused request a server may remember.
   */
  async revise(id: string, request: CallbackRequest, body: string): Promise<void> {
    await this.inFlight.get(id);
    const item = this.cache.get(id);
    if (!item || item.state === 'delivered') return;
    await this.save({ ...item, request, body, idempotencyKey: this.newKey(), ...this.fresh() });
    await this.sendNow(id);
  }

  /** Sends a needs-attention item again unchanged (e.g. after the city's CRM was down). */
  async resend(id: string): Promise<void> {
    await this.inFlight.get(id);
    const item = this.cache.get(id);
    if (!item || item.state !== 'needs-attention') return;
    await this.save({ ...item, idempotencyKey: this.newKey(), ...this.fresh() });
    await this.sendNow(id);
  }

  /** Forgets an item: a dismissed receipt, or a request the person decided not to send. */
  async remove(id: string): Promise<void> {
    this.clearTimer(id);
    await this.inFlight.get(id);
    this.clearTimer(id); // the attempt that just ended may have planned another
    this.cache.delete(id);
    await this.store.delete(id);
    this.emit();
  }

  /** Resolves when no send is in progress (timers may still be waiting). For tests and unload. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  private async load(): Promise<void> {
    this.cache.clear();
    for (const item of await this.store.list()) this.cache.set(item.id, item);
    this.emit();
  }

  private fresh(): Pick<PendingItem, 'state' | 'attempts' | 'nextAttemptAt' | 'problem'> {
    return { state: 'saved', attempts: 0, nextAttemptAt: null, problem: null };
  }

  private async save(item: OutboxItem): Promise<void> {
    await this.store.put(item);
    this.cache.set(item.id, item);
    this.emit();
  }

  private emit(): void {
    const items = this.items();
    for (const listener of this.listeners) listener(items);
  }

  private clearTimer(id: string): void {
    const handle = this.timers.get(id);
    if (handle !== undefined) this.clock.clearTimer(handle);
    this.timers.delete(id);
  }

  private schedule(id: string, delay: number): void {
    if (this.stopped) return;
    this.clearTimer(id);
    this.timers.set(
      id,
      this.clock.setTimer(() => {
        this.timers.delete(id);
        void this.sendNow(id).catch(() => {
          // A store failure: the item keeps its last saved state and is tried on next start.
        });
      }, delay),
    );
  }

  /** One attempt, never two at once for the same item. */
  private sendNow(id: string): Promise<void> {
    const running = this.inFlight.get(id);
    if (running) return running;
    this.clearTimer(id);
    const attempt = this.attempt(id).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, attempt);
    return attempt;
  }

  private attempt(id: string): Promise<void> {
    return this.lock(() => this.attemptLocked(id));
  }

  /**
   * Inside the lock the store is read again: another tab or the service worker may have sent
   * the item (or the person removed it) since this page loaded it. A `sending` item read here
   * was left so by a sender that died mid-send, and is sent again with the same key.
   */
  private async attemptLocked(id: string): Promise<void> {
    const current = await this.store.get(id);
    if (!current) {
      if (this.cache.delete(id)) this.emit();
      return;
    }
    if (current.state === 'delivered' || current.state === 'needs-attention') {
      this.cache.set(id, current);
      this.emit();
      return;
    }
    const item: PendingItem = { ...current, state: 'sending', attempts: current.attempts + 1 };
    await this.save(item);
    let result: SubmitResult;
    try {
      result = await this.client.submit(item.body, { idempotencyKey: item.idempotencyKey });
    } catch (error) {
      await this.failed(item, problemOf(error), error);
      return;
    }
    await this.delivered(item, result);
  }

  private async failed(item: PendingItem, problem: OutboxProblem, error: unknown): Promise<void> {
    if (!problem.retryable) {
      await this.save({ ...item, state: 'needs-attention', nextAttemptAt: null, problem });
      return;
    }
    const retryAfter = error instanceof Open311Error ? error.retryAfterMs : undefined;
    const delay = this.delayAfter(item.attempts, retryAfter);
    await this.save({ ...item, state: 'saved', nextAttemptAt: this.clock.now() + delay, problem });
    this.schedule(item.id, delay);
  }

  /**
   * Exponential back-off with "equal jitter": half the delay fixed, half random, so phones
   * that lost the same connection do not all come back at once, yet never retry instantly.
   * A server's Retry-After is a floor.
   */
  private delayAfter(attempts: number, retryAfterMs: number | undefined): number {
    const { initialMs, maxMs, maxRetryAfterMs } = this.backoff;
    const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempts - 1));
    const jittered = base / 2 + (this.random() * base) / 2;
    const floor = Math.min(retryAfterMs ?? 0, maxRetryAfterMs);
    return Math.round(Math.max(jittered, floor));
  }

  /** Overwrites the item with its receipt: the request and its body are gone from the store. */
  private async delivered(item: PendingItem, result: SubmitResult): Promise<void> {
    const deliveredAt = this.clock.now();
    const window = this.expectedCall?.(item.request, new Date(deliveredAt)) ?? null;
    const receipt: DeliveredItem = {
      id: item.id,
      createdAt: item.createdAt,
      state: 'delivered',
      deliveredAt,
      serviceRequestId: result.serviceRequestId,
      token: result.token,
      serviceNotice: result.serviceNotice,
      expectedCall: window && {
        start: window.start.toISOString(),
        end: window.end.toISOString(),
      },
      answerer: answererOf(item.request),
    };
    await this.save(receipt);
  }
}
