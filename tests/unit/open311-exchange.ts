/**
 * Recorded Open311 exchanges (tests/fixtures/open311/exchanges/*.yaml) and how to check an
 * answer against one, in JSON or in XML. The XML is parsed back with fast-xml-parser and read
 * by the standard's own mapping (an element per field, a list as singular children), so the
 * same expected shape serves both formats.
 *
 * Shapes: a literal must be equal (in XML, its text); `$string`, `$number`, `$boolean`,
 * `$datetime` match a type, with a trailing `?` also null (in XML, an empty element); an
 * object must have exactly its keys (a key ending in `?` may be missing); an array must match
 * item by item; `{ $each: shape }` is a list of at least one item, each matching the shape.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parse } from 'yaml';
import { z } from 'zod';

const FOLDER = new URL('../fixtures/open311/exchanges/', import.meta.url);

const exchangeSchema = z
  .object({
    /** What the exchange shows, and which example of the standard it is written from. */
    name: z.string(),
    /** `jurisdiction`: a deployment whose site.yaml sets jurisdiction_id to city.gov. */
    server: z.enum(['default', 'jurisdiction']).default('default'),
    request: z.object({
      method: z.enum(['GET', 'POST']),
      /** From the origin; `{format}` is json or xml, `{name}` a captured value. */
      path: z.string(),
      headers: z.record(z.string(), z.string()).default({}),
      /** POST fields, sent form-urlencoded; a list sends the field once per value. */
      form: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
    }),
    /** Values to keep from the JSON answer's first item, for later exchanges' paths. */
    capture: z.record(z.string(), z.string()).default({}),
    expect: z.object({
      status: z.number().int(),
      /** The XML document: its root element and, for a list, the element of each item. */
      xml: z.object({ root: z.string(), item: z.string().optional() }),
      body: z.unknown(),
      /** The JSON and the XML answers say exactly the same (the answer is deterministic). */
      same_in_both: z.boolean().default(false),
    }),
  })
  .strict();

export type Exchange = z.output<typeof exchangeSchema> & { file: string };

export function loadExchanges(): Exchange[] {
  return readdirSync(FOLDER)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => ({
      ...exchangeSchema.parse(parse(readFileSync(new URL(file, FOLDER), 'utf8'))),
      file,
    }));
}

/** `{name}` in a text replaced by the value of `name`. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function formBody(
  form: Readonly<Record<string, string | string[]>>,
  values: Record<string, string>,
) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const one of Array.isArray(value) ? value : [value])
      params.append(name, fill(one, values));
  }
  return params.toString();
}

/** The elements that are list items in GeoReport v2's XML, from the standard's examples. */
const LIST_ITEMS: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};
const ITEM_NAMES = new Set(Object.values(LIST_ITEMS));

const parser = new XMLParser({
  // Text stays text: the standard's XML has no types, the shape says what each should read as.
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ITEM_NAMES.has(name),
});

/** A list element's items: `<formats><format>a</format></formats>` is ['a']; empty is []. */
function unwrapLists(value: unknown, name?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => unwrapLists(item));
  if (typeof value !== 'object' || value === null) {
    return name && LIST_ITEMS[name] && value === '' ? [] : value;
  }
  const record = value as Record<string, unknown>;
  const item = name ? LIST_ITEMS[name] : undefined;
  const keys = Object.keys(record);
  if (item && keys.length === 1 && keys[0] === item) return unwrapLists(record[item]);
  return Object.fromEntries(keys.map((key) => [key, unwrapLists(record[key], key)]));
}

/** Parses an XML answer: its declaration, its root element, and its content as plain values. */
export function readXml(text: string): { declaration: boolean; root: string; content: unknown } {
  // Well-formed first (throws otherwise): the parser alone would read some broken XML.
  SyntaxValidator.validate(text);
  const parsed = parser.parse(text) as Record<string, unknown>;
  const declaration = '?xml' in parsed;
  const roots = Object.keys(parsed).filter((key) => key !== '?xml');
  if (roots.length !== 1) throw new Error(`Expected one root element, got ${roots.join(', ')}`);
  const root = roots[0]!;
  return { declaration, root, content: unwrapLists(parsed[root], root) };
}

/** The JSON as XML would say it: every scalar as text, null as empty. */
export function asXmlText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, asXmlText(v)]));
  }
  // Numbers and booleans are written as JSON writes them: 3, true.
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

function typeMatches(type: string, value: unknown, xml: boolean): boolean {
  if (xml) {
    if (typeof value !== 'string') return false;
    if (type === 'number') return /^-?\d+(?:\.\d+)?$/.test(value);
    if (type === 'boolean') return value === 'true' || value === 'false';
    if (type === 'datetime') return DATETIME.test(value);
    return true;
  }
  if (type === 'datetime') return typeof value === 'string' && DATETIME.test(value);
  return typeof value === type;
}

/** Every way `value` differs from `shape`, as "path: problem" lines; none means it matches. */
export function shapeProblems(shape: unknown, value: unknown, xml: boolean, path = '$'): string[] {
  const seen = JSON.stringify(value);
  if (typeof shape === 'string' && shape.startsWith('$')) {
    const nullable = shape.endsWith('?');
    const type = shape.slice(1, nullable ? -1 : undefined);
    if (nullable && (xml ? value === '' : value === null)) return [];
    return typeMatches(type, value, xml) ? [] : [`${path}: expected ${shape}, got ${seen}`];
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [`${path}: expected a list, got ${seen}`];
    if (value.length !== shape.length) {
      return [`${path}: expected ${shape.length} items, got ${value.length}`];
    }
    return shape.flatMap((item, i) => shapeProblems(item, value[i], xml, `${path}[${i}]`));
  }
  if (typeof shape === 'object' && shape !== null) {
    const record = shape as Record<string, unknown>;
    if ('$each' in record) {
      if (!Array.isArray(value) || value.length === 0) {
        return [`${path}: expected a list of one or more, got ${seen}`];
      }
      return value.flatMap((item, i) => shapeProblems(record.$each, item, xml, `${path}[${i}]`));
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return [`${path}: expected an object, got ${seen}`];
    }
    const actual = value as Record<string, unknown>;
    const problems: string[] = [];
    const wanted = new Set<string>();
    for (const [rawKey, inner] of Object.entries(record)) {
      const optional = rawKey.endsWith('?');
      const key = optional ? rawKey.slice(0, -1) : rawKey;
      wanted.add(key);
      if (!(key in actual)) {
        if (!optional) problems.push(`${path}.${key}: missing`);
        continue;
      }
      problems.push(...shapeProblems(inner, actual[key], xml, `${path}.${key}`));
    }
    for (const key of Object.keys(actual)) {
      if (!wanted.has(key))
        problems.push(`${path}.${key}: not expected (${JSON.stringify(actual[key])})`);
    }
    return problems;
  }
  const expected = xml ? asXmlText(shape) : shape;
  return value === expected ? [] : [`${path}: expected ${JSON.stringify(shape)}, got ${seen}`];
}

/** The shape with `{name}` filled in wherever a literal text has one. */
export function fillShape(shape: unknown, values: Readonly<Record<string, string>>): unknown {
  if (typeof shape === 'string') return fill(shape, values);
  if (Array.isArray(shape)) return shape.map((item) => fillShape(item, values));
  if (typeof shape === 'object' && shape !== null) {
    return Object.fromEntries(
      Object.entries(shape).map(([key, inner]) => [key, fillShape(inner, values)]),
    );
  }
  return shape;
}
