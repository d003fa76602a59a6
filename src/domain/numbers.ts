import type { Site } from '../schemas/site.ts';

/**
 * Numbers to call are written once, in site.yaml, and prose refers to them by placeholder:
 * `{{tel:emergency}}`, `{{tel:hotline.local}}`, `{{tel:hotline.anywhere}}`,
 * `{{tel:lines.<id>}}`, `{{sms:lines.<id>}}`. A changed number then changes on every page in
 * every language, and no translation can carry a mistyped copy.
 */
export type NumberKind = 'tel' | 'sms';

export interface DialableNumber {
  kind: NumberKind;
  /** What the phone dials: a short code or an E.164 number. */
  dial: string;
  /** How the number is written for people. */
  display: string;
  /** No source has confirmed it: drawn with a notice beside it. */
  unverified?: true;
}

/** A piece of text: either words as written or a number taken from site.yaml. */
export type TextPart = string | DialableNumber;

const PLACEHOLDER = /\{\{\s*(tel|sms):([a-z0-9]+(?:[.-][a-z0-9]+)*)\s*\}\}/g;

type NumberSite = Pick<Site, 'emergency' | 'hotline' | 'lines'>;

/** The number a placeholder names, or undefined when site.yaml has no such number. */
export function lookUpNumber(
  site: NumberSite,
  kind: NumberKind,
  key: string,
): DialableNumber | undefined {
  const [group, id, ...rest] = key.split('.');
  if (rest.length > 0) return undefined;
  let line: { dial: string; display: string; unverified?: object | undefined } | undefined;
  if (kind === 'tel') {
    if (group === 'emergency' && id === undefined) line = site.emergency;
    else if (group === 'hotline' && (id === 'local' || id === 'anywhere')) line = site.hotline[id];
    else if (group === 'lines' && id !== undefined) line = site.lines[id];
  } else if (group === 'lines' && id !== undefined) {
    line = site.lines[id]?.text;
  }
  if (!line) return undefined;
  const number: DialableNumber = { kind, dial: line.dial, display: line.display };
  if (line.unverified) number.unverified = true;
  return number;
}

/** Splits text at its placeholders; throws naming the first one site.yaml cannot fill. */
export function splitNumbers(text: string, site: NumberSite): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const [whole, kind, key] = match as unknown as [string, NumberKind, string];
    const number = lookUpNumber(site, kind, key);
    if (!number) throw new Error(`${whole} names no number in site.yaml`);
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(number);
    last = match.index + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The text with each placeholder replaced by the number as people read it. */
export function fillNumbers(text: string, site: NumberSite): string {
  return splitNumbers(text, site)
    .map((part) => (typeof part === 'string' ? part : part.display))
    .join('');
}

export function numberHref({ kind, dial }: Pick<DialableNumber, 'kind' | 'dial'>): string {
  return `${kind}:${dial}`;
}

/** Placeholders in the text that site.yaml cannot fill, as written. */
export function unknownPlaceholders(text: string, site: NumberSite): string[] {
  return [...text.matchAll(PLACEHOLDER)]
    .filter(([, kind, key]) => !lookUpNumber(site, kind as NumberKind, key!))
    .map(([whole]) => whole);
}

// Phone-shaped digits: North American (617-635-4500, (617) 635-4500), international (+44 …)
// and UK national (0300 123 6600) forms.
const PHONE_SHAPED =
  /(?:\(\d{3}\)\s?|\b\d{3}[-.\s])\d{3}[-.\s]\d{4}\b|\+\d[\d\s-]{6,16}\d|\b0\d{3,4}\s\d{3}\s?\d{3,4}\b/g;

/**
 * Numbers typed into prose instead of placed: anything phone-shaped, and every number
 * site.yaml knows (including short codes such as 911) standing as a word of its own.
 */
export function typedNumbers(text: string, site: NumberSite): string[] {
  const prose = text.replace(PLACEHOLDER, ' ');
  const found = new Set<string>();
  for (const [match] of prose.matchAll(PHONE_SHAPED)) found.add(match.trim());
  const known = [site.emergency, site.hotline.local, site.hotline.anywhere];
  for (const line of Object.values(site.lines)) {
    known.push(line);
    if (line.text) known.push(line.text);
  }
  for (const { dial, display } of known) {
    for (const written of new Set([dial, display])) {
      const escaped = written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(?<![\\w+-])${escaped}(?![\\w-])`).test(prose)) found.add(written);
    }
  }
  return [...found];
}
