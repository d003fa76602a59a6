/** Site-relative URLs, built in one place so every link to a page is the same link. */

/** `/{locale}/{path}` where `path` is the locale-independent part ("find/", "paths/detox/"). */
export function localized(locale: string, path: string): string {
  return `/${locale}/${path.replace(/^\/+/, '')}`;
}

export function providerPath(id: string): string {
  return `providers/${id}/`;
}

export function pathPagePath(slug: string): string {
  return `paths/${slug}/`;
}

export function finderPathPath(slug: string): string {
  return `find/path/${slug}/`;
}

export function finderAreaPath(slug: string): string {
  return `find/area/${slug}/`;
}

/** The callback form, optionally prefilled (`?for=someone-else&path=detox&provider=…`). */
export function callbackPath(prefill: Record<string, string> = {}): string {
  const query = new URLSearchParams(prefill).toString();
  return `callback/${query ? `?${query}` : ''}`;
}

/** A URL slug: ASCII letters and digits joined by single hyphens ("Jamaica Plain" → "jamaica-plain"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
