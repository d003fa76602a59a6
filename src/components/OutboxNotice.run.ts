import { openOutboxStore } from '../domain/outbox/idb-store.ts';
import { outboxNoticeState, type OutboxNoticeState } from '../domain/outbox/notice.ts';
import { siteOutbox, syncWhenWaiting } from '../domain/outbox/web.ts';
import { bakedOutboxConfig } from '../service-worker/baked-config.ts';

/**
 * Built to dist/outbox-notice.js by src/integrations/outbox-scripts.ts and loaded by
 * SiteNotices.client.ts only when a request waits on this phone: sends it with the
 * same outbox as the callback form (the Web Lock they share keeps them from sending together)
 * and keeps the notice at the top of the page saying where it stands.
 */
export async function run(root: HTMLElement): Promise<void> {
  // The live region appears before anything is written into it, so what follows is announced.
  const region = root.querySelector<HTMLElement>('[data-outbox-notice-region]');
  if (region) region.hidden = false;
  const { store } = await openOutboxStore();
  const outbox = siteOutbox(bakedOutboxConfig, store);
  const shownHere = new Set<string>();
  outbox.subscribe((items) => {
    const state = outboxNoticeState(items, shownHere);
    show(root, state);
    if (state?.kind === 'delivered' && !shownHere.has(state.item.id)) {
      shownHere.add(state.item.id);
      // Seen once is enough: the next page does not repeat it; the callback page keeps it.
      void outbox.markNoticed(state.item.id);
    }
  });
  syncWhenWaiting(outbox);
  addEventListener('online', () => void outbox.retryNow());
  await outbox.start();
  // A page opened later is a fresh chance: the back-off a past visit planned does not apply
  // (a server's Retry-After still does).
  await outbox.retryNow();
}

function show(root: HTMLElement, state: OutboxNoticeState): void {
  for (const text of root.querySelectorAll<HTMLElement>('[data-outbox-notice-state]')) {
    text.hidden = text.dataset.outboxNoticeState !== state?.kind;
  }
  // Waiting or refused, the same way out follows: call now, or open the request.
  const pending = root.querySelector<HTMLElement>('[data-outbox-notice-pending]');
  if (pending) pending.hidden = state?.kind !== 'waiting' && state?.kind !== 'attention';
  if (state?.kind !== 'delivered') return;
  const id = state.item.serviceRequestId;
  const number = root.querySelector<HTMLElement>('[data-outbox-notice-number]');
  const status = root.querySelector<HTMLAnchorElement>('[data-outbox-notice-status]');
  if (number) number.hidden = !id;
  if (!id || !status) return;
  // A receipt still waiting for its number has no status to look up: the link stays on the
  // callback page, which shows the receipt.
  root.querySelectorAll('[data-outbox-notice-id]').forEach((node) => (node.textContent = id));
  const url = new URL(status.dataset.statusPage ?? status.href, location.href);
  url.searchParams.set('id', id);
  // Site-relative, as every other link on the page.
  status.setAttribute('href', url.pathname + url.search);
}
