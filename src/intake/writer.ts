import type { NewRequest, StoredReceipt } from './db.ts';

/**
 * Group commit: requests are stored in batches, one transaction (one fsync) per batch, and each
 * is answered only after its batch has committed. While one batch commits (on the writer
 * thread), the next one fills up, so batches grow with load by themselves and an idle server
 * still commits a lone request at once. Idempotency stays exact while a batch is in the air:
 * a retry whose key is waiting in a batch waits for the same receipt.
 */

export type WriteOutcome =
  { kind: 'stored'; receipt: StoredReceipt; replayed: boolean } | { kind: 'key-reused' };

export type CommitBatch = (requests: NewRequest[]) => Promise<StoredReceipt[]>;

interface Waiting {
  request: NewRequest;
  resolve: (receipt: StoredReceipt) => void;
  reject: (error: unknown) => void;
}

/** More than this waits for the next batch, so one batch's commit stays short. */
const MAX_BATCH = 512;

export class GroupCommitWriter {
  private readonly commit: CommitBatch;
  private readonly windowMs: number;
  private queue: Waiting[] = [];
  private readonly pendingByKey = new Map<string, Promise<StoredReceipt>>();
  private busy = false;
  private waitingForWindow = false;
  private idle: Array<() => void> = [];

  constructor(commit: CommitBatch, windowMs = 0) {
    this.commit = commit;
    this.windowMs = windowMs;
  }

  /**
   * Stores a request once per idempotency key: a key already committed (the database says so
   * on insert) or waiting in a batch gives the same receipt, or `key-reused` when the body
   * differs, as the IETF draft asks.
   */
  async write(request: NewRequest): Promise<WriteOutcome> {
    const key = request.idempotencyKey;
    if (key !== null) {
      const waiting = this.pendingByKey.get(key);
      if (waiting) return this.replay({ ...(await waiting), replayed: true }, request);
    }
    const stored = new Promise<StoredReceipt>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
    });
    if (key !== null) {
      this.pendingByKey.set(key, stored);
      // Once committed (or failed) the database answers for the key again.
      const forget = () => this.pendingByKey.delete(key);
      stored.then(forget, forget);
    }
    this.pump();
    return this.replay(await stored, request);
  }

  private replay(receipt: StoredReceipt, request: NewRequest): WriteOutcome {
    if (receipt.replayed && receipt.bodyHash !== null && receipt.bodyHash !== request.bodyHash) {
      return { kind: 'key-reused' };
    }
    return { kind: 'stored', receipt, replayed: receipt.replayed };
  }

  /** Sends the queue as the next batch, unless one is committing (it will call again). */
  private pump(): void {
    if (this.busy || this.waitingForWindow) return;
    if (this.queue.length === 0) {
      for (const done of this.idle.splice(0)) done();
      return;
    }
    if (this.windowMs > 0 && this.queue.length < MAX_BATCH) {
      this.waitingForWindow = true;
      setTimeout(() => {
        this.waitingForWindow = false;
        this.send();
      }, this.windowMs);
      return;
    }
    this.send();
  }

  private send(): void {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return this.pump();
    this.busy = true;
    this.commit(batch.map((w) => w.request))
      .then(
        (receipts) => batch.forEach((waiting, i) => waiting.resolve(receipts[i]!)),
        (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
      )
      .finally(() => {
        this.busy = false;
        this.pump();
      });
  }

  /** Resolves once everything queued has been committed; for shutdown. */
  drain(): Promise<void> {
    if (!this.busy && !this.waitingForWindow && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}
