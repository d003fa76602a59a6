/**
 * Message keys as components and islands declare them: an `as const` array whose entries are
 * keys or the declarations of the components shown inside (see islands/format.ts).
 */
export type MessageKeys = readonly (string | readonly unknown[])[];

/** The key names of a declaration, nested declarations included: `MessageKey<typeof SHARE_VIEW_KEYS>`. */
export type MessageKey<Keys extends MessageKeys> = KeyOf<Keys[number]>;

type KeyOf<Entry> = Entry extends string
  ? Entry
  : Entry extends readonly unknown[]
    ? KeyOf<Entry[number]>
    : never;
