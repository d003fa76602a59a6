/**
 * Names every context that touches the outbox agrees on: the callback page, the notice on
 * other pages and the service worker. Kept in a module of their own so the small script on
 * every page can read them without pulling in the outbox.
 */

/** The IndexedDB database and object store the outbox keeps its items in (idb-keyval's layout). */
export const OUTBOX_DATABASE = 'rf-callback-outbox';
export const OUTBOX_OBJECT_STORE = 'items';

/** The Web Lock held around each send, so two tabs or a tab and the worker never send at once. */
export const OUTBOX_LOCK = 'rf-callback-outbox';

/** The Background Sync tag the service worker answers by sending what is waiting. */
export const OUTBOX_SYNC_TAG = 'rf-callback-outbox';

/**
 * The module that sends from pages other than the callback page, built beside the worker:
 * loaded by address, so the small script on every page carries no bundler loading code.
 */
export const OUTBOX_NOTICE_URL = '/outbox-notice.js';
