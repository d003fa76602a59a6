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
  /** The raw template, placeholders kept, for `around`. */
  t.template = (key: string) => strings[key] ?? key;
  /** `key_one`, `key_other` … chosen by the locale's plural rules, as i18next names them. */
  t.plural = (key: string, count: number, values: Record<string, string | number> = {}) =>
    format(strings[`${key}_${plurals.select(count)}`] ?? strings[`${key}_other`] ?? key, {
      ...values,
      count,
    });
  return t;
}

export type Translate = ReturnType<typeof translator>;

/**
 * Splits a translated sentence at one {{placeholder}}, so the value can be rendered as a link
 * where the language puts it: "call {{number}} at any hour" → ["call ", " at any hour"].
 */
export function around(template: string, name: string): [string, string] {
  const marker = `{{${name}}}`;
  const at = template.indexOf(marker);
  return at < 0 ? [template, ''] : [template.slice(0, at), template.slice(at + marker.length)];
}

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
