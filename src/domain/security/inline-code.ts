/**
 * What a built page runs or styles inline, found in its HTML so that the Content Security
 * Policy can allow exactly that by hash: whatever a component, a layout or Astro itself puts
 * inline is picked up from the output, with nothing to register by hand.
 *
 * Astro writes well-formed HTML, and the contents of <script> and <style> end at the first
 * `</script` or `</style` (the HTML rule), so a pattern finds them.
 */

/** Scripts whose type makes them data, not code: a browser never runs them, CSP ignores them. */
const DATA_TYPES = new Set(['application/json', 'application/ld+json']);

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(
    ` ${attributes}`,
  );
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

export interface InlineCode {
  /** The text of each inline script a browser runs, as written in the page. */
  scripts: string[];
  /** The text of each <style> element. */
  styles: string[];
}

export function inlineCode(html: string): InlineCode {
  const scripts: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT)) {
    if (attribute(attributes, 'src') !== undefined) continue;
    const type = attribute(attributes, 'type')?.trim().toLowerCase();
    if (type && DATA_TYPES.has(type)) continue;
    scripts.push(text);
  }
  const styles = [...html.matchAll(STYLE)].map(([, text = '']) => text);
  return { scripts, styles };
}

/**
 * What a hash cannot allow without 'unsafe-hashes' or 'unsafe-inline': `style="…"` and `on…=`
 * attributes and `javascript:` addresses. The build refuses a page with any, naming it, so the
 * markup is changed (a class, a listener in a script) rather than the policy weakened.
 */
export function inlineCodeProblems(html: string): string[] {
  const problems: string[] = [];
  // Only inside tags, and not in scripts or styles: a page's text may mention style="…".
  const markup = html.replace(SCRIPT, '<script>').replace(STYLE, '<style>');
  for (const [tag] of markup.matchAll(/<[a-z][^<>]*>/gi)) {
    const shown = tag.length > 80 ? `${tag.slice(0, 77)}...` : tag;
    if (/\sstyle\s*=/i.test(tag)) problems.push(`a style attribute: ${shown}`);
    if (/\son[a-z]+\s*=/i.test(tag)) problems.push(`an event handler attribute: ${shown}`);
    if (/=\s*["']?\s*javascript:/i.test(tag)) problems.push(`a javascript: address: ${shown}`);
  }
  return problems;
}

/**
 * The page with its policy as a <meta http-equiv="Content-Security-Policy"> placed before any
 * script or style (a policy in a <meta> covers only what follows it): right after
 * <meta charset>, which must stay in the first bytes, else right after <head>.
 */
export function withPolicyMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset) {
    const end = charset.index + charset[0].length;
    return html.slice(0, end) + meta + html.slice(end);
  }
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('The page has no <head> for its Content Security Policy');
  const end = head.index + head[0].length;
  return html.slice(0, end) + meta + html.slice(end);
}
