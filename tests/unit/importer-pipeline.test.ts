// The importer pipeline's shared steps, each on its own, with no source adapter involved.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readCsvRows } from '../../src/importers/pipeline/csv.ts';
import { assignIds, baseId, shortenSlug } from '../../src/importers/pipeline/ids.ts';
import { checkListing, normalisePostalCode } from '../../src/importers/pipeline/normalise.ts';
import { collectPhones, parseContact } from '../../src/importers/pipeline/phones.ts';
import {
  combineOfferings,
  inferServicesFromName,
  type Offering,
} from '../../src/importers/pipeline/services.ts';
import { splitStreetLine, streetKey } from '../../src/importers/pipeline/streets.ts';
import { ascii, clean } from '../../src/importers/pipeline/text.ts';
import type { Draft, Listing, RawListing, RowNote } from '../../src/importers/pipeline/types.ts';
import { providerFileText, writeProviders } from '../../src/importers/pipeline/write.ts';

const NOTHING: Offering = {
  services: [],
  medications: [],
  settings: [],
  payment: [],
  populations: [],
  languages: [],
};

/** A row as an adapter would hand it over: a real Boston clinic, every field usable. */
function raw(overrides: Partial<RawListing> = {}): RawListing {
  return {
    names: ['Bay Cove Human Services ', 'Methadone Services'],
    streetLine: '66 Canal St., First Floor',
    street2: '',
    city: 'Boston',
    state: 'ma',
    postalCode: '2114',
    latitude: '42.3636644',
    longitude: '-71.0596659',
    approximate: false,
    offering: NOTHING,
    ...overrides,
  };
}

describe('text', () => {
  it('collapses white space and drops accents for comparison', () => {
    expect(clean('  Hurley   House\t')).toBe('Hurley House');
    expect(clean(undefined)).toBe('');
    expect(ascii('Peñuelas')).toBe('Penuelas');
  });
});

describe('streets', () => {
  it('splits the street from a building named before or after it', () => {
    expect(splitStreetLine('365 East Street - Saunders Building')).toEqual({
      street: '365 East Street',
      street2: 'Saunders Building',
    });
    expect(splitStreetLine('Building 7')).toEqual({ street: 'Building 7' });
  });

  it('reads "St" as saint inside a street name and street at its end', () => {
    expect(streetKey('12 St Marys St')).toBe('12 saint marys street');
    expect(streetKey('One Boston Medical Center Pl, Suite 4')).toBe(
      '1 boston medical center place',
    );
  });
});

describe('normalise', () => {
  it('cleans every field and splits the street line', () => {
    const outcome = checkListing(raw({ street2: 'Rear door' }), undefined);
    expect(outcome).toEqual({
      ok: true,
      listing: {
        names: ['Bay Cove Human Services', 'Methadone Services'],
        street: '66 Canal St.',
        street2: 'First Floor, Rear door',
        city: 'Boston',
        state: 'MA',
        postalCode: '02114',
        geo: { lat: 42.363664, lon: -71.059666, approximate: false },
        offering: NOTHING,
      },
    });
  });

  it('keeps contact text and the source record only when there is one', () => {
    const outcome = checkListing(raw({ contact: '(617)371-3030', record: ' 0151MA02114 ' }), 'MA');
    expect(outcome.ok && outcome.listing).toMatchObject({
      contact: '(617)371-3030',
      record: '0151MA02114',
    });
    const bare = checkListing(raw({ record: '  ' }), undefined);
    expect(bare.ok && 'record' in bare.listing).toBe(false);
  });

  it('gives one reason per unusable row, the first check that fails', () => {
    const reason = (overrides: Partial<RawListing>) => {
      const outcome = checkListing(raw(overrides), undefined);
      return outcome.ok ? 'ok' : outcome.reason;
    };
    expect(reason({ state: 'Mass.' })).toBe('no usable state ("Mass.")');
    expect(reason({ names: [' ', 'Methadone Services'], streetLine: '' })).toBe('missing name');
    expect(reason({ names: ['1391 Washington Boulevard', ''] })).toBe(
      'missing name (the name column holds the street "1391 Washington Boulevard")',
    );
    expect(reason({ streetLine: ' ' })).toBe('missing street');
    expect(reason({ city: '' })).toBe('missing city');
    expect(reason({ postalCode: '021' + '1' })).toBe('ok');
    expect(reason({ postalCode: 'MA 02114' })).toBe('unreadable ZIP code ("MA 02114")');
    expect(reason({ latitude: '' })).toBe('unreadable coordinates ("", "-71.0596659")');
    expect(reason({ latitude: '-71.05', longitude: '42.36' })).toBe(
      'coordinates -71.05, 42.36 are outside MA',
    );
    expect(reason({ state: 'AK', latitude: '10', longitude: '10' })).toBe(
      'coordinates 10, 10 are outside the United States',
    );
  });

  it('marks a row of another state as outside the filter rather than rejected', () => {
    expect(checkListing(raw({ state: 'NH' }), 'MA')).toEqual({
      ok: false,
      reason: 'state NH is outside --state MA',
      outsideState: true,
    });
  });

  it('keeps an approximate position approximate and a row without one positionless', () => {
    const near = checkListing(raw({ approximate: true }), undefined);
    expect(near.ok && near.listing.geo?.approximate).toBe(true);
    const none = checkListing(raw({ latitude: '', longitude: ' ' }), undefined);
    expect(none.ok && 'geo' in none.listing).toBe(false);
  });

  it('restores ZIP codes whatever a spreadsheet did to them', () => {
    expect(normalisePostalCode('605')).toBe('00605');
    expect(normalisePostalCode('021182717')).toBe('02118');
    expect(normalisePostalCode('')).toBeUndefined();
  });
});

describe('phones', () => {
  it('tells fax, TTY and text numbers from voice by their label', () => {
    expect(
      parseContact('(617)555-0100 Fax: (617)555-0199 TTY: (617)555-0188 Text: (617)555-0177')
        .phones,
    ).toEqual([
      { number: '+16175550100' },
      { number: '+16175550199', kind: 'fax', label: 'Fax' },
      { number: '+16175550188', kind: 'tty', label: 'TTY' },
      { number: '+16175550177', kind: 'text', label: 'Text' },
    ]);
  });

  it('stops applying a label once other words come between numbers', () => {
    expect(parseContact('Intake: (617)555-0100 after hours (617)555-0101').phones).toEqual([
      { number: '+16175550100', label: 'Intake' },
      { number: '+16175550101' },
    ]);
  });

  it("collects a provider's phones across listings, once each, and reports the rest", () => {
    const listing = (line: number, contact?: string) =>
      ({ file: 'f.csv', line, ...(contact ? { contact } : {}) }) as Listing;
    const warnings: RowNote[] = [];
    const phones = collectPhones(
      [
        listing(2, '(617)371-3030x3085 (760)936-'),
        listing(3),
        listing(4, 'Main: (617)371-3030x3085 (617)371-3040'),
      ],
      warnings,
    );
    expect(phones).toEqual([
      { number: '+16173713030', extension: '3085' },
      { number: '+16173713040', label: 'Main' },
    ]);
    expect(warnings).toEqual([
      {
        file: 'f.csv',
        line: 2,
        reason: 'Contact: ignored "(760)936-" (not a whole phone number)',
      },
    ]);
  });
});

describe('services', () => {
  it('unites what several sources state, in taxonomy order, languages sorted', () => {
    expect(
      combineOfferings([
        { services: ['outpatient', 'medication'], languages: ['fr'] },
        { services: ['medication', 'detox'], medications: ['methadone'], languages: ['es'] },
      ]),
    ).toEqual({
      ...NOTHING,
      services: ['medication', 'detox', 'outpatient'],
      medications: ['methadone'],
      languages: ['es', 'fr'],
    });
  });

  it('infers a service from the words of a name, once, and not when a source lists it', () => {
    expect(inferServicesFromName('Intensive Outpatient and Outpatient Detox Program')).toEqual([
      { service: 'detox-outpatient', from: 'name says "Outpatient Detox"' },
      { service: 'outpatient', from: 'name says "Outpatient"' },
      { service: 'intensive-outpatient', from: 'name says "Intensive Outpatient"' },
    ]);
    expect(inferServicesFromName('Sunrise Detox', ['detox'])).toEqual([]);
    expect(inferServicesFromName('Franklin Recovery Center')).toEqual([]);
  });
});

describe('csv', () => {
  it('keys rows by the trimmed header, with the line each ends on', () => {
    const { columns, rows, rejected } = readCsvRows({
      name: 'x.csv',
      text: '\uFEFFname , city\n"Hurley\nHouse",Waltham\n\nIMPACT,Cambridge\n',
    });
    expect(columns).toEqual(['name', 'city']);
    expect(rows).toEqual([
      { line: 3, row: { name: 'Hurley\nHouse', city: 'Waltham' } },
      { line: 5, row: { name: 'IMPACT', city: 'Cambridge' } },
    ]);
    expect(rejected).toEqual([]);
  });

  it('reports lines it cannot parse, then rows with the wrong number of fields', () => {
    const { rows, rejected } = readCsvRows({
      name: 'x.csv',
      text: 'name,city\nIMPACT,Cambridge,extra\n"Caspar Inc,Somerville\n',
    });
    expect(rows).toEqual([]);
    expect(rejected).toEqual([
      { file: 'x.csv', line: 3, reason: 'unreadable CSV (Quote Not Closed)' },
      { file: 'x.csv', line: 2, reason: 'has 3 fields where the header has 2' },
    ]);
  });

  it('gives no columns for an empty file', () => {
    expect(readCsvRows({ name: 'empty.csv', text: '' })).toEqual({
      columns: [],
      rows: [],
      rejected: [],
    });
  });
});

function draft(name: string, city: string, street: string, street2?: string): Draft {
  return {
    id: '',
    name,
    address: {
      street,
      ...(street2 ? { street2 } : {}),
      city,
      region: 'MA',
      postal_code: '01702',
      country: 'US',
    },
    services: [],
    sources: [{ name: 'Test', url: 'https://example.org', retrieved: '2024-12-01' }],
  };
}

describe('ids', () => {
  it('makes name-city ids without saying the city twice', () => {
    expect(baseId('Column Health', 'Brighton')).toBe('column-health-brighton');
    expect(baseId('Healthcare Resource Centers Boston', 'Boston')).toBe(
      'healthcare-resource-centers-boston',
    );
    expect(baseId('!!!', 'Boston')).toBe('provider-boston');
  });

  it('cuts long slugs at a hyphen', () => {
    expect(shortenSlug('north-charles-institute', 15)).toBe('north-charles');
    expect(shortenSlug('abcdefghij', 4)).toBe('abcd');
  });

  it('suffixes every colliding id by house number, then street, then suite, then a count', () => {
    const drafts = [
      draft('SMOC', 'Framingham', '7 Bishop Street'),
      draft('SMOC', 'Framingham', '230 Lincoln Street'),
      draft('SMOC', 'Framingham', '12 Oak Street'),
      draft('SMOC', 'Framingham', '12 Elm Street'),
      draft('SMOC', 'Framingham', '5 Main Street', 'Suite 1'),
      draft('SMOC', 'Framingham', '5 Main Street', 'Suite 2'),
      draft('SMOC', 'Framingham', '9 Pond Street'),
      draft('SMOC', 'Framingham', '9 Pond Street'),
      draft('Column Health', 'Brighton', '71 Washington Street'),
    ].map((provider, order) => ({ order, provider }));
    assignIds([...drafts].reverse());
    expect(drafts.map((d) => d.provider.id)).toEqual([
      'smoc-framingham-7',
      'smoc-framingham-230',
      'smoc-framingham-12-oak-street',
      'smoc-framingham-12-elm-street',
      'smoc-framingham-5-main-street-suite-1',
      'smoc-framingham-5-main-street-suite-2',
      'smoc-framingham-9-pond-street-1',
      'smoc-framingham-9-pond-street-2',
      'column-health-brighton',
    ]);
  });

  it('counts up when a suffixed id is another provider’s bare id', () => {
    const drafts = [
      draft('Hope', 'Lynn', '12 Oak Street'),
      draft('Hope', 'Lynn', '14 Oak Street'),
      // Made up to hit the rare case: this one's bare id is the first one's suffixed id.
      draft('Hope', 'Lynn 12', '1 Elm Street'),
    ].map((provider, order) => ({ order, provider }));
    assignIds(drafts);
    expect(drafts.map((d) => d.provider.id)).toEqual([
      'hope-lynn-12',
      'hope-lynn-14',
      'hope-lynn-12-2',
    ]);
  });
});

describe('write', () => {
  const HEADER = '# Generated by a test importer.';
  let out: string | undefined;
  afterEach(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('writes the header, then YAML 1.1 that keeps ZIPs and dates as strings', () => {
    const text = providerFileText(
      { ...draft('IMPACT', 'Cambridge', '54 Washburn Ave'), id: 'impact' },
      HEADER,
    );
    expect(text.split('\n')[0]).toBe(HEADER);
    expect(text).toContain('postal_code: "01702"');
    expect(YAML.parse(text, { version: '1.1' })).toMatchObject({
      address: { postal_code: '01702' },
      sources: [{ retrieved: '2024-12-01' }],
    });
  });

  it("replaces only its own files, never another's, and reports what it did not write", () => {
    out = mkdtempSync(join(tmpdir(), 'pipeline-write-'));
    const handWritten = 'id: impact\nname: IMPACT\n';
    const otherImporter = '# Generated by another importer.\nid: other\n';
    writeFileSync(join(out, 'impact.yaml'), handWritten);
    writeFileSync(join(out, 'other.yaml'), otherImporter);
    writeFileSync(join(out, 'gone.yaml'), `${HEADER}\nid: gone\n`);
    const good = { ...draft('Hope', 'Lynn', '12 Oak Street'), id: 'hope-lynn' };
    const clash = { ...draft('IMPACT', 'Cambridge', '54 Washburn Ave'), id: 'impact' };
    const bad = { ...draft('Bad', 'Lynn', '1 Elm Street'), id: 'Not A Slug' };

    const outcome = writeProviders([good, clash, bad], out, HEADER);

    expect(outcome.written).toBe(1);
    expect(outcome.deleted).toBe(1);
    expect(outcome.failed).toHaveLength(2);
    expect(outcome.failed[0]).toMatch(/^Not A Slug: id: must be a lowercase slug/);
    expect(outcome.failed[1]).toMatch(/^impact: a hand-written .*impact\.yaml has this id/);
    expect(readdirSync(out).sort()).toEqual(['hope-lynn.yaml', 'impact.yaml', 'other.yaml']);
    expect(readFileSync(join(out, 'impact.yaml'), 'utf8')).toBe(handWritten);
    expect(readFileSync(join(out, 'other.yaml'), 'utf8')).toBe(otherImporter);
    expect(readFileSync(join(out, 'hope-lynn.yaml'), 'utf8')).toBe(providerFileText(good, HEADER));
  });
});
