import type { Answerer, CallbackRequest, FieldError } from '../callback/validate.ts';
import type { Open311ErrorKind } from '../open311/errors.ts';

/**
 * What the outbox keeps about one callback request. Until delivery it holds the person's
 * request (so nothing is lost if the phone goes offline or the page reloads); once delivered
 * only the receipt is kept: request number, the server's notice and when to expect the call.
 */

export type OutboxState = 'saved' | 'sending' | 'delivered' | 'needs-attention';

/** Why a request is waiting or stuck, without anything the person typed. */
export interface OutboxProblem {
  kind: Open311ErrorKind;
  retryable: boolean;
  /** HTTP status, when there was an answer. */
  status?: number | undefined;
  /** The server's first error description, in its language (English for the local server). */
  message: string;
  /** Field errors the form can show beside each field (400 from a server speaking our codes). */
  fieldErrors: FieldError[];
}

interface ItemBase {
  /** Local id of the item (not the Open311 id). */
  id: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

/** Not yet delivered: carries the request. */
export interface PendingItem extends ItemBase {
  state: 'saved' | 'sending' | 'needs-attention';
  /** Sent as Idempotency-Key on every attempt, so a retry can never create a second request. */
  idempotencyKey: string;
  request: CallbackRequest;
  /** The Open311 body, built once so every attempt sends the same bytes. */
  body: string;
  attempts: number;
  /** Epoch ms of the next automatic attempt; null when none is planned. */
  nextAttemptAt: number | null;
  problem: OutboxProblem | null;
}

/** Delivered: the receipt only. The request and its body are gone. */
export interface DeliveredItem extends ItemBase {
  state: 'delivered';
  deliveredAt: number;
  serviceRequestId: string | null;
  token: string | null;
  serviceNotice: string | null;
  /** ISO instants of the window the person can expect the call in. */
  expectedCall: { start: string; end: string } | null;
  /** Who will pick up (not who they are): the confirmation says "will call you" or "them". */
  answerer?: Answerer;
  /** The person has seen this receipt (on the page that sent it or in the notice of another). */
  noticed?: boolean;
}

export type OutboxItem = PendingItem | DeliveredItem;

/** Where the outbox keeps items: IndexedDB in the browser, memory in tests. */
export interface OutboxStore {
  get(id: string): Promise<OutboxItem | undefined>;
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
  list(): Promise<OutboxItem[]>;
}

/**
 * Items as structured clones, as IndexedDB would keep them: a caller mutating an item it
 * got back cannot change what is stored.
 */
export class MemoryOutboxStore implements OutboxStore {
  private readonly items = new Map<string, OutboxItem>();

  get(id: string): Promise<OutboxItem | undefined> {
    const item = this.items.get(id);
    return Promise.resolve(item && structuredClone(item));
  }

  put(item: OutboxItem): Promise<void> {
    this.items.set(item.id, structuredClone(item));
    return Promise.resolve();
  }

  delete(id: string): Promise<void> {
    this.items.delete(id);
    return Promise.resolve();
  }

  list(): Promise<OutboxItem[]> {
    return Promise.resolve([...this.items.values()].map((item) => structuredClone(item)));
  }

  /** Everything stored, serialised: lets a test prove no personal data is left. */
  dump(): string {
    return JSON.stringify([...this.items.values()]);
  }
}
