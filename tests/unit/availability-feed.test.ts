import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/domain/availability/feed.ts';
import { ageInWords, reportState } from '../../src/domain/availability/freshness.ts';

const record = (overrides: Record<string, unknown> = {}) => ({
  id: 'c1',
  service_id: 'adcare-hospital-worcester',
  unit: { id: 'bed', name: 'beds' },
  available: 3,
  maximum: 20,
  updated: '2026-12-02T10:00:00.000Z',
  ...overrides,
});

describe('parseFeed', () => {
  it('reads a feed and keeps its records', () => {
    const feed = parseFeed({
      generated: '2026-12-02T10:05:00Z',
      service_capacity: [record({ description: ' Women only tonight ', walk_in_today: true })],
      reported_problems: [{ service_id: 'x', reported: '2026-12-01T09:00:00-05:00' }],
    });
    expect(feed?.service_capacity).toEqual([
      {
        ...record(),
        description: 'Women only tonight',
        walk_in_today: true,
      },
    ]);
    expect(feed?.reported_problems).toEqual([
      { service_id: 'x', reported: '2026-12-01T09:00:00-05:00' },
    ]);
  });

  it('is null for a document that is not a feed', () => {
    expect(parseFeed(null)).toBeNull();
    expect(parseFeed([])).toBeNull();
    expect(parseFeed({ service_capacity: [] })).toBeNull();
    expect(parseFeed({ generated: 'yesterday', service_capacity: [] })).toBeNull();
  });

  it('drops bad records and keeps the rest', () => {
    const feed = parseFeed({
      generated: '2026-12-02T10:05:00Z',
      service_capacity: [
        record({ service_id: 'no-date', updated: undefined }),
        record({ service_id: 'local-time', updated: '2026-12-02T10:00:00' }),
        record({ service_id: 'negative', available: -1 }),
        record({ service_id: 'fraction', available: 1.5 }),
        record({ service_id: 'no-unit', unit: undefined }),
        record({ service_id: 'ok' }),
        'not an object',
      ],
      reported_problems: [{ service_id: 'x' }, null],
    });
    expect(feed?.service_capacity.map((r) => r.service_id)).toEqual(['ok']);
    expect(feed?.reported_problems).toEqual([]);
  });

  it('drops a maximum below what is free, keeping the report', () => {
    const feed = parseFeed({
      generated: '2026-12-02T10:05:00Z',
      service_capacity: [record({ available: 5, maximum: 2 })],
    });
    expect(feed?.service_capacity[0]).not.toHaveProperty('maximum');
    expect(feed?.service_capacity[0]?.available).toBe(5);
  });

  it('keeps the latest of two reports for one provider', () => {
    const feed = parseFeed({
      generated: '2026-12-02T10:05:00Z',
      service_capacity: [
        record({ id: 'new', updated: '2026-12-02T10:00:00Z' }),
        record({ id: 'old', updated: '2026-12-01T10:00:00Z' }),
      ],
    });
    expect(feed?.service_capacity.map((r) => r.id)).toEqual(['new']);
  });
});

describe('reportState', () => {
  const zone = 'America/New_York';
  const report = parseFeed({
    generated: '2026-12-02T15:00:00Z',
    service_capacity: [record({ updated: '2026-12-02T15:00:00Z', walk_in_today: true })],
  })!.service_capacity[0]!;
  const at = (iso: string) => reportState(report, new Date(iso), 24, zone);

  it('counts a report younger than the deployment’s age as room', () => {
    expect(at('2026-12-02T17:00:00Z')).toEqual({
      freshness: 'fresh',
      ageMs: 2 * 3_600_000,
      hasRoom: true,
      walkInToday: true,
    });
  });

  it('stops counting it once it is older, and says so', () => {
    const state = at('2026-12-03T16:00:00Z');
    expect(state.freshness).toBe('stale');
    expect(state.hasRoom).toBe(false);
    expect(state.walkInToday).toBe(false);
  });

  it('holds walk-in to the day it was said, in the deployment’s time zone', () => {
    // 15:00Z is 10:00 in Boston; 06:00Z the next day is 01:00 there: a new day, still fresh.
    const nextDay = at('2026-12-03T06:00:00Z');
    expect(nextDay.freshness).toBe('fresh');
    expect(nextDay.walkInToday).toBe(false);
    expect(at('2026-12-03T04:00:00Z').walkInToday).toBe(true); // 23:00 the same day
  });

  it('does not count full as room', () => {
    const full = { ...report, available: 0 };
    expect(reportState(full, new Date('2026-12-02T16:00:00Z'), 24, zone).hasRoom).toBe(false);
  });

  it('trusts a report a few minutes ahead of the phone, not one hours ahead', () => {
    expect(at('2026-12-02T14:55:00Z')).toMatchObject({ freshness: 'fresh', ageMs: 0 });
    expect(at('2026-12-02T12:00:00Z')).toMatchObject({ freshness: 'stale', hasRoom: false });
  });

  it('leaves walk-in unknown when the report did not say', () => {
    const silent = { ...report };
    delete silent.walk_in_today;
    expect(reportState(silent, new Date('2026-12-02T16:00:00Z'), 24, zone).walkInToday).toBe(
      undefined,
    );
  });
});

describe('ageInWords', () => {
  it('words an age as a person would say it', () => {
    expect(ageInWords(30_000)).toBeNull();
    expect(ageInWords(5 * 60_000)).toEqual({ value: 5, unit: 'minute' });
    expect(ageInWords(2 * 3_600_000 + 59 * 60_000)).toEqual({ value: 2, unit: 'hour' });
    expect(ageInWords(47 * 3_600_000)).toEqual({ value: 47, unit: 'hour' });
    expect(ageInWords(3 * 86_400_000)).toEqual({ value: 3, unit: 'day' });
  });
});
