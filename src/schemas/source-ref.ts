import { z } from 'zod';
import { isoDateSchema } from './provider.ts';

/**
 * A public source a fact on the site rests on (an FDA label, a state law, an agency's page).
 * Pages name it next to what it supports, so a reader can check the fact and see its age.
 */
export const sourceRefSchema = z
  .object({
    /** The document's own title. */
    title: z.string().trim().min(1),
    /** Who publishes it ("U.S. Food and Drug Administration"). */
    publisher: z.string().trim().min(1),
    /** Where anyone can read it. */
    url: z.url(),
    /** When someone last checked the fact against it. */
    checked: isoDateSchema,
  })
  .strict();

export type SourceRef = z.output<typeof sourceRefSchema>;
