/** Values for a message's `{{name}}` placeholders. */
export type MessageValues = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Fills a translated template's `{{name}}` placeholders the way i18next does at build time, so
 * a sentence reads the same whether a page or an island wrote it: every occurrence is filled,
 * and a placeholder with no value is left as it is (i18next keeps it too).
 */
export function interpolate(template: string, values: MessageValues = {}): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = values[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** The placeholder names a template uses, for checking that translations keep them. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}
