import type { Messages, MessageKeys, PluralForms } from '../islands/format.ts';
import { stringsByLocale } from './index.ts';

const PLURAL_CATEGORIES: readonly Intl.LDMLPluralRule[] = [
  'zero',
  'one',
  'two',
  'few',
  'many',
  'other',
];
const FALLBACK_LOCALE = 'en';

/** The node at a dotted key of a strings file, or undefined. */
function at(strings: unknown, path: readonly string[]): unknown {
  let node = strings;
  for (const part of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** One key in one locale: its template, or its plural forms (`key_one`, `key_other` …). */
function lookUp(locale: string, key: string): string | PluralForms | undefined {
  const strings = stringsByLocale[locale];
  const path = key.split('.');
  const value = at(strings, path);
  if (typeof value === 'string') return value;
  const parent = at(strings, path.slice(0, -1));
  const name = path.at(-1);
  if (!parent || typeof parent !== 'object') return undefined;
  const forms = Object.fromEntries(
    PLURAL_CATEGORIES.flatMap((category) => {
      const form = (parent as Record<string, unknown>)[`${name}_${category}`];
      return typeof form === 'string' ? [[category, form]] : [];
    }),
  ) as PluralForms;
  return forms.other === undefined ? undefined : forms;
}

/** Every key of a declaration, nested declarations included, each once. */
export function declaredKeys(keys: MessageKeys): string[] {
  const flat = (entries: readonly unknown[]): string[] =>
    entries.flatMap((entry) =>
      typeof entry === 'string' ? [entry] : Array.isArray(entry) ? flat(entry) : [],
    );
  return [...new Set(flat(keys))];
}

/**
 * The messages an island declared, in one locale, as raw templates: `{{placeholders}}` stay for
 * the island to fill. A key the locale lacks falls back to English, as i18next does on pages;
 * a key no strings file has stops the build rather than showing the key on the page. Keys in
 * `omit` are left out: words the page will never show (a notice for an unverified number,
 * when every number is verified) cost every page its bytes.
 */
export function islandMessages<Keys extends MessageKeys>(
  locale: string,
  keys: Keys,
  omit: readonly string[] = [],
): Messages<Keys> {
  const messages: Record<string, string | PluralForms> = {};
  for (const key of declaredKeys(keys)) {
    if (omit.includes(key)) continue;
    const message = lookUp(locale, key) ?? lookUp(FALLBACK_LOCALE, key);
    if (message === undefined) throw new Error(`An island uses "${key}", which en.json lacks`);
    messages[key] = message;
  }
  return messages as unknown as Messages<Keys>;
}
