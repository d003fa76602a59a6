import { formatNumber } from '../domain/format-number.ts';
import { interpolate, type MessageValues } from '../domain/interpolate.ts';

/**
 * Island messages: looked up at build time from the keys each island declares, passed in as
 * props, and filled in on the phone with the same `{{name}}` interpolation i18next uses, without
 * shipping i18next. A component declares its keys as an `as const` array, with the declarations
 * of the components it shows as entries (nested, not spread: a spread keeps the arrays in the
 * phone's script); an island's whole list is in its `-keys.ts` file (an island's module is a
 * script entry, and every export of an entry reaches the phone). Props take
 * `Messages<typeof KEYS>` and `t` only those keys, so a key used but not declared is a type
 * error; tests/unit/island-messages.test.ts checks the sources and every published locale.
 */
export type { MessageKey, MessageKeys } from '../i18n/message-keys.ts';
import type { MessageKey, MessageKeys } from '../i18n/message-keys.ts';

/** A plural message's forms, by the locale's plural category (i18next's `key_one`, `key_other` …). */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;

/** Translated templates for the keys K, `{{placeholders}}` kept for the island to fill. */
export type MessagesFor<K extends string> = { readonly [Key in K]: string | PluralForms };

/** The messages an island receives for its declared keys: `Messages<typeof FINDER_KEYS>`. */
export type Messages<Keys extends MessageKeys> = MessagesFor<MessageKey<Keys>>;

/**
 * Looks up and fills an island's messages. A component takes `Translate<its keys>`; one written
 * before keys were declared takes plain `Translate`, which accepts any key (and any translator).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: the untyped form
export interface Translate<K extends string = any> {
  (key: K, values?: MessageValues): string;
  /** The form chosen by the locale's plural rules for `count`, which also fills `{{count}}`. */
  plural: (key: K, count: number, values?: MessageValues) => string;
  /** The raw template, placeholders kept, for `around`. */
  template: (key: K) => string;
}

export function translator<K extends string>(
  messages: MessagesFor<K>,
  locale: string,
): Translate<K> {
  const plurals = new Intl.PluralRules(locale);
  const lookup = (key: K): string | PluralForms | undefined =>
    (messages as Partial<MessagesFor<K>>)[key];
  const template = (key: K) => {
    const message = lookup(key);
    return typeof message === 'string' ? message : (message?.other ?? key);
  };
  // Numbers are written as the reader writes them, as i18next does on the pages.
  const local = (values: MessageValues = {}): MessageValues =>
    Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        name,
        typeof value === 'number' ? formatNumber(value, locale) : value,
      ]),
    );
  const t = (key: K, values?: MessageValues) => interpolate(template(key), local(values));
  t.template = template;
  t.plural = (key: K, count: number, values: MessageValues = {}) => {
    const message = lookup(key);
    const form =
      typeof message === 'string'
        ? message
        : (message?.[plurals.select(count)] ?? message?.other ?? key);
    return interpolate(form, local({ ...values, count }));
  };
  return t;
}

/**
 * Splits a translated sentence at one {{placeholder}}, so the value can be rendered as a link
 * where the language puts it: "call {{number}} at any hour" → ["call ", " at any hour"].
 */
export function around(template: string, name: string): [string, string] {
  const marker = `{{${name}}}`;
  const at = template.indexOf(marker);
  return at < 0 ? [template, ''] : [template.slice(0, at), template.slice(at + marker.length)];
}
