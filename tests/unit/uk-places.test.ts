/**
 * County Durham's places, on the real data: the ONS postcodes and the NHS registers in
 * content/durham/sources/ built into the tables the phone loads (src/place-tables.ts), and the
 * real Durham venues as the finder's listings, for Durham's site.yaml (`places`,
 * `distance_unit`, `country`, `postal_code`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { formatDistance } from '../../src/domain/format-distance.ts';
import { distanceKm, milesToKm } from '../../src/domain/geo.ts';
import { postcodeTableOf } from '../../src/domain/places/kinds.ts';
import {
  createUkPostcodeReader,
  fullPostcodeDistricts,
} from '../../src/domain/places/uk-postcode-reader.ts';
import { isPlaceName, localityOf, townTable } from '../../src/domain/places/town-table.ts';
import { displayPhone } from '../../src/domain/phone.ts';
import { buildSearchIndexFile, type SearchDocument } from '../../src/domain/search/documents.ts';
import { SearchEngine, type SearchResult } from '../../src/domain/search/engine.ts';
import { postalCodeOf } from '../../src/domain/search/places.ts';
import { queryFromState, stateFromSearch } from '../../src/domain/search/url-state.ts';
import { shortCode } from '../../src/domain/share/short-code.ts';
import { loadSite } from '../../src/load-site.ts';
import { placeAttributions, ukPlaceTables } from '../../src/place-tables.ts';
import { siteSchema, type Site } from '../../src/schemas/site.ts';
import { venueSchema, type Venue } from '../../src/schemas/venue.ts';

const root = join(import.meta.dirname, '..', '..');
const durham = join(root, 'content', 'durham');
const boston = loadSite(join(root, 'content', 'boston'));
const site: Site = loadSite(durham);

const venues: Venue[] = readdirSync(join(durham, 'venues'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => venueSchema.parse(parse(readFileSync(join(durham, 'venues', name), 'utf8'))));
const byId = new Map(venues.map((venue) => [venue.id, venue]));

/** A venue as the finder lists it: enough for places and distances. */
function venueDocument(venue: Venue): SearchDocument {
  const doc: SearchDocument = {
    i: venue.id,
    k: shortCode(venue.id),
    n: venue.name,
    f: [0, 0, 0, 0, 0, 0],
  };
  if (venue.address) doc.c = venue.address.town;
  if (venue.address?.lines[0]) doc.s = venue.address.lines[0];
  if (venue.geo) doc.g = [venue.geo.lat, venue.geo.lon];
  return doc;
}

const file = { ...buildSearchIndexFile([], site, 'en', (_, key) => key) };
file.docs = venues.map(venueDocument);
const tables = ukPlaceTables(durham);
const engine = new SearchEngine(file);
engine.usePostalCodes(tables.table, createUkPostcodeReader());
// For reading codes only: each engine gets its own reader, which keeps its district files.
const reader = createUkPostcodeReader();
const district = (outward: string) => tables.districts.find((d) => d.outward === outward)!;

/** The ONS file's own row for a postcode, to check the point the phone finds against. */
function onsPoint(postcode: string): { lat: number; lon: number } {
  const area = /^[A-Z]+/.exec(postcode)![0];
  const text = readFileSync(join(durham, 'sources', `ons-postcodes-${area}.csv`), 'utf8');
  // A four-character outward code is written without its space in some rows (TS101AA).
  const row = text
    .split('\n')
    .find((line) => line.replace(' ', '').startsWith(`${postcode.replace(' ', '')},`))!;
  const [, lat, lon] = row.split(',');
  return { lat: Number(lat), lon: Number(lon) };
}

const distances = (results: readonly SearchResult[]) =>
  results.map((result) => result.distanceKm ?? Infinity);
const nonDecreasing = (values: readonly number[]) =>
  values.every((value, index) => index === 0 || value >= values[index - 1]!);

describe('which tables a deployment uses', () => {
  it('comes from site.yaml, with the old meaning when the field is left out', () => {
    expect(postcodeTableOf(boston)).toBe('us-zip');
    expect(postcodeTableOf(site)).toBe('uk-ons');
    expect(postcodeTableOf({ postal_regions: [] })).toBe('none');
    expect(postcodeTableOf({ postal_regions: ['MA'] })).toBe('us-zip');
    expect(file.postcodes).toBe('uk-ons');
    // Miles are the default, so a mile deployment's index carries no unit.
    expect(file.unit).toBeUndefined();
    const older: Record<string, unknown> = { ...boston };
    delete older.places;
    delete older.distance_unit;
    const parsed = siteSchema.parse(older);
    expect(parsed.distance_unit).toBe('mile');
    expect(parsed.places).toBeUndefined();
  });
});

describe('the credit the postcode data asks for', () => {
  it('comes from the sources, for the pages that place people by postcode', () => {
    const [ons, ...rest] = placeAttributions(site, durham);
    expect(rest).toEqual([]);
    expect(ons).toMatch(
      /^Source: Office for National Statistics licensed under the Open Government/,
    );
    expect(ons).toContain('Royal Mail data');
    expect(placeAttributions(boston, join(root, 'content', 'boston'))).toEqual([]);
  });
});

describe('UK postcodes typed into the finder', () => {
  it('reads full postcodes however they are typed, and outward codes', () => {
    for (const typed of ['DH1 3EH', 'dh13eh', ' dh1 3eh ', 'Dh1  3Eh'])
      expect(postalCodeOf(typed, file, reader)).toBe('DH1 3EH');
    expect(postalCodeOf('TS101AA', file, reader)).toBe('TS10 1AA');
    expect(postalCodeOf('DH1', file, reader)).toBe('DH1');
    expect(postalCodeOf('dh8', file, reader)).toBe('DH8');
    for (const word of ['Durham', 'detox', 'Chester-le-Street', '12', 'QH1']) {
      expect(postalCodeOf(word, file, reader)).toBeUndefined();
    }
    expect(fullPostcodeDistricts('methadone dh1 3eh')).toEqual(['DH1']);
    expect(fullPostcodeDistricts('TS101AA or DH8 5AA')).toEqual(['TS10', 'DH8']);
    expect(fullPostcodeDistricts('near DH8')).toEqual([]);
  });

  it('asks for the table when a postcode may have been typed, and reads it once it is in', () => {
    const waiting = new SearchEngine(file);
    expect(waiting.postcodeTables).toBe('uk-ons');
    expect(waiting.mentionsPostalCode('methadone DH1 3EH')).toBe(true);
    expect(waiting.mentionsPostalCode('dh8')).toBe(true);
    expect(waiting.mentionsPostalCode('methadone consett')).toBe(false);
    expect(waiting.resolvePlace('DH1')).toBeUndefined();
    expect(waiting.loadDistricts('DH1 3EH', '/postal-codes/')).toBeUndefined();
    const read = createUkPostcodeReader();
    waiting.usePostalCodes(tables.table, read);
    expect(waiting.resolvePlace('DH1')?.name).toBe('DH1');
    expect(read.wanted('DH1 3EH')).toEqual(['DH1']);
  });

  it('places an outward code at its district centre, from the small table', () => {
    const dh1 = engine.resolvePlace('DH1')!;
    expect(dh1.name).toBe('DH1');
    expect([dh1.lat, dh1.lon]).toEqual(tables.table.DH1);
    // The centre is the mean of the district's postcodes: within a few km of the city centre.
    expect(distanceKm(dh1, onsPoint('DH1 3EH'))).toBeLessThan(4);
  });

  it('places a full postcode at its district centre until its file loads, then at its own point', async () => {
    const fresh = new SearchEngine(file);
    fresh.usePostalCodes(tables.table, createUkPostcodeReader());
    expect(fresh.resolvePlace('DH1 3EH')?.name).toBe('DH1');
    // The district files as the build serves them; any other is not found.
    const asked: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      asked.push(url);
      const found = tables.districts.find((d) => url === `/postal-codes/${d.outward}.json`);
      return Promise.resolve(
        found ? new Response(JSON.stringify(found)) : new Response('', { status: 404 }),
      );
    });
    try {
      await fresh.loadDistricts('methadone dh1 3eh', '/postal-codes/');
      // Each district once, found or not: a postcode outside the tables is not asked again.
      await fresh.loadDistricts('SW1A 1AA', '/postal-codes/');
      expect(fresh.loadDistricts('DH1 3EH or SW1A 1AA', '/postal-codes/')).toBeUndefined();
      expect(asked).toEqual(['/postal-codes/DH1.json', '/postal-codes/SW1A.json']);
    } finally {
      vi.unstubAllGlobals();
    }
    for (const typed of ['DH1 3EH', 'dh13eh']) {
      const place = fresh.resolvePlace(typed)!;
      expect(place.name).toBe('DH1 3EH');
      // Four decimals: within about 10 m of the ONS row.
      expect(distanceKm(place, onsPoint('DH1 3EH'))).toBeLessThan(0.01);
    }
    const read = createUkPostcodeReader();
    read.add(district('TS10'));
    const ts10 = new SearchEngine(file);
    ts10.usePostalCodes(tables.table, read);
    expect(distanceKm(ts10.resolvePlace('TS101AA')!, onsPoint('TS10 1AA'))).toBeLessThan(0.01);
  });

  it('falls back to the district for a postcode the ONS file lacks, and knows nothing outside', () => {
    const read = createUkPostcodeReader();
    read.add(district('DH1'));
    const fresh = new SearchEngine(file);
    fresh.usePostalCodes(tables.table, read);
    // Well formed, in a known district, but not in the May 2025 file (a new or a mistyped one).
    expect(fresh.resolvePlace('DH1 9ZA')).toMatchObject({ name: 'DH1' });
    // Districts outside the copied areas, and ones that are not districts at all.
    for (const unknown of ['NE1 4ST', 'NE1', 'SW1A 1AA', 'DH50', 'ZZ1 1ZZ'])
      expect(fresh.resolvePlace(unknown)).toBeUndefined();
    // Boston's engine keeps its own reading: a UK postcode is no ZIP code.
    expect(postalCodeOf('DH1 3EH', { postal: boston.postal_code })).toBeUndefined();
  });

  it("understands the neighbours' postcodes, with County Durham's nearest places first", () => {
    for (const [code, centre] of [
      ['SR1', 'SR1 1AA'],
      ['TS1', 'TS1 1AA'],
    ] as const) {
      const place = engine.resolvePlace(code)!;
      expect(distanceKm(place, onsPoint(centre))).toBeLessThan(3);
      const { results } = engine.search({ near: place });
      expect(results.length).toBe(venues.length);
      expect(nonDecreasing(distances(results))).toBe(true);
    }
    // From Sunderland the nearest County Durham venues are east of Durham, not in the dales.
    const first = byId.get(engine.search({ near: engine.resolvePlace('SR1')! }).results[0]!.doc.i)!;
    expect(first.address?.postal_code).toMatch(/^(?:DH[2-6]|SR[78]) /);
  });
});

describe('towns and villages', () => {
  it('are in the table from the registers, never typed by hand', () => {
    const named = Object.keys(tables.table).filter(
      (key) => postalCodeOf(key, file, reader) === undefined,
    );
    for (const town of [
      'Durham',
      'Chester-le-Street',
      'Consett',
      'Stanley',
      'Seaham',
      'Peterlee',
      'Bishop Auckland',
      'Newton Aycliffe',
      'Spennymoor',
      'Barnard Castle',
      // Villages named on the line before the post town.
      'Stanhope',
      'Middleton-in-Teesdale',
      'Willington',
      'Annfield Plain',
    ])
      expect(named).toContain(town);
    // Streets and business parks are not places people give.
    expect(named).not.toContain('Front Street');
    expect(named.some((name) => /\d|Enterprise|Council/.test(name))).toBe(false);
  });

  it('match without regard to case, accents, hyphens or spaces', () => {
    const cls = engine.resolvePlace('Chester-le-Street')!;
    for (const typed of ['chester le street', 'CHESTER-LE-STREET', 'Chester le Street'])
      expect(engine.resolvePlace(typed)).toEqual(cls);
    expect(engine.resolvePlace('séaham')?.name).toBe('Seaham');
    expect(engine.resolvePlace('barnard castle')?.name).toBe('Barnard Castle');
    expect(engine.search({ text: 'pharmacy chester le street' }).near?.name).toBe(
      'Chester-le-Street',
    );
  });

  it('sit where their postcodes are', () => {
    const near = (town: string, outward: string, km: number) =>
      expect(distanceKm(engine.resolvePlace(town)!, engine.resolvePlace(outward)!)).toBeLessThan(
        km,
      );
    near('Consett', 'DH8', 3);
    near('Chester-le-Street', 'DH3', 3);
    near('Durham', 'DH1', 4);
    near('Barnard Castle', 'DL12', 12);
    near('Seaham', 'SR7', 4);
  });

  it('merge spellings and keep the commonest', () => {
    const point = { lat: 54.85, lon: -1.57 };
    const table = townTable([
      { town: 'Chester le Street', point },
      { town: 'Chester-le-Street', point },
      { town: 'Chester-le-Street', point: { lat: 54.86, lon: -1.58 } },
    ]);
    expect(table).toEqual({ 'Chester-le-Street': [54.853, -1.573] });
    expect(localityOf(['Chapel Street', 'Willington'], 'Crook')).toBe('Willington');
    expect(localityOf(['Sensier House', "St Andrew's Lane"], 'Spennymoor')).toBeUndefined();
    expect(localityOf(['Unit 5', 'Kingsway'], 'Durham')).toBeUndefined();
    expect(isPlaceName('St Helen Auckland')).toBe(true);
    expect(isPlaceName('Durham County Council')).toBe(false);
  });
});

describe('nearest first, in miles', () => {
  it('near=DH8: the Consett venues come first, in order of distance', () => {
    const state = stateFromSearch('?near=DH8');
    expect(state.near).toBe('DH8');
    const place = engine.resolvePlace(state.near)!;
    const { results } = engine.search(queryFromState(state, place, engine.distanceUnit));
    expect(results.length).toBe(venues.length);
    expect(nonDecreasing(distances(results))).toBe(true);
    const inDh8 = venues.filter((venue) => venue.address?.postal_code.startsWith('DH8 ')).length;
    expect(inDh8).toBeGreaterThan(5);
    const firstCodes = results
      .slice(0, inDh8)
      .map((result) => byId.get(result.doc.i)!.address?.postal_code ?? '');
    // DH8's venues fill the first places (one near the border may be beaten by a neighbour).
    expect(firstCodes.filter((code) => code.startsWith('DH8 ')).length).toBeGreaterThanOrEqual(
      inDh8 - 1,
    );
    expect(firstCodes[0]).toMatch(/^DH8 /);
    const view = engine.view(results[0]!);
    expect(view.distanceUnit).toBeUndefined();
    expect(formatDistance(view.distanceKm!, 'en-GB', view.distanceUnit)).toMatch(/^\d+(\.\d)? mi$/);
  });

  it('a radius is in the deployment unit', () => {
    const state = stateFromSearch('?near=DH8&within=5');
    const place = engine.resolvePlace('DH8')!;
    expect(queryFromState(state, place).withinKm).toBeCloseTo(milesToKm(5));
    expect(queryFromState(state, place, 'kilometer').withinKm).toBe(5);
    const { results } = engine.search(queryFromState(state, place));
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.distanceKm! <= milesToKm(5))).toBe(true);
  });

  it('writes miles as British English and Polish do', () => {
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(formatDistance(milesToKm(2.1), 'en-GB')).toBe('2.1 mi');
    expect(formatDistance(milesToKm(12), 'en-GB', 'mile')).toBe('12 mi');
    expect(plain(formatDistance(milesToKm(2.1), 'pl'))).toBe('2,1 mili');
    expect(plain(formatDistance(milesToKm(5), 'pl'))).toBe('5 mil');
    expect(plain(formatDistance(3.4, 'pl', 'kilometer'))).toBe('3,4 km');
  });

  it('a kilometre deployment shows kilometres on every result', () => {
    const metric = new SearchEngine({ ...file, unit: 'kilometer' });
    metric.usePostalCodes(tables.table, createUkPostcodeReader());
    const { results } = metric.search({ near: metric.resolvePlace('DH8')! });
    const view = metric.view(results[0]!);
    expect(view.distanceUnit).toBe('kilometer');
    expect(formatDistance(view.distanceKm!, 'en-GB', view.distanceUnit)).toMatch(/ km$/);
  });
});

describe('UK phone numbers', () => {
  it('are shown in national format for a GB deployment, international elsewhere', () => {
    const practice = venues.find((venue) => venue.phones[0]?.number === '+441388817777');
    expect(practice).toBeDefined();
    expect(displayPhone({ number: '+441388817777' }, 'GB')).toBe('01388 817777');
    expect(displayPhone({ number: '+443000266666' }, 'GB')).toBe('0300 026 6666');
    expect(displayPhone({ number: '+441913336262' }, 'GB')).toBe('0191 333 6262');
    expect(displayPhone({ number: '+441388817777' }, 'US')).toBe('+44 1388 817777');
  });
});
