import { describe, expect, it } from 'vitest';
import {
  callTimeWords,
  describeLookup,
  describeLookupError,
  expectedCallTime,
} from '../../src/domain/callback/request-status.ts';
import { toWeeklyIntervals } from '../../src/domain/opening-hours.ts';
import { Open311Error } from '../../src/domain/open311/errors.ts';
import type { Open311ServiceRequest } from '../../src/domain/open311/types.ts';
import { BOSTON_HOURS } from './callback-helpers.ts';

const ZONE = 'America/New_York';
const week = { intervals: toWeeklyIntervals(BOSTON_HOURS), timeZone: ZONE };
// Saturday 10 January 2026, 8 p.m. in Boston: the next window is Sunday noon to 4 p.m.
const saturdayEvening = new Date('2026-01-11T01:00:00Z');
// Monday 12 January 2026, 10 a.m. in Boston: the specialists are in until 6 p.m.
const mondayMorning = new Date('2026-01-12T15:00:00Z');

function answer(fields: Partial<Open311ServiceRequest> = {}): Open311ServiceRequest {
  return { service_request_id: 'REQ-7K3MQ9XD', status: 'open', ...fields };
}

describe('when to expect the call', () => {
  it('takes the server’s expected time while it is ahead, with the end of its window', () => {
    expect(expectedCallTime('2026-01-11T17:00:00Z', week, saturdayEvening)).toEqual({
      start: new Date('2026-01-11T17:00:00Z'),
      end: new Date('2026-01-11T21:00:00Z'),
    });
  });

  it('gives no end for an expected time outside the specialists’ hours', () => {
    expect(expectedCallTime('2026-01-12T01:00:00Z', week, saturdayEvening)).toEqual({
      start: new Date('2026-01-12T01:00:00Z'),
      end: null,
    });
  });

  it('once the expected time has passed, says the window open now', () => {
    expect(expectedCallTime('2026-01-12T13:00:00Z', week, mondayMorning)).toEqual({
      start: mondayMorning,
      end: new Date('2026-01-12T23:00:00Z'),
    });
  });

  it('without an expected time (or an unreadable one), says the next window', () => {
    const next = { start: new Date('2026-01-11T17:00:00Z'), end: new Date('2026-01-11T21:00:00Z') };
    expect(expectedCallTime(null, week, saturdayEvening)).toEqual(next);
    expect(expectedCallTime(undefined, week, saturdayEvening)).toEqual(next);
    expect(expectedCallTime('soon', week, saturdayEvening)).toEqual(next);
  });

  it('knows nothing when the specialists have no hours', () => {
    expect(expectedCallTime(null, { intervals: [], timeZone: ZONE }, mondayMorning)).toBeNull();
  });
});

describe('a look-up in words', () => {
  it('an open request, under the id the server spells', () => {
    const result = describeLookup(
      'REQ-7K3MQ9XD',
      answer({ service_request_id: 'REQ-7K3MQ9XD', expected_datetime: '2026-01-11T17:00:00Z' }),
      week,
      saturdayEvening,
    );
    expect(result).toEqual({
      kind: 'open',
      id: 'REQ-7K3MQ9XD',
      call: { start: new Date('2026-01-11T17:00:00Z'), end: new Date('2026-01-11T21:00:00Z') },
    });
  });

  it('a closed request, whatever the case of its status', () => {
    expect(describeLookup('x', answer({ status: 'Closed' }), week, mondayMorning)).toEqual({
      kind: 'closed',
      id: 'REQ-7K3MQ9XD',
    });
  });

  it('a status the standard does not name counts as open', () => {
    expect(describeLookup('x', answer({ status: 'in progress' }), week, mondayMorning).kind).toBe(
      'open',
    );
  });

  it('no such request', () => {
    expect(describeLookup('REQ-00000000', null, week, mondayMorning)).toEqual({
      kind: 'unknown',
      id: 'REQ-00000000',
    });
  });

  it('a refused id is unknown; no answer at all is never "unknown"', () => {
    const error = (kind: Open311Error['kind']) => new Open311Error({ kind, message: kind });
    expect(describeLookupError('a', error('not-found')).kind).toBe('unknown');
    expect(describeLookupError('a', error('rejected')).kind).toBe('unknown');
    for (const kind of ['network', 'timeout', 'rate-limited', 'server', 'unauthorised'] as const) {
      expect(describeLookupError('a', error(kind))).toEqual({ kind: 'unreachable', id: 'a' });
    }
    expect(describeLookupError('a', new TypeError('Failed to fetch')).kind).toBe('unreachable');
  });
});

describe('the call time as the reader writes it', () => {
  it('today, between two times', () => {
    const words = callTimeWords(
      { start: mondayMorning, end: new Date('2026-01-12T23:00:00Z') },
      mondayMorning,
      'en',
      ZONE,
    );
    expect(words.key).toBe('todayBetween');
    expect(words.values.start).toMatch(/^10:00\sAM$/);
    expect(words.values.end).toMatch(/^6:00\sPM$/);
  });

  it('another day this week by its weekday, in the reader’s language and the deployment’s zone', () => {
    const call = { start: new Date('2026-01-11T17:00:00Z'), end: null };
    expect(callTimeWords(call, saturdayEvening, 'es', ZONE)).toEqual({
      key: 'dayFrom',
      values: { day: 'domingo', start: '12:00' },
    });
    expect(callTimeWords(call, saturdayEvening, 'ht', ZONE).values.day).toBe('dimanch');
    // In Boston it is still Saturday evening, though it is Sunday in UTC.
    expect(callTimeWords(call, saturdayEvening, 'en', 'UTC').key).toBe('todayFrom');
  });

  it('a day a week or more away by its date, so its weekday cannot be misread', () => {
    const call = { start: new Date('2026-01-20T17:00:00Z'), end: new Date('2026-01-20T21:00:00Z') };
    const words = callTimeWords(call, saturdayEvening, 'en', ZONE);
    expect(words.key).toBe('dayBetween');
    expect(words.values.day).toBe('January 20, 2026');
  });
});
