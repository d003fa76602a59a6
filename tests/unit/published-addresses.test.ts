import { describe, expect, it } from 'vitest';
import { plainHttpAddresses } from '../../src/domain/security/published-addresses.ts';

const published = {
  origin: 'https://recovery.example.gov',
  intake: { endpoint: 'https://311.example.gov/open311/v2' },
  map: { tiles: 'https://tiles.example.gov/{z}/{x}/{y}.png' },
} as Parameters<typeof plainHttpAddresses>[0];

describe('a published site reaches its addresses over HTTPS', () => {
  it('passes a site whose origin, intake and tiles are all https://', () => {
    expect(plainHttpAddresses(published, 'site.yaml')).toEqual([]);
  });

  it('names each plain http:// address by its field', () => {
    const local = {
      ...published,
      intake: { ...published.intake, endpoint: 'http://127.0.0.1:8311/open311/v2' },
      map: { ...published.map, tiles: 'http://tiles.example.gov/{z}/{x}/{y}.png' },
    };
    expect(plainHttpAddresses(local, 'site.yaml').map((problem) => problem.field)).toEqual([
      'intake.endpoint',
      'map.tiles',
    ]);
  });
});
