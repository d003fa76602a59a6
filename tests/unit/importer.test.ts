import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  GENERATED_HEADER,
  KEY_CODES,
  detectKind,
  displayName,
  importSamhsa,
  mapKeys,
  normalisePostalCode,
  parseContact,
  providerFileText,
  splitStreetLine,
  streetKey,
  type ImportOptions,
  type SourceFile,
} from '../../src/importers/samhsa.ts';
import { providerSchema, type ProviderInput } from '../../src/schemas/provider.ts';

// Real rows copied from content/sources/samhsa (see tests/fixtures/samhsa).
const root = new URL('../..', import.meta.url).pathname;
const fixtures = join(root, 'tests/fixtures/samhsa');
const LOCATOR = 'treatment-locator.csv';
const METHADONE = 'methadone-directory-2017.csv';
const OTP = 'otp-directory.csv';

function fixture(name: string): SourceFile {
  return { name, text: readFileSync(join(fixtures, name), 'utf8') };
}

const allFiles = () => [fixture(LOCATOR), fixture(METHADONE), fixture(OTP)];

/** The Boston postcodes the fixtures touch, as site.yaml maps them. */
const neighbourhoods = new Map([
  ['02114', 'west-end'],
  ['02118', 'south-end'],
  ['02130', 'jamaica-plain'],
]);
const options: ImportOptions = { neighbourhoods };

function find(providers: readonly ProviderInput[], id: string): ProviderInput {
  const provider = providers.find((p) => p.id === id);
  if (!provider)
    throw new Error(`no provider ${id}; ids: ${providers.map((p) => p.id).join(', ')}`);
  return provider;
}

describe('postal codes', () => {
  it('restores leading zeros lost by a spreadsheet', () => {
    expect(normalisePostalCode('2118')).toBe('02118');
    expect(normalisePostalCode('921')).toBe('00921');
    expect(normalisePostalCode('35801')).toBe('35801');
  });

  it('keeps five digits of a ZIP+4', () => {
    expect(normalisePostalCode('99654-8525')).toBe('99654');
    expect(normalisePostalCode('02118-2717')).toBe('02118');
    expect(normalisePostalCode('abc')).toBeUndefined();
  });

  it('writes repaired ZIPs on imported providers and places them in a neighbourhood', () => {
    const { providers } = importSamhsa(allFiles(), options);
    const bradston = find(providers, 'healthcare-resource-centers-boston');
    expect(bradston.address).toMatchObject({ postal_code: '02118', region: 'MA', country: 'US' });
    expect(bradston.neighbourhood).toBe('south-end');
    const wasilla = find(providers, 'community-medical-services-wasilla');
    expect(wasilla.address).toMatchObject({
      street: '2521 E. Mountain Village Drive',
      street2: 'Suites E and F',
      postal_code: '99654',
    });
    // Woburn is not a Boston neighbourhood: no guess.
    expect(find(providers, 'healthcare-resource-centers-woburn').neighbourhood).toBeUndefined();
  });
});

describe('phones', () => {
  it('reads several numbers, extensions and a label from one Contact string', () => {
    const { phones, ignored } = parseContact(
      '(617)371-3030x3085 Intakes: (617)371-3030x1 (617)371-3040',
    );
    expect(phones).toEqual([
      { number: '+16173713030', extension: '3085' },
      { number: '+16173713030', extension: '1', label: 'Intakes' },
      { number: '+16173713040', label: 'Intakes' },
    ]);
    expect(ignored).toEqual([]);
  });

  it('reads a number wrapped across a space, and drops identical number and extension', () => {
    expect(
      parseContact('(617)254-1271 Intakes: (617)254-1271x119 (617)254- 1271x110').phones,
    ).toEqual([
      { number: '+16172541271' },
      { number: '+16172541271', extension: '119', label: 'Intakes' },
      { number: '+16172541271', extension: '110', label: 'Intakes' },
    ]);
    expect(parseContact('(978)373-4985 Intake: (978)373-4985').phones).toEqual([
      { number: '+19783734985' },
    ]);
  });

  it('reports a number cut off in the source instead of guessing it', () => {
    const { phones, ignored } = parseContact(
      '(760)305-7528 Intakes: (760)305-7528x76030 (760)936-',
    );
    expect(phones).toHaveLength(2);
    expect(ignored).toEqual(['(760)936-']);
  });

  it('puts the 2017 phones on the merged provider', () => {
    const { providers } = importSamhsa(allFiles(), options);
    expect(find(providers, 'bay-cove-human-services-methadone-services-boston').phones).toEqual([
      { number: '+16173713030', extension: '3085' },
      { number: '+16173713030', extension: '1', label: 'Intakes' },
      { number: '+16173713040', label: 'Intakes' },
    ]);
  });
});

describe('names', () => {
  it('uses name1 alone when name2 is empty', () => {
    expect(displayName('Healthcare Resource Centers', '')).toEqual({
      name: 'Healthcare Resource Centers',
    });
    const { providers } = importSamhsa(allFiles(), options);
    const bradston = find(providers, 'healthcare-resource-centers-boston');
    expect(bradston.name).toBe('Healthcare Resource Centers');
    expect(bradston.organization).toBeUndefined();
  });

  it('shows a DBA name, joins a name cut in two, and keeps a programme with its organisation', () => {
    expect(displayName('AIDS Action Coalition', 'DBA Thrive Alabama')).toEqual({
      name: 'Thrive Alabama',
      organization: 'AIDS Action Coalition',
    });
    expect(displayName('North Charles Institute for', 'The Addictions')).toEqual({
      name: 'North Charles Institute for The Addictions',
    });
    expect(displayName('Spectrum Health Systems Inc', 'Waltham')).toEqual({
      name: 'Spectrum Health Systems Inc – Waltham',
      organization: 'Spectrum Health Systems Inc',
    });
  });
});

describe('addresses', () => {
  it('splits the street from the rest of a one-line address', () => {
    expect(splitStreetLine('66 Canal St., First Floor')).toEqual({
      street: '66 Canal St.',
      street2: 'First Floor',
    });
    expect(
      splitStreetLine('VA Boston Healthcare System Jamaica Plain, 150 South Huntington Avenue'),
    ).toEqual({
      street: '150 South Huntington Avenue',
      street2: 'VA Boston Healthcare System Jamaica Plain',
    });
  });

  it('compares streets with abbreviations written out, house-number letters kept', () => {
    expect(streetKey('66 Canal St., First Floor')).toBe(streetKey('66 Canal Street'));
    expect(streetKey('1 Chief Justice Cushing Hwy')).toBe('1 chief justice cushing highway');
    expect(streetKey('155A Oak Street')).not.toBe(streetKey('155 Oak Street'));
  });
});

describe('merging', () => {
  it('makes one provider of the same place in the locator, the 2017 directory and the OTP list', () => {
    const { providers } = importSamhsa(allFiles(), options);
    const bayCove = providers.filter((p) => p.address?.street === '66 Canal Street');
    expect(bayCove).toHaveLength(1);
    const [provider] = bayCove;
    expect(provider!.name).toBe('Bay Cove Human Services – Methadone Services');
    expect(provider!.sources).toEqual([
      {
        name: 'SAMHSA Treatment Locator (via OEPS)',
        url: 'https://github.com/GeoDaCenter/opioid-policy-scan',
        retrieved: '2024-12-01',
        vintage: 'about 2021',
      },
      {
        name: 'SAMHSA National Directory 2017, methadone (via OEPS)',
        url: 'https://github.com/GeoDaCenter/opioid-policy-scan',
        retrieved: '2024-12-01',
        vintage: '2017',
        record: '0151MA02114',
      },
      {
        name: 'SAMHSA Opioid Treatment Program directory (via OEPS)',
        url: 'https://github.com/GeoDaCenter/opioid-policy-scan',
        retrieved: '2024-12-01',
        vintage: 'about 2021',
      },
    ]);
    // Position from the locator, the first source.
    expect(provider!.geo).toEqual({ lat: 42.363664, lon: -71.059666 });
  });

  it('merges a 4-digit ZIP with a ZIP+4 at the same street', () => {
    const { providers } = importSamhsa(allFiles(), options);
    const topeka = providers.filter((p) => p.address?.street === '99 Topeka Street');
    expect(topeka).toHaveLength(1);
    expect(topeka[0]!.sources.map((s) => s.vintage)).toEqual(['2017', 'about 2021']);
  });

  it('merges when the files disagree on the ZIP but agree on the street and the name', () => {
    const { providers } = importSamhsa(allFiles(), options);
    const waltham = find(providers, 'spectrum-health-systems-inc-waltham');
    expect(waltham.address?.postal_code).toBe('02451');
    expect(waltham.sources).toHaveLength(2);
    expect(
      providers.filter((p) => p.address?.city === 'Waltham' && p.address.street.startsWith('210')),
    ).toHaveLength(1);
  });

  it('keeps two listings of one file at one address apart', () => {
    const { providers } = importSamhsa(allFiles(), options);
    const washburn = providers.filter((p) => p.address?.street === '54 Washburn Avenue');
    expect(washburn.map((p) => p.name).sort()).toEqual([
      'IMPACT',
      'North Charles Institute for The Addictions',
    ]);
  });

  it('counts merged rows', () => {
    const result = importSamhsa(allFiles(), options);
    // Bay Cove (2017 and OTP), Topeka (OTP into 2017), Waltham (OTP).
    expect(result.merged).toHaveLength(4);
  });
});

describe('duplicates and bad rows', () => {
  it('drops an exact duplicate row and reports it', () => {
    const result = importSamhsa(allFiles(), options);
    expect(result.duplicates).toEqual([
      { file: LOCATOR, line: 14, reason: 'exact copy of line 13' },
      { file: OTP, line: 8, reason: 'exact copy of line 7' },
    ]);
    expect(result.providers.filter((p) => p.name === 'Cleanse Clinic')).toHaveLength(1);
    expect(result.files.find((f) => f.file === LOCATOR)).toMatchObject({
      rows: 13,
      duplicates: 1,
      used: 12,
    });
  });

  it('rejects rows it cannot use, with line and reason, and imports the rest', () => {
    const result = importSamhsa(allFiles(), options);
    expect(result.rejected).toEqual([
      {
        file: METHADONE,
        line: 5,
        reason: 'missing name (the name column holds the street "1391 Washington Boulevard")',
      },
      { file: METHADONE, line: 6, reason: 'missing street' },
    ]);
    expect(result.providers.some((p) => p.address?.city === 'Pittsburgh')).toBe(false);
    expect(result.providers.length).toBeGreaterThan(10);
  });

  it('rejects bad coordinates and an unreadable line, without stopping', () => {
    // Real locator rows with slips of the kind real exports have, made on purpose: latitude
    // and longitude swapped, a stray quote inside a number, a quote never closed.
    const text = [
      'name1,name2,street1,street2,city,state,zip,zip4,county,latitude,longitude',
      'Hurley House,Recovery Home,12 Lowell Street,,Waltham,MA,2454,,Middlesex,42.3705225,-71.2336387',
      'IMPACT,,54 Washburn Avenue,,Cambridge,MA,2140,,Middlesex,-71.130306,42.400025',
      'Column Health,,401 Highland Avenue,,Somerville,MA,2144,,Middlesex,"42.39"59767,-71.1207601',
      'Column Health,,71 Washington Street,,Brighton,MA,2135,,Suffolk,42.3442055,-71.1433894',
      '"Caspar Inc,,3 Summit Avenue,,Somerville,MA,2143,,Middlesex,42.383644,-71.09536',
    ].join('\n');
    const result = importSamhsa([{ name: 'broken.csv', text }], options);
    expect([...result.rejected].sort((a, b) => a.line - b.line)).toEqual([
      { file: 'broken.csv', line: 3, reason: 'coordinates -71.130306, 42.400025 are outside MA' },
      {
        file: 'broken.csv',
        line: 4,
        reason: 'unreadable coordinates ("\"42.39\"59767", "-71.1207601")',
      },
      {
        file: 'broken.csv',
        line: 6,
        reason: 'unreadable CSV (Quote Not Closed)',
      },
    ]);
    expect(result.providers.map((p) => p.id)).toEqual([
      'column-health-brighton',
      'hurley-house-recovery-home-waltham',
    ]);
  });

  it('leaves rows of other states out when a state is chosen, and says how many', () => {
    const result = importSamhsa(allFiles(), { ...options, state: 'ma' });
    expect(result.providers.every((p) => p.address?.region === 'MA')).toBe(true);
    expect(result.outsideState.map((n) => `${n.file}:${n.line}`)).toEqual([
      `${LOCATOR}:12`,
      `${LOCATOR}:13`,
      `${LOCATOR}:14`,
      `${METHADONE}:5`,
      `${METHADONE}:6`,
      `${OTP}:2`,
      `${OTP}:7`,
      `${OTP}:8`,
    ]);
    expect(result.rejected).toEqual([]);
  });

  it('reports a file it does not recognise', () => {
    const result = importSamhsa([{ name: 'other.csv', text: 'a,b\n1,2\n' }], options);
    expect(result.providers).toEqual([]);
    expect(result.rejected[0]).toMatchObject({ file: 'other.csv', line: 1 });
  });
});

describe('service codes', () => {
  // The Keys string of Bay Cove Human Services, 66 Canal Street, in the 2017 directory.
  const bayCoveKeys =
    'SAF/SA/DT/MM/MMW/DM/METH/OTPA/OTP/CBT/DBT/SACA/TRC/TWFA/BIA/CMI/MOTI/ANG/RELP/SMON/OP/OMB/ORT/PVT/STAG/CARF/SF/MD/SI/PI/FSA/SS/PA/SE/PW/WN/MN/CM/HS/STU/TCC/SSA/SMHD/CSAA/OPC/BABA/DAUT/SHB/SHC/STDT/DP/SSD/AOSS/DVFP/HAEC/TAEC/SAE/TA/MHS/ADD/ODTX/TGD/ICO/GCO/FCO/MCO/YAD/ADLT/FEM/MALE/MO/F28/SP/';

  it('maps a real Keys string into the taxonomy', () => {
    expect(mapKeys(bayCoveKeys)).toEqual({
      services: ['medication', 'detox-outpatient', 'outpatient', 'counselling', 'mental-health'],
      medications: ['methadone'],
      settings: ['outpatient'],
      payment: [
        'medicaid',
        'state-insurance',
        'private-insurance',
        'self-pay',
        'sliding-scale',
        'payment-assistance',
      ],
      populations: ['seniors', 'women', 'men', 'pregnant-postpartum'],
      languages: ['es', 'fr'],
    });
  });

  it('maps buprenorphine, residential and peer codes, and ignores codes it does not know', () => {
    expect(mapKeys('BU/RS/PEER/HH/XYZ/')).toMatchObject({
      services: ['medication', 'residential', 'peer-support', 'sober-housing'],
      medications: ['buprenorphine'],
      settings: ['residential-short'],
    });
  });

  it('only maps codes that service-codes.json defines', () => {
    const meanings = JSON.parse(
      readFileSync(join(root, 'content/sources/samhsa/service-codes.json'), 'utf8'),
    ) as Record<string, unknown>;
    const known = new Set(
      Object.values(meanings).flatMap((group) =>
        typeof group === 'object' && group !== null ? Object.keys(group) : [],
      ),
    );
    expect(Object.keys(KEY_CODES).filter((code) => !known.has(code))).toEqual([]);
  });

  it('records methadone for every 2017 and OTP listing, as the files state it', () => {
    const { providers } = importSamhsa(allFiles(), options);
    const va = providers.find((p) => p.name.startsWith('Department of Veterans Affairs'))!;
    expect(va.services).toEqual(['medication']);
    expect(va.medications).toEqual(['methadone']);
    expect(va.address).toMatchObject({ street: '150 South Huntington Avenue' });
  });
});

describe('services stated by a name', () => {
  it('marks them inferred, quoting the words, and never lists them as services', () => {
    const { providers } = importSamhsa(allFiles(), options);
    const arbour = find(
      providers,
      'arbour-counseling-services-substance-abuse-trt-program-detox-jamaica-plain',
    );
    expect(arbour.services).toEqual([]);
    expect(arbour.inferred_services).toEqual([{ service: 'detox', from: 'name says "Detox"' }]);
    const hurley = find(providers, 'hurley-house-recovery-home-waltham');
    expect(hurley.services).toEqual([]);
    expect(hurley.inferred_services).toEqual([
      { service: 'residential', from: 'name says "Recovery Home"' },
    ]);
  });

  it('does not infer what a source already lists', () => {
    const { providers } = importSamhsa(allFiles(), options);
    const bayCove = find(providers, 'bay-cove-human-services-methadone-services-boston');
    expect(bayCove.services).toContain('medication');
    expect(bayCove.inferred_services).toBeUndefined();
  });

  it('leaves services empty for a locator listing whose name says nothing', () => {
    const { providers } = importSamhsa(allFiles(), options);
    const impact = find(providers, 'impact-cambridge');
    expect(impact.services).toEqual([]);
    expect(impact.inferred_services).toBeUndefined();
    expect(impact.phones).toBeUndefined();
  });
});

describe('positions', () => {
  it('marks a 2017 position with a match score below 100 as approximate', () => {
    const { providers } = importSamhsa(allFiles(), options);
    expect(find(providers, 'habit-opco-springfield').geo).toEqual({
      lat: 42.110424,
      lon: -72.601797,
      precision: 'approximate',
    });
  });
});

describe('output', () => {
  it('produces providers that all pass providerSchema', () => {
    const { providers } = importSamhsa(allFiles(), options);
    expect(providers.length).toBe(20);
    for (const provider of providers) {
      const check = providerSchema.safeParse(provider);
      expect(check.success, `${provider.id}: ${JSON.stringify(check.error?.issues)}`).toBe(true);
    }
  });

  it('writes files a YAML 1.1 reader (Astro uses js-yaml) reads back to the same provider', () => {
    const { providers } = importSamhsa(allFiles(), { ...options, retrieved: '2025-01-15' });
    for (const provider of providers) {
      const text = providerFileText(provider);
      expect(text.startsWith(`${GENERATED_HEADER}\n`)).toBe(true);
      const read = YAML.parse(text, { version: '1.1' }) as unknown;
      expect(read).toEqual(provider);
      expect(providerSchema.safeParse(read).success).toBe(true);
    }
    expect(providers[0]!.sources[0]!.retrieved).toBe('2025-01-15');
  });

  it('gives the same ids and files on every run, whatever order the files are named in', () => {
    const first = importSamhsa(allFiles(), options).providers;
    const again = importSamhsa(allFiles(), options).providers;
    const reordered = importSamhsa(
      [fixture(OTP), fixture(LOCATOR), fixture(METHADONE)],
      options,
    ).providers;
    expect(again.map(providerFileText)).toEqual(first.map(providerFileText));
    expect(reordered.map(providerFileText)).toEqual(first.map(providerFileText));
  });

  it('makes readable unique ids, adding the house number when name and city collide', () => {
    const ids = importSamhsa(allFiles(), options).providers.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('smoc-behavioral-healthcare-framingham-230');
    expect(ids).toContain('smoc-behavioral-healthcare-framingham-7');
    expect(ids).toContain('thrive-alabama-huntsville');
    expect(ids).not.toContain('smoc-behavioral-healthcare-framingham');
  });

  it('recognises each file by its header', () => {
    for (const name of [LOCATOR, METHADONE, OTP]) {
      const header = readFileSync(join(fixtures, name), 'utf8').split('\n')[0]!.split(',');
      expect(detectKind(header)).toBe(
        {
          [LOCATOR]: 'treatment-locator',
          [METHADONE]: 'methadone-directory-2017',
          [OTP]: 'otp-directory',
        }[name],
      );
    }
  });
});

describe('the command', () => {
  let out: string | undefined;
  afterEach(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('replaces generated files, keeps hand-written ones, and prints a summary', () => {
    out = mkdtempSync(join(tmpdir(), 'samhsa-import-'));
    const handWritten = 'id: boston-paaths\nname: PAATHS\nsources: []\n';
    writeFileSync(join(out, 'boston-paaths.yaml'), handWritten);
    writeFileSync(join(out, 'gone-provider.yaml'), `${GENERATED_HEADER}\nid: gone-provider\n`);

    const summary = execFileSync(
      process.execPath,
      [
        join(root, 'src/importers/samhsa-cli.ts'),
        ...[LOCATOR, METHADONE, OTP].map((name) => join(fixtures, name)),
        '--state',
        'MA',
        '--out',
        out,
        '--site',
        join(root, 'content/site.yaml'),
      ],
      { encoding: 'utf8' },
    );

    const files = readdirSync(out);
    expect(files).toContain('boston-paaths.yaml');
    expect(readFileSync(join(out, 'boston-paaths.yaml'), 'utf8')).toBe(handWritten);
    expect(files).not.toContain('gone-provider.yaml');
    expect(files).toContain('bay-cove-human-services-methadone-services-boston.yaml');
    expect(summary).toMatch(
      /treatment-locator\.csv \(treatment locator\): 13 rows read, 3 outside MA/,
    );
    expect(summary).toMatch(/providers written: 16/);
    expect(summary).toMatch(/old generated files deleted: 1/);
    const bayCove = YAML.parse(
      readFileSync(join(out, 'bay-cove-human-services-methadone-services-boston.yaml'), 'utf8'),
    ) as ProviderInput;
    expect(bayCove.neighbourhood).toBe('west-end');
  });
});
