/**
 * A text written in site.yaml once per locale. Every published locale has its own (the content
 * check sees to it); the first one written (the original, in the deployment's first locale)
 * stands in only while a deployment is being drafted, or for a name kept as its owner writes it.
 */
export function localizedText(texts: Readonly<Record<string, string>>, locale: string): string {
  return texts[locale] ?? texts[locale.split('-')[0] ?? ''] ?? Object.values(texts)[0] ?? '';
}
