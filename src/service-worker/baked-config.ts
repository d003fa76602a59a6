import type { OutboxConfig } from '../domain/outbox/web.ts';

/** Replaced at build time by src/integrations/outbox-scripts.ts with the settings from site.yaml. */
declare const __RF_OUTBOX_CONFIG__: OutboxConfig;

/**
 * The outbox settings, for the two scripts built outside Astro's pages (the service worker and
 * the notice's sender): a worker woken with the site closed has no page to read them from.
 */
export const bakedOutboxConfig: OutboxConfig = __RF_OUTBOX_CONFIG__;
