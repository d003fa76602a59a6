import {
  OUTBOX_DATABASE,
  OUTBOX_NOTICE_URL,
  OUTBOX_OBJECT_STORE,
  SERVICE_WORKER_URL,
} from '../domain/outbox/names.ts';
import { wantsNotice } from '../domain/outbox/notice.ts';
import type { OutboxItem } from '../domain/outbox/store.ts';

/**
 * On every page but the callback page, once the page has loaded and the phone is idle: is a
 * callback request waiting on this phone? Only then does the module that sends it load. Kept
 * to a few hundred bytes (tests/budgets/check-budgets.ts holds it under 1 KB gzip).
 */

/** True when the outbox holds an item worth the notice. Never creates the database. */
function somethingWaits(): Promise<boolean> {
  return new Promise((resolve) => {
    const open = indexedDB.open(OUTBOX_DATABASE);
    // No database means nothing was ever saved here; aborting the upgrade leaves none behind.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      const done = (found: boolean) => {
        db.close();
        resolve(found);
      };
      try {
        const all = db.transaction(OUTBOX_OBJECT_STORE).objectStore(OUTBOX_OBJECT_STORE).getAll();
        all.onsuccess = () => done((all.result as OutboxItem[]).some(wantsNotice));
        all.onerror = () => done(false);
      } catch {
        done(false);
      }
    };
  });
}

function start(): void {
  const root = document.querySelector<HTMLElement>('[data-outbox-notice]');
  if (!root || !('indexedDB' in window)) return;
  void somethingWaits().then(async (found) => {
    if (!found) return;
    // Background Sync lets the worker send with the site closed. It is installed only for a
    // phone with a request waiting: a visit that asked for nothing gets no worker.
    if ('serviceWorker' in navigator && 'SyncManager' in window) {
      navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' }).catch(() => {});
    }
    // By address (dist/outbox-notice.js, built from OutboxNotice.run.ts): a bundled import()
    // would bring the bundler's preloading code, bigger than this whole script.
    const sender = (await import(/* @vite-ignore */ OUTBOX_NOTICE_URL)) as {
      run(root: HTMLElement): Promise<void>;
    };
    await sender.run(root);
  });
}

function whenIdle(): void {
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 4000 });
  else setTimeout(start, 1000);
}

if (document.readyState === 'complete') whenIdle();
else addEventListener('load', whenIdle, { once: true });
