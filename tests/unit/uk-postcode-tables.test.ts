import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outwardInList } from '../../src/domain/places/uk-postcode.ts';
import { decodeOutwardPostcodes } from '../../src/domain/places/uk-postcode-table.ts';
import {
  readConfiguredPostcodes,
  readUkImportConfig,
} from '../../src/importers/uk-import-config.ts';
import {
  byOutward,
  centroid,
  postcodeIndex,
  readOnsPostcodes,
  ukPostcodeTables,
} from '../../src/importers/uk-postcodes.ts';

const fixture = (name: string) => ({
  name,
  text: readFileSync(new URL(`../fixtures/uk/${name}`, import.meta.url), 'utf8'),
});

describe('reading ONS postcode files', () => {
  const { postcodes, skipped } = readOnsPostcodes([fixture('ons-postcodes.csv')]);

  it('writes every postcode the standard way, spaces put back', () => {
    const codes = postcodes.map((p) => p.postcode);
    expect(codes).toContain('TS10 1AA');
    expect(codes).toContain('DL14 9AB');
    expect(codes).toContain('DH3 3RE');
    expect(postcodes.find((p) => p.postcode === 'TS10 1AA')).toEqual({
      kind: 'full',
      postcode: 'TS10 1AA',
      outward: 'TS10',
      inward: '1AA',
      lat: 54.61923,
      lon: -1.06943,
    });
  });

  it('leaves out rows without a position, and says so', () => {
    expect(postcodes.map((p) => p.postcode)).not.toContain('DH1 9WB');
    expect(skipped).toEqual([
      { file: 'ons-postcodes.csv', line: 18, reason: 'DH1 9WB: no position' },
    ]);
  });

  it('keeps the first of a postcode named twice', () => {
    const twice = {
      name: 'twice.csv',
      text: 'Postcode,lat,long\nDH1 1AA,54.7,-1.5\nDH11AA,54.8,-1.6\n',
    };
    const read = readOnsPostcodes([twice]);
    expect(read.postcodes).toHaveLength(1);
    expect(read.postcodes[0]!.lat).toBe(54.7);
    expect(read.skipped[0]!.reason).toBe('DH1 1AA: named again, first row kept');
  });

  it('refuses positions outside the UK and text that is not a postcode', () => {
    const bad = {
      name: 'bad.csv',
      text: 'Postcode,lat,long\nDH1 1AA,42.35,-71.06\nDH1,54.7,-1.5\n',
    };
    expect(readOnsPostcodes([bad]).skipped.map((n) => n.reason)).toEqual([
      'DH1 1AA: position 42.35, -71.06 is outside the UK',
      'not a full postcode ("DH1")',
    ]);
  });
});

describe('the postcode tables', () => {
  const { postcodes } = readOnsPostcodes([fixture('ons-postcodes.csv')]);

  it('centres each outward code on the mean of its postcodes', () => {
    expect(
      centroid([
        { lat: 54.86908, lon: -1.69592 },
        { lat: 54.87003, lon: -1.69806 },
      ]),
    ).toEqual([54.8696, -1.697]);
    const tables = ukPostcodeTables(postcodes);
    expect(tables.outward.DH3).toEqual([54.8729, -1.5753]);
    expect(Object.keys(tables.outward)).toEqual([
      'DH1',
      'DH3',
      'DH4',
      'DH9',
      'DL14',
      'TS10',
      'TS18',
      'TS21',
      'TS22',
      'TS26',
    ]);
  });

  it('keeps only the districts asked for', () => {
    const tables = ukPostcodeTables(postcodes, (o) => outwardInList(o, ['DH']));
    expect(tables.districts.map((d) => d.outward)).toEqual(['DH1', 'DH3', 'DH4', 'DH9']);
  });

  it('decodes every postcode back to its position, to 4 decimals', () => {
    const tables = ukPostcodeTables(postcodes);
    const index = postcodeIndex(postcodes);
    for (const district of tables.districts) {
      for (const [inward, point] of decodeOutwardPostcodes(district)) {
        const source = index.get(`${district.outward} ${inward}`)!;
        expect(Math.abs(point.lat - source.lat)).toBeLessThanOrEqual(0.00005 + 1e-9);
        expect(Math.abs(point.lon - source.lon)).toBeLessThanOrEqual(0.00005 + 1e-9);
      }
    }
  });

  it('groups outward codes in reading order', () => {
    expect([...byOutward(postcodes).keys()].slice(0, 3)).toEqual(['DH1', 'DH3', 'DH4']);
  });
});

describe("County Durham's copy of the ONS files", () => {
  const config = readUkImportConfig('content/durham/sources/imports.yaml');
  const { postcodes, skipped } = readConfiguredPostcodes(config);

  it('holds every postcode of DH, DL, SR and TS that has a position', () => {
    expect(postcodes).toHaveLength(60_953);
    expect(skipped).toHaveLength(206);
    const tables = ukPostcodeTables(postcodes, (o) => outwardInList(o, config.postcodes.districts));
    expect(Object.keys(tables.outward)).toHaveLength(71);
    expect(tables.outward.DH1).toBeDefined();
    const dh1 = decodeOutwardPostcodes(tables.districts.find((d) => d.outward === 'DH1')!);
    // DH1 3EH,54.77240,-1.57539 in the file.
    expect(dh1.get('3EH')).toEqual({ lat: 54.7724, lon: -1.5754 });
  });
});
