import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  isActive,
  odsDate,
  odsPhone,
  readOdsFile,
  splitAddress,
} from '../../src/importers/adapters/nhs-ods.ts';
import {
  decideDistricts,
  postcodeInArea,
  type PlacedPractice,
} from '../../src/importers/adapters/nhs-ods-area.ts';
import {
  GENERATED_HEADER,
  importNhsOds,
  venueFileText,
  type OdsSource,
} from '../../src/importers/nhs-ods.ts';
import { readableCase } from '../../src/importers/pipeline/readable-case.ts';
import {
  areaRule,
  odsSources,
  readConfiguredPostcodes,
  readUkImportConfig,
} from '../../src/importers/uk-import-config.ts';
import {
  postcodeIndex,
  readOnsPostcodes,
  ukPostcodeTables,
} from '../../src/importers/uk-postcodes.ts';
import { venueSchema } from '../../src/schemas/venue.ts';

const fixture = (name: string) => ({
  name,
  text: readFileSync(new URL(`../fixtures/uk/${name}`, import.meta.url), 'utf8'),
});

const credit = {
  url: 'https://example.org/ods.csv',
  vintage: 'about 2024',
  licence: 'Open Government Licence v3.0',
  attribution: 'Contains public sector information licensed under the OGL v3.0.',
};
const SOURCES: Record<'gp' | 'pharmacy', OdsSource> = {
  gp: { kind: 'gp-practices', name: 'ODS epraccur', file: 'gp-practices.csv', ...credit },
  pharmacy: { kind: 'pharmacies', name: 'ODS edispensary', file: 'pharmacies.csv', ...credit },
};

describe('readable case', () => {
  it('turns capitals into the case a person reads', () => {
    expect(readableCase('THE DENSHAM SURGERY')).toBe('The Densham Surgery');
    expect(readableCase('CHESTER-LE-STREET')).toBe('Chester-le-Street');
    expect(readableCase('SALTBURN-BY-THE-SEA')).toBe('Saltburn-by-the-Sea');
    expect(readableCase('STOCKTON ON TEES')).toBe('Stockton on Tees');
    expect(readableCase('1 THE AVENUE')).toBe('1 The Avenue');
    expect(readableCase("ST JOHN'S SQUARE")).toBe("St John's Square");
    expect(readableCase("O'NEILL MCDONALD")).toBe("O'Neill McDonald");
    expect(readableCase('8/9 ST.CUTHBERTS WALK')).toBe('8/9 St.Cuthberts Walk');
    expect(readableCase('UNIT 19B, NUMBER ONE 1ST FLOOR')).toBe('Unit 19B, Number One 1st Floor');
  });

  it('keeps initialisms and the ampersand', () => {
    expect(readableCase('DRS LAMBERT & NG')).toBe('Drs Lambert & Ng');
    expect(readableCase('J&J PHARMACY')).toBe('J&J Pharmacy');
    expect(readableCase('NHS GP ENHANCED ACCESS LLP')).toBe('NHS GP Enhanced Access LLP');
    expect(readableCase('BOOTS UK LTD')).toBe('Boots UK Ltd');
    expect(readableCase('LANGLEY WARD (H&J)')).toBe('Langley Ward (H&J)');
    expect(readableCase('SEE YOUR GPS')).toBe('See Your GPs');
  });
});

describe('the ODS adapter', () => {
  const { rows, rejected } = readOdsFile(fixture('gp-practices.csv'));
  const byCode = new Map(rows.map(({ row }) => [row.code, row]));

  it('reads the 27 headerless columns by position', () => {
    expect(rejected).toEqual([]);
    expect(byCode.get('A83016')).toMatchObject({
      name: 'TANFIELD VIEW MEDICAL GROUP',
      addressLines: ['TANFIELD VIEW SURGERY', 'SCOTT ST, TANFIELD', 'STANLEY', 'COUNTY DURHAM'],
      postcode: 'DH9 8AD',
      status: 'A',
      parent: '84H',
      phone: '01207 232384',
      prescribingSetting: '4',
    });
  });

  it('reports a row with the wrong number of fields', () => {
    const short = readOdsFile({ name: 'short.csv', text: '"A1","NAME","Y63"\n' });
    expect(short.rows).toEqual([]);
    expect(short.rejected[0]!.reason).toBe('has 3 fields where ODS files have 27');
  });

  it('takes only active rows without a close date', () => {
    expect(isActive(byCode.get('A83016')!)).toBe(true);
    expect(isActive(byCode.get('A81003')!)).toBe(false); // status C, closed 2017
    expect(isActive({ ...byCode.get('A83016')!, closeDate: '20240101' })).toBe(false);
  });

  it('splits an address into lines, town and county', () => {
    expect(splitAddress(['HESLEDEN ROAD,BLACKHALL', 'HARTLEPOOL,CLEVELAND'])).toEqual({
      lines: ['Hesleden Road', 'Blackhall'],
      town: 'Hartlepool',
      region: 'Cleveland',
    });
    expect(splitAddress(['UNIT 1, LAVENDER CENTRE', 'PELTON LANE', 'CHESTER LE STREET'])).toEqual({
      lines: ['Unit 1, Lavender Centre', 'Pelton Lane'],
      town: 'Chester le Street',
    });
    // "CONSETT" and "COXHOE" start like "CO DURHAM" but are towns.
    expect(splitAddress(['STATION YARD', 'CONSETT', 'CO.DURHAM'])).toEqual({
      lines: ['Station Yard'],
      town: 'Consett',
      region: 'County Durham',
    });
    expect(splitAddress(['1 LANSDOWNE ROAD', 'COXHOE', 'CO DURHAM']).town).toBe('Coxhoe');
  });

  it('reads phones as GB numbers in E.164, and dates', () => {
    expect(odsPhone('01207 232384')).toBe('+441207232384');
    expect(odsPhone('0345 0269626')).toBe('+443450269626');
    expect(odsPhone('0300 266666')).toBeUndefined(); // a digit short
    expect(odsPhone('')).toBeUndefined();
    expect(odsDate('20110117')).toBe('2011-01-17');
    expect(odsDate('')).toBeUndefined();
  });
});

describe('deciding districts', () => {
  const practice = (
    code: string,
    outward: string,
    parent: string,
    lat: number,
  ): PlacedPractice => ({
    row: { code, parent } as PlacedPractice['row'],
    outward,
    point: { lat, lon: -1.5 },
  });
  const practices = [
    practice('P1', 'DH1', '84H', 54.77),
    practice('P2', 'DH1', '84H', 54.78),
    practice('P3', 'DH4', '84H', 54.84),
    practice('P4', 'DH4', '00P', 54.85),
    practice('P5', 'DH4', '00P', 54.83),
    practice('P6', 'DH3', '84H', 54.86),
    practice('P7', 'DH3', '13T', 54.89),
  ];
  const centres: Record<string, [number, number]> = {
    DH1: [54.775, -1.5],
    DH3: [54.87, -1.5],
    DH4: [54.84, -1.5],
    DH97: [54.776, -1.5],
    SR1: [54.9, -1.4],
  };
  const rule = { subIcb: '84H', candidates: ['DH'], overrides: { 'DH3 2': false } };
  const decisions = decideDistricts(practices, centres, rule);

  it('puts a district in when at least half its practices are the sub-ICB’s', () => {
    expect(decisions.map((d) => [d.district, d.included])).toEqual([
      ['DH1', true],
      ['DH3', true],
      ['DH4', false],
      ['DH97', true],
    ]);
    expect(decisions[2]!.reason).toBe("1 of its 3 GP practices are 84H's");
  });

  it('decides a district without practices by the three nearest', () => {
    expect(decisions[3]!.reason).toBe(
      "no GP practice; 2 of the 3 nearest are 84H's (DH1, DH1, DH4)",
    );
  });

  it('lets a sector override its district', () => {
    expect(postcodeInArea('DH3 3RE', decisions, rule)).toBe(true);
    expect(postcodeInArea('DH3 2QT', decisions, rule)).toBe(false);
    expect(postcodeInArea('DH4 6SQ', decisions, rule)).toBe(false);
    expect(postcodeInArea('SR1 1AA', decisions, rule)).toBe(false);
    const byHand = { ...rule, overrides: { DH4: true } };
    expect(decideDistricts(practices, centres, byHand)[2]!.included).toBe(true);
  });
});

describe('importing ODS fixtures', () => {
  const { postcodes } = readOnsPostcodes([fixture('ons-postcodes.csv')]);
  const result = importNhsOds(
    [
      { source: SOURCES.pharmacy, file: fixture('pharmacies.csv') },
      { source: SOURCES.gp, file: fixture('gp-practices.csv') },
    ],
    {
      rule: { subIcb: '84H', candidates: ['DH', 'DL', 'TS21'], overrides: { 'DH3 1': false } },
      points: postcodeIndex(postcodes),
      centres: ukPostcodeTables(postcodes).outward,
      retrieved: '2026-12-01',
    },
  );
  const ids = result.venues.map((v) => v.id);

  it('keeps GP practices of the sub-ICB only, and only real practices', () => {
    expect(ids).toContain('a83016');
    expect(ids).toContain('a83054'); // Sedgefield, 84H, though its county line says Cleveland
    expect(ids).not.toContain('a85008'); // Birtley: Gateshead's sub-ICB
    expect(ids).not.toContain('a83642'); // a recovery centre's prescribing code, not a practice
    expect(ids).not.toContain('a81003'); // closed
  });

  it('keeps pharmacies in the decided districts, active only', () => {
    expect(ids).toContain('fa121'); // DL14: no practice here, the nearest are 84H's
    expect(ids).toEqual(expect.arrayContaining(['fax71', 'fqg19']));
    expect(ids).not.toContain('fec90'); // DH3 1, Birtley, overridden
    expect(ids).not.toContain('fa114'); // closed
    expect(ids).not.toContain('fd423'); // TS22 is not a candidate
  });

  it('writes a venue that passes the schema, with provenance and no invented facts', () => {
    const venue = result.venues.find((v) => v.id === 'fax71')!;
    expect(venue).toEqual({
      id: 'fax71',
      kind: 'pharmacy',
      name: 'Cohens Chemist',
      register: { scheme: 'nhs-ods', code: 'FAX71' },
      address: {
        lines: ['5 Bridge End'],
        town: 'Chester-le-Street',
        region: 'County Durham',
        postal_code: 'DH3 3RE',
        country: 'GB',
      },
      geo: { lat: 54.85914, lon: -1.5738, precision: 'postcode' },
      phones: [{ number: '+441913882777' }],
      services: 'unknown',
      opened: '2017-04-01',
      sources: [
        {
          name: 'ODS edispensary',
          url: 'https://example.org/ods.csv',
          retrieved: '2026-12-01',
          vintage: 'about 2024',
          licence: 'Open Government Licence v3.0',
          attribution: 'Contains public sector information licensed under the OGL v3.0.',
          file: 'pharmacies.csv',
          record: 'FAX71',
        },
      ],
    });
    for (const v of result.venues) expect(venueSchema.safeParse(v).success, v.id).toBe(true);
    expect(result.venues.every((v) => v.hours === undefined && v.services === 'unknown')).toBe(
      true,
    );
  });

  it('places a venue whose postcode the ONS table lacks at its district centre, and says so', () => {
    const fa121 = result.venues.find((v) => v.id === 'fa121')!;
    expect(fa121.geo?.precision).toBe('postcode');
    const missing = result.warnings.filter((w) => w.reason.includes('not in the ONS table'));
    for (const note of missing) expect(note.reason).toMatch(/district's centre|no position/);
  });

  it('writes files YAML readers give back unchanged', () => {
    const venue = result.venues[0]!;
    const text = venueFileText(venue);
    expect(text.split('\n', 1)[0]).toBe(GENERATED_HEADER);
    expect(YAML.parse(text, { version: '1.1' })).toEqual(venue);
  });
});

describe("County Durham's ODS files", () => {
  it('give 59 GP practices and 115 pharmacies', () => {
    const config = readUkImportConfig('content/durham/sources/imports.yaml');
    const { postcodes } = readConfiguredPostcodes(config);
    const inputs = odsSources(config).map((source) => ({
      source,
      file: {
        name: source.file,
        text: readFileSync(`content/durham/sources/${source.file}`, 'utf8'),
      },
    }));
    const result = importNhsOds(inputs, {
      rule: areaRule(config),
      points: postcodeIndex(postcodes),
      centres: ukPostcodeTables(postcodes).outward,
      retrieved: config.nhs_ods!.retrieved,
    });
    const count = (kind: string) => result.venues.filter((v) => v.kind === kind).length;
    expect(count('gp-practice')).toBe(59);
    expect(count('pharmacy')).toBe(115);
    expect(result.rejected).toEqual([]);
    // The committed venue files are exactly what the importer makes of the committed sources.
    const dir = 'content/durham/venues';
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files).toHaveLength(result.venues.length);
    for (const venue of result.venues) {
      const text = readFileSync(`${dir}/${venue.id}.yaml`, 'utf8');
      expect(text, venue.id).toBe(venueFileText(venue));
      expect(venueSchema.safeParse(YAML.parse(text, { version: '1.1' })).success).toBe(true);
    }
    expect(result.districts.filter((d) => d.included).map((d) => d.district)).toEqual(
      'DH1 DH2 DH3 DH6 DH7 DH8 DH9 DH97 DH98 DH99 DL4 DL5 DL12 DL13 DL14 DL15 DL16 DL17 SR7 SR8 TS21 TS27 TS28 TS29'.split(
        ' ',
      ),
    );
  });
});
