import { describe, expect, it } from 'vitest';
import {
  compareOutwardCodes,
  isInwardCode,
  isOutwardCode,
  normaliseUkPostcode,
  outwardInList,
  parseUkPostcode,
} from '../../src/domain/places/uk-postcode.ts';
import {
  decodeOutwardPostcodes,
  encodeOutwardPostcodes,
  findInward,
  placeUkPostcode,
} from '../../src/domain/places/uk-postcode-table.ts';

describe('parseUkPostcode', () => {
  it('reads a full postcode however it is typed', () => {
    for (const typed of ['dh13eh', 'DH1 3EH', ' dh1  3eh ', 'Dh1-3eh', 'DH13 EH', 'd h 1 3 e h']) {
      expect(parseUkPostcode(typed)).toEqual({
        kind: 'full',
        postcode: 'DH1 3EH',
        outward: 'DH1',
        inward: '3EH',
      });
    }
  });

  it('puts the space before the inward code of four-character outward codes', () => {
    expect(normaliseUkPostcode('TS101AA')).toBe('TS10 1AA');
    expect(normaliseUkPostcode('ts1 01aa')).toBe('TS10 1AA');
    expect(normaliseUkPostcode('DL149AB')).toBe('DL14 9AB');
    expect(normaliseUkPostcode('SW1A1AA')).toBe('SW1A 1AA');
    expect(normaliseUkPostcode('EC1A 1BB')).toBe('EC1A 1BB');
    expect(normaliseUkPostcode('W1A 0AX')).toBe('W1A 0AX');
    expect(normaliseUkPostcode('M1 1AE')).toBe('M1 1AE');
    expect(normaliseUkPostcode('GIR 0AA')).toBe('GIR 0AA');
  });

  it('tells an outward code alone from a full postcode', () => {
    expect(parseUkPostcode('dh1')).toEqual({ kind: 'outward', outward: 'DH1' });
    expect(parseUkPostcode(' TS10 ')).toEqual({ kind: 'outward', outward: 'TS10' });
    expect(parseUkPostcode('SW1A')).toEqual({ kind: 'outward', outward: 'SW1A' });
    expect(parseUkPostcode('M1')).toEqual({ kind: 'outward', outward: 'M1' });
    expect(normaliseUkPostcode('DH1')).toBeUndefined();
  });

  it('refuses what is neither', () => {
    for (const typed of [
      '',
      'D',
      'DH',
      'Durham',
      '02118',
      'DH1 3E',
      'DH1 3EHX',
      'DH1 3CH', // C is never an inward letter
      'QH1 3EH', // Q never starts a postcode
      'DZ1 3EH', // Z is never second
      'DH1I 3EH', // I is never the letter of an AA9A district
      'DH123',
      'DH1 3EH!',
    ]) {
      expect(parseUkPostcode(typed), typed).toBeUndefined();
    }
  });

  it('checks each half on its own', () => {
    expect(isOutwardCode('DH1')).toBe(true);
    expect(isOutwardCode('DH100')).toBe(false);
    expect(isInwardCode('3EH')).toBe(true);
    expect(isInwardCode('3EI')).toBe(false);
  });
});

describe('outward code lists', () => {
  const durham = ['DH', 'DL', 'SR7', 'SR8', 'TS21-TS29'];

  it('reads areas, single districts and ranges', () => {
    expect(outwardInList('DH1', durham)).toBe(true);
    expect(outwardInList('DL17', durham)).toBe(true);
    expect(outwardInList('SR7', durham)).toBe(true);
    expect(outwardInList('SR1', durham)).toBe(false);
    expect(outwardInList('TS21', durham)).toBe(true);
    expect(outwardInList('TS29', durham)).toBe(true);
    expect(outwardInList('TS2', durham)).toBe(false);
    expect(outwardInList('TS20', durham)).toBe(false);
    expect(outwardInList('TS10', durham)).toBe(false);
    expect(outwardInList('D1', durham)).toBe(false);
  });

  it('sorts districts by number, not by letters', () => {
    const codes = ['DH10', 'DL1', 'DH2', 'DH1', 'DH98'];
    expect(codes.sort(compareOutwardCodes)).toEqual(['DH1', 'DH2', 'DH10', 'DH98', 'DL1']);
  });
});

describe('the compact district table', () => {
  const points = new Map([
    ['3EH', { lat: 54.77243, lon: -1.56639 }],
    ['1AA', { lat: 54.77757, lon: -1.574 }],
    ['1AB', { lat: 54.78666, lon: -1.53012 }],
  ]);

  it('sorts inward codes and writes each position as a change from the one before', () => {
    const table = encodeOutwardPostcodes('DH1', [54.78, -1.55], points);
    expect(table.postcodes).toBe('1AA-24-240,1AB+91+439,3EH-143-363');
  });

  it('decodes to the positions rounded to 4 decimals', () => {
    const table = encodeOutwardPostcodes('DH1', [54.78, -1.55], points);
    const decoded = decodeOutwardPostcodes(table);
    expect([...decoded.keys()]).toEqual(['1AA', '1AB', '3EH']);
    expect(decoded.get('3EH')).toEqual({ lat: 54.7724, lon: -1.5664 });
    expect(findInward(table, '1ab')).toEqual({ lat: 54.7867, lon: -1.5301 });
    expect(findInward(table, '9ZZ')).toBeUndefined();
  });

  it('skips a malformed entry without losing its neighbours', () => {
    const decoded = decodeOutwardPostcodes({
      outward: 'DH1',
      centre: [54.78, -1.55],
      postcodes: '1AA+1+1,garbage,1AB+1+1',
    });
    expect(decoded.get('1AB')).toEqual({ lat: 54.7802, lon: -1.5498 });
  });
});

describe('placing what was typed', () => {
  const outward = { DH1: [54.78, -1.55] as const, DH2: [54.85, -1.6] as const };
  const dh1 = encodeOutwardPostcodes(
    'DH1',
    [54.78, -1.55],
    new Map([['3EH', { lat: 54.7724, lon: -1.5754 }]]),
  );

  it("puts a full postcode at its own point once its district's file is loaded", () => {
    expect(placeUkPostcode(parseUkPostcode('dh13eh')!, outward, dh1)).toEqual({
      lat: 54.7724,
      lon: -1.5754,
      label: 'DH1 3EH',
      precision: 'postcode',
    });
  });

  it("falls back to the district's centre, and says so", () => {
    const centre = { lat: 54.78, lon: -1.55, label: 'DH1', precision: 'district' };
    expect(placeUkPostcode(parseUkPostcode('DH1 3EH')!, outward)).toEqual(centre);
    expect(placeUkPostcode(parseUkPostcode('DH1 9ZZ')!, outward, dh1)).toEqual(centre);
    expect(placeUkPostcode(parseUkPostcode('dh1')!, outward, dh1)).toEqual(centre);
    expect(placeUkPostcode(parseUkPostcode('DH2 1AA')!, outward, dh1)?.label).toBe('DH2');
    expect(placeUkPostcode(parseUkPostcode('NE1 1AA')!, outward)).toBeUndefined();
  });
});
