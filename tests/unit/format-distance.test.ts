import { describe, expect, it } from 'vitest';
import { formatDistance } from '../../src/domain/format-distance.ts';
import { milesToKm } from '../../src/domain/geo.ts';

// Intl separates a number from its unit with a no-break space in some locales.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDistance', () => {
  it('shows miles by default, to one decimal at most', () => {
    expect(formatDistance(milesToKm(1.24), 'en')).toBe('1.2 mi');
    expect(formatDistance(milesToKm(2), 'en')).toBe('2 mi');
    expect(formatDistance(0, 'en')).toBe('0 mi');
  });

  it('writes the number and the unit as each language does', () => {
    expect(plain(formatDistance(milesToKm(1.5), 'es'))).toBe('1,5 mi');
    expect(plain(formatDistance(milesToKm(1.5), 'fr'))).toBe('1,5 mi');
    expect(formatDistance(milesToKm(1.5), 'ar')).toContain('ميل');
    expect(formatDistance(milesToKm(1.5), 'zh-Hant')).toMatch(/1\.5/);
  });

  it('falls back for Haitian Creole, which Intl has no data for', () => {
    expect(plain(formatDistance(milesToKm(1.5), 'ht'))).toBe(
      plain(formatDistance(milesToKm(1.5), 'fr-HT')),
    );
  });

  it('takes the unit as a parameter, for a deployment that counts in kilometres', () => {
    expect(formatDistance(1.25, 'en', 'kilometer')).toBe('1.3 km');
    expect(plain(formatDistance(1.25, 'fr', 'kilometer'))).toBe('1,3 km');
    expect(formatDistance(milesToKm(3), 'en', 'mile')).toBe('3 mi');
  });
});
