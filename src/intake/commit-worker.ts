import { Worker } from 'node:worker_threads';
import type { NewRequest, StoredReceipt } from './db.ts';
import type { FromWorker, ToWorker } from './db-worker.ts';

/** Writer threads that die more often than this in a minute are not started again. */
const MAX_RESTARTS_PER_MINUTE = 5;

interface Waiting {
  resolve: (receipts: StoredReceipt[]) => void;
  reject: (error: Error) => void;
}

/**
 * The HTTP thread's handle on the writer thread (db-worker.ts). A writer that dies (a bug,
 * memory) fails the batches it had: their clients get 503 and retry, and a batch that did
 * commit before the writer died comes back under the same idempotency keys. A new writer is
 * started for the next batch, so one bad moment does not stop intake until someone restarts it.
 */
export class CommitWorker {
  private worker: Worker | null = null;
  private readonly path: string;
  private readonly idPrefix: string;
  private readonly waiting = new Map<number, Waiting>();
  private readonly restarts: number[] = [];
  private nextBatch = 1;
  private closedError: Error | null = null;
  private onClosed: (() => void) | null = null;

  private constructor(path: string, idPrefix: string) {
    this.path = path;
    this.idPrefix = idPrefix;
  }

  /** Starts the writer thread on `path`; resolves once its database is open. */
  static async start(path: string, idPrefix: string): Promise<CommitWorker> {
    const committer = new CommitWorker(path, idPrefix);
    const worker = committer.spawn();
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', () => {
        worker.off('error', onError);
        resolve();
      });
    });
    return committer;
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./db-worker.ts', import.meta.url), {
      workerData: { path: this.path, idPrefix: this.idPrefix },
    });
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error: Error) => this.lost(worker, error));
    worker.on('exit', () => this.lost(worker, new Error('The database writer stopped')));
    this.worker = worker;
    return worker;
  }

  /** Resolves with one receipt per request once the batch's COMMIT has returned (durable). */
  commit(requests: NewRequest[]): Promise<StoredReceipt[]> {
    if (this.closedError) return Promise.reject(this.closedError);
    let worker = this.worker;
    if (!worker) {
      const now = Date.now();
      while (this.restarts.length > 0 && this.restarts[0]! < now - 60_000) this.restarts.shift();
      if (this.restarts.length >= MAX_RESTARTS_PER_MINUTE) {
        return Promise.reject(new Error('The database writer keeps stopping'));
      }
      this.restarts.push(now);
      worker = this.spawn(); // messages wait in its port until it has opened the database
    }
    const batch = this.nextBatch++;
    const target = worker;
    return new Promise((resolve, reject) => {
      this.waiting.set(batch, { resolve, reject });
      target.postMessage({ type: 'commit', batch, requests } satisfies ToWorker);
    });
  }

  /** Closes the writer's database after the batches already sent. */
  close(): Promise<void> {
    const worker = this.worker;
    this.closedError ??= new Error('The database is closed');
    if (!worker) return Promise.resolve();
    return new Promise((resolve) => {
      this.onClosed = resolve;
      worker.postMessage({ type: 'close' } satisfies ToWorker);
    });
  }

  private receive(message: FromWorker): void {
    if (message.type === 'ready') return;
    if (message.type === 'closed') {
      this.worker = null;
      this.onClosed?.();
      return;
    }
    const waiting = this.waiting.get(message.batch);
    this.waiting.delete(message.batch);
    if (message.type === 'committed') waiting?.resolve(message.receipts);
    else waiting?.reject(new Error(message.message));
  }

  /** The writer died: its batches fail (the clients retry); the next batch starts a new one. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
    this.onClosed?.();
  }
}
