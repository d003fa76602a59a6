import { describe, expect, it } from 'vitest';
import {
  CROCKFORD,
  normaliseRequestId,
  parseRequestId,
} from '../../src/domain/callback/request-id.ts';
import { callbackStatusPath, localized } from '../../src/domain/urls.ts';
import { testSite } from './site-fixture.ts';

describe('reading a request id back as a person types it', () => {
  it('keeps an id typed exactly', () => {
    expect(parseRequestId('REQ-7K3MQ9XD', 'REQ')).toBe('REQ-7K3MQ9XD');
  });

  it('ignores case, spaces and dashes of every kind', () => {
    for (const typed of [
      'req-7k3mq9xd',
      ' req 7k3m q9xd ',
      'REQ 7K3M-Q9XD',
      'R E Q – 7K3M—Q9XD',
      'req\u00a07k3m\u2011q9xd',
      'req_7k3m.q9xd',
      'REQ7K3MQ9XD',
    ]) {
      expect(parseRequestId(typed, 'REQ'), typed).toBe('REQ-7K3MQ9XD');
    }
  });

  it('adds a prefix left out', () => {
    expect(parseRequestId('7k3m q9xd', 'REQ')).toBe('REQ-7K3MQ9XD');
  });

  it('reads O, I and L as 0, 1 and 1, as Crockford base32 does', () => {
    expect(parseRequestId('req-7k3mo9xi', 'REQ')).toBe('REQ-7K3M09X1');
    expect(parseRequestId('REQ-L00OIIL1', 'REQ')).toBe('REQ-10001111');
  });

  it('forgives the same look-alikes in the prefix, and keeps the prefix as configured', () => {
    expect(parseRequestId('b0s-7k3mq9xd', 'BOS')).toBe('BOS-7K3MQ9XD');
    expect(parseRequestId('bos 7k3mq9xd', 'bos')).toBe('BOS-7K3MQ9XD');
  });

  it('counts full-width letters and digits from a CJK keyboard as what they look like', () => {
    expect(parseRequestId('ＲＥＱ－７Ｋ３ＭＱ９ＸＤ', 'REQ')).toBe('REQ-7K3MQ9XD');
  });

  it('is null for what cannot be one of our ids', () => {
    for (const typed of [
      '',
      '   ',
      'REQ-7K3MQ9X',
      'REQ-7K3MQ9XDD',
      'XYZ-7K3MQ9XD',
      'REQ-7K3MQ9XU',
      'REQ-7K3MQ9X!',
      '7K3MQ9XD7K3MQ9XD',
    ]) {
      expect(parseRequestId(typed, 'REQ'), typed).toBeNull();
    }
  });

  it('gives back anything else trimmed, so another system’s numbers are looked up as typed', () => {
    expect(normaliseRequestId('  101004127 ', 'REQ')).toBe('101004127');
    expect(normaliseRequestId('', 'REQ')).toBe('');
    expect(normaliseRequestId('req 7k3m q9xo', 'REQ')).toBe('REQ-7K3MQ9X0');
  });

  it('reads every id the server can make as itself', () => {
    for (let i = 0; i < CROCKFORD.length; i += 1) {
      const body = CROCKFORD.slice(i, i + 8).padEnd(8, CROCKFORD[i]);
      expect(parseRequestId(`REQ-${body}`, 'REQ')).toBe(`REQ-${body}`);
      expect(parseRequestId(body.toLowerCase(), 'REQ')).toBe(`REQ-${body}`);
    }
  });
});

describe('the prefix in site.yaml', () => {
  const intake = { endpoint: 'http://127.0.0.1:8311/open311/v2', service_code: 'x', api_key: 'k' };

  it('is a neutral REQ when a deployment gives none, and upper case whatever is written', () => {
    expect(testSite({ intake }).intake.request_id_prefix).toBe('REQ');
    expect(testSite({ intake: { ...intake, request_id_prefix: 'bos' } }).intake).toMatchObject({
      request_id_prefix: 'BOS',
    });
  });

  it('is letters and digits only, so an id always splits at its one dash', () => {
    for (const prefix of ['B-S', '', 'TOOLONGPREFIX', 'BÖS']) {
      expect(
        () => testSite({ intake: { ...intake, request_id_prefix: prefix } }),
        prefix,
      ).toThrow();
    }
  });
});

describe('the status page’s address', () => {
  it('is the callback page’s status/, with the id in the query', () => {
    expect(callbackStatusPath()).toBe('callback/status/');
    expect(localized('es', callbackStatusPath('REQ-7K3MQ9XD'))).toBe(
      '/es/callback/status/?id=REQ-7K3MQ9XD',
    );
    expect(callbackStatusPath('a b&c')).toBe('callback/status/?id=a+b%26c');
  });
});
