import XmlBuilder from 'fast-xml-builder';

/**
 * GeoReport v2's XML, written from the same values as the JSON. The standard defines the JSON
 * as a mapping of the XML (the "Spark convention"): an object is an element with one child per
 * field, and a list is an element holding one child per item, named in the singular. Those
 * names are the standard's, from its examples; the builder (fast-xml-builder, the writing half
 * of fast-xml-parser) escapes the text.
 */

/** The documents an answer can be: each root element, and the element of its items if a list. */
export const XML_DOCUMENTS = {
  services: 'service',
  service_definition: null,
  service_requests: 'request',
  errors: 'error',
  discovery: null,
} as const;

export type XmlDocument = keyof typeof XML_DOCUMENTS;

/** Lists inside a document: a field's name and the element each of its items is written as. */
const LIST_ITEMS: Readonly<Record<string, string>> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

const builder = new XmlBuilder({ format: false });

type XmlValue = string | XmlObject | XmlList;
interface XmlObject {
  [name: string]: XmlValue;
}
interface XmlList {
  [item: string]: XmlValue[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(field: string, items: readonly unknown[]): XmlList {
  const item = LIST_ITEMS[field];
  // A list the standard does not name would be written wrongly: better to fail in the tests.
  if (!item) throw new Error(`No XML element name for the items of "${field}"`);
  return { [item]: items.map((value) => element(value)) };
}

/** One value as element content: null is an empty element, as in the standard's examples. */
function element(value: unknown): XmlValue {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) throw new Error('A list must be a named field');
  if (isRecord(value)) {
    const children: XmlObject = {};
    for (const [name, child] of Object.entries(value)) {
      if (child === undefined) continue;
      children[name] = Array.isArray(child) ? list(name, child) : element(child);
    }
    return children;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`Cannot write a ${typeof value} as XML`);
}

/** The XML text of an answer whose JSON is `body`, as the document `root`. */
export function toXml(root: XmlDocument, body: unknown): string {
  const item = XML_DOCUMENTS[root];
  let content: XmlValue;
  if (item === null) {
    content = element(body);
  } else {
    if (!Array.isArray(body)) throw new Error(`<${root}> is a list`);
    content = { [item]: body.map((value) => element(value)) };
  }
  return `${DECLARATION}${builder.build({ [root]: content })}`;
}
