import { describe, expect, it } from 'vitest';
import { deriveBestTimes } from '../../src/domain/callback/best-time.ts';
import { ATTRIBUTE_CODES } from '../../src/domain/callback/definition.ts';
import { toWeeklyIntervals } from '../../src/domain/opening-hours.ts';
import { MINUTES_PER_DAY as DAY } from '../../src/domain/weekly-hours.ts';
import { bostonDefinition } from './callback-helpers.ts';

const keys = (hours: string) => deriveBestTimes(toWeeklyIntervals(hours)).map((c) => c.key);

describe('best-time choices derived from the specialists hours', () => {
  it('Boston: weekday mornings 8–12, weekday afternoons 12–18, weekends 12–16, any', () => {
    const choices = deriveBestTimes(toWeeklyIntervals('Mo-Fr 08:00-18:00; Sa,Su 12:00-16:00'));
    expect(choices.map(({ key, start, end, days }) => ({ key, start, end, days }))).toEqual([
      { key: 'weekday-morning', start: 8 * 60, end: 12 * 60, days: [0, 1, 2, 3, 4] },
      { key: 'weekday-afternoon', start: 12 * 60, end: 18 * 60, days: [0, 1, 2, 3, 4] },
      { key: 'weekend', start: 12 * 60, end: 16 * 60, days: [5, 6] },
      { key: 'any', start: 8 * 60, end: 18 * 60, days: [0, 1, 2, 3, 4, 5, 6] },
    ]);
    // Windows are exact: Saturday 12:00–16:00 is one of the weekend's.
    expect(choices[2]?.windows).toContainEqual([5 * DAY + 720, 5 * DAY + 960]);
    expect(choices[0]?.name).toBe('Weekday mornings (08:00–12:00)');
  });

  it('other hours give other choices', () => {
    expect(keys('Mo-Su 09:00-17:00')).toEqual(['morning', 'afternoon', 'any']);
    expect(keys('24/7')).toEqual(['night', 'morning', 'afternoon', 'evening', 'any']);
    expect(keys('Mo-Th 07:00-19:00; Fr 07:00-13:00')).toEqual([
      'weekday-morning',
      'weekday-afternoon',
      'weekday-evening',
      'any',
    ]);
  });

  it('offers only "any" when there is nothing to choose between', () => {
    expect(keys('Mo-Fr 09:00-11:00')).toEqual(['any']);
    expect(keys('Mo-Fr 05:00-12:00')).toEqual(['any']); // 05–06 is too short a "night"
    expect(deriveBestTimes([])).toEqual([expect.objectContaining({ key: 'any', days: [] })]);
  });

  it('can treat other days as the weekend', () => {
    const choices = deriveBestTimes(toWeeklyIntervals('Su-Th 08:00-16:00; Fr,Sa 10:00-12:00'), {
      weekend: [4, 5],
    });
    expect(choices.map((c) => c.key)).toEqual([
      'weekday-morning',
      'weekday-afternoon',
      'weekend',
      'any',
    ]);
  });
});

describe('the callback service definition', () => {
  const callback = bostonDefinition();
  const attribute = (code: string) => callback.definition.attributes.find((a) => a.code === code)!;

  it('is an Open311 service with metadata, for the configured code', () => {
    expect(callback.service).toMatchObject({
      service_code: 'recovery-callback',
      metadata: true,
      type: 'realtime',
    });
    expect(callback.definition.service_code).toBe('recovery-callback');
  });

  it('has the stable attribute codes in order; the name is not an attribute', () => {
    expect(callback.definition.attributes.map((a) => a.code)).toEqual([...ATTRIBUTE_CODES]);
    expect(callback.definition.attributes.map((a) => a.order)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(callback.definition.attributes.some((a) => a.code.includes('name'))).toBe(false);
  });

  it('sets required, datatypes and values from the deployment', () => {
    expect(attribute('for')).toMatchObject({ datatype: 'singlevaluelist', required: true });
    expect(attribute('for').values?.map((v) => v.key)).toEqual(['me', 'someone-else']);
    // Whose number it is: asked for someone else only, so required by the validator, not here.
    expect(attribute('phone_owner')).toMatchObject({
      datatype: 'singlevaluelist',
      required: false,
    });
    expect(attribute('phone_owner').values?.map((v) => v.key)).toEqual(['mine', 'theirs']);
    expect(attribute('voicemail_ok').required).toBe(true);
    expect(attribute('text_ok').values?.map((v) => v.key)).toEqual(['yes', 'no']);
    expect(attribute('best_time').values?.map((v) => v.key)).toEqual([
      'weekday-morning',
      'weekday-afternoon',
      'weekend',
      'any',
    ]);
    expect(attribute('language').values).toEqual([
      { key: 'en', name: 'English' },
      { key: 'es', name: 'Spanish' },
      { key: 'other', name: 'Another language' },
    ]);
    expect(attribute('paths')).toMatchObject({ datatype: 'multivaluelist', required: false });
    expect(attribute('paths').values?.map((v) => v.key)).toEqual([
      'methadone',
      'buprenorphine',
      'detox',
      'harm-reduction',
      'not-sure',
    ]);
    expect(attribute('paths').values?.[3]?.name).toBe('Harm reduction');
    expect(attribute('area')).toMatchObject({ datatype: 'string', required: false });
    expect(attribute('provider')).toMatchObject({ datatype: 'string', required: false });
    expect(attribute('notes')).toMatchObject({ datatype: 'text', required: false });
    expect(attribute('consent').values).toEqual([{ key: 'yes', name: 'Yes' }]);
    for (const a of callback.definition.attributes) {
      expect(a.variable).toBe(true);
      expect(a.description).toMatch(/^[A-Z]/);
    }
  });
});
