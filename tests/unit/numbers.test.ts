import { describe, expect, it } from 'vitest';
import {
  fillNumbers,
  lookUpNumber,
  numberHref,
  splitNumbers,
  typedNumbers,
  unknownPlaceholders,
} from '../../src/domain/numbers.ts';

const site = {
  emergency: { dial: '911', display: '911' },
  hotline: {
    name: 'Boston 311',
    local: { dial: '311', display: '311' },
    anywhere: { dial: '+16176354500', display: '617-635-4500' },
    hours: '24/7',
  },
  lines: {
    'behavioral-health-help-line': {
      name: { en: 'Behavioral Health Help Line' },
      dial: '+18337732445',
      display: '833-773-2445',
      text: { dial: '+18337732445', display: '833-773-2445' },
      description: { en: 'Call or text.' },
      source: { title: 'T', publisher: 'P', url: 'https://example.org/', checked: '2026-12-01' },
    },
  },
};

describe('number placeholders', () => {
  it('finds each number site.yaml holds, and nothing else', () => {
    expect(lookUpNumber(site, 'tel', 'emergency')).toEqual({
      kind: 'tel',
      dial: '911',
      display: '911',
    });
    expect(lookUpNumber(site, 'tel', 'hotline.anywhere')?.display).toBe('617-635-4500');
    expect(lookUpNumber(site, 'sms', 'lines.behavioral-health-help-line')?.dial).toBe(
      '+18337732445',
    );
    expect(lookUpNumber(site, 'sms', 'emergency')).toBeUndefined();
    expect(lookUpNumber(site, 'tel', 'hotline.name')).toBeUndefined();
    expect(lookUpNumber(site, 'tel', 'lines.unknown')).toBeUndefined();
  });

  it('splits prose into words and numbers, keeping the words exact', () => {
    const parts = splitNumbers('Call {{tel:emergency}} now, or {{tel:hotline.local}}.', site);
    expect(parts).toEqual([
      'Call ',
      { kind: 'tel', dial: '911', display: '911' },
      ' now, or ',
      { kind: 'tel', dial: '311', display: '311' },
      '.',
    ]);
    expect(fillNumbers('From anywhere: {{tel:hotline.anywhere}}', site)).toBe(
      'From anywhere: 617-635-4500',
    );
    expect(numberHref({ kind: 'sms', dial: '+18337732445' })).toBe('sms:+18337732445');
  });

  it('refuses a placeholder it cannot fill, naming it', () => {
    expect(() => splitNumbers('Call {{tel:lines.nope}}', site)).toThrow(
      '{{tel:lines.nope}} names no number in site.yaml',
    );
    expect(unknownPlaceholders('{{tel:emergency}} {{sms:hotline.local}}', site)).toEqual([
      '{{sms:hotline.local}}',
    ]);
  });

  it('catches numbers typed into prose, in the forms people write them', () => {
    expect(typedNumbers('Call 617-635-4500 or (617) 635-4500.', site)).toEqual(
      expect.arrayContaining(['617-635-4500', '(617) 635-4500']),
    );
    expect(typedNumbers('In Boston, call 311. In an overdose, call 911.', site)).toEqual([
      '911',
      '311',
    ]);
    expect(typedNumbers('FRANK: 0300 123 6600, +44 300 123 6600', site).sort()).toEqual([
      '+44 300 123 6600',
      '0300 123 6600',
    ]);
  });

  it('leaves dates, laws and placeholders alone', () => {
    expect(
      typedNumbers(
        'Since 2024-01-01, 42 CFR Part 8 and 105 CMR 164.000 apply; up to 90 days; call {{tel:emergency}}.',
        site,
      ),
    ).toEqual([]);
  });
});
