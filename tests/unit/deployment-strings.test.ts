import { describe, expect, it } from 'vitest';
import {
  deploymentStrings,
  examplePhone,
  withRegionalFallbacks,
} from '../../src/i18n/deployment-strings.ts';
import { postalCodeOf } from '../../src/domain/search/places.ts';
import { testSite } from './site-fixture.ts';

// A deployment far from the shared strings' first one, to show nothing of Boston is assumed.
const council = testSite({
  city: 'Durham',
  country: 'GB',
  time_zone: 'Europe/London',
  emergency: { dial: '999', display: '999' },
  strings: { en: { finder: 'Places near a {{site.city}} postcode' } },
});

const shared = {
  en: {
    finder: 'Places near a postal code',
    call: 'Call {{site.emergency}} now; {{hotline}} is given by the page.',
    example: 'For example {{site.examplePhone}}.',
  },
};

describe('the strings a deployment shows', () => {
  it('lays its own wording over the shared strings, then writes its facts in', () => {
    const strings = deploymentStrings(shared, council).en!;
    expect(strings.finder).toBe('Places near a Durham postcode');
    expect(strings.call).toBe('Call 999 now; {{hotline}} is given by the page.');
    // libphonenumber's example for the country, written as the country writes it.
    expect(strings.example).toBe('For example 07400 123456.');
  });

  it('takes its example number from site.yaml when it gives one', () => {
    expect(examplePhone('US', '+16175550123')).toBe('617-555-0123');
  });

  it('stops the build on an override of no shared string, or an unknown fact', () => {
    const typo = testSite({ strings: { en: { 'finder.ui': 'x' } } });
    expect(() => deploymentStrings(shared, typo)).toThrow(/"finder.ui" is no shared string/);
    expect(() => deploymentStrings({ en: { a: '{{site.mayor}}' } }, testSite())).toThrow(
      /\{\{site.mayor\}\}/,
    );
  });
});

describe('a postal code typed in the finder', () => {
  it('has the shape the deployment gives, keeping its first group', () => {
    const zip = { postal: String.raw`^(\d{5})(?:-\d{4})?$` };
    expect(postalCodeOf('02119', zip)).toBe('02119');
    expect(postalCodeOf('02119-1234', zip)).toBe('02119');
    expect(postalCodeOf('dh1', zip)).toBeUndefined();
    const postcode = { postal: String.raw`^([A-Z]{1,2}\d[A-Z\d]?(?: ?\d[A-Z]{2})?)$` };
    expect(postalCodeOf('dh1 3eh', postcode)).toBe('DH1 3EH');
    expect(postalCodeOf('Consett', postcode)).toBeUndefined();
  });

  it('without a shape, is a word with a digit in it, which no town name has', () => {
    expect(postalCodeOf('02119', {})).toBe('02119');
    expect(postalCodeOf('DH1', {})).toBe('DH1');
    expect(postalCodeOf('Dorchester', {})).toBeUndefined();
  });
});

describe('regional strings files', () => {
  const files = {
    en: { finder: { near: 'Near a postal code', count: '{{count}} places' }, color: 'Color' },
    'en-GB': { finder: { near: 'Near a postcode' }, color: 'Colour' },
    'zh-Hant': { color: '顏色' },
  };

  it('take every sentence they do not change from their language', () => {
    const strings = withRegionalFallbacks(files);
    expect(strings['en-GB']).toEqual({
      finder: { near: 'Near a postcode', count: '{{count}} places' },
      color: 'Colour',
    });
    expect(strings.en).toEqual(files.en);
  });

  it('leave a file whose language has none of its own as it is', () => {
    expect(withRegionalFallbacks(files)['zh-Hant']).toEqual({ color: '顏色' });
  });
});
