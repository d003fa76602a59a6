import { openOutboxStore } from '../domain/outbox/idb-store.ts';
import { OUTBOX_SYNC_TAG } from '../domain/outbox/names.ts';
import { siteOutbox } from '../domain/outbox/web.ts';
import { bakedOutboxConfig } from './baked-config.ts';

/**
 * The site's service worker, bundled to dist/sw.js by src/integrations/outbox-scripts.ts.
 * Today it only answers Background Sync: it sends the callback requests waiting in the outbox
 * with the same code as the pages, even with the site closed. It caches nothing and has no
 * fetch handler, so every request still goes to the network as if there were no worker.
 * Offline pages (issue 13) add their handlers beside these, one listener per concern.
 */

// The parts of ServiceWorkerGlobalScope used here: TypeScript's worker library cannot be
// loaded beside the DOM library the rest of src/ is checked with.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
}
const worker = self as unknown as WorkerScope;

// A new version takes over at once: it holds no state of its own, the outbox is in IndexedDB.
worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

/**
 * One pass over the outbox. Rejecting while something still waits asks the browser to fire
 * the event again later, with its own back-off; the pages keep sending when opened meanwhile.
 */
async function deliverWaiting(): Promise<void> {
  const { store, persistent } = await openOutboxStore();
  if (!persistent) return;
  const outbox = siteOutbox(bakedOutboxConfig, store);
  if (await outbox.flush()) throw new Error('A callback request is still waiting');
}

worker.addEventListener('sync', (event) => {
  if (event.tag === OUTBOX_SYNC_TAG) event.waitUntil(deliverWaiting());
});
