/**
 * The _headers file that Netlify and Cloudflare Pages read from the site's output folder:
 * written by the build from the policy's rules, read back by the test server, which applies it
 * the way those hosts do.
 *
 *     # a comment
 *     /en/*
 *       Cache-Control: no-cache
 *
 * A rule is a path pattern on its own line, then its headers indented below it. In a pattern
 * `*` matches anything (also nothing, and across slashes) and `:name` one path segment. Every
 * rule whose pattern matches a request applies; a header set by several is sent once, its
 * values joined by a comma, as those hosts do.
 */
import type { Header, HeaderRule } from './policy.ts';

export function formatHeadersFile(rules: readonly HeaderRule[], comment?: string): string {
  const lines: string[] = [];
  if (comment) lines.push(...comment.split('\n').map((line) => `# ${line}`.trimEnd()), '');
  for (const rule of rules) {
    lines.push(rule.path, ...rule.headers.map(({ name, value }) => `  ${name}: ${value}`), '');
  }
  return lines.join('\n');
}

/** A line of a _headers file that is not a rule, a header or a comment. */
export class HeadersFileError extends Error {}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { path: string; headers: Header[] }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ path: trimmed, headers: [] });
      return;
    }
    const colon = trimmed.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon <= 0) {
      throw new HeadersFileError(`_headers line ${index + 1}: expected "Name: value": ${line}`);
    }
    rule.headers.push({
      name: trimmed.slice(0, colon).trim(),
      value: trimmed.slice(colon + 1).trim(),
    });
  });
  return rules;
}

function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** Whether a rule's path pattern matches a request's path (without its query). */
export function matchesPath(pattern: string, path: string): boolean {
  return patternToRegExp(pattern).test(path);
}

/**
 * The headers a request's path gets: those of every matching rule, in file order, a header
 * named by several rules (names compared without case) joined with ', '.
 */
export function headersForPath(rules: readonly HeaderRule[], path: string): Header[] {
  const combined = new Map<string, Header>();
  for (const rule of rules) {
    if (!matchesPath(rule.path, path)) continue;
    for (const header of rule.headers) {
      const key = header.name.toLowerCase();
      const earlier = combined.get(key);
      combined.set(
        key,
        earlier ? { name: earlier.name, value: `${earlier.value}, ${header.value}` } : header,
      );
    }
  }
  return [...combined.values()];
}
