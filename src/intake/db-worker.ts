import { parentPort, workerData } from 'node:worker_threads';
import { IntakeDb, type NewRequest } from './db.ts';

/**
 * The database writer thread. COMMIT with synchronous=FULL waits for the disk; doing that here
 * keeps the HTTP thread parsing and validating the next batch meanwhile, and keeps SQLite's
 * WAL checkpoints (also fsyncs) off it too. Messages: commit → committed | failed; close.
 */

export type ToWorker =
  { type: 'commit'; batch: number; requests: NewRequest[] } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'committed'; batch: number; receipts: ReturnType<IntakeDb['insertBatch']> }
  | { type: 'failed'; batch: number; message: string }
  | { type: 'closed' };

const { path, idPrefix } = workerData as { path: string; idPrefix: string };
const port = parentPort!;
const db = new IntakeDb(path, idPrefix);
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'close') {
    db.close();
    send({ type: 'closed' });
    port.close();
    return;
  }
  try {
    send({ type: 'committed', batch: message.batch, receipts: db.insertBatch(message.requests) });
  } catch (error) {
    // The message only: it says which constraint or I/O failed, never the row's data.
    const text = error instanceof Error ? error.message.split(':')[0]! : 'commit failed';
    send({ type: 'failed', batch: message.batch, message: text });
  }
});
send({ type: 'ready' });
