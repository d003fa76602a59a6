import { describe, expect, it } from 'vitest';
import {
  FSI,
  isolateLtr,
  LRI,
  ltrLink,
  ltrValue,
  PDI,
  stripBidiMarks,
} from '../../src/domain/bidi.ts';
import { formatNumber } from '../../src/domain/format-number.ts';
import { languageNamer } from '../../src/domain/language-names.ts';
import { displayPhone, phoneLabelKey, withExtensionWord } from '../../src/domain/phone.ts';
import { smsText } from '../../src/domain/share/sms.ts';
import { splitAtValue, VALUE_MARK } from '../../src/components/WithValue.tsx';
import { translator } from '../../src/islands/format.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { vintageWords } from '../../src/components/Vintage.tsx';
import { weekdayInZone } from '../../src/domain/dates.ts';
import { weekdayName } from '../../src/domain/describe-hours.ts';

describe('formatNumber', () => {
  it('writes a number as the reader does', () => {
    expect(formatNumber(1000, 'en')).toBe('1,000');
    expect(formatNumber(1000, 'fr')).toMatch(/^1\s000$/u);
    expect(formatNumber(1000, 'ru')).toMatch(/^1\s000$/u);
    expect(formatNumber(1000, 'es')).toMatch(/^1\.?000$/);
    expect(formatNumber(12, 'ar')).toMatch(/^(12|١٢)$/);
  });

  it('falls back for a language without number data (Haitian Creole)', () => {
    expect(formatNumber(1000, 'ht')).toMatch(/^1\s000$/u);
  });

  it('is what island messages write for a number', () => {
    const t = translator({ count: '{{count}} places' }, 'fr');
    expect(t('count', { count: 1200 })).toMatch(/^1\s200 places$/u);
    expect(t.plural('count', 1200)).toMatch(/^1\s200 places$/u);
  });
});

describe('isolates', () => {
  it('wraps a value in left-to-right isolate marks', () => {
    expect(isolateLtr('617-254-1271')).toBe(`${LRI}617-254-1271${PDI}`);
    expect(stripBidiMarks(isolateLtr('617-254-1271'))).toBe('617-254-1271');
  });

  it('isolates only inside right-to-left text, so English texts stay 7-bit', () => {
    expect(ltrValue('617-254-1271', 'ltr')).toBe('617-254-1271');
    expect(ltrValue('617-254-1271', 'rtl')).toBe(`${LRI}617-254-1271${PDI}`);
  });

  it('keeps the isolated number whole in a text message', () => {
    const text = smsText({
      name: 'مكان',
      call: `اتصل بالرقم ${ltrValue('617-254-1271', 'rtl')}`,
      url: 'https://example.org/ar/p/abc/',
    });
    expect(text).toContain(`${LRI}617-254-1271${PDI}`);
  });

  it('isolates a link so a phone still sees where it ends', () => {
    expect(ltrLink('https://example.org/ar/p/abc/', 'ltr')).toBe('https://example.org/ar/p/abc/');
    expect(ltrLink('https://example.org/ar/p/abc/', 'rtl')).toBe(
      `${LRI}https://example.org/ar/p/abc/ ${PDI}`,
    );
  });

  it('splits a sentence where its value goes', () => {
    expect(splitAtValue(`اتصل بالرقم ${VALUE_MARK}`)).toEqual(['اتصل بالرقم ', '']);
    expect(splitAtValue(`Call ${VALUE_MARK} now`)).toEqual(['Call ', ' now']);
    expect(splitAtValue('No number')).toEqual(['No number', '']);
  });
});

describe('languageNamer', () => {
  it('names languages in the reader’s language through Intl', () => {
    expect(languageNamer('en')('es')).toBe('Spanish');
    expect(languageNamer('ar')('es')).toBe('الإسبانية');
  });

  it('names a sign language in every site language, never as its code', () => {
    for (const { code } of LOCALES) {
      const name = languageNamer(code)('sgn');
      expect(name, code).not.toBe('sgn');
      expect(name.length, code).toBeGreaterThan(1);
    }
  });

  it('names languages in Haitian Creole, not in French', () => {
    const name = languageNamer('ht');
    expect(name('es')).toBe('panyòl');
    expect(name('fr')).toBe('franse');
    expect(name('pt')).not.toMatch(/portugais/);
  });

  it('gives the code back when nothing knows it', () => {
    expect(languageNamer('en')('qaa')).toMatch(/qaa/);
  });
});

describe('phone words', () => {
  it('writes the extension with the reader’s word', () => {
    const phone = { number: '+16175550100', extension: '12' };
    expect(displayPhone(phone, 'US')).toBe('617-555-0100 ext. 12');
    expect(displayPhone(phone, 'US', 'poste')).toBe('617-555-0100 poste 12');
    expect(withExtensionWord('617-555-0100 ext. 12', 'تحويلة')).toBe(
      `617-555-0100 ${FSI}تحويلة${PDI} 12`,
    );
  });

  it('knows the source’s line names that have a translation', () => {
    expect(phoneLabelKey('Intakes')).toBe('intake');
    expect(phoneLabelKey(' intake ')).toBe('intake');
    expect(phoneLabelKey('Boston 311 from anywhere')).toBeUndefined();
  });
});

describe('source vintages', () => {
  const t = (key: string, values?: Record<string, string | number>) =>
    key === 'provider.aboutYear' ? `vers ${values?.year}` : `${key} ${JSON.stringify(values)}`;

  it('says "about" in the reader’s language and keeps a plain year', () => {
    expect(vintageWords('about 2021', t)).toBe('vers 2021');
    expect(vintageWords('2017', t)).toBe('2017');
    expect(vintageWords('spring of 2019', t)).toBeUndefined();
  });
});

describe('Haitian Creole weekdays', () => {
  it('are written in Kreyòl, not French', () => {
    expect(weekdayName('ht', 0)).toBe('lendi');
    expect(weekdayName('ht', 6)).toBe('dimanch');
    // 1 December 2026 is a Tuesday in Boston.
    expect(weekdayInZone(new Date('2026-12-01T20:00:00Z'), 'America/New_York', 'ht')).toBe('madi');
    expect(weekdayInZone(new Date('2026-12-01T20:00:00Z'), 'America/New_York', 'fr')).toBe('mardi');
  });
});
