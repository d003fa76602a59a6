import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/load-site.ts';
import { providerSchema } from '../../src/schemas/provider.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { pathSchema } from '../../src/schemas/path.ts';

const root = join(import.meta.dirname, '..', '..');
const boston = loadSite(join(root, 'content', 'boston'));
const minimal = {
  id: 'a-place',
  name: 'A place',
  sources: [{ name: 'S', retrieved: '2024-12-01' }],
};
const issues = (result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) => (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('providerSchema', () => {
  it('accepts a minimal provider and fills defaults, leaving unknowns empty', () => {
    const provider = providerSchema.parse(minimal);
    expect(provider.services).toEqual([]);
    expect(provider.availability).toEqual({ status: 'unknown' });
    expect(provider.hours).toBeUndefined();
    expect(provider.walk_in).toBeUndefined();
  });

  it('rejects a bad slug, an unknown service, a bad language tag and a bad date', () => {
    const result = providerSchema.safeParse({
      ...minimal,
      id: 'A Place',
      services: ['rehab'],
      languages: ['Spanish'],
      verified: '12/01/2024',
    });
    expect(issues(result)).toEqual([
      'id: must be a lowercase slug (a-z, 0-9, -)',
      expect.stringMatching(/^services\.0: /),
      'languages.0: must be a BCP 47 language tag',
      'verified: must be a date written YYYY-MM-DD',
    ]);
  });

  it('rejects fields it does not know, so a typo is not silently ignored', () => {
    expect(issues(providerSchema.safeParse({ ...minimal, phone: '+16176354500' }))).toEqual([
      expect.stringMatching(/phone/),
    ]);
  });

  it('checks phone numbers with libphonenumber and hours with opening_hours', () => {
    const result = providerSchema.safeParse({
      ...minimal,
      phones: [{ number: '+16170000000' }],
      hours: 'Mo-Fr 25:00-26:00',
    });
    expect(issues(result).map((line) => line.split(':')[0])).toEqual(['phones.0.number', 'hours']);
  });
});

describe('siteSchema', () => {
  it('accepts the Boston deployment', () => {
    expect(siteSchema.safeParse(boston).success).toBe(true);
  });

  it('rejects an unknown time zone, a tile URL without coordinates and a bad emergency number', () => {
    const result = siteSchema.safeParse({
      ...boston,
      time_zone: 'America/Boston',
      map: { ...boston.map, tiles: 'https://tiles.example.org/tile.png' },
      emergency: { dial: 'nine-one-one', display: '911' },
    });
    expect(
      issues(result)
        .map((line) => line.split(':')[0])
        .sort(),
    ).toEqual(['emergency.dial', 'map.tiles', 'time_zone']);
  });

  it('requires the specialists hours to be a valid opening_hours string', () => {
    const result = siteSchema.safeParse({
      ...boston,
      specialists: { name: 'PAATHS', hours: 'weekdays 8 to 6' },
    });
    expect(issues(result)[0]).toMatch(
      /^specialists\.hours: ambiguous opening_hours string: weekdays/,
    );
  });
});

describe('pathSchema', () => {
  it('requires at least one service and a short summary', () => {
    const result = pathSchema.safeParse({
      title: 'T',
      summary: 'x'.repeat(201),
      order: 1,
      services: [],
      checked: '2026-11-22',
    });
    expect(
      issues(result)
        .map((line) => line.split(':')[0])
        .sort(),
    ).toEqual(['services', 'summary']);
  });
});
