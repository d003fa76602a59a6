// Recorded request/response pairs written from the GeoReport v2 examples
// (tests/fixtures/open311/exchanges/), played in order against real servers on free ports,
// each once as JSON and once as XML. The XML is parsed back and must say what the JSON says.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { BOSTON_CONTENT, startTestServer } from './intake-helpers.ts';
import {
  asXmlText,
  fill,
  fillShape,
  formBody,
  loadExchanges,
  readXml,
  shapeProblems,
  type Exchange,
} from './open311-exchange.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Boston's deployment with `intake.jurisdiction_id: city.gov` (the standard's example). */
function contentWithJurisdiction(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'intake-content-'));
  const site = parseDocument(readFileSync(join(BOSTON_CONTENT, 'site.yaml'), 'utf8'));
  site.setIn(['intake', 'jurisdiction_id'], 'city.gov');
  writeFileSync(join(dir, 'site.yaml'), site.toString());
  symlinkSync(join(BOSTON_CONTENT, 'paths'), join(dir, 'paths'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Answer {
  status: number;
  type: string | null;
  text: string;
}

async function play(
  server: TestServer,
  exchange: Exchange,
  format: 'json' | 'xml',
  values: Record<string, string>,
): Promise<Answer> {
  const { request } = exchange;
  const path = fill(request.path, { ...values, format });
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, fill(value, values)]),
  );
  const response = await fetch(`${server.origin}${path}`, {
    method: request.method,
    headers,
    ...(request.form ? { body: formBody(request.form, values) } : {}),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

describe('GeoReport v2 exchanges, in JSON and in XML', () => {
  const servers: Partial<Record<Exchange['server'], TestServer>> = {};
  let content: { dir: string; remove: () => void };
  beforeAll(async () => {
    content = contentWithJurisdiction();
    servers.default = await startTestServer();
    servers.jurisdiction = await startTestServer({ contentDir: content.dir });
  });
  afterAll(async () => {
    await servers.default?.cleanup();
    await servers.jurisdiction?.cleanup();
    content.remove();
  });

  // Captured from earlier exchanges (the id a POST gave), shared by those that follow.
  const captured: Record<string, string> = {};

  for (const exchange of loadExchanges()) {
    it(`${exchange.file}: ${exchange.name}`, async () => {
      const server = servers[exchange.server]!;
      const values = { ...captured, key: randomUUID(), endpoint: server.url };
      const shape = fillShape(exchange.expect.body, values);

      const json = await play(server, exchange, 'json', values);
      expect(json.status, json.text).toBe(exchange.expect.status);
      expect(json.type).toBe('application/json; charset=utf-8');
      const jsonBody: unknown = JSON.parse(json.text);
      expect(shapeProblems(shape, jsonBody, false), json.text).toEqual([]);

      const xml = await play(server, exchange, 'xml', values);
      expect(xml.status, xml.text).toBe(exchange.expect.status);
      expect(xml.type).toBe('text/xml; charset=utf-8');
      expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      const { root, content: xmlBody } = readXml(xml.text);
      expect(root).toBe(exchange.expect.xml.root);
      const item = exchange.expect.xml.item;
      if (item) {
        // Every child of a list document is the standard's item element.
        const children = new RegExp(`^<\\?xml[^>]*\\?><${root}>(?:<${item}>|</${root}>)`);
        expect(xml.text).toMatch(children);
      }
      expect(shapeProblems(shape, xmlBody, true), xml.text).toEqual([]);
      if (exchange.expect.same_in_both) expect(xmlBody).toEqual(asXmlText(jsonBody));

      const first = (Array.isArray(jsonBody) ? jsonBody[0] : jsonBody) as Record<string, unknown>;
      for (const [name, field] of Object.entries(exchange.capture)) {
        captured[name] = String(first[field]);
      }
    });
  }
});
