/**
 * Names the pages and the service worker agree on for offline use. Kept apart from the code
 * that uses them so the small script on every page can read them without pulling it in.
 */

/**
 * The offline and update notices' code (src/components/SiteNotices.run.ts), built beside the
 * worker and loaded by address only when the phone goes offline or a newer version waits.
 */
export const SITE_NOTICES_URL = '/site-notices.js';

/** What a page posts to the waiting worker when the person chooses to reload into it. */
export const SKIP_WAITING_MESSAGE = 'SKIP_WAITING';
