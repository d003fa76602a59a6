import { SITE_NOTICES_URL } from '../domain/offline/names.ts';
import { OUTBOX_DATABASE, OUTBOX_NOTICE_URL, OUTBOX_OBJECT_STORE } from '../domain/outbox/names.ts';
import { wantsNotice } from '../domain/outbox/notice.ts';
import type { OutboxItem } from '../domain/outbox/store.ts';

/**
 * The one script every page runs, once it has loaded and the phone is idle. It registers the
 * language's service worker (which keeps the finder and the pages opened for offline use) and
 * loads more only when there may be something to show: the offline and update notices when
 * the phone is offline or a worker controls the page (then they come from the phone, not the
 * network), the outbox's sender when a callback request waits. Kept to a few hundred bytes:
 * tests/budgets/check-budgets.ts holds it under 1 KB gzip, and it counts in the finder's budget.
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

/**
 * Code loaded by address (dist/site-notices.js, dist/outbox-notice.js): a bundled import()
 * would bring the bundler's preloading code, bigger than this whole script.
 */
const load = (url: string) =>
  import(/* @vite-ignore */ url) as Promise<{ run(root?: HTMLElement): unknown }>;

let notices: unknown;
/** The offline and update notices (SiteNotices.run.ts), loaded once. */
const showNotices = () => (notices ??= load(SITE_NOTICES_URL).then((module) => module.run()));

function start(): void {
  const workers = navigator.serviceWorker;
  const worker = document.querySelector<HTMLElement>('[data-site-notices]')!.dataset;
  if (workers) {
    workers.register(worker.worker!, { scope: worker.scope! }).catch(Boolean);
    // Only a page a worker controls can be a saved one or have a newer version waiting, and
    // the worker has the notices' code saved: loading it costs no network.
    if (workers.controller) showNotices();
  }
  const root = document.querySelector<HTMLElement>('[data-outbox-notice]');
  if (!root || !('indexedDB' in window)) return;
  void somethingWaits().then(
    (found) => found && load(OUTBOX_NOTICE_URL).then((sender) => sender.run(root)),
  );
}

function whenIdle(): void {
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 4000 });
  else setTimeout(start, 1000);
}

// Going offline on a page no worker controls (the very first, say) shows the notice too.
addEventListener('offline', showNotices);
if (document.readyState === 'complete') whenIdle();
else addEventListener('load', whenIdle, { once: true });
