/**
 * What a session offers; the finder filters on these and the UI names each in every locale.
 * Kept apart from the schema (zod) so the finder's script can name them without it.
 */
export const SESSION_KINDS = [
  'drop-in',
  'appointment-only',
  'needle-and-syringe-programme',
  'naloxone',
  'family-support',
  'young-people',
  'recovery-group',
] as const;

export type SessionKind = (typeof SESSION_KINDS)[number];
