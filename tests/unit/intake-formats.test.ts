// The intake server's discovery document, its XML beside the JSON, and what it does with the
// fields of a GeoReport request it deliberately keeps nothing of. The recorded exchanges in
// both formats are in intake-open311-exchanges.test.ts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/intake/config.ts';
import { API_KEY, adminExport, body, post, startTestServer } from './intake-helpers.ts';
import { created } from './intake-assertions.ts';
import { asXmlText, readXml } from './open311-exchange.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const XML = 'text/xml; charset=utf-8';

describe('intake server: discovery and formats', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.cleanup());

  it('serves discovery in both formats, pointing at itself', async () => {
    const json = await fetch(`${server.discoveryUrl}.json`);
    expect(json.status).toBe(200);
    const document = (await json.json()) as {
      changeset: string;
      endpoints: Array<{ url: string; type: string; formats: string[] }>;
    };
    expect(document.endpoints).toEqual([
      expect.objectContaining({ url: server.url, type: 'test' }),
    ]);
    const xml = await fetch(`${server.discoveryUrl}.xml`);
    expect(xml.headers.get('content-type')).toBe(XML);
    const { root, content } = readXml(await xml.text());
    expect(root).toBe('discovery');
    expect(content).toEqual(asXmlText(document));
  });

  it('says production and the public address when told so', async () => {
    const behindProxy = await startTestServer({
      publicUrl: 'https://intake.example.org/open311/v2',
      endpointType: 'production',
    });
    try {
      const response = await fetch(`${behindProxy.discoveryUrl}.json`);
      const { endpoints } = (await response.json()) as { endpoints: Array<{ url: string }> };
      expect(endpoints[0]).toMatchObject({
        url: 'https://intake.example.org/open311/v2',
        type: 'production',
      });
    } finally {
      await behindProxy.cleanup();
    }
  });

  it('takes both from the environment', () => {
    const token = 'a-long-random-production-token';
    expect(
      configFromEnv({
        NODE_ENV: 'production',
        INTAKE_ADMIN_TOKEN: token,
        INTAKE_PUBLIC_URL: 'https://intake.example.org/open311/v2/',
      }),
    ).toMatchObject({
      endpointType: 'production',
      publicUrl: 'https://intake.example.org/open311/v2',
    });
    expect(configFromEnv({}).endpointType).toBe('test');
    expect(() => configFromEnv({ INTAKE_PUBLIC_URL: 'intake' })).toThrow(/INTAKE_PUBLIC_URL/);
  });

  it('answers an unknown format with 404, as before', async () => {
    for (const path of ['services.csv', 'services', 'services/recovery-callback.html']) {
      const response = await fetch(`${server.url}/${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
    const xml = await fetch(`${server.url}/nothing-here.xml`);
    expect(xml.status).toBe(404);
    expect(xml.headers.get('content-type')).toBe(XML);
  });

  it('writes every error of an XML call as XML: 405, 413, 415', async () => {
    const url = `${server.url}/requests.xml`;
    const wrongMethod = await fetch(url, { method: 'DELETE' });
    const tooLarge = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body({ 'attribute[notes]': 'x'.repeat(17_000) }),
    });
    const notForm = await fetch(url, { method: 'POST', body: '{}' });
    for (const [response, status] of [
      [wrongMethod, 405],
      [tooLarge, 413],
      [notForm, 415],
    ] as const) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe(XML);
      const { root, content } = readXml(await response.text());
      expect(root).toBe('errors');
      expect(content).toEqual([
        { code: String(status), description: expect.any(String) as string },
      ]);
    }
  });

  it('escapes text in XML and reads back the same as the JSON', async () => {
    // The definition's texts come from content files; a quote or an ampersand must survive.
    const json: unknown = await (
      await fetch(`${server.url}/services/recovery-callback.json`)
    ).json();
    const xml = readXml(await (await fetch(`${server.url}/services/recovery-callback.xml`)).text());
    expect(xml.content).toEqual(asXmlText(json));
    expect(JSON.stringify(json)).toMatch(/’|'/);
  });

  it('compares jurisdiction_id without regard to case when the deployment sets one', async () => {
    // Here the deployment sets none: any value is ignored (see the recorded exchanges).
    const answer = await created(await post(server.url, body({ jurisdiction_id: 'CITY.GOV' })));
    expect(answer.service_request_id).toMatch(/^BOS-/);
  });
});

describe('intake server: the privacy deviations hold for a full GeoReport request', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.cleanup());

  it('stores no location, e-mail, device, account, last name, media or description', async () => {
    const extras = {
      lat: '37.76524078',
      long: '-122.4212043',
      address_string: '1234 5th street',
      address_id: 'addr-545483',
      email: 'smit333@sfgov.edu',
      device_id: 'tt222111',
      account_id: 'acct-123456',
      last_name: 'Smithereen',
      media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
      description: 'A large sinkhole is destroying the street',
    };
    const answer = await created(await post(server.url, body({ api_key: API_KEY, ...extras })));
    const [stored] = (await adminExport(server.origin)).filter(
      (row) => row.service_request_id === answer.service_request_id,
    );
    expect(stored).toBeDefined();
    await server.close();
    // Nothing of it anywhere in the database file (its WAL is folded in on close).
    const file = readFileSync(server.dbPath, 'latin1');
    for (const value of Object.values(extras)) expect(file).not.toContain(value);
    expect(JSON.stringify(stored)).not.toMatch(/sinkhole|smit333|5th street|Smithereen/);
  });
});
