/**
 * A text written in site.yaml once per locale. Every published locale has its own (the content
 * check sees to it); English stands in only while a deployment is being drafted.
 */
export function localizedText(texts: Readonly<Record<string, string>>, locale: string): string {
  return texts[locale] ?? texts[locale.split('-')[0] ?? ''] ?? texts.en ?? '';
}
