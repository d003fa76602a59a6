// The SAMHSA importer across files and rows: one provider per place whatever the files
// disagree on, and every row it drops or rejects reported with its line.
import { describe, expect, it } from 'vitest';
import { importSamhsa } from '../../src/importers/samhsa.ts';
import { LOCATOR, METHADONE, OTP, allFiles, find, options } from './samhsa-importer-helpers.ts';

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
