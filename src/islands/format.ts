/**
 * The few i18next features islands need (interpolation and plurals), without shipping
 * i18next to the phone: strings are translated at build time and passed in as props.
 */
export type Strings = Readonly<Record<string, string>>;

export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function translator(strings: Strings, locale: string) {
  const plurals = new Intl.PluralRules(locale);
  const t = (key: string, values?: Record<string, string | number>) =>
    format(strings[key] ?? key, values);
  /** `key_one`, `key_other` … chosen by the locale's plural rules, as i18next names them. */
  t.plural = (key: string, count: number, values: Record<string, string | number> = {}) =>
    format(strings[`${key}_${plurals.select(count)}`] ?? strings[`${key}_other`] ?? key, {
      ...values,
      count,
    });
  return t;
}

export type Translate = ReturnType<typeof translator>;

/** Flattens nested translation objects into dotted keys, at build time. */
export function flattenStrings(
  value: unknown,
  prefix = '',
  into: Record<string, string> = {},
): Record<string, string> {
  if (typeof value === 'string') into[prefix] = value;
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      flattenStrings(child, prefix ? `${prefix}.${key}` : key, into);
  }
  return into;
}
