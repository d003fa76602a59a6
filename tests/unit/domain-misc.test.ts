import { describe, expect, it } from 'vitest';
import { displayPhone, smsHref, telHref } from '../../src/domain/phone.ts';
import { addressLine, directionsUrl, platformFromUserAgent } from '../../src/domain/directions.ts';
import { callbackPath, localized, slugify } from '../../src/domain/urls.ts';

describe('phone numbers', () => {
  it('writes US numbers the way Americans read them, with the extension', () => {
    expect(displayPhone({ number: '+16173713030', extension: '3085' }, 'US')).toBe(
      '617-371-3030 ext. 3085',
    );
  });

  it('writes foreign numbers internationally', () => {
    expect(displayPhone({ number: '+441913836000' }, 'US')).toBe('+44 191 383 6000');
  });

  it('writes UK numbers in UK national format for a UK deployment, fiction ranges too', () => {
    expect(displayPhone({ number: '+441913836000' }, 'GB')).toBe('0191 383 6000');
    expect(displayPhone({ number: '+443001236600' }, 'GB')).toBe('0300 123 6600');
    // Ofcom's drama range has no country in libphonenumber's metadata: its calling code decides.
    expect(displayPhone({ number: '+447700900123' }, 'GB')).toBe('07700 900123');
    expect(displayPhone({ number: '+16173713030' }, 'GB')).toBe('+1 617 371 3030');
  });

  it('leaves short codes alone', () => {
    expect(displayPhone({ number: '311' }, 'US')).toBe('311');
  });

  it('dials the extension after a pause', () => {
    expect(telHref({ number: '+16173713030', extension: '1' })).toBe('tel:+16173713030,1');
    expect(telHref({ number: '+16173713030' })).toBe('tel:+16173713030');
    expect(smsHref({ number: '+16173713030' })).toBe('sms:+16173713030');
  });
});

describe('directions', () => {
  const address = {
    street: '774 Albany Street',
    city: 'Boston',
    region: 'MA',
    postal_code: '02118',
    country: 'US',
  };

  it('opens Google Maps by default and Apple Maps on Apple devices', () => {
    expect(addressLine(address)).toBe('774 Albany Street, Boston, MA 02118, US');
    expect(directionsUrl(address)).toBe(
      'https://www.google.com/maps/dir/?api=1&destination=774%20Albany%20Street%2C%20Boston%2C%20MA%2002118%2C%20US',
    );
    expect(directionsUrl(address, 'apple')).toMatch(
      /^https:\/\/maps\.apple\.com\/\?daddr=774%20Albany/,
    );
  });

  it('recognises Apple devices by user agent', () => {
    expect(platformFromUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)')).toBe(
      'apple',
    );
    expect(platformFromUserAgent('Mozilla/5.0 (Linux; Android 14; Pixel 7)')).toBe('other');
  });
});

describe('urls', () => {
  it('prefixes the locale', () => {
    expect(localized('es', 'find/')).toBe('/es/find/');
    expect(localized('en', '/paths/detox/')).toBe('/en/paths/detox/');
  });

  it('prefills the callback form through the query', () => {
    expect(callbackPath({ for: 'someone-else', path: 'detox' })).toBe(
      'callback/?for=someone-else&path=detox',
    );
    expect(callbackPath()).toBe('callback/');
  });

  it('slugs town names, accents and ampersands included', () => {
    expect(slugify('Jamaica Plain')).toBe('jamaica-plain');
    expect(slugify('Chinatown & Leather District')).toBe('chinatown-and-leather-district');
    expect(slugify('Holyoke–Chicopee')).toBe('holyoke-chicopee');
    expect(slugify('Bogotá')).toBe('bogota');
  });
});
