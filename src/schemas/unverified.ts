import { z } from 'zod';

/**
 * Marks a number to call that no source has confirmed yet (a number found only on an old page,
 * say). The site still shows it, since a person may need it, with a notice beside it; a
 * production build refuses to publish it (see src/domain/unverified.ts). Any field that holds a
 * number to call takes it as `unverified`.
 */
export const unverifiedSchema = z
  .object({
    /** In English, for the editors: what is unknown ("the service has not confirmed it"). */
    reason: z.string().trim().min(1),
    /** Where the number was found, so whoever confirms it knows where to start. */
    source: z.string().trim().min(1).optional(),
  })
  .strict();

export type Unverified = z.output<typeof unverifiedSchema>;
