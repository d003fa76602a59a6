import type { DeliveredItem, OutboxItem } from './store.ts';

/**
 * What the notice at the top of every page says about the outbox. Pure, so the small script
 * on every page and the tests read the same rule.
 */
export type OutboxNoticeState =
  { kind: 'waiting' } | { kind: 'attention' } | { kind: 'delivered'; item: DeliveredItem } | null;

/** Saved or mid-send: a page must deliver it. */
export function isWaiting(item: OutboxItem): boolean {
  return item.state === 'saved' || item.state === 'sending';
}

/**
 * Worth loading the outbox for on a page that is not the callback page: something to send,
 * something 311 refused, or a receipt the person has not seen (the service worker sent it
 * while the site was closed).
 */
export function wantsNotice(item: OutboxItem): boolean {
  return item.state !== 'delivered' || !item.noticed;
}

/**
 * The one state the notice shows: anything still waiting first (the person may need to call
 * instead), then a request 311 could not accept, then the newest receipt not yet seen.
 * `shownHere` holds receipts this page has already shown: marking them seen must not make the
 * notice vanish from under the person reading it.
 */
export function outboxNoticeState(
  items: readonly OutboxItem[],
  shownHere: ReadonlySet<string> = new Set(),
): OutboxNoticeState {
  if (items.some(isWaiting)) return { kind: 'waiting' };
  if (items.some((item) => item.state === 'needs-attention')) return { kind: 'attention' };
  const receipts = items
    .filter(
      (item): item is DeliveredItem =>
        item.state === 'delivered' && (!item.noticed || shownHere.has(item.id)),
    )
    .sort((a, b) => b.deliveredAt - a.deliveredAt);
  return receipts[0] ? { kind: 'delivered', item: receipts[0] } : null;
}
