// The SAMHSA importer, field by field: ZIP codes, phones, names, addresses, service codes and
// what a name alone says. Merging sources is in samhsa-importer-merging, the files written
// in samhsa-importer-output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KEY_CODES,
  displayName,
  importSamhsa,
  mapKeys,
  normalisePostalCode,
  parseContact,
  splitStreetLine,
  streetKey,
} from '../../src/importers/samhsa.ts';
import { allFiles, find, options, root } from './samhsa-importer-helpers.ts';

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
      readFileSync(join(root, 'content/boston/sources/samhsa/service-codes.json'), 'utf8'),
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
