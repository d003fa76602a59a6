import { expectedCall } from '../callback/expected-call.ts';
import { createFetchOpen311Client } from '../open311/client.ts';
import type { WeeklyInterval } from '../weekly-hours.ts';
import { OUTBOX_LOCK, OUTBOX_SYNC_TAG } from './names.ts';
import { Outbox, type OutboxLock } from './outbox.ts';
import type { OutboxStore } from './store.ts';

/**
 * The outbox as a browser runs it, in a page or in the service worker: the deployment's
 * Open311 client, when to expect the call, the lock shared by every sender, Background Sync.
 */

/** What a sender needs from site.yaml; all of it public (it is in every page's HTML). */
export interface OutboxConfig {
  endpoint: string;
  jurisdictionId?: string | undefined;
  timeZone: string;
  /** The specialists' week, as `toWeeklyIntervals(site.specialists.hours)`. */
  specialistsWeek: readonly WeeklyInterval[];
}

export function outboxConfigFromSite(
  site: { time_zone: string; intake: { endpoint: string; jurisdiction_id?: string | undefined } },
  specialistsWeek: readonly WeeklyInterval[],
): OutboxConfig {
  return {
    endpoint: site.intake.endpoint,
    jurisdictionId: site.intake.jurisdiction_id,
    timeZone: site.time_zone,
    specialistsWeek,
  };
}

/**
 * One send at a time across tabs and the service worker. Where Web Locks are missing (Safari
 * before 15.4) the attempt runs at once and the idempotency key alone prevents a duplicate.
 */
export const outboxLock: OutboxLock = (task) =>
  typeof navigator !== 'undefined' && 'locks' in navigator
    ? navigator.locks.request(OUTBOX_LOCK, task)
    : task();

export function siteOutbox(config: OutboxConfig, store: OutboxStore): Outbox {
  return new Outbox({
    store,
    client: createFetchOpen311Client({
      endpoint: config.endpoint,
      jurisdictionId: config.jurisdictionId,
    }),
    expectedCall: (request, now) =>
      expectedCall({
        intervals: config.specialistsWeek,
        timeZone: config.timeZone,
        bestTime: request.bestTime,
        now,
      }),
    lock: outboxLock,
  });
}

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Whether this browser can send a saved request with the site closed. */
export function backgroundSyncSupported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof globalThis.SyncManager !== 'undefined'
  );
}

/**
 * Asks the browser to wake the page's service worker when it is online again, to send what
 * waits. The worker is the page's language's (`/<locale>/sw.js`), registered by the script on
 * every page (src/components/SiteNotices.client.ts); `ready` waits for it if it is not yet.
 */
export async function requestBackgroundSync(): Promise<void> {
  if (!backgroundSyncSupported()) return;
  try {
    const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration &
      SyncRegistration;
    await registration.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // No worker (a development server, storage refused): the pages still send when opened.
  }
}

/**
 * Requests Background Sync each time an attempt fails and the item is left waiting: saved
 * while offline, or a send that failed. Returns the unsubscribe function.
 */
export function syncWhenWaiting(outbox: Outbox): () => void {
  const asked = new Set<string>();
  return outbox.subscribe((items) => {
    for (const item of items) {
      if (item.state !== 'saved' || !item.problem) continue;
      const attempt = `${item.id}:${item.attempts}`;
      if (asked.has(attempt)) continue;
      asked.add(attempt);
      void requestBackgroundSync();
    }
  });
}

declare global {
  // Background Sync is not in TypeScript's DOM library yet.
  var SyncManager: unknown;
}
