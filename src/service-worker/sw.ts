import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  getCacheKeyForURL,
  matchPrecache,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { openOutboxStore } from '../domain/outbox/idb-store.ts';
import { OUTBOX_SYNC_TAG } from '../domain/outbox/names.ts';
import { siteOutbox } from '../domain/outbox/web.ts';
import { SKIP_WAITING_MESSAGE } from '../domain/offline/names.ts';
import { offlinePath } from '../domain/urls.ts';
import { bakedOutboxConfig } from './baked-config.ts';

/**
 * One language's service worker, built to dist/<locale>/sw.js (scope /<locale>/) by
 * src/integrations/outbox-scripts.ts, with the list of what to save written in by workbox-build
 * (docs/decisions/0008-service-worker.md). It does three things, one listener each:
 * - keeps that language's home, finder, callback and offline pages, their code and styles, the
 *   search index and the place table on the phone, and answers from them (one version at a time);
 * - saves other pages of that language as they are opened, and shows the offline page for the
 *   ones it has not saved;
 * - answers Background Sync by sending the callback requests waiting in the outbox.
 * Only same-origin GET requests are answered here; everything else (map tiles, the intake API,
 * form posts) goes to the network as if there were no worker.
 */

// The parts of ServiceWorkerGlobalScope used here: TypeScript's worker library cannot be
// loaded beside the DOM library the rest of src/ is checked with.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
interface MessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WindowClient {
  readonly url: string;
}
interface WorkerScope {
  addEventListener(type: 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  registration: { scope: string };
  location: Location;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
  };
}
const worker = self as unknown as WorkerScope;

/** `/en/`: the language this worker serves, from the scope it was registered with. */
const scope = new URL(worker.registration.scope).pathname;
const locale = scope.replaceAll('/', '');
const offlinePage = new URL(offlinePath(), worker.registration.scope).href;

// --- The saved version ------------------------------------------------------------------

// Written in by workbox-build after the site is built: this language's pages and files, with
// the search index and place table under their versioned URLs (src/versioned-files.ts).
const manifest = (self as unknown as { __WB_MANIFEST: PrecacheEntry[] }).__WB_MANIFEST;
precacheAndRoute(manifest, {
  // `/en/find/?q=detox` is the saved finder page. Versioned data URLs still match exactly:
  // their version is part of the saved entry, so an older version's URL matches nothing.
  ignoreURLParametersMatching: [/.*/],
});
cleanupOutdatedCaches();

// --- Pages and files saved as they are opened ---------------------------------------------

const sameOrigin = (url: URL) => url.origin === worker.location.origin;

/** Pages: the network first, so online a page is never older than it must be. */
const pages = new NetworkFirst({
  cacheName: `rf-pages-${locale}`,
  // A basement's connection that answers nothing is offline too: the saved page, soon.
  networkTimeoutSeconds: 4,
  plugins: [new ExpirationPlugin({ maxEntries: 80, purgeOnQuotaError: true })],
});
registerRoute(({ request, url }) => request.mode === 'navigate' && sameOrigin(url), pages);

// Built files carry their content's hash in their names: one never changes under its URL.
registerRoute(
  ({ request, url }) =>
    request.method === 'GET' && sameOrigin(url) && url.pathname.startsWith('/_astro/'),
  new CacheFirst({
    cacheName: `rf-assets-${locale}`,
    plugins: [new ExpirationPlugin({ maxEntries: 120, purgeOnQuotaError: true })],
  }),
);

// A postcode district's full postcodes (postal-codes/DH1.json), kept once a postcode of it is
// typed; positions change too rarely for an older copy to mislead.
registerRoute(
  ({ request, url }) =>
    request.method === 'GET' && sameOrigin(url) && url.pathname.startsWith('/postal-codes/'),
  new StaleWhileRevalidate({
    cacheName: `rf-places-${locale}`,
    plugins: [new ExpirationPlugin({ maxEntries: 30, purgeOnQuotaError: true })],
  }),
);

// A page neither saved nor reachable: the offline page, with the numbers to call.
setCatchHandler(async ({ request }) => {
  if (request.destination !== 'document') return Response.error();
  return (await matchPrecache(offlinePage)) ?? Response.error();
});

// --- Versions ---------------------------------------------------------------------------

// No skipWaiting on install: a newer version waits until every page of the older one is
// closed, or until the person chooses "Reload" in the notice (src/components/SiteNotices.run.ts).
worker.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING_MESSAGE) event.waitUntil(worker.skipWaiting());
});

/**
 * The page that installed the worker was loaded before there was one: saved now, so the first
 * place a person looked at (often a provider page from a search engine) opens offline too.
 */
async function keepOpenPages(event: ExtendableEvent): Promise<void> {
  const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  await Promise.all(
    windows.map(async (client) => {
      const url = new URL(client.url);
      url.hash = '';
      url.search = '';
      if (!url.pathname.startsWith(scope) || getCacheKeyForURL(url.href)) return;
      await pages.handle({ event, request: new Request(url.href) }).catch(() => undefined);
    }),
  );
}

// The first version takes charge of the open page at once; there is nothing older to mix with.
worker.addEventListener('activate', (event) =>
  event.waitUntil(worker.clients.claim().then(() => keepOpenPages(event))),
);

// --- Background Sync for the callback outbox ------------------------------------------------

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
