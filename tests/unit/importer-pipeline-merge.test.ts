// The pipeline's name matching and merge step, and a whole run with a made-up adapter: what a
// second source (FindTreatment.gov, HSDS) will rely on, tested without SAMHSA's files.
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/importers/pipeline/index.ts';
import {
  ClusterIndex,
  mergeListings,
  type Cluster,
  type MergeNote,
} from '../../src/importers/pipeline/merge.ts';
import { clearlySimilar, fingerprint, nameSimilarity } from '../../src/importers/pipeline/names.ts';
import type { Offering } from '../../src/importers/pipeline/services.ts';
import type { Adapter, Listing, RowNote } from '../../src/importers/pipeline/types.ts';

const NOTHING: Offering = {
  services: [],
  medications: [],
  settings: [],
  payment: [],
  populations: [],
  languages: [],
};
const METHADONE: Offering = { ...NOTHING, services: ['medication'], medications: ['methadone'] };

const SOURCE = { name: 'Test source', url: 'https://example.org', vintage: '2024', label: 'test' };
let nextOrder = 0;

/** A checked listing of one kind; kind "a" leads the merge, "b" follows. */
function listing(kind: 'a' | 'b', overrides: Partial<Listing> = {}): Listing {
  return {
    kind,
    source: SOURCE,
    priority: kind === 'a' ? 0 : 1,
    file: `${kind}.csv`,
    line: 2,
    order: nextOrder++,
    names: ['Bay Cove Human Services', ''],
    street: '66 Canal Street',
    city: 'Boston',
    state: 'MA',
    postalCode: '02114',
    offering: NOTHING,
    ...overrides,
  };
}

/** Merge kind "a", then kind "b", as a run does. */
function merge(first: Listing[], second: Listing[]) {
  const clusters: Cluster[] = [];
  const index = new ClusterIndex();
  const notes = { merged: [] as MergeNote[], warnings: [] as RowNote[] };
  mergeListings(clusters, index, first, notes);
  mergeListings(clusters, index, second, notes);
  return { clusters, ...notes };
}

describe('names', () => {
  it('leaves out noise words, the city and the state, singular and plural alike', () => {
    const print = fingerprint('The Addiction Centers of Boston, MA Inc', 'Boston', 'MA');
    expect([...print.tokens]).toEqual(['addiction', 'center']);
  });

  it('scores a name spelt as one word above one that merely contains the other', () => {
    const a = fingerprint('Community Health Care', 'Lynn', 'MA');
    const b = fingerprint('Community Healthcare', 'Lynn', 'MA');
    const c = fingerprint('Community Health Care Center', 'Lynn', 'MA');
    expect(nameSimilarity(a, b).score).toBe(1.1);
    expect(nameSimilarity(a, c).score).toBeGreaterThan(1);
    expect(nameSimilarity(a, c).score).toBeLessThan(1.1);
  });

  it('needs a telling word or three shared words to call names clearly similar', () => {
    const near = (x: string, y: string) =>
      clearlySimilar(fingerprint(x, 'Waltham', 'MA'), fingerprint(y, 'Waltham', 'MA'));
    expect(near('Community Recovery Center', 'Franklin Recovery Center')).toBe(false);
    expect(near('Gosnold Recovery Center', 'Gosnold Treatment')).toBe(true);
    expect(near('Spectrum Health Systems Inc', 'Spectrum Health Sys')).toBe(true);
    expect(near('Behavioral Health Network', 'Behavioral Health Network Inc')).toBe(true);
  });
});

describe('merge', () => {
  it('joins listings of two kinds at one address with similar names, the leading kind first', () => {
    const { clusters, merged } = merge(
      [listing('a')],
      [listing('b', { names: ['Bay Cove Human Svcs', 'Methadone'] })],
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.listings.map((l) => l.kind)).toEqual(['a', 'b']);
    expect(merged.map((n) => n.file)).toEqual(['b.csv']);
  });

  it('keeps two listings of one kind apart, even at the same address', () => {
    const { clusters } = merge([listing('a'), listing('a', { names: ['IMPACT', ''] })], []);
    expect(clusters).toHaveLength(2);
  });

  it('joins across a ZIP disagreement on the same street, and by position within 100 m', () => {
    const spectrum = { names: ['Spectrum Health Systems', ''], street: '210 Bear Hill Road' };
    const zip = merge(
      [listing('a', { ...spectrum, city: 'Waltham', postalCode: '02451' })],
      [listing('b', { ...spectrum, city: 'Waltham', postalCode: '02452' })],
    );
    expect(zip.clusters).toHaveLength(1);
    const at = (lat: number) => ({ lat, lon: -71.06, approximate: false });
    const near = merge(
      [listing('a', { geo: at(42.3636) })],
      [listing('b', { street: '1 Other Way', geo: at(42.3644) })],
    );
    expect(near.clusters).toHaveLength(1);
    const far = merge(
      [listing('a', { geo: at(42.3636) })],
      [listing('b', { street: '1 Other Way', geo: at(42.366) })],
    );
    expect(far.clusters).toHaveLength(2);
  });

  it('joins the one listing at an address when the names differ, and none when several', () => {
    const alone = merge([listing('a')], [listing('b', { names: ['Other Name Clinic', ''] })]);
    expect(alone.clusters).toHaveLength(1);
    const crowded = merge(
      [listing('a', { names: ['IMPACT', ''] }), listing('a', { names: ['Caspar Inc', ''] })],
      [listing('b', { names: ['Other Name Clinic', ''], line: 9 })],
    );
    expect(crowded.clusters).toHaveLength(3);
    expect(crowded.warnings).toEqual([
      {
        file: 'b.csv',
        line: 9,
        reason: 'several listings at this address and none with a similar name: kept separate',
      },
    ]);
  });

  it('sends a medication listing to the one listing at its address whose name says so', () => {
    const { clusters } = merge(
      [listing('a', { names: ['IMPACT', ''] }), listing('a', { names: ['Canal Methadone', ''] })],
      [listing('b', { names: ['Other Name Clinic', ''], offering: METHADONE })],
    );
    expect(clusters.map((c) => c.listings.map((l) => l.names[0]))).toEqual([
      ['IMPACT'],
      ['Canal Methadone', 'Other Name Clinic'],
    ]);
  });
});

/** A made-up JSON source: a registry (leads) and a hotline's list, one object per row. */
type Row = Record<string, string>;
const jsonAdapter: Adapter<'registry' | 'hotline', Row> = {
  publisher: 'Test',
  kinds: ['registry', 'hotline'],
  sources: {
    registry: { name: 'Test registry', url: 'https://example.org/r', vintage: '2024', label: 'r' },
    hotline: { name: 'Test hotline', url: 'https://example.org/h', vintage: '2023', label: 'h' },
  },
  defaultRetrieved: '2025-02-01',
  read(file) {
    const { kind, rows } = JSON.parse(file.text) as { kind: string; rows: Row[] };
    return {
      ...(kind === 'registry' || kind === 'hotline' ? { kind } : {}),
      rows: rows.map((row, i) => ({ line: i + 2, row })),
      rejected: [],
    };
  },
  toListing: (kind, row) => ({
    names: [row.name ?? ''],
    streetLine: row.street ?? '',
    street2: '',
    city: row.city ?? '',
    state: row.state ?? '',
    postalCode: row.zip ?? '',
    latitude: '',
    longitude: '',
    approximate: false,
    ...(row.phone ? { contact: row.phone } : {}),
    offering: kind === 'hotline' ? METHADONE : NOTHING,
    ...(row.id ? { record: row.id } : {}),
  }),
  displayName: ([name = '']) => ({ name }),
};

const bayCove = {
  name: 'Bay Cove',
  street: '66 Canal St',
  city: 'Boston',
  state: 'MA',
  zip: '2114',
};
const file = (name: string, kind: string, rows: Row[]) => ({
  name,
  text: JSON.stringify({ kind, rows }),
});

describe('a run with another adapter', () => {
  const files = [
    // Named before the registry on purpose: kinds, not file order, decide who leads.
    file('hotline.json', 'hotline', [
      { ...bayCove, name: 'Bay Cove Methadone', phone: '(617)371-3030', id: 'H1' },
    ]),
    file('registry.json', 'registry', [
      bayCove,
      bayCove,
      { ...bayCove, name: 'Seacoast', state: 'NH', zip: '03801' },
      { ...bayCove, name: 'No Street', street: '' },
    ]),
    file('other.json', 'unknown', []),
  ];

  it('makes one provider per place, first source leading, sources in priority order', () => {
    const result = runImport(jsonAdapter, files, {
      neighbourhoods: new Map([['02114', 'west-end']]),
    });
    const boston = result.providers.find((p) => p.address?.city === 'Boston')!;
    expect(boston).toEqual({
      id: 'bay-cove-boston',
      name: 'Bay Cove',
      address: {
        street: '66 Canal St',
        city: 'Boston',
        region: 'MA',
        postal_code: '02114',
        country: 'US',
      },
      neighbourhood: 'west-end',
      phones: [{ number: '+16173713030' }],
      services: ['medication'],
      medications: ['methadone'],
      sources: [
        {
          name: 'Test registry',
          url: 'https://example.org/r',
          retrieved: '2025-02-01',
          vintage: '2024',
        },
        {
          name: 'Test hotline',
          url: 'https://example.org/h',
          retrieved: '2025-02-01',
          vintage: '2023',
          record: 'H1',
        },
      ],
    });
    expect(result.merged).toEqual([
      { file: 'hotline.json', line: 2, reason: 'joined bay-cove-boston' },
    ]);
    expect(result.providers.map((p) => p.id)).toEqual(['bay-cove-boston', 'seacoast-boston']);
  });

  it('reports copies, rejects, other states and unknown files, and counts them per file', () => {
    const result = runImport(jsonAdapter, files, { state: 'ma', retrieved: '2025-03-01' });
    expect(result.duplicates).toEqual([
      { file: 'registry.json', line: 3, reason: 'exact copy of line 2' },
    ]);
    expect(result.outsideState).toEqual([
      { file: 'registry.json', line: 4, reason: 'outside --state MA' },
    ]);
    expect(result.rejected).toEqual([
      { file: 'registry.json', line: 5, reason: 'missing street' },
      {
        file: 'other.json',
        line: 1,
        reason: 'header is not one of the Test files this importer knows',
      },
    ]);
    expect(result.files.find((f) => f.file === 'registry.json')).toEqual({
      file: 'registry.json',
      kind: 'registry',
      rows: 4,
      duplicates: 1,
      rejected: 1,
      outsideState: 1,
      used: 1,
    });
    expect(result.providers.map((p) => p.sources[0]!.retrieved)).toEqual(['2025-03-01']);
  });
});
